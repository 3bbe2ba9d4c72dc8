// One incident with what the ACLED CSV, the GeoJSON and the brief say
// about it, read once: its summary, its member reports, their articles'
// metadata and its actors.
#ifndef CEASEWATCH_QUERY_INCIDENT_FACTS_H_
#define CEASEWATCH_QUERY_INCIDENT_FACTS_H_

#include <cstdint>
#include <vector>

#include "ceasewatch/events.h"
#include "ceasewatch/incidents.h"
#include "ceasewatch/status.h"
#include "query/query_db.h"
#include "store/store.h"

namespace ceasewatch {

struct IncidentFacts {
  Incident incident;
  std::vector<StoredEventReport> members;  // Store::ReportsOfIncident
  std::vector<ArticleMeta> articles;       // members' articles, id order
  // Actors of members of the incident's own type (all members' when none
  // is of it), once per (actor, side, role), first mention first.
  std::vector<EventActor> actors;
};

// NotFound when the incident does not exist or has no report left.
Result<IncidentFacts> ReadIncidentFacts(Store& store, QueryDb& query,
                                        int64_t incident_id);

// The actors of `facts.members` as IncidentFacts::actors holds them.
std::vector<EventActor> IncidentActors(
    const Incident& incident, const std::vector<StoredEventReport>& members);

}  // namespace ceasewatch

#endif  // CEASEWATCH_QUERY_INCIDENT_FACTS_H_
