#include "events/fusion.h"

#include "events/sentence_events.h"

namespace ceasewatch {

std::vector<FusedIncident> FuseReports(
    const std::vector<EventReport>& reports) {
  std::vector<FusedIncident> out;
  for (size_t i = 0; i < reports.size(); ++i) {
    FusedIncident* into = nullptr;
    for (FusedIncident& f : out) {
      if (SameEventAcrossArticles(f.merged, reports[i])) {
        into = &f;
        break;
      }
    }
    if (into) {
      MergeInto(into->merged, reports[i]);
      into->members.push_back(i);
    } else {
      out.push_back(FusedIncident{reports[i], {i}});
    }
  }
  return out;
}

}  // namespace ceasewatch
