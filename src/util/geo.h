// Distances on the Earth for places given by latitude and longitude.
#ifndef CEASEWATCH_UTIL_GEO_H_
#define CEASEWATCH_UTIL_GEO_H_

namespace ceasewatch {

// Great-circle distance in km (haversine, Earth radius 6371 km) between
// two points in degrees.
double GreatCircleKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_GEO_H_
