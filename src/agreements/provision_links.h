// Which incidents bear on which provision of an agreement, and what each
// side claims about them. Pure: incidents in, links out; the store is read
// elsewhere (incident_views.h). The links never say that a provision was
// breached: they put the incidents that could bear on it next to the
// claims of every side, as the sources make them.
#ifndef CEASEWATCH_AGREEMENTS_PROVISION_LINKS_H_
#define CEASEWATCH_AGREEMENTS_PROVISION_LINKS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "agreements/agreement.h"
#include "ceasewatch/events.h"
#include "ceasewatch/incidents.h"

namespace ceasewatch {

// One claim made in a member report of an incident.
struct IncidentClaim {
  EventClaim claim;
  int64_t article_id = 0;
};

// An incident with what the linking reads from its member reports.
struct IncidentView {
  Incident incident;
  // Every member report's claims, first seen first, without repeats (the
  // same source, stance and words in a near-duplicate article).
  std::vector<IncidentClaim> claims;
  // Distinct party sides of the members' actor1 actors (who acts), sorted.
  std::vector<std::string> actor1_sides;
};

// The view of `incident` from its member reports (StoredEventReport::report
// of Store::ReportsOfIncident) and their articles (parallel to `reports`).
IncidentView ViewOfIncident(const Incident& incident,
                            const std::vector<EventReport>& reports,
                            const std::vector<int64_t>& article_ids);

// How a linked incident's window lies against one of the provision's
// deadlines.
struct DeadlineTiming {
  const Deadline* deadline = nullptr;
  // "by": ends on or before the day; "after": begins after it; "spans".
  std::string timing;
};

struct LinkedIncident {
  const IncidentView* view = nullptr;
  Relation relation = Relation::kRelevant;
  // The sides it accuses: actor1 sides, else the incident's sides.
  std::vector<std::string> accused;
  // The provision's places it lies in (empty when the provision names
  // none).
  std::vector<std::string> matched_places;
  std::vector<DeadlineTiming> deadlines;  // those concerning those places
};

// A claim on a linked incident.
struct ProvisionClaim {
  const IncidentClaim* claim = nullptr;
  size_t incident = 0;  // index into ProvisionLinks::incidents
};

// The claims of one side: a party ("AZ", ...) or "media".
struct SideClaims {
  std::string side;
  std::vector<ProvisionClaim> claims;
};

struct ProvisionLinks {
  const Provision* provision = nullptr;
  // Date order (then id order).
  std::vector<LinkedIncident> incidents;
  // The claims on `incidents`, by the claimant's side: parties in the
  // order AZ, AM, NK, RU, TR, INTL, OTHER, then "media", then any other
  // label alphabetically; within a side in the incidents' order. A claim
  // with no side counts as "media".
  std::vector<SideClaims> claims_by_side;
};

// Whether an incident's place lies in a provision's place: the same place
// id; else, for a district (with an admin2), the same country and admin2,
// or, for a point the gazetteer gave no admin2, within the district's
// radius; for any other place, within its radius of its centre. A country
// lies in nothing but itself, and an area (IsAreaKind) of a larger extent
// than the place's radius never lies in it by its centre.
// `place_extent_km`: the area's radius in the pack (0 = unknown).
bool PlaceLiesIn(const EventPlace& place, double place_extent_km,
                 const ProvisionPlace& zone);

// For each provision of `agreement` (in its order), the incidents that
// bear on it. An incident bears on a provision when it is not background,
// it is dated and its window ends on or after the agreement's in_force day
// (and begins on or before the provision's `until`, if any), and a rule of
// the provision matches it: its type is one of the rule's, one of its
// accused sides is among the rule's `by` (when given), and (when the
// provision names places) one of its places lies in one of the rule's
// places (PlaceLiesIn, extents from agreement.area_extents_km). The
// first matching rule decides the
// relation. The result points into `agreement` and `views`, which must
// outlive it.
std::vector<ProvisionLinks> LinkIncidents(
    const Agreement& agreement, const std::vector<IncidentView>& views);

}  // namespace ceasewatch

#endif  // CEASEWATCH_AGREEMENTS_PROVISION_LINKS_H_
