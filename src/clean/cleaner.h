// Cleaning: marks the blocks of a Page that are site chrome rather than
// article text, each with the reason (TextBlock::chrome). Nothing is
// deleted: later stages skip marked blocks, and the reasons can be shown.
//
// A block is chrome when
//   - the chrome lexicon matches the whole line (comment prompts, share and
//     follow lines, newsletter blocks, navigation, forum furniture, labels,
//     legal notices);
//   - it is a breadcrumb trail, a dateline ("Mar 27, 2022 • 4 hours ago")
//     or a byline ("By A. Name"); the splitter reads dates and authors from
//     these before they leave the text;
//   - the same short line stands more than once on the page, apart (a
//     forum member's name and post date, a site name at top and bottom);
//     an adjacent copy is a "duplicate line"; headlines are left to the
//     splitter, which merges a headline printed twice;
//   - it recurs across many pages of the same site (SiteLineCounts);
//   - it follows the end of the article: after a comment prompt, a
//     newsletter or follow-us line, unless real paragraphs follow.
#ifndef CEASEWATCH_CLEAN_CLEANER_H_
#define CEASEWATCH_CLEAN_CLEANER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ceasewatch/records.h"
#include "clean/chrome_lexicon.h"

namespace ceasewatch {

// Reason strings written to TextBlock::chrome. The splitter keys on them.
inline constexpr char kChromeDateline[] = "dateline";
inline constexpr char kChromeByline[] = "byline";
inline constexpr char kChromeBreadcrumb[] = "breadcrumb";
inline constexpr char kChromeRepeated[] = "repeated on the page";
inline constexpr char kChromeDuplicate[] = "duplicate line";
inline constexpr char kChromeSite[] = "recurs across the site";
inline constexpr char kChromeAfterEnd[] = "after the end of the article";

// How many documents of one site contain each short line. Not thread-safe.
class SiteLineCounts {
 public:
  int documents() const { return documents_; }
  int DocumentsWithLine(uint64_t line_hash) const {
    auto it = lines_.find(line_hash);
    return it == lines_.end() ? 0 : static_cast<int>(it->second);
  }
  // Counts one more document holding the given (distinct) line hashes.
  template <typename Hashes>
  void AddDocument(const Hashes& hashes) {
    ++documents_;
    for (uint64_t h : hashes) ++lines_[h];
  }
  // Takes back an AddDocument of the same hashes (a document that was
  // counted and then not stored).
  template <typename Hashes>
  void RemoveDocument(const Hashes& hashes) {
    --documents_;
    for (uint64_t h : hashes) {
      auto it = lines_.find(h);
      if (it == lines_.end()) continue;
      if (--it->second == 0) lines_.erase(it);
    }
  }
  // Restores counts read back from the store.
  void set_documents(int documents) { documents_ = documents; }
  void SetLine(uint64_t line_hash, uint32_t count) {
    lines_[line_hash] = count;
  }

 private:
  int documents_ = 0;
  std::unordered_map<uint64_t, uint32_t> lines_;
};

struct CleanOptions {
  // Lines up to this many bytes may count as repeated or site-recurrent.
  size_t max_short_line_bytes = 150;
  // A line is site chrome once at least this many of the site's documents
  // hold it ... Default: 3.
  int min_site_line_documents = 3;
  // ... and at least this share of them. Default: 0.3.
  double min_site_line_share = 0.3;
  // After an end marker, the rest is chrome unless more than this many
  // prose paragraphs follow. Default: 1.
  int max_paragraphs_after_end = 1;
};

class Cleaner {
 public:
  // `lexicon` must outlive the Cleaner.
  Cleaner(const ChromeLexicon& lexicon, CleanOptions options = {})
      : lexicon_(lexicon), options_(options) {}

  // What cleaning can tell of each block without the site's line counts:
  // the lexicon's kind and the label a block gets from its own text (a
  // lexicon kind, a breadcrumb, a dateline, a byline), "" when only the
  // site counts can still mark it. A pure function of the page's text:
  // ingest computes it on worker threads.
  struct LinePlan {
    std::vector<ChromeKind> kinds;
    std::vector<std::string> labels;
  };
  LinePlan PlanLines(const Page& page) const;

  // Marks chrome blocks of `page`. `site` may be null (unknown site).
  // Same as Clean(page, PlanLines(*page), site).
  void Clean(Page* page, const SiteLineCounts* site) const;
  // `plan` must be PlanLines of this page.
  void Clean(Page* page, const LinePlan& plan,
             const SiteLineCounts* site) const;

  // The hashes of the page's short lines, for SiteLineCounts::AddDocument.
  std::vector<uint64_t> ShortLineHashes(const Page& page) const;

 private:
  void MarkRepeated(Page* page) const;
  // `kinds` holds the lexicon's kind of each block of `page`.
  void CutAfterEnd(const std::vector<ChromeKind>& kinds, Page* page) const;

  const ChromeLexicon& lexicon_;
  CleanOptions options_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_CLEAN_CLEANER_H_
