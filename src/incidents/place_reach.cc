#include "incidents/place_reach.h"

#include "util/tsv.h"

namespace ceasewatch {

Result<PlaceReach> PlaceReach::Load(const std::string& places_tsv) {
  std::string text;
  CW_RETURN_IF_ERROR(ReadWholeFile(places_tsv, &text));
  PlaceReach reach;
  Status st = ForEachRow(
      places_tsv, text, {"id", "kind"}, [&](const TsvRow& row) -> Status {
        double km = 0;
        CW_RETURN_IF_ERROR(row.Number("radius_km", 0, 5000, &km));
        if (km > 0) reach.Set(std::string(row.Get("id")), km);
        return Status::Ok();
      });
  if (!st.ok()) return st;
  return reach;
}

double PlaceReach::DefaultReachKm(std::string_view kind) {
  // Typical half-extents in the South Caucasus; generous for points so
  // that "near X" and a village 3 km off still meet.
  if (kind == "country") return 250;
  if (kind == "region") return 60;
  if (kind == "zone" || kind == "border") return 60;
  if (kind == "district") return 25;
  if (kind == "route") return 20;
  if (kind == "water") return 10;
  if (kind == "city") return 8;
  if (kind == "town") return 4;
  return 3;  // village, locality, mountain, unknown
}

bool PlaceReach::IsPoint(const EventPlace& place) {
  const std::string& k = place.kind;
  return k == "village" || k == "locality" || k == "town" || k == "city" ||
         k == "mountain" || k.empty();
}

double PlaceReach::ReachKm(const EventPlace& place) const {
  auto it = radius_.find(place.place_id);
  if (it != radius_.end()) return it->second;
  return DefaultReachKm(place.kind);
}

}  // namespace ceasewatch
