// Where the parties contradict each other about one incident: one side
// asserts (or confirms) what another side denies or disputes, or two
// sides give killed or injured figures that cannot both be true. Media
// and other non-party sources contradict no one: only parties (AZ, AM,
// NK, RU, TR, INTL, OTHER) do. Pure: reads the incident's member reports.
#ifndef CEASEWATCH_INCIDENTS_CONTRADICTIONS_H_
#define CEASEWATCH_INCIDENTS_CONTRADICTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ceasewatch/events.h"
#include "store/store.h"

namespace ceasewatch {

// A claim with the report and article it was made in.
struct ClaimRef {
  int64_t event_id = 0;
  int64_t article_id = 0;
  EventClaim claim;
  CountRange figure;  // for kind "fatalities"/"injured": the side's count
};

struct Contradiction {
  // "stance": `first` asserts or confirms, `second` denies or disputes.
  // "fatalities" / "injured": `first` gives the lower figure.
  std::string kind;
  ClaimRef first;
  ClaimRef second;
};

// Each pair of sides is reported once per kind (the first claims found,
// in member order). `members` as Store::ReportsOfIncident gives them.
std::vector<Contradiction> FindContradictions(
    const std::vector<StoredEventReport>& members);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INCIDENTS_CONTRADICTIONS_H_
