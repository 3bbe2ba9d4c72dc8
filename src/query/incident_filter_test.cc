#include "query/incident_filter.h"

#include <gtest/gtest.h>

#include <string>

namespace ceasewatch {
namespace {

struct ParamCase {
  const char* name;
  const char* value;
  bool ok;
  const char* message_part;  // in the error message when !ok
};

class FilterParamTest : public ::testing::TestWithParam<ParamCase> {};

TEST_P(FilterParamTest, AcceptsOrNamesTheParameter) {
  const ParamCase& c = GetParam();
  IncidentFilter f;
  FilterParseOptions options;
  options.max_limit = 1000;
  Status st = SetFilterParam(c.name, c.value, options, &f);
  EXPECT_EQ(st.ok(), c.ok) << c.name << "=" << c.value << ": " << st.message();
  if (!c.ok) {
    EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
    EXPECT_NE(st.message().find(c.message_part), std::string::npos)
        << st.message();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, FilterParamTest,
    ::testing::Values(
        ParamCase{"since", "2022-09-01", true, ""},
        ParamCase{"since", "2022-9-1", false, "since: '2022-9-1' is not a day"},
        ParamCase{"until", "2022-02-30", false, "until:"},
        ParamCase{"until", "yesterday", false, "(YYYY-MM-DD)"},
        ParamCase{"type", "shelling", true, ""},
        ParamCase{"type", "shelling,armed_clash", true, ""},
        ParamCase{"type", "Shelling!", false,
                  "type: 'Shelling!' is not a type"},
        ParamCase{"type", "shelling,,riot", false, "empty item"},
        ParamCase{"side", "AZ", true, ""}, ParamCase{"side", "am,nk", true, ""},
        ParamCase{"side", "XX", false, "side: 'XX' is not a side"},
        ParamCase{"place", "Sotk", true, ""},
        ParamCase{"place", "", false, "empty item"},
        ParamCase{"bbox", "44.5,39,47,41.5", true, ""},
        ParamCase{"bbox", "44.5,39,47", false, "four numbers"},
        ParamCase{"bbox", "44.5,39,x,41", false, "'x' is not a number"},
        ParamCase{"bbox", "47,39,44,41", false, "must not exceed"},
        ParamCase{"bbox", "-181,0,0,1", false, "-180..180"},
        ParamCase{"bbox", "nan,0,1,1", false, "not a number"},
        ParamCase{"limit", "100", true, ""},
        ParamCase{"limit", "abc", false, "limit: 'abc' is not a whole number"},
        ParamCase{"limit", "0", false, "from 1 to 1000"},
        ParamCase{"limit", "1001", false, "from 1 to 1000"},
        ParamCase{"limit", "10x", false, "limit:"},
        ParamCase{"offset", "0", true, ""},
        ParamCase{"offset", "-1", false, "offset:"},
        ParamCase{"colour", "red", false, "unknown filter 'colour'"}));

TEST(IncidentFilterTest, ListsAddUpAndSidesAreUpperCased) {
  IncidentFilter f;
  ASSERT_TRUE(SetFilterParam("side", "am", {}, &f).ok());
  ASSERT_TRUE(SetFilterParam("side", "nk, RU", {}, &f).ok());
  EXPECT_EQ(f.sides, (std::vector<std::string>{"AM", "NK", "RU"}));
  ASSERT_TRUE(SetFilterParam("type", "shelling", {}, &f).ok());
  EXPECT_FALSE(f.SelectsAll());
}

TEST(IncidentFilterTest, BBoxIsParsedInLonLatOrder) {
  IncidentFilter f;
  ASSERT_TRUE(SetFilterParam("bbox", " 44.5, 39 ,47,41.5", {}, &f).ok());
  ASSERT_TRUE(f.bbox.has_value());
  EXPECT_DOUBLE_EQ(f.bbox->min_lon, 44.5);
  EXPECT_DOUBLE_EQ(f.bbox->min_lat, 39);
  EXPECT_DOUBLE_EQ(f.bbox->max_lon, 47);
  EXPECT_DOUBLE_EQ(f.bbox->max_lat, 41.5);
}

TEST(IncidentFilterTest, KeyIgnoresListOrderButNotValues) {
  IncidentFilter a, b, c;
  ASSERT_TRUE(SetFilterParam("type", "shelling,riot", {}, &a).ok());
  ASSERT_TRUE(SetFilterParam("type", "riot", {}, &b).ok());
  ASSERT_TRUE(SetFilterParam("type", "shelling", {}, &b).ok());
  ASSERT_TRUE(SetFilterParam("type", "shelling", {}, &c).ok());
  EXPECT_EQ(FilterKey(a), FilterKey(b));
  EXPECT_NE(FilterKey(a), FilterKey(c));
  c = a;
  c.offset = 10;
  EXPECT_NE(FilterKey(a), FilterKey(c));
  c = a;
  ASSERT_TRUE(SetFilterParam("bbox", "44,39,47,41", {}, &c).ok());
  EXPECT_NE(FilterKey(a), FilterKey(c));
}

TEST(IncidentFilterTest, SinceAfterUntilIsRejected) {
  IncidentFilter f;
  ASSERT_TRUE(SetFilterParam("since", "2022-10-01", {}, &f).ok());
  ASSERT_TRUE(SetFilterParam("until", "2022-09-01", {}, &f).ok());
  Status st = CheckFilter(f);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("after until"), std::string::npos);
}

TEST(IncidentFilterTest, HugeBadValueIsShownShortened) {
  IncidentFilter f;
  Status st = SetFilterParam("limit", std::string(100000, '9'), {}, &f);
  EXPECT_FALSE(st.ok());
  EXPECT_LT(st.message().size(), 200u);
}

TEST(IncidentFilterTest, TooManyItemsAreRejected) {
  IncidentFilter f;
  std::string many;
  for (int i = 0; i < 40; ++i) many += (i ? ",p" : "p") + std::to_string(i);
  EXPECT_FALSE(SetFilterParam("place", many, {}, &f).ok());
}

}  // namespace
}  // namespace ceasewatch
