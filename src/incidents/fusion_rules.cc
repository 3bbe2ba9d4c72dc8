#include "incidents/fusion_rules.h"

#include <algorithm>
#include <cmath>

#include "dates/civil_day.h"
#include "util/geo.h"

namespace ceasewatch {
namespace {

std::vector<const EventPlace*> BelowCountry(
    const std::vector<EventPlace>& places) {
  std::vector<const EventPlace*> out;
  for (const EventPlace& p : places)
    if (!PlaceReach::IsCountry(p)) out.push_back(&p);
  return out;
}

double Km(const EventPlace& a, const EventPlace& b) {
  return GreatCircleKm(a.lat, a.lon, b.lat, b.lon);
}

// `area` is named as the district or province `p` lies in.
bool NamesAdminOf(const EventPlace& area, const EventPlace& p) {
  if (PlaceReach::IsPoint(area) || area.name.empty()) return false;
  return area.name == p.admin2 || area.name == p.admin1;
}

bool SharesSide(const Incident& incident, const EventReport& r) {
  for (const EventActor& a : r.actors)
    if (std::binary_search(incident.sides.begin(), incident.sides.end(),
                           a.side))
      return true;
  return false;
}

std::vector<std::string> PartySides(const EventReport& r) {
  std::vector<std::string> out;
  for (const EventActor& a : r.actors)
    if (IsPartySide(a.side) &&
        std::find(out.begin(), out.end(), a.side) == out.end())
      out.push_back(a.side);
  return out;
}

}  // namespace

bool JoinableWithoutPlace(const EventReport& report) {
  return !report.actors.empty();
}

bool IsoToDays(const std::string& iso, int64_t* days) {
  CivilDay d;
  if (!CivilDay::ParseIso(iso, &d)) return false;
  *days = d.ToDays();
  return true;
}

PlaceRelation RelatePlaces(const std::vector<EventPlace>& a_all,
                           const std::vector<EventPlace>& b_all,
                           const PlaceReach& reach,
                           const FusionOptions& options) {
  const auto a = BelowCountry(a_all), b = BelowCountry(b_all);
  if (a.empty() || b.empty()) return PlaceRelation::kNoEvidence;
  bool a_points = false, b_points = false;
  for (const EventPlace* p : a) a_points |= PlaceReach::IsPoint(*p);
  for (const EventPlace* p : b) b_points |= PlaceReach::IsPoint(*p);
  if (a_points && b_points) {
    // Points decide: the specific villages either meet or they do not.
    for (const EventPlace* p : a) {
      if (!PlaceReach::IsPoint(*p)) continue;
      for (const EventPlace* q : b)
        if (PlaceReach::IsPoint(*q) && Km(*p, *q) <= options.same_point_km)
          return PlaceRelation::kSamePoint;
    }
    return PlaceRelation::kDifferentPoints;
  }
  for (const EventPlace* p : a) {
    for (const EventPlace* q : b) {
      const double d = Km(*p, *q);
      if (d <= std::max(reach.ReachKm(*p), reach.ReachKm(*q)) ||
          NamesAdminOf(*p, *q) || NamesAdminOf(*q, *p))
        return PlaceRelation::kWithinArea;
    }
  }
  return PlaceRelation::kFar;
}

FusionVerdict CompareForFusion(const Incident& incident,
                               const EventReport& report,
                               const std::string& published,
                               const TypeCompatibility& types,
                               const PlaceReach& reach,
                               const FusionOptions& options) {
  FusionVerdict v;
  if (!types.Compatible(incident.type, report.type)) {
    v.reason = "types " + incident.type + " and " + report.type + " differ";
    return v;
  }
  const bool same_type = incident.type == report.type;
  int64_t i_lo, i_hi, r_lo, r_hi;
  if (!IsoToDays(incident.date, &i_lo) ||
      !IsoToDays(WindowEnd(incident), &i_hi) ||
      !IsoToDays(report.date, &r_lo) || !IsoToDays(WindowEnd(report), &r_hi)) {
    v.reason = "a window is unknown";
    return v;
  }
  if (r_hi - r_lo >= options.max_window_days ||
      i_hi - i_lo >= options.max_window_days) {
    v.reason = "a window too wide to tell events apart";
    return v;
  }
  const std::string& r_end = WindowEnd(report);
  const bool lagging = incident.date_source == "published" ||
                       report.date_source == "published" ||
                       (!published.empty() && r_end == published);
  const int64_t slack = lagging ? options.report_lag_days : 0;
  if (r_lo > i_hi + slack || i_lo > r_hi + slack) {
    v.reason = "windows do not overlap";
    return v;
  }
  const std::vector<std::string> sides = PartySides(report);
  if (sides.size() >= 2 && incident.sides.size() >= 2) {
    bool common = false;
    for (const std::string& s : sides)
      common |=
          std::binary_search(incident.sides.begin(), incident.sides.end(), s);
    if (!common) {
      v.reason = "the parties involved differ";
      return v;
    }
  }
  double place_score = 0;
  switch (RelatePlaces(incident.places, report.places, reach, options)) {
    case PlaceRelation::kDifferentPoints:
      v.reason = "different villages or towns";
      return v;
    case PlaceRelation::kFar:
      v.reason = "places too far apart";
      return v;
    case PlaceRelation::kNoEvidence:
      if (!same_type || !SharesSide(incident, report)) {
        v.reason = "no place to compare and not the same type and side";
        return v;
      }
      v.reason = "same type, day and side; no place to compare";
      break;
    case PlaceRelation::kWithinArea:
      place_score = 1;
      v.reason = "a place within the other's area";
      break;
    case PlaceRelation::kSamePoint:
      place_score = 3;
      v.reason = "the same village or town";
      break;
  }
  // Closer windows and the same type make a better candidate.
  const double mid_gap =
      std::fabs(static_cast<double>(i_lo + i_hi - r_lo - r_hi)) / 2;
  v.same = true;
  v.score = place_score + (same_type ? 2 : 0) + 1.0 / (1.0 + mid_gap);
  return v;
}

}  // namespace ceasewatch
