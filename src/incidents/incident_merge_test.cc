#include "incidents/incident_merge.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

EventReport Dated(const std::string& date, const std::string& end,
                  const std::string& source) {
  EventReport r;
  r.type = "shelling";
  r.date = date;
  r.date_end = end;
  r.date_precision = date == end ? "day" : "range";
  r.date_source = source;
  return r;
}

struct CountCase {
  const char* name;
  CountRange a, b, want;
};

class MergeCountsTest : public ::testing::TestWithParam<CountCase> {};

TEST_P(MergeCountsTest, LowIsTheLeastHighIsTheMost) {
  const CountCase& c = GetParam();
  CountRange got = MergeCounts(c.a, c.b);
  EXPECT_EQ(got.known, c.want.known);
  EXPECT_EQ(got.low, c.want.low);
  EXPECT_EQ(got.high, c.want.high);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, MergeCountsTest,
    ::testing::Values(
        CountCase{"unknown_both", {}, {}, {}},
        CountCase{"one_known", {true, 3, 3}, {}, {true, 3, 3}},
        CountCase{"other_known", {}, {true, 3, 3}, {true, 3, 3}},
        // "three killed" and "five killed": 3 to 5.
        CountCase{"two_figures", {true, 3, 3}, {true, 5, 5}, {true, 3, 5}},
        CountCase{"ranges", {true, 45, 50}, {true, 49, 49}, {true, 45, 50}},
        // "more than 100" and "120": the closed figure bounds it.
        CountCase{"open_and_closed_above",
                  {true, 101, -1},
                  {true, 120, 120},
                  {true, 101, 120}},
        // "more than 100" and "50": the open figure is the largest.
        CountCase{"open_above_closed",
                  {true, 101, -1},
                  {true, 50, 50},
                  {true, 50, -1}}),
    [](const ::testing::TestParamInfo<CountCase>& info) {
      return std::string(info.param.name);
    });

TEST(AbsorbReportTest, BetterSourcedDateWins) {
  Incident i =
      IncidentFromReport(Dated("2022-03-27", "2022-03-27", "published"));
  AbsorbReport(Dated("2022-03-26", "2022-03-26", "text"), &i);
  EXPECT_EQ(i.date, "2022-03-26");
  EXPECT_EQ(i.date_source, "text");
  // A publication day afterwards changes nothing.
  AbsorbReport(Dated("2022-03-28", "2022-03-28", "published"), &i);
  EXPECT_EQ(i.date, "2022-03-26");
  EXPECT_EQ(i.reports, 3);
}

TEST(AbsorbReportTest, EquallySourcedWindowsNarrowToTheirOverlap) {
  Incident i = IncidentFromReport(Dated("2022-03-20", "2022-03-27", "text"));
  AbsorbReport(Dated("2022-03-24", "2022-03-30", "text"), &i);
  EXPECT_EQ(i.date, "2022-03-24");
  EXPECT_EQ(i.date_end, "2022-03-27");
  EXPECT_EQ(i.date_precision, "range");
  AbsorbReport(Dated("2022-03-26", "2022-03-26", "text"), &i);
  EXPECT_EQ(i.date, "2022-03-26");
  EXPECT_EQ(i.date_end, "2022-03-26");
  EXPECT_EQ(i.date_precision, "day");
  // A disagreeing window keeps what was there.
  AbsorbReport(Dated("2022-04-01", "2022-04-01", "text"), &i);
  EXPECT_EQ(i.date, "2022-03-26");
}

TEST(AbsorbReportTest, PlacesAndSidesAreUnitedBackgroundNeedsAll) {
  EventReport a = Dated("2022-03-26", "2022-03-26", "text");
  a.places = {{"p1", "Farrukh", "Parukh", 39.9, 46.8, "AZ", "", "", "village",
               1, 10, 16}};
  a.actors = {{"", "x", "x", "AZ", "", "military", "actor1", 0, 1},
              {"", "c", "c", "", "AM", "civilians", "actor2", 0, 1}};
  a.background = true;
  EventReport b = a;
  b.places.push_back({"p2", "Karabakh", "Karabakh", 39.8, 46.7, "AZ", "", "",
                      "region", 3, 0, 8});
  b.actors[1].side = "RU";
  b.background = false;
  Incident i = IncidentFromReport(a);
  EXPECT_TRUE(i.background);
  ASSERT_EQ(i.places.size(), 1u);
  EXPECT_TRUE(i.places[0].mention.empty());  // the article's words stay there
  AbsorbReport(b, &i);
  EXPECT_FALSE(i.background);
  ASSERT_EQ(i.places.size(), 2u);
  EXPECT_EQ(i.places[1].name, "Karabakh");
  EXPECT_EQ(i.sides, (std::vector<std::string>{"AZ", "RU"}));  // no civilians
}

TEST(AbsorbReportTest, CompatibleTypeAddsNoSides) {
  EventReport a = Dated("2022-03-26", "2022-03-26", "text");
  a.type = "military_movement";
  a.actors = {{"", "x", "x", "AZ", "", "military", "actor1", 0, 1}};
  EventReport b = a;
  b.type = "territory_seized";
  b.actors.push_back({"", "y", "y", "NK", "", "military", "actor2", 0, 1});
  Incident i = IncidentFromReport(a);
  AbsorbReport(b, &i);
  EXPECT_EQ(i.sides, (std::vector<std::string>{"AZ"}));
  EXPECT_EQ(i.type, "military_movement");
}

}  // namespace
}  // namespace ceasewatch
