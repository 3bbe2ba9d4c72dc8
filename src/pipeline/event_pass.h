// Event extraction over stored articles: the step ingest runs on each new
// article, and `reextract`, which reruns it on every stored article after
// the theatre pack or the extractor changed.
//
//   MatchScratch scratch;
//   ReextractStats stats;
//   Status st = ReextractEvents(
//       *store, ExtractWith(*extractor, scratch), extractor->version(), {},
//       &stats);
#ifndef CEASEWATCH_PIPELINE_EVENT_PASS_H_
#define CEASEWATCH_PIPELINE_EVENT_PASS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ceasewatch/events.h"
#include "ceasewatch/status.h"
#include "events/event_extractor.h"
#include "store/store.h"

namespace ceasewatch {

// Runs `extractor` on an article's text (Article::Text()), its
// publication day as stored ("" or unparsable: unknown) and its outlet.
std::vector<EventReport> ExtractArticleEvents(const EventExtractor& extractor,
                                              std::string_view text,
                                              std::string_view published,
                                              std::string_view outlet,
                                              MatchScratch& scratch);

// The reports of one stored article. Must not touch the store.
using ArticleEventsFn =
    std::function<std::vector<EventReport>(const StoredArticle&)>;

// ExtractArticleEvents with `extractor` and `scratch`, both of which must
// outlive the returned function.
ArticleEventsFn ExtractWith(const EventExtractor& extractor,
                            MatchScratch& scratch);

struct ReextractOptions {
  // Articles whose reports are replaced in one transaction.
  int batch_articles = 256;
};

struct ReextractStats {
  // Committed so far: after a failure, what the store holds from this run.
  int64_t articles = 0;
  int64_t reports = 0;
  int64_t batches = 0;
};

// Replaces the event reports of every stored article, in id order, with
// what `events` gives, tagged `extractor_version`. One transaction per
// batch: on a store failure the batches before it stay committed, the
// failing batch and those after it keep their earlier reports, and the
// failure is returned. Articles stored while this runs are covered when
// their ids come after the batch being read.
Status ReextractEvents(
    Store& store, const ArticleEventsFn& events,
    const std::string& extractor_version, const ReextractOptions& options,
    ReextractStats* stats,
    const std::function<void(const ReextractStats&)>& progress = nullptr);

}  // namespace ceasewatch

#endif  // CEASEWATCH_PIPELINE_EVENT_PASS_H_
