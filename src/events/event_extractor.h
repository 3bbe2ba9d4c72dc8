// Event extraction: annotated article text in, event reports out.
//
//   auto x = EventExtractor::Load("data/theatres/south-caucasus");
//   MatchScratch scratch;
//   std::vector<EventReport> reports =
//       (*x)->Extract(article.Text(), published, article.outlet, scratch);
//
// The theatre pack supplies the cue lexicon (events.tsv), the places and
// the actors; the mechanisms here are general. Thread safety: immutable
// after Load; Extract may run on several threads, each with its own
// MatchScratch.
#ifndef CEASEWATCH_EVENTS_EVENT_EXTRACTOR_H_
#define CEASEWATCH_EVENTS_EVENT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/annotator.h"
#include "ceasewatch/events.h"
#include "ceasewatch/status.h"
#include "dates/civil_day.h"
#include "gazetteer/name_matcher.h"

namespace ceasewatch {

struct ExtractOptions {
  // An event whose window ends more than this many days (about half a year)
  // before the article's publication is history (background), not news.
  int background_days = 180;
  // Longer texts (a live blog, a page of pasted dumps) are read in windows
  // of at most this many bytes, cut between paragraphs where possible, so
  // memory stays bounded by the window, not the page. Reports keep their
  // offsets into the whole text; a report's date and place context and the
  // merging of repeated reports do not cross a window's edge. Default 1 MB:
  // far above any news article.
  size_t max_window_bytes = 1u << 20;
};

class EventLexicon;  // the pack's cues (event_lexicon.h)

class EventExtractor {
 public:
  static Result<std::unique_ptr<EventExtractor>> Load(
      const std::string& pack_dir, const ExtractOptions& options = {});
  ~EventExtractor();

  // `text` is Article::Text(); `published` may be invalid (unknown);
  // `outlet` names the reporter's own voice in claims ("" when unknown).
  // Reports come in text order. Never fails: text without events gives
  // none. Texts over options.max_window_bytes are read window by window.
  std::vector<EventReport> Extract(std::string_view text, CivilDay published,
                                   std::string_view outlet,
                                   MatchScratch& scratch) const;

  const Annotator& annotator() const { return *annotator_; }
  // Identifies the pack and cue lexicon, so stored reports can tell that
  // they came from an older pack ("south-caucasus/1/<hash>").
  const std::string& version() const { return version_; }

 private:
  EventExtractor() = default;
  // One window: annotation, sentence events, merging, denials.
  std::vector<EventReport> ExtractWindow(std::string_view text,
                                         CivilDay published,
                                         std::string_view outlet,
                                         MatchScratch& scratch) const;
  ExtractOptions options_;
  std::unique_ptr<Annotator> annotator_;
  std::unique_ptr<EventLexicon> lexicon_;
  std::string version_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_EVENTS_EVENT_EXTRACTOR_H_
