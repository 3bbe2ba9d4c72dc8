// The JSON export read by ../shared/eval/score.py and by analysts' scripts:
//   {"articles": [{"id", "file", "source_id", "title", "published", "text",
//                  "duplicate_of", ...}],
//    "events": [...]}
// doc/export.md lists every field. Articles and events stream out one at a
// time, so the export of a large store needs little memory: what is held
// is one article's text, or one incident with its reports and articles.
#ifndef CEASEWATCH_EXPORT_JSON_EXPORT_H_
#define CEASEWATCH_EXPORT_JSON_EXPORT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "ceasewatch/status.h"
#include "ceasewatch/incidents.h"
#include "store/store.h"

namespace ceasewatch {

// Writes the whole store. Each incident (include/ceasewatch/incidents.h)
// is one event, with its summary (window, places with every mention, the
// union of actors, killed and injured as ranges, corroboration), every
// member's claims (the same words from the same side once) and one entry
// in `reports` per member report. A report fused into no incident (a
// store ingested without fusion) is an event of its own.
Status ExportJson(Store& store, std::ostream& out);

// The same format holding only the incidents `incident_ids` (in that
// order) and the articles `article_ids` (their members' articles), for a
// filtered export. Reports fused into no incident are left out.
Status ExportJsonSelected(Store& store,
                          const std::vector<int64_t>& incident_ids,
                          const std::vector<int64_t>& article_ids,
                          std::ostream& out);

// One incident as an event of the export, exactly as ExportJson writes
// it (the HTTP API serves this object). NotFound when the incident does
// not exist or has no report left.
Result<nlohmann::ordered_json> IncidentEventJson(Store& store,
                                                 int64_t incident_id);

// One report as an event of the export (`a` is its article), with a single
// entry in `reports`; and one entry of an event's `reports`. Exposed for
// tools that write events from reports they group themselves.
nlohmann::ordered_json EventJson(const StoredEventReport& stored,
                                 const StoredArticle& a);
nlohmann::ordered_json ReportEntryJson(const StoredEventReport& r,
                                       const StoredArticle& a);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_JSON_EXPORT_H_
