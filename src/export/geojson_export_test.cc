#include "export/geojson_export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "query/query_testing.h"

namespace ceasewatch {
namespace {

TEST(GeoJsonTest, FeatureCollectionOfPointsWithFlatProperties) {
  IncidentStoreTest fixture("geojson");
  ASSERT_TRUE(fixture.Fill());
  auto query = QueryDb::Open(fixture.db());
  ASSERT_TRUE(query.ok());
  std::ostringstream out;
  ASSERT_TRUE(ExportGeoJson(fixture.store(), **query, {1, 2, 3, 4}, out).ok());
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 3u);  // #4 has no place
  for (const auto& f : j["features"]) {
    EXPECT_EQ(f["type"], "Feature");
    EXPECT_EQ(f["geometry"]["type"], "Point");
    ASSERT_EQ(f["geometry"]["coordinates"].size(), 2u);
    const double lon = f["geometry"]["coordinates"][0];
    const double lat = f["geometry"]["coordinates"][1];
    EXPECT_TRUE(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
    for (const auto& [key, value] : f["properties"].items())
      EXPECT_TRUE(value.is_primitive()) << key << " is not flat";
  }
  const auto& p = j["features"][0]["properties"];
  EXPECT_EQ(p["id"], 1);
  EXPECT_EQ(p["type"], "shelling");
  EXPECT_EQ(p["event_type"], "Explosions/Remote violence");
  EXPECT_EQ(p["date"], "2022-09-13");
  EXPECT_EQ(p["date_end"], "2022-09-13");
  EXPECT_EQ(p["sides"], "AM,AZ");
  EXPECT_EQ(p["fatalities_low"], 2);
  EXPECT_EQ(p["fatalities_high"], 3);
  EXPECT_TRUE(p["injured_low"].is_null());
  EXPECT_EQ(p["place"], "Sotk");
  EXPECT_EQ(p["country"], "Armenia");
  // [lon, lat], as RFC 7946 orders them.
  EXPECT_DOUBLE_EQ(j["features"][0]["geometry"]["coordinates"][0], 45.9);
  EXPECT_DOUBLE_EQ(j["features"][0]["geometry"]["coordinates"][1], 40.2);
}

TEST(GeoJsonTest, EmptySelectionIsAnEmptyCollection) {
  IncidentStoreTest fixture("geojson_empty");
  ASSERT_TRUE(fixture.Fill());
  auto query = QueryDb::Open(fixture.db());
  ASSERT_TRUE(query.ok());
  std::ostringstream out;
  ASSERT_TRUE(ExportGeoJson(fixture.store(), **query, {}, out).ok());
  auto j = nlohmann::json::parse(out.str());
  EXPECT_TRUE(j["features"].is_array());
  EXPECT_TRUE(j["features"].empty());
}

}  // namespace
}  // namespace ceasewatch
