#include "export/json_export.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "incidents/incident_fuser.h"
#include "store/store_testing.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const char kWire[] =
    "Azerbaijani forces shelled Sotk on Monday, killing two soldiers.\n"
    "The Azerbaijani ministry denied it.";
const char kCopy[] =
    "Sotk came under fire on Monday, the Armenian ministry said.\n"
    "Baku called the report disinformation.";

EventReport Report(const std::string& type, const std::string& date,
                   const std::string& date_end = "") {
  EventReport r;
  r.type = type;
  r.date = date;
  r.date_end = date_end;
  r.date_precision = date.empty() ? "" : "day";
  r.sentence_begin = 0;
  r.sentence_end = 10;
  return r;
}

EventClaim Claim(const std::string& side, const std::string& stance) {
  EventClaim c;
  c.source_name = side + " ministry";
  c.source_side = side;
  c.source_kind = side == "media" ? "outlet" : "government";
  c.stance = stance;
  c.text = side + " " + stance;
  return c;
}

class JsonExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("export_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = Store::Open((dir_ / "store.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  int64_t Add(const std::string& file, const std::string& text,
              std::optional<int64_t> duplicate_of = {}) {
    auto id =
        AddTestArticle(*store_, {file, text, "2022-09-14", "", duplicate_of});
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : -1;
  }
  // Stores the article's reports and fuses them into incidents, as ingest
  // does (no type pairs, default radii).
  void Put(int64_t article, const std::vector<EventReport>& reports) {
    ASSERT_TRUE(store_->Begin().ok());
    ASSERT_TRUE(store_->ReplaceEventReports(article, reports, "test/1").ok());
    ASSERT_TRUE(fuser_.FuseArticle(*store_, article).ok());
    ASSERT_TRUE(store_->Commit().ok());
  }
  // As a store ingested without fusion holds them.
  void PutUnfused(int64_t article, const std::vector<EventReport>& reports) {
    ASSERT_TRUE(store_->Begin().ok());
    ASSERT_TRUE(store_->ReplaceEventReports(article, reports, "test/1").ok());
    ASSERT_TRUE(store_->Commit().ok());
  }
  Json Export() {
    std::ostringstream out;
    Status st = ExportJson(*store_, out);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return Json::parse(out.str());
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  IncidentFuser fuser_{TypeCompatibility(), PlaceReach(), FusionOptions()};
};

TEST_F(JsonExportTest, EmptyStoreHasBothArrays) {
  Json j = Export();
  EXPECT_TRUE(j["articles"].is_array());
  EXPECT_TRUE(j["events"].is_array());
  EXPECT_TRUE(j["events"].empty());
}

TEST_F(JsonExportTest, EventHasTheScorersFields) {
  const int64_t a = Add("wire.txt", kWire);
  EventReport r = Report("shelling", "2022-09-12");
  r.acled_event_type = "Explosions/Remote violence";
  r.acled_sub_event_type = "Shelling/artillery/missile attack";
  r.sentence_begin = 0;
  r.sentence_end = 64;  // the first line
  r.cue = "shelled";
  r.cue_begin = 20;
  r.cue_end = 27;
  r.places.push_back({"wof:1", "Sotk", "Sotk", 40.2, 45.93, "AM", "Gegharkunik",
                      "", "village", 1, 28, 32});
  r.actors.push_back({"az-mil", "Military Forces of Azerbaijan",
                      "Azerbaijani forces", "AZ", "AZ", "military", "actor1", 0,
                      18});
  r.actors.push_back(
      {"", "Soldiers", "soldiers", "", "AM", "military", "actor2", 56, 64});
  r.fatalities = {true, 2, 2};
  r.claims.push_back(Claim("AZ", "denies"));
  EventReport open = Report("armed_clash", "2022-09-12");
  open.fatalities = {true, 101, -1};
  open.injured = {true, 3, 5};
  open.background = true;
  Put(a, {r, open});

  Json j = Export();
  ASSERT_EQ(j["events"].size(), 2u);
  const Json& e = j["events"][0];
  for (const char* key :
       {"id", "type", "acled", "date", "date_end", "background", "locations",
        "actors", "fatalities", "injured", "claims", "reports"})
    EXPECT_TRUE(e.contains(key)) << key;
  EXPECT_TRUE(e["id"].is_number_integer());
  EXPECT_EQ(e["type"], "shelling");
  EXPECT_EQ(e["acled"]["event_type"], "Explosions/Remote violence");
  EXPECT_EQ(e["acled"]["sub_event_type"], "Shelling/artillery/missile attack");
  EXPECT_EQ(e["date"], "2022-09-12");
  EXPECT_EQ(e["date_end"], "2022-09-12");  // known to the day
  EXPECT_EQ(e["background"], false);

  ASSERT_EQ(e["locations"].size(), 1u);
  const Json& place = e["locations"][0];
  EXPECT_EQ(place["name"], "Sotk");
  EXPECT_DOUBLE_EQ(place["lat"].get<double>(), 40.2);
  EXPECT_DOUBLE_EQ(place["lon"].get<double>(), 45.93);
  EXPECT_EQ(place["country"], "AM");
  EXPECT_EQ(place["admin1"], "Gegharkunik");
  EXPECT_EQ(place["kind"], "village");
  EXPECT_EQ(place["geo_precision"], 1);
  // An incident's place lists its mentions in every article.
  ASSERT_EQ(place["mentions"].size(), 1u);
  EXPECT_EQ(place["mentions"][0]["mention"], "Sotk");
  EXPECT_EQ(place["mentions"][0]["article"], a);
  EXPECT_EQ(place["mentions"][0]["begin"], 28);
  EXPECT_EQ(e["corroboration"]["sources"], 1);
  EXPECT_EQ(e["corroboration"]["reports"], 1);

  ASSERT_EQ(e["actors"].size(), 2u);
  EXPECT_EQ(e["actors"][0]["side"], "AZ");
  EXPECT_EQ(e["actors"][0]["role"], "actor1");
  EXPECT_TRUE(e["actors"][1]["side"].is_null());  // not a party
  EXPECT_EQ(e["actors"][1]["affiliation"], "AM");

  EXPECT_EQ(e["fatalities"], Json({{"low", 2}, {"high", 2}}));
  EXPECT_TRUE(e["injured"].is_null());

  ASSERT_EQ(e["claims"].size(), 1u);
  const Json& claim = e["claims"][0];
  EXPECT_EQ(claim["source"]["name"], "AZ ministry");
  EXPECT_EQ(claim["source"]["side"], "AZ");
  EXPECT_EQ(claim["source"]["kind"], "government");
  EXPECT_EQ(claim["stance"], "denies");
  EXPECT_EQ(claim["text"], "AZ denies");
  EXPECT_EQ(claim["article"], a);

  ASSERT_EQ(e["reports"].size(), 1u);
  EXPECT_EQ(e["reports"][0]["article"], a);
  EXPECT_EQ(e["reports"][0]["file"], "wire.txt");
  EXPECT_EQ(e["reports"][0]["sentence"],
            "Azerbaijani forces shelled Sotk on Monday, killing two soldiers.");

  const Json& o = j["events"][1];
  EXPECT_EQ(o["type"], "armed_clash");
  EXPECT_EQ(o["background"], true);
  EXPECT_EQ(o["fatalities"]["low"], 101);
  EXPECT_TRUE(o["fatalities"]["high"].is_null());  // open-ended
  EXPECT_EQ(o["injured"], Json({{"low", 3}, {"high", 5}}));
  EXPECT_TRUE(o["locations"].is_array() && o["locations"].empty());
}

TEST_F(JsonExportTest, UnknownDateIsNullAndSentenceIsClamped) {
  const int64_t a = Add("a.txt", "Short text.");
  EventReport r = Report("detention", "");
  r.sentence_begin = 6;
  r.sentence_end = 500;  // past the end: clamped, never thrown
  Put(a, {r});
  Json e = Export()["events"][0];
  EXPECT_TRUE(e["date"].is_null());
  EXPECT_TRUE(e["date_end"].is_null());
  EXPECT_TRUE(e["acled"]["event_type"].is_null());
  EXPECT_EQ(e["reports"][0]["sentence"], "text.");
}

TEST_F(JsonExportTest, IncidentsFollowTheOrderTheyWereOpened) {
  const int64_t a = Add("a.txt", "first article");
  const int64_t b = Add("b.txt", "second article");
  Put(b, {Report("riot", "2022-01-02")});
  Put(a, {Report("shelling", "2022-01-01"), Report("withdrawal", "")});
  Json events = Export()["events"];
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0]["type"], "riot");
  EXPECT_EQ(events[0]["reports"][0]["file"], "b.txt");
  EXPECT_EQ(events[1]["type"], "shelling");
  EXPECT_EQ(events[2]["type"], "withdrawal");
}

TEST_F(JsonExportTest, UnfusedReportsFollowArticleOrderAfterIncidents) {
  const int64_t a = Add("a.txt", "first article");
  const int64_t b = Add("b.txt", "second article");
  PutUnfused(b, {Report("riot", "2022-01-02")});
  Put(a, {Report("shelling", "2022-01-01")});
  PutUnfused(a, {Report("shelling", "2022-01-01"), Report("withdrawal", "")});
  Json events = Export()["events"];
  // Replacing a's reports left its incident empty (not yet rebuilt): it is
  // not an event. The unfused reports are, in article order, one each.
  ASSERT_EQ(events.size(), 3u) << events.dump(1);
  EXPECT_EQ(events[0]["type"], "shelling");
  EXPECT_EQ(events[1]["type"], "withdrawal");
  EXPECT_EQ(events[2]["type"], "riot");
  EXPECT_EQ(events[2]["reports"][0]["file"], "b.txt");
}

TEST_F(JsonExportTest, NearDuplicateReportJoinsTheOriginalsIncident) {
  const int64_t wire = Add("wire.txt", kWire);
  const int64_t copy = Add("copy.txt", kCopy, wire);
  EventReport original = Report("shelling", "2022-09-12");
  original.sentence_end = 64;
  original.claims = {Claim("AM", "asserts")};
  EventReport other = Report("detention", "2022-09-12");
  Put(wire, {original, other});

  EventReport again = Report("shelling", "2022-09-11", "2022-09-12");
  again.sentence_end = 59;
  // AM asserts is there already; AZ denies is new.
  again.claims = {Claim("AM", "asserts"), Claim("AZ", "denies")};
  EventReport later = Report("shelling", "2022-10-01");  // another window
  EventReport unseen = Report("armed_clash", "2022-09-12");
  Put(copy, {again, later, unseen});

  Json events = Export()["events"];
  ASSERT_EQ(events.size(), 4u) << events.dump(1);
  const Json& merged = events[0];
  EXPECT_EQ(merged["type"], "shelling");
  EXPECT_EQ(merged["date"], "2022-09-12");  // the original's
  ASSERT_EQ(merged["reports"].size(), 2u);
  EXPECT_EQ(merged["reports"][0]["file"], "wire.txt");
  EXPECT_EQ(merged["reports"][1]["file"], "copy.txt");
  EXPECT_EQ(merged["reports"][1]["article"], copy);
  EXPECT_EQ(merged["reports"][1]["sentence"],
            "Sotk came under fire on Monday, the Armenian ministry said.");
  ASSERT_EQ(merged["claims"].size(), 2u);
  EXPECT_EQ(merged["claims"][0]["article"], wire);
  EXPECT_EQ(merged["claims"][1]["source"]["side"], "AZ");
  EXPECT_EQ(merged["claims"][1]["stance"], "denies");
  EXPECT_EQ(merged["claims"][1]["article"], copy);

  EXPECT_EQ(events[1]["type"], "detention");
  EXPECT_EQ(events[1]["reports"].size(), 1u);
  // The copy's reports without a counterpart stay events of their own.
  EXPECT_EQ(events[2]["date"], "2022-10-01");
  EXPECT_EQ(events[2]["reports"][0]["file"], "copy.txt");
  EXPECT_EQ(events[3]["type"], "armed_clash");
}

TEST_F(JsonExportTest, EachCopyAddsOneReportToAnIncident) {
  const int64_t wire = Add("wire.txt", kWire);
  const int64_t copy = Add("copy.txt", kCopy, wire);
  const int64_t copy2 = Add("copy2.txt", kCopy, wire);
  Put(wire, {Report("shelling", "2022-09-12")});
  Put(copy, {Report("shelling", "2022-09-12"), Report("shelling", "")});
  Put(copy2, {Report("shelling", "2022-09-12")});
  Json events = Export()["events"];
  // One report of each copy folds in; the copy's second report has no
  // original report left to pair with.
  ASSERT_EQ(events.size(), 2u) << events.dump(1);
  ASSERT_EQ(events[0]["reports"].size(), 3u);
  EXPECT_EQ(events[0]["reports"][1]["article"], copy);
  EXPECT_EQ(events[0]["reports"][2]["article"], copy2);
  EXPECT_EQ(events[1]["reports"][0]["article"], copy);
}

TEST_F(JsonExportTest, UnplacedReportsOfOtherArticlesNeedASharedSide) {
  const int64_t a = Add("a.txt", kWire);
  const int64_t b = Add("b.txt", kCopy);  // same event, not a copy
  Put(a, {Report("shelling", "2022-09-12")});
  Put(b, {Report("shelling", "2022-09-12")});
  EXPECT_EQ(Export()["events"].size(), 2u);
}

// The folding rule, one case per row: an original report and a copy's
// report, folded into one event or kept as two.
struct FoldCase {
  const char* name;
  const char* type;
  const char* date;
  const char* date_end;
  const char* copy_type;
  const char* copy_date;
  const char* copy_date_end;
  bool folds;
};

class FoldRuleTest : public JsonExportTest,
                     public ::testing::WithParamInterface<FoldCase> {};

TEST_P(FoldRuleTest, FoldsWhenTypeMatchesAndWindowsOverlap) {
  const FoldCase& c = GetParam();
  const int64_t wire = Add("wire.txt", kWire);
  const int64_t copy = Add("copy.txt", kCopy, wire);
  Put(wire, {Report(c.type, c.date, c.date_end)});
  Put(copy, {Report(c.copy_type, c.copy_date, c.copy_date_end)});
  Json events = Export()["events"];
  ASSERT_EQ(events.size(), c.folds ? 1u : 2u) << events.dump(1);
  EXPECT_EQ(events[0]["reports"].size(), c.folds ? 2u : 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, FoldRuleTest,
    ::testing::Values(
        FoldCase{"same_day", "shelling", "2022-09-12", "", "shelling",
                 "2022-09-12", "", true},
        FoldCase{"day_inside_range", "shelling", "2022-09-10", "2022-09-14",
                 "shelling", "2022-09-12", "2022-09-12", true},
        FoldCase{"ranges_touch", "shelling", "2022-09-01", "2022-09-12",
                 "shelling", "2022-09-12", "2022-09-30", true},
        FoldCase{"next_day", "shelling", "2022-09-12", "", "shelling",
                 "2022-09-13", "", false},
        FoldCase{"disjoint_ranges", "shelling", "2022-09-01", "2022-09-05",
                 "shelling", "2022-09-06", "2022-09-09", false},
        FoldCase{"other_type", "shelling", "2022-09-12", "", "armed_clash",
                 "2022-09-12", "", false},
        FoldCase{"copy_undated", "shelling", "2022-09-12", "", "shelling", "",
                 "", true},
        FoldCase{"original_undated", "detention", "", "", "detention",
                 "2022-09-12", "", true}),
    [](const ::testing::TestParamInfo<FoldCase>& info) {
      return std::string(info.param.name);
    });

}  // namespace
}  // namespace ceasewatch
