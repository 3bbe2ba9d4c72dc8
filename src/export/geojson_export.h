// The GeoJSON export (RFC 7946): a FeatureCollection with one Point
// feature per incident and location, its properties flat (strings and
// numbers only) so that QGIS and other GIS tools read them as columns.
// Incidents without a place have no feature.
#ifndef CEASEWATCH_EXPORT_GEOJSON_EXPORT_H_
#define CEASEWATCH_EXPORT_GEOJSON_EXPORT_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "ceasewatch/status.h"
#include "query/incident_facts.h"
#include "query/query_db.h"
#include "store/store.h"

namespace ceasewatch {

// The features of one incident (doc/export.md lists the properties).
std::vector<nlohmann::ordered_json> GeoJsonFeatures(const IncidentFacts& f);

// {"type": "FeatureCollection", "features": [...]} for `incident_ids`, in
// that order, streamed one incident at a time.
Status ExportGeoJson(Store& store, QueryDb& query,
                     const std::vector<int64_t>& incident_ids,
                     std::ostream& out);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_GEOJSON_EXPORT_H_
