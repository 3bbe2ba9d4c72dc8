// Incidents: the reports of one real event, fused across articles and
// ingest runs. An incident is what every member report says together: its
// narrowest date window, its places, the sides involved, killed and
// injured as a range over what the sources say, and how many distinct
// outlets carry it. The reports themselves (with their claims and byte
// offsets) stay in the store's `events` table, each pointing at its
// incident.
#ifndef CEASEWATCH_INCIDENTS_H_
#define CEASEWATCH_INCIDENTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ceasewatch/events.h"

namespace ceasewatch {

struct Incident {
  int64_t id = 0;  // 0 until stored; stable once stored
  // Our type and ACLED's, from the first report (the one that opened the
  // incident): later reports may tell a compatible type, which does not
  // rename what was already published.
  std::string type;
  std::string acled_event_type;
  std::string acled_sub_event_type;
  // The narrowest window the members' best-sourced dates agree on, as in
  // EventReport; empty when no member is dated.
  std::string date;
  std::string date_end;
  std::string date_precision;
  std::string date_source;  // "text", "context", "published", ""
  // Every member mentions it as history.
  bool background = true;
  std::vector<EventPlace> places;  // distinct, first seen first
  std::vector<std::string> sides;  // party sides of member actors, sorted
  // low = the most conservative figure any member gives (as ACLED codes),
  // high = the largest; high < 0: open-ended and nothing larger given.
  CountRange fatalities;
  CountRange injured;
  int reports = 0;
  // Corroboration: distinct outlets among the members' articles, a
  // near-duplicate copy counted with its original.
  int sources = 0;
};

inline const std::string& WindowEnd(const Incident& i) {
  return i.date_end.empty() ? i.date : i.date_end;
}

}  // namespace ceasewatch

#endif  // CEASEWATCH_INCIDENTS_H_
