// The JSON export read by ../shared/eval/score.py and by analysts' scripts:
//   {"articles": [{"id", "file", "source_id", "title", "published", "text",
//                  "duplicate_of", ...}],
//    "events": [...]}
// doc/export.md lists every field. Articles and events stream out one at a
// time, so the export of a large store needs little memory: what is held
// is one article's text and the reports of near-duplicate articles that
// are folded into their original's events (see ExportJson).
#ifndef CEASEWATCH_EXPORT_JSON_EXPORT_H_
#define CEASEWATCH_EXPORT_JSON_EXPORT_H_

#include <nlohmann/json.hpp>
#include <ostream>

#include "ceasewatch/status.h"
#include "store/store.h"

namespace ceasewatch {

// Writes the whole store. Each stored event report becomes one event,
// except that a report of a near-duplicate article (duplicate_of set) is
// folded into an event of the original article when that article has a
// report of the same type whose date window overlaps (an unknown window
// overlaps any): it becomes a further entry of that event's `reports`,
// and each of its claims is added unless the event already has one with
// the same source side and stance. Reports pair one to one per duplicate
// article, in text order.
Status ExportJson(Store& store, std::ostream& out);

// One report as an event of the export (`a` is its article), with a single
// entry in `reports`; and one entry of an event's `reports`. Exposed for
// tools that write events from reports they group themselves.
nlohmann::ordered_json EventJson(const StoredEventReport& stored,
                                 const StoredArticle& a);
nlohmann::ordered_json ReportEntryJson(const StoredEventReport& r,
                                       const StoredArticle& a);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_JSON_EXPORT_H_
