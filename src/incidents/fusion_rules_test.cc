#include "incidents/fusion_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "incidents/incident_merge.h"

namespace ceasewatch {
namespace {

// Places of the theatre, as the pack resolves them.
EventPlace Village(const std::string& id, const std::string& name, double lat,
                   double lon, const std::string& admin2 = "") {
  EventPlace p;
  p.place_id = id;
  p.name = name;
  p.lat = lat;
  p.lon = lon;
  p.kind = "village";
  p.admin2 = admin2;
  p.geo_precision = 1;
  return p;
}
EventPlace Area(const std::string& id, const std::string& name, double lat,
                double lon, const std::string& kind) {
  EventPlace p = Village(id, name, lat, lon);
  p.kind = kind;
  p.geo_precision = 3;
  return p;
}

const EventPlace kFarrukh =
    Village("wof:farrukh", "Farrukh", 39.9656, 46.8347, "Khojaly");
const EventPlace kKhramort =
    Village("wof:khramort", "Khramort", 39.9542, 46.8197, "Khojaly");  // 1.8 km
const EventPlace kAskeran =
    Village("wof:askeran", "Askeran", 39.9333, 46.8333, "Khojaly");  // 4 km
const EventPlace kGoris = Village("wof:goris", "Goris", 39.5111, 46.3383);
const EventPlace kSotk = Village("wof:sotk", "Sotk", 40.2167, 45.9333);
const EventPlace kKarabakh =
    Area("cw:karabakh", "Karabakh", 39.85, 46.75, "region");
const EventPlace kKhojaly =
    Area("wof:khojaly", "Khojaly", 39.88, 46.717, "district");
const EventPlace kArmenia = Area("wof:am", "Armenia", 40.29, 44.94, "country");

EventActor Actor(const std::string& side, const std::string& role) {
  EventActor a;
  a.side = side;
  a.name = side + " forces";
  a.role = role;
  return a;
}

EventReport Report(const std::string& type, const std::string& date,
                   std::vector<EventPlace> places,
                   std::vector<EventActor> actors,
                   const std::string& source = "text",
                   const std::string& date_end = "") {
  EventReport r;
  r.type = type;
  r.date = date;
  r.date_end = date_end.empty() ? date : date_end;
  r.date_precision = "day";
  r.date_source = source;
  r.places = std::move(places);
  r.actors = std::move(actors);
  return r;
}

struct FusionCase {
  const char* name;
  EventReport first;   // opens the incident
  EventReport second;  // the new report
  std::string published;
  bool same;
};

class FusionRuleTest : public ::testing::TestWithParam<FusionCase> {};

TEST_P(FusionRuleTest, DecidesWhetherTwoAccountsAreOneEvent) {
  const FusionCase& c = GetParam();
  TypeCompatibility types;
  types.Allow("military_movement", "territory_seized");
  types.Allow("armed_clash", "shelling");
  PlaceReach reach;
  reach.Set("cw:karabakh", 60);
  const Incident incident = IncidentFromReport(c.first);
  FusionVerdict v = CompareForFusion(incident, c.second, c.published, types,
                                     reach, FusionOptions());
  EXPECT_EQ(v.same, c.same) << v.reason;
  EXPECT_FALSE(v.reason.empty());
}

const EventActor kAz1 = Actor("AZ", "actor1");
const EventActor kAm1 = Actor("AM", "actor1");
const EventActor kAm2 = Actor("AM", "actor2");
const EventActor kAz2 = Actor("AZ", "actor2");

INSTANTIATE_TEST_SUITE_P(
    Rows, FusionRuleTest,
    ::testing::Values(
        // Each side blames the other for the same shelling of one village.
        FusionCase{"both_sides_tell_it",
                   Report("shelling", "2022-09-13", {kSotk}, {kAz1, kAm2}),
                   Report("shelling", "2022-09-13", {kSotk}, {kAm1, kAz2}), "",
                   true},
        // Same day, same type, two villages 80 km apart: two events.
        FusionCase{"same_day_other_village",
                   Report("shelling", "2022-09-13", {kSotk}, {kAz1}),
                   Report("shelling", "2022-09-13", {kGoris}, {kAz1}), "",
                   false},
        // Same day, villages 4 km apart: two villages named, two events.
        FusionCase{"same_day_nearby_villages",
                   Report("shelling", "2022-09-13", {kFarrukh}, {kAz1}),
                   Report("shelling", "2022-09-13", {kAskeran}, {kAz1}), "",
                   false},
        // "March 7" of some year of the pack's period: a window of years
        // tells no events apart, however well the rest agrees.
        FusionCase{"window_of_years",
                   Report("shelling", "2022-03-07", {kFarrukh}, {kAz1}),
                   Report("shelling", "2020-01-01", {kFarrukh}, {kAz1}, "text",
                          "2024-03-07"),
                   "", false},
        FusionCase{"window_of_a_month",
                   Report("shelling", "2022-03-07", {kFarrukh}, {kAz1}),
                   Report("shelling", "2022-03-01", {kFarrukh}, {kAz1}, "text",
                          "2022-03-31"),
                   "", true},
        FusionCase{"points_within_same_point_radius",
                   Report("shelling", "2022-09-13", {kFarrukh}, {kAz1}),
                   Report("shelling", "2022-09-13", {kKhramort}, {kAz1}), "",
                   true},
        FusionCase{"same_place_other_type",
                   Report("detention", "2022-09-13", {kSotk}, {kAz1}),
                   Report("shelling", "2022-09-13", {kSotk}, {kAz1}), "",
                   false},
        // "entered the village" and "captured the village" (pack pair).
        FusionCase{
            "compatible_types",
            Report("military_movement", "2022-03-26", {kFarrukh}, {kAz1}),
            Report("territory_seized", "2022-03-26", {kFarrukh}, {kAz1}), "",
            true},
        FusionCase{
            "village_inside_region",
            Report("military_movement", "2022-03-26", {kKarabakh}, {kAz1}),
            Report("military_movement", "2022-03-26", {kFarrukh}, {kAz1}), "",
            true},
        FusionCase{"village_in_named_district",
                   Report("shelling", "2022-03-26", {kKhojaly}, {kAz1}),
                   Report("shelling", "2022-03-26", {kFarrukh}, {kAz1}), "",
                   true},
        FusionCase{"region_far_from_village",
                   Report("shelling", "2022-09-13", {kKarabakh}, {kAz1}),
                   Report("shelling", "2022-09-13", {kSotk}, {kAz1}), "",
                   false},
        FusionCase{"next_day_text_dates",
                   Report("shelling", "2022-09-13", {kSotk}, {kAz1}),
                   Report("shelling", "2022-09-14", {kSotk}, {kAz1}), "",
                   false},
        // Dated only by its article: may be a day late.
        FusionCase{
            "next_day_publication_date",
            Report("shelling", "2022-09-13", {kSotk}, {kAz1}),
            Report("shelling", "2022-09-14", {kSotk}, {kAz1}, "published"),
            "2022-09-14", true},
        FusionCase{"window_ends_on_publication_day",
                   Report("shelling", "2022-09-13", {kSotk}, {kAz1}),
                   Report("shelling", "2022-09-14", {kSotk}, {kAz1}),
                   "2022-09-14", true},
        FusionCase{
            "two_days_late", Report("shelling", "2022-09-12", {kSotk}, {kAz1}),
            Report("shelling", "2022-09-14", {kSotk}, {kAz1}, "published"),
            "2022-09-14", false},
        FusionCase{"undated", Report("shelling", "2022-09-13", {kSotk}, {kAz1}),
                   Report("shelling", "", {kSotk}, {kAz1}), "", false},
        // Countries say nothing about where: no place evidence, so only
        // the same type with a shared side joins.
        FusionCase{"country_only_same_type_and_side",
                   Report("shelling", "2022-09-13", {kSotk}, {kAz1}),
                   Report("shelling", "2022-09-13", {kArmenia}, {kAz1}), "",
                   true},
        FusionCase{"country_only_no_shared_side",
                   Report("shelling", "2022-09-13", {kSotk}, {kAz1}),
                   Report("shelling", "2022-09-13", {kArmenia}, {}), "", false},
        FusionCase{"no_place_compatible_type",
                   Report("armed_clash", "2022-09-13", {}, {kAz1}),
                   Report("shelling", "2022-09-13", {}, {kAz1}), "", false},
        FusionCase{"other_parties_entirely",
                   Report("armed_clash", "2022-09-13", {kSotk},
                          {Actor("RU", "actor1"), Actor("TR", "actor2")}),
                   Report("armed_clash", "2022-09-13", {kSotk}, {kAz1, kAm2}),
                   "", false}),
    [](const ::testing::TestParamInfo<FusionCase>& info) {
      return std::string(info.param.name);
    });

TEST(PlaceRelationTest, PointsDecideOverAreas) {
  PlaceReach reach;
  // Both name Karabakh, but different villages 80 km apart: not one place.
  EXPECT_EQ(RelatePlaces({kKarabakh, kFarrukh}, {kKarabakh, kGoris}, reach,
                         FusionOptions()),
            PlaceRelation::kDifferentPoints);
  EXPECT_EQ(RelatePlaces({kKarabakh}, {kFarrukh}, reach, FusionOptions()),
            PlaceRelation::kWithinArea);
  EXPECT_EQ(RelatePlaces({kArmenia}, {kFarrukh}, reach, FusionOptions()),
            PlaceRelation::kNoEvidence);
  EXPECT_EQ(RelatePlaces({kFarrukh}, {kFarrukh}, reach, FusionOptions()),
            PlaceRelation::kSamePoint);
}

TEST(FusionScoreTest, SameVillagePrefersOverArea) {
  TypeCompatibility types;
  PlaceReach reach;
  const EventReport r = Report("shelling", "2022-03-26", {kFarrukh}, {kAz1});
  FusionVerdict village = CompareForFusion(
      IncidentFromReport(Report("shelling", "2022-03-26", {kFarrukh}, {kAz1})),
      r, "", types, reach, FusionOptions());
  FusionVerdict area = CompareForFusion(
      IncidentFromReport(Report("shelling", "2022-03-26", {kKhojaly}, {kAz1})),
      r, "", types, reach, FusionOptions());
  ASSERT_TRUE(village.same && area.same);
  EXPECT_GT(village.score, area.score);
}

// Fusion asks its index for unplaced candidates of the report's type only,
// and none when JoinableWithoutPlace is false. That is only right while
// the rules join nothing else without a place: every pair below where one
// side has no place below country level is checked against them.
TEST(JoinableWithoutPlaceTest, AgreesWithTheRules) {
  TypeCompatibility types;
  types.Allow("armed_clash", "shelling");
  PlaceReach reach;
  reach.Set("cw:karabakh", 60);
  const std::vector<std::string> kTypes = {"shelling", "armed_clash",
                                           "detention"};
  const std::vector<std::vector<EventPlace>> kPlaces = {
      {}, {kArmenia}, {kSotk}, {kKarabakh}, {kArmenia, kFarrukh}};
  const std::vector<std::vector<EventActor>> kActors = {
      {}, {kAz1}, {kAm1}, {kAz1, kAm2}};
  auto unplaced = [](const std::vector<EventPlace>& places) {
    for (const EventPlace& p : places)
      if (!PlaceReach::IsCountry(p)) return false;
    return true;
  };
  int pairs = 0, joined = 0;
  for (const std::string& it : kTypes)
    for (const auto& ip : kPlaces)
      for (const auto& ia : kActors)
        for (const std::string& rt : kTypes)
          for (const auto& rp : kPlaces)
            for (const auto& ra : kActors) {
              if (!unplaced(ip) && !unplaced(rp)) continue;
              ++pairs;
              const EventReport r = Report(rt, "2022-09-13", rp, ra);
              const FusionVerdict v = CompareForFusion(
                  IncidentFromReport(Report(it, "2022-09-13", ip, ia)), r, "",
                  types, reach, FusionOptions());
              if (!v.same) continue;
              ++joined;
              EXPECT_TRUE(JoinableWithoutPlace(r)) << v.reason;
              EXPECT_EQ(it, rt) << v.reason;
            }
  EXPECT_GT(pairs, 500);
  EXPECT_GT(joined, 0);  // the check above was reached
  EXPECT_FALSE(JoinableWithoutPlace(Report("shelling", "2022-09-13", {}, {})));
  EXPECT_TRUE(
      JoinableWithoutPlace(Report("shelling", "2022-09-13", {}, {kAz1})));
}

}  // namespace
}  // namespace ceasewatch
