#include "clean/cleaner.h"

#include <algorithm>
#include <unordered_map>

#include "clean/line_shape.h"

namespace ceasewatch {

Cleaner::LinePlan Cleaner::PlanLines(const Page& page) const {
  LinePlan plan;
  plan.kinds.resize(page.blocks.size());
  plan.labels.resize(page.blocks.size());
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const TextBlock& b = page.blocks[i];
    // Each line is classified once; the kinds also tell where the article
    // ends.
    const ChromeKind kind = lexicon_.Classify(b.text);
    plan.kinds[i] = kind;
    if (!b.chrome.empty()) continue;  // the extractor's label stays
    DateMention date;
    if (kind != ChromeKind::kNone) {
      plan.labels[i] = ChromeKindName(kind);
    } else if (LooksLikeBreadcrumb(b.text)) {
      plan.labels[i] = kChromeBreadcrumb;
    } else if (IsDateline(b.text, &date)) {
      plan.labels[i] = kChromeDateline;
    } else if (!BylineName(b.text).empty()) {
      plan.labels[i] = kChromeByline;
    }
  }
  return plan;
}

void Cleaner::Clean(Page* page, const SiteLineCounts* site) const {
  Clean(page, PlanLines(*page), site);
}

void Cleaner::Clean(Page* page, const LinePlan& plan,
                    const SiteLineCounts* site) const {
  const bool site_known =
      site && site->documents() >= options_.min_site_line_documents;
  for (size_t i = 0; i < page->blocks.size(); ++i) {
    TextBlock& b = page->blocks[i];
    if (!b.chrome.empty()) continue;
    if (!plan.labels[i].empty()) {
      b.chrome = plan.labels[i];
    } else if (site_known && b.text.size() <= options_.max_short_line_bytes) {
      int n = site->DocumentsWithLine(LineHash(b.text));
      if (n >= options_.min_site_line_documents &&
          n >= options_.min_site_line_share * site->documents())
        b.chrome = kChromeSite;
    }
  }
  MarkRepeated(page);
  CutAfterEnd(plan.kinds, page);
}

void Cleaner::MarkRepeated(Page* page) const {
  std::unordered_map<std::string, std::vector<size_t>> where;
  for (size_t i = 0; i < page->blocks.size(); ++i) {
    const TextBlock& b = page->blocks[i];
    if (b.text.size() > options_.max_short_line_bytes) continue;
    std::string key = LineKey(b.text);
    if (!key.empty()) where[key].push_back(i);
  }
  for (auto& [key, idx] : where) {
    if (idx.size() < 2) continue;
    const std::string& text = page->blocks[idx[0]].text;
    if (LooksLikeHeadline(text)) continue;  // the splitter merges these
    bool adjacent = idx.back() - idx.front() == idx.size() - 1;
    for (size_t k = 0; k < idx.size(); ++k) {
      TextBlock& b = page->blocks[idx[k]];
      if (adjacent) {
        if (k > 0) b.chrome = kChromeDuplicate;
      } else if (b.chrome.empty() || b.chrome == kChromeDateline ||
                 b.chrome == kChromeByline) {
        b.chrome = kChromeRepeated;
      }
    }
  }
}

void Cleaner::CutAfterEnd(const std::vector<ChromeKind>& kinds,
                          Page* page) const {
  auto& blocks = page->blocks;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!EndsArticle(kinds[i])) continue;
    // Only content blocks count: headlines of further articles on the page
    // stop the cut only if real paragraphs follow them.
    int paragraphs = 0;
    for (size_t j = i + 1; j < blocks.size(); ++j)
      if (blocks[j].chrome.empty() && LooksLikeParagraph(blocks[j].text))
        ++paragraphs;
    if (paragraphs > options_.max_paragraphs_after_end) continue;
    for (size_t j = i + 1; j < blocks.size(); ++j)
      if (blocks[j].chrome.empty()) blocks[j].chrome = kChromeAfterEnd;
    return;
  }
}

std::vector<uint64_t> Cleaner::ShortLineHashes(const Page& page) const {
  std::vector<uint64_t> out;
  for (const TextBlock& b : page.blocks)
    if (b.text.size() <= options_.max_short_line_bytes)
      out.push_back(LineHash(b.text));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace ceasewatch
