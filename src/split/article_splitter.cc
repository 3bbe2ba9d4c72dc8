#include "split/article_splitter.h"

#include <string>

#include "clean/cleaner.h"
#include "clean/line_shape.h"
#include "dates/civil_day.h"
#include "dates/date_scanner.h"
#include "split/published_date.h"

namespace ceasewatch {
namespace {

bool IsContent(const TextBlock& b) { return b.chrome.empty(); }

bool IsMetadataLabel(const TextBlock& b) {
  return b.chrome == "metadata label";
}

// What the blocks right after a headline say about the article.
struct MetadataBlock {
  size_t end = 0;                 // first block after the metadata
  bool has_article_metadata = false;
  std::vector<size_t> consumed;   // content blocks that are metadata
  std::vector<size_t> datelines;  // usable dateline blocks
  std::string author;
};

MetadataBlock ReadMetadata(const Page& page, size_t headline,
                           const SplitOptions& options) {
  MetadataBlock md;
  const auto& blocks = page.blocks;
  const std::string key = LineKey(blocks[headline].text);
  size_t j = headline + 1;
  for (; j < blocks.size() &&
         j <= headline + static_cast<size_t>(options.metadata_window);
       ++j) {
    const TextBlock& b = blocks[j];
    if (LineKey(b.text) == key) {  // the headline printed again
      if (IsContent(b)) md.consumed.push_back(j);
      continue;
    }
    if (b.chrome == kChromeDateline) {
      md.has_article_metadata = true;
      md.datelines.push_back(j);
      continue;
    }
    if (b.chrome == kChromeByline) {
      md.has_article_metadata = true;
      if (md.author.empty()) md.author = BylineName(b.text);
      continue;
    }
    if (IsMetadataLabel(b)) {
      md.has_article_metadata = true;
      continue;
    }
    if (!IsContent(b)) continue;  // other chrome: skip over it
    if (LooksLikeName(b.text)) {
      if (md.author.empty()) md.author = b.text;
      md.consumed.push_back(j);
      continue;
    }
    break;
  }
  md.end = j;
  return md;
}

bool IsParagraphBlock(const TextBlock& b) {
  return IsContent(b) && LooksLikeParagraph(b.text, 80);
}

// The page-top "today" line: a dateline with a weekday as the first block.
bool IsPageTopToday(const Page& page, size_t i) {
  if (i != 0) return false;
  DateMention d;
  return IsDateline(page.blocks[i].text, &d) && d.weekday >= 0;
}

bool SetFromDateline(const TextBlock& b, const char* where, Article* a) {
  DateMention d;
  if (!IsDateline(b.text, &d)) return false;
  CivilDay day{d.year, d.month, d.day};
  if (!day.valid()) return false;
  a->published = day.Iso();
  a->published_precision = "day";
  a->published_reason = std::string(where) + ": '" + b.text + "'";
  return true;
}

bool SetFromMeta(const PageMeta& meta, Article* a) {
  CivilDay day;
  if (meta.published.empty()) return false;
  if (!CivilDay::ParseIso(meta.published, &day)) {
    std::vector<DateMention> ms = ScanDates(meta.published);
    if (ms.empty() || !ms[0].full()) return false;
    day = CivilDay{ms[0].year, ms[0].month, ms[0].day};
    if (!day.valid()) return false;
  }
  a->published = day.Iso();
  a->published_precision = "day";
  a->published_reason = "stated by the page: '" + meta.published + "'";
  return true;
}

}  // namespace

std::vector<Article> SplitArticles(const Page& page,
                                   const SplitOptions& options) {
  const auto& blocks = page.blocks;
  std::vector<Article> out;
  if (blocks.empty()) return out;

  // The title of the first article: the first headline before any prose.
  size_t first_para = blocks.size();
  for (size_t i = 0; i < blocks.size(); ++i)
    if (IsParagraphBlock(blocks[i])) {
      first_para = i;
      break;
    }
  std::vector<size_t> starts;
  bool first_has_headline = false;
  // A record that states its title only has it as a headline if the text
  // repeats it; its first short line is otherwise text.
  const bool title_stated = page.single_article && !page.meta.title.empty();
  const std::string stated_key = LineKey(page.meta.title);
  for (size_t i = 0; i < first_para; ++i) {
    if (title_stated && LineKey(blocks[i].text) != stated_key) continue;
    if (IsContent(blocks[i]) &&
        (title_stated || LooksLikeHeadline(blocks[i].text))) {
      starts.push_back(i);
      first_has_headline = true;
      break;
    }
  }
  if (starts.empty()) starts.push_back(0);
  // The metadata under each start's headline (empty without a headline).
  std::vector<MetadataBlock> metas(1);
  if (first_has_headline) metas[0] = ReadMetadata(page, starts[0], options);

  // Further articles: headlines followed by article metadata.
  if (!page.single_article) {
    size_t i = first_has_headline ? metas[0].end : starts[0] + 1;
    for (; i < blocks.size(); ++i) {
      if (!IsContent(blocks[i]) || !LooksLikeHeadline(blocks[i].text))
        continue;
      MetadataBlock md = ReadMetadata(page, i, options);
      if (!md.has_article_metadata) continue;
      starts.push_back(i);
      i = md.end - 1;
      metas.push_back(std::move(md));
    }
  }

  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t begin = starts[k];
    const size_t end = k + 1 < starts.size() ? starts[k + 1] : blocks.size();
    const bool has_headline = k > 0 || first_has_headline;
    Article a;
    a.url = page.meta.url;
    a.outlet = page.meta.outlet;
    size_t body_from = begin;
    const MetadataBlock& md = metas[k];
    if (has_headline) {
      a.title = blocks[begin].text;
      body_from = begin + 1;
    } else {
      a.title = page.meta.title;
    }
    std::vector<bool> skip(end - begin, false);
    for (size_t c : md.consumed) skip[c - begin] = true;
    for (size_t i = body_from; i < end; ++i) {
      const TextBlock& b = blocks[i];
      if (!IsContent(b) || skip[i - begin]) continue;
      a.paragraphs.push_back({b.text, b.raw_begin, b.raw_end});
    }
    a.raw_begin = blocks[begin].raw_begin;
    a.raw_end = blocks[end - 1].raw_end;
    a.author = !md.author.empty() ? md.author
               : k == 0           ? page.meta.author
                                  : std::string();

    // Stated dates, best first.
    bool dated = false;
    if (k == 0 || starts.size() == 1) dated = SetFromMeta(page.meta, &a);
    for (size_t d : md.datelines) {
      if (dated) break;
      dated = SetFromDateline(blocks[d], "dateline under the title", &a);
    }
    if (!dated && k == 0) {  // a dateline just above the first title
      for (size_t d = begin; d-- > 0 && begin - d <= 2;) {
        if (blocks[d].chrome != kChromeDateline || IsPageTopToday(page, d))
          continue;
        if ((dated = SetFromDateline(blocks[d], "dateline above the title",
                                     &a)))
          break;
      }
    }
    if (a.paragraphs.empty() && a.title.empty()) continue;
    size_t bytes = 0;
    for (const Paragraph& p : a.paragraphs) bytes += p.text.size();
    if (bytes < options.min_article_bytes) continue;
    out.push_back(std::move(a));
  }

  InferFromNeighbours(&out);
  for (Article& a : out) {
    if (!a.published.empty()) continue;
    if (auto inferred = InferDayFromReportedEvents(a.paragraphs)) {
      a.published = inferred->day.Iso();
      a.published_precision = "week";
      a.published_reason = inferred->reason;
    }
  }
  return out;
}

}  // namespace ceasewatch
