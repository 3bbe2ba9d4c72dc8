// Fusion: reports of the same event from different articles become one
// incident. A report joins the first earlier incident it can be the same
// event as (SameEventAcrossArticles against the incident's merged
// report); incidents
// keep every member report, in input order.
//
// This is the in-memory step; callers decide which reports to fuse (an
// export fuses the reports it writes).
#ifndef CEASEWATCH_EVENTS_FUSION_H_
#define CEASEWATCH_EVENTS_FUSION_H_

#include <cstddef>
#include <vector>

#include "ceasewatch/events.h"

namespace ceasewatch {

struct FusedIncident {
  EventReport merged;           // what all members say together
  std::vector<size_t> members;  // indices into the input, ascending
};

// `reports` in the order they should be considered (e.g. by article).
std::vector<FusedIncident> FuseReports(const std::vector<EventReport>& reports);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EVENTS_FUSION_H_
