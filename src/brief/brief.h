// A period report in the manner of a monitoring mission's daily report:
// the incidents of a period counted by type, place and side, casualties
// as ranges, contradictions between the parties, and the agreements'
// provisions the period's incidents bear on. Every line names the
// incidents it counts (#id), and every incident its articles, so that any
// figure can be traced to the words it came from. Built from the store
// (BuildBrief), then rendered (brief_render.h).
#ifndef CEASEWATCH_BRIEF_BRIEF_H_
#define CEASEWATCH_BRIEF_BRIEF_H_

#include <cstdint>
#include <string>
#include <vector>

#include "agreements/agreement.h"
#include "ceasewatch/events.h"
#include "ceasewatch/status.h"
#include "incidents/contradictions.h"
#include "query/incident_facts.h"
#include "query/query_db.h"
#include "store/store.h"

namespace ceasewatch {

struct BriefOptions {
  std::string since, until;  // inclusive ISO days; both required
};

// Incidents counted under one key (a type, a place, a side).
struct BriefGroup {
  std::string key;
  std::string detail;              // e.g. the place's admin1 and country
  std::vector<int64_t> incidents;  // ids, in the brief's order
  CountRange killed, injured;      // sums of the incidents' ranges
};

struct BriefIncident {
  IncidentFacts facts;
  std::vector<Contradiction> contradictions;
};

struct BriefProvisionIncident {
  int64_t incident = 0;
  std::string relation;              // "breach_candidate", ...
  std::vector<std::string> accused;  // sides
};

struct BriefProvision {
  std::string agreement_id, agreement_title;
  int number = 0;
  std::string provision_id, summary;
  std::vector<BriefProvisionIncident> incidents;  // of the period
};

struct Brief {
  std::string since, until;
  // The period's incidents (window meets the period, not background), by
  // date then id.
  std::vector<BriefIncident> incidents;
  // Incidents whose window meets the period but is longer than it and than
  // kLooseWindowDays ("7 March of some year in 2020-2024"): the period
  // cannot claim them; left out of the counts, named in the summary.
  std::vector<int64_t> loosely_dated;
  std::vector<BriefGroup> by_type, by_place, by_side;
  CountRange killed, injured;  // over all incidents: sums of lows and highs
  int64_t reports = 0;
  std::vector<ArticleMeta> articles;  // every incident's articles, id order
  // Provisions with at least one of the period's incidents; `agreements`
  // is false when no agreement was given (the section says so).
  std::vector<BriefProvision> provisions;
  bool agreements = false;
};

inline constexpr int kLooseWindowDays = 31;

// Sums of ranges: lows add up; highs add up while every one is closed
// (a known range without a high is open-ended; an unknown one adds 0).
void AddRange(const CountRange& c, CountRange* sum);

// Reads the period's incidents and what bears on them. `agreements` may
// be empty (no pack): the provisions section is then left out.
Result<Brief> BuildBrief(Store& store, QueryDb& query,
                         const std::vector<Agreement>& agreements,
                         const BriefOptions& options);

}  // namespace ceasewatch

#endif  // CEASEWATCH_BRIEF_BRIEF_H_
