// How far a named place extends, for deciding whether two reports speak of
// the same ground: a village is a point a few km across, a district or a
// zone tens of km. The pack's places.tsv gives radius_km for areas, zones
// and routes; other places get a default by feature kind.
#ifndef CEASEWATCH_INCIDENTS_PLACE_REACH_H_
#define CEASEWATCH_INCIDENTS_PLACE_REACH_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "ceasewatch/events.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

class PlaceReach {
 public:
  // Radii from the pack's places.tsv (rows without radius_km are left to
  // the defaults). A missing file is NotFound; a bad row names its line.
  static Result<PlaceReach> Load(const std::string& places_tsv);

  // The place's radius in km: the pack's, else the default of its kind.
  double ReachKm(const EventPlace& place) const;
  // Country-wide places say nothing about where on the ground.
  static bool IsCountry(const EventPlace& place) {
    return place.kind == "country";
  }
  // Points (villages, towns, cities, mountains): their reach is small and
  // two different points are different places.
  static bool IsPoint(const EventPlace& place);

  static double DefaultReachKm(std::string_view kind);

  void Set(const std::string& place_id, double km) { radius_[place_id] = km; }

 private:
  std::unordered_map<std::string, double> radius_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_INCIDENTS_PLACE_REACH_H_
