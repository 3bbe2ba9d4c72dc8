// The ACLED-style CSV export: ACLED's column names and conventions, one
// row per incident and location, so that scripts written for ACLED data
// load it unchanged (doc/export.md says how each column is filled).
#ifndef CEASEWATCH_EXPORT_ACLED_CSV_H_
#define CEASEWATCH_EXPORT_ACLED_CSV_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "ceasewatch/events.h"
#include "ceasewatch/status.h"
#include "query/incident_facts.h"
#include "query/query_db.h"
#include "store/store.h"

namespace ceasewatch {

// event_id_cnty, event_date, year, time_precision, event_type, ... notes,
// fatalities: the header, in order.
const std::vector<std::string>& AcledColumns();

// ACLED's actor type code (inter1/inter2) of `actor` in an event in
// `event_country` (ISO alpha-2): 1 state forces of that country, 2 NK
// forces and authorities, 5 rioters, 6 protesters, 7 civilians, 8 other
// states' forces and international bodies; 0 for no actor.
int AcledInter(const EventActor* actor, const std::string& event_country,
               const std::string& type);
// ACLED's interaction code: the two inter codes, smaller first ("18"), a
// lone code followed by 0 ("60").
int AcledInteraction(int inter1, int inter2);
// 1: a day; 2: a window of up to a week; 3: longer. 0 when undated.
int AcledTimePrecision(const Incident& incident);

// The rows of one incident, fields in AcledColumns() order: one per
// location (one with empty geography when it has none). Fatalities (the
// low figure) stand on the first row only, so that sums count each
// incident once.
std::vector<std::vector<std::string>> AcledRows(const IncidentFacts& facts);

// The header and the rows of `incident_ids` (in that order; incidents
// with no report left are skipped).
Status ExportAcledCsv(Store& store, QueryDb& query,
                      const std::vector<int64_t>& incident_ids,
                      std::ostream& out);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_ACLED_CSV_H_
