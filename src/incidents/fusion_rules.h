// Whether a new report tells the same real event as a stored incident.
// Pure: no store access, so the rules are tested as a table.
//
// The same event when all of these hold:
// - types: the same, or a pair the pack allows (TypeCompatibility);
// - dates: both windows known, shorter than max_window_days, and
//   overlapping; a window that is only the
//   day of publication (or ends on it) gets `report_lag_days` of slack,
//   since a report dated by its article may be a day late;
// - places: when both name places below country level, they meet: two
//   points (villages, towns) within `same_point_km`, or a point or area
//   inside an area's reach or named as its district/province. When both
//   name points and none meet, they are different events, whatever areas
//   they also name. When one names no place, only a report of the very
//   same type whose actors share a side can join;
// - actors: two reports each naming two or more party sides with none in
//   common are different events.
#ifndef CEASEWATCH_INCIDENTS_FUSION_RULES_H_
#define CEASEWATCH_INCIDENTS_FUSION_RULES_H_

#include <string>
#include <vector>

#include "ceasewatch/events.h"
#include "ceasewatch/incidents.h"
#include "incidents/place_reach.h"
#include "incidents/type_compatibility.h"

namespace ceasewatch {

struct FusionOptions {
  // Two named points this close are one place (one settlement under two
  // gazetteer entries, a village and its quarter); farther apart, two
  // villages named are two places, and events in them two events.
  double same_point_km = 2;
  int report_lag_days = 1;
  // A window this long or longer ("7 March of some year in 2020-2024")
  // tells no two events apart: such a report joins no other article's
  // incident, and such an incident takes no other article's report (a
  // copy still joins its original's incident).
  int max_window_days = 366;
  // Candidates read from the index for one report, at most.
  int max_candidates = 256;
};

// How the places of two accounts relate.
enum class PlaceRelation {
  kNoEvidence,       // one side names no place below country level
  kSamePoint,        // two points within same_point_km
  kWithinArea,       // a place inside the other's area
  kDifferentPoints,  // both name points, none close
  kFar,              // areas or points that do not meet
};

PlaceRelation RelatePlaces(const std::vector<EventPlace>& a,
                           const std::vector<EventPlace>& b,
                           const PlaceReach& reach,
                           const FusionOptions& options);

struct FusionVerdict {
  bool same = false;
  double score = 0;    // higher: a better candidate
  std::string reason;  // why not, or on what evidence
};

// `published` is the ISO day of the report's article ("" when unknown).
FusionVerdict CompareForFusion(const Incident& incident,
                               const EventReport& report,
                               const std::string& published,
                               const TypeCompatibility& types,
                               const PlaceReach& reach,
                               const FusionOptions& options);

// When the report or the incident names no place below country level, the
// rules above join them only if the incident has the report's very type
// and shares a side with one of its actors. So, for the incidents that can
// be joined without a place: false when none can (the report has no
// actor), and otherwise their type is the report's own. Fusion asks its
// index for unplaced candidates with this, not for every compatible type.
// fusion_rules_test checks it against CompareForFusion.
bool JoinableWithoutPlace(const EventReport& report);

// Days since 1970 of an ISO day; false when `iso` is not one.
bool IsoToDays(const std::string& iso, int64_t* days);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INCIDENTS_FUSION_RULES_H_
