#include "util/geo.h"

#include <algorithm>
#include <cmath>

namespace ceasewatch {

double GreatCircleKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::asin(std::sqrt(std::min(1.0, h)));
}

}  // namespace ceasewatch
