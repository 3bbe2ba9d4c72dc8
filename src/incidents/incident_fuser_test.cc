#include "incidents/incident_fuser.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "incidents/contradictions.h"
#include "store/store_testing.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

EventPlace Village(const std::string& name, double lat, double lon) {
  EventPlace p;
  p.place_id = "test:" + name;
  p.name = name;
  p.mention = name;
  p.lat = lat;
  p.lon = lon;
  p.kind = "village";
  p.geo_precision = 1;
  return p;
}

EventClaim Claim(const std::string& side, const std::string& stance) {
  EventClaim c;
  c.source_name = side + " ministry";
  c.source_side = side;
  c.stance = stance;
  c.text = side + " says it " + stance;
  return c;
}

EventReport Shelling(const EventPlace& where, const std::string& date,
                     std::vector<EventClaim> claims, double killed = -1) {
  EventReport r;
  r.type = "shelling";
  r.date = r.date_end = date;
  r.date_precision = "day";
  r.date_source = "text";
  r.places = {where};
  EventActor az;
  az.side = "AZ";
  az.role = "actor1";
  r.actors = {az};
  r.claims = std::move(claims);
  if (killed >= 0) r.fatalities = {true, killed, killed};
  return r;
}

const EventPlace kSotk = Village("Sotk", 40.2167, 45.9333);
const EventPlace kGoris = Village("Goris", 39.5111, 46.3383);

class IncidentFuserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("fuser_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  // A new connection, as a later ingest run has.
  void Reopen() {
    store_.reset();
    auto store = Store::Open((dir_ / "store.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  int64_t Add(const std::string& file, const std::string& outlet,
              std::optional<int64_t> copy_of = {}) {
    auto id = AddTestArticle(
        *store_, {file, "text of " + file, "2022-09-14", outlet, copy_of});
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : -1;
  }
  // Stores and fuses in one transaction, as ingest does.
  void Put(int64_t article, const std::vector<EventReport>& reports) {
    ASSERT_TRUE(store_->Begin().ok());
    ASSERT_TRUE(store_->ReplaceEventReports(article, reports, "t/1").ok());
    Status st = fuser_.FuseArticle(*store_, article);
    ASSERT_TRUE(st.ok()) << st.ToString();
    ASSERT_TRUE(store_->Commit().ok());
  }
  std::vector<Incident> Incidents() {
    std::vector<Incident> out;
    EXPECT_TRUE(store_
                    ->ForEachIncident([&](const Incident& i) {
                      out.push_back(i);
                      return Status::Ok();
                    })
                    .ok());
    return out;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  IncidentFuser fuser_{TypeCompatibility(), PlaceReach(), FusionOptions()};
};

TEST_F(IncidentFuserTest, BothSidesAndASyndicatedCopyMakeOneIncident) {
  const int64_t az = Add("az.txt", "Azertac");
  // Baku gives its own toll and disputes Yerevan's account.
  Put(az, {Shelling(kSotk, "2022-09-13",
                    {Claim("AZ", "asserts"), Claim("AZ", "disputes")}, 1)});
  const int64_t first_id = Incidents().at(0).id;

  Reopen();  // a later run
  const int64_t am = Add("am.txt", "Armenpress");
  Put(am, {Shelling(kSotk, "2022-09-13", {Claim("AM", "asserts")}, 3)});
  const int64_t copy = Add("copy.txt", "Trend", am);  // republished
  Put(copy, {Shelling(kSotk, "2022-09-13", {Claim("AM", "asserts")}, 3)});

  std::vector<Incident> incidents = Incidents();
  ASSERT_EQ(incidents.size(), 1u);
  const Incident& i = incidents[0];
  EXPECT_EQ(i.id, first_id);  // stable across runs
  EXPECT_EQ(i.reports, 3);
  EXPECT_EQ(i.sources, 2);  // the copy counts with its original
  EXPECT_EQ(i.fatalities.low, 1);
  EXPECT_EQ(i.fatalities.high, 3);

  auto members = store_->ReportsOfIncident(i.id);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 3u);
  std::vector<Contradiction> found = FindContradictions(*members);
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0].kind, "stance");
  EXPECT_EQ(found[0].first.claim.source_side, "AM");
  EXPECT_EQ(found[0].second.claim.source_side, "AZ");
  EXPECT_EQ(found[0].second.article_id, az);
  EXPECT_EQ(found[1].kind, "fatalities");  // 1 killed vs 3 killed
  EXPECT_EQ(found[1].first.claim.source_side, "AZ");
}

TEST_F(IncidentFuserTest, SameDayOtherVillageIsAnotherIncident) {
  Put(Add("a.txt", "A"), {Shelling(kSotk, "2022-09-13", {})});
  Put(Add("b.txt", "B"), {Shelling(kGoris, "2022-09-13", {})});
  Put(Add("c.txt", "C"), {Shelling(kSotk, "2022-09-20", {})});
  EXPECT_EQ(Incidents().size(), 3u);
}

TEST_F(IncidentFuserTest, TwoReportsOfOneArticleNeverShareAnIncident) {
  Put(Add("a.txt", "A"),
      {Shelling(kSotk, "2022-09-13", {}), Shelling(kSotk, "2022-09-13", {})});
  EXPECT_EQ(Incidents().size(), 2u);
}

TEST_F(IncidentFuserTest, ReplacedReportsRebuildOrRemoveTheirIncidents) {
  const int64_t a = Add("a.txt", "A");
  const int64_t b = Add("b.txt", "B");
  Put(a, {Shelling(kSotk, "2022-09-13", {}, 2)});
  Put(b, {Shelling(kSotk, "2022-09-13", {}, 5)});
  ASSERT_EQ(Incidents().size(), 1u);
  EXPECT_EQ(Incidents()[0].fatalities.high, 5);
  // Re-extraction of b finds nothing: the incident keeps a's account.
  Put(b, {});
  ASSERT_EQ(Incidents().size(), 1u);
  EXPECT_EQ(Incidents()[0].reports, 1);
  EXPECT_EQ(Incidents()[0].fatalities.high, 2);
  EXPECT_EQ(Incidents()[0].sources, 1);
  // And of a: nothing is left of it.
  Put(a, {});
  Put(b, {});  // any fusion pass removes empty incidents
  EXPECT_TRUE(Incidents().empty());
}

TEST_F(IncidentFuserTest, PendingReportsAreFusedInArticleOrder) {
  const int64_t a = Add("a.txt", "A");
  const int64_t b = Add("b.txt", "B");
  for (int64_t id : {a, b}) {
    ASSERT_TRUE(store_->Begin().ok());
    ASSERT_TRUE(store_
                    ->ReplaceEventReports(
                        id, {Shelling(kSotk, "2022-09-13", {})}, "t/1")
                    .ok());
    ASSERT_TRUE(store_->Commit().ok());
  }
  FuseStats stats;
  ASSERT_TRUE(fuser_.FusePending(*store_, 1, &stats).ok());
  EXPECT_EQ(stats.articles, 2);
  EXPECT_EQ(stats.opened, 1);
  EXPECT_EQ(stats.joined, 1);
  ASSERT_EQ(Incidents().size(), 1u);
  // Nothing pending: a second pass changes nothing.
  FuseStats again;
  ASSERT_TRUE(fuser_.FusePending(*store_, 1, &again).ok());
  EXPECT_EQ(again.reports, 0);
}

TEST_F(IncidentFuserTest, CandidatesComeFromTheIndexBox) {
  Put(Add("a.txt", "A"), {Shelling(kSotk, "2022-09-13", {})});
  Put(Add("b.txt", "B"), {Shelling(kGoris, "2022-09-13", {})});
  Incident sotk = Incidents().at(0);
  IncidentBox box;
  ASSERT_TRUE(fuser_.BoxOf(sotk, &box));
  auto found = store_->IncidentCandidates(box, 10);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);  // Goris, 80 km off, is not read
  EXPECT_EQ((*found)[0]->places.at(0).name, "Sotk");
  box.day_lo += 2;
  box.day_hi += 2;
  found = store_->IncidentCandidates(box, 10);
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
  // The type is a dimension of the index: asked for other types only, the
  // Sotk shelling is not read.
  box.day_lo -= 2;
  box.day_hi -= 2;
  found = store_->IncidentCandidates(box, 10, {"shelling", "armed_clash"});
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 1u);
  found = store_->IncidentCandidates(box, 10, {"armed_clash", "protest"});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
}

// Without a place below country level, only the same type and a shared
// side join (the fuser asks the index for nothing else there).
TEST_F(IncidentFuserTest, UnplacedReportsJoinOnlyTheirOwnTypeAndSide) {
  TypeCompatibility types;
  types.Allow("armed_clash", "shelling");
  const IncidentFuser fuser(types, PlaceReach(), FusionOptions());
  auto put = [&](int64_t article, const EventReport& r) {
    ASSERT_TRUE(store_->Begin().ok());
    ASSERT_TRUE(store_->ReplaceEventReports(article, {r}, "t/1").ok());
    ASSERT_TRUE(fuser.FuseArticle(*store_, article).ok());
    ASSERT_TRUE(store_->Commit().ok());
  };
  auto unplaced = [](const std::string& type, bool with_actor) {
    EventReport r = Shelling(kSotk, "2022-09-13", {});
    r.type = type;
    r.places.clear();
    if (!with_actor) r.actors.clear();
    return r;
  };
  put(Add("a.txt", "A"), Shelling(kSotk, "2022-09-13", {}));
  put(Add("b.txt", "B"), unplaced("shelling", true));  // joins a
  ASSERT_EQ(Incidents().size(), 1u);
  EXPECT_EQ(Incidents()[0].reports, 2);
  put(Add("c.txt", "C"), unplaced("armed_clash", true));  // compatible only
  put(Add("d.txt", "D"), unplaced("shelling", false));    // no side to share
  ASSERT_EQ(Incidents().size(), 3u);
  // A placed report finds an unplaced incident of its type and side.
  EventReport clash = Shelling(kGoris, "2022-09-13", {});
  clash.type = "armed_clash";
  put(Add("e.txt", "E"), clash);
  const std::vector<Incident> all = Incidents();
  ASSERT_EQ(all.size(), 3u);
  for (const Incident& i : all) {
    // a+b and c+e; d alone.
    const bool alone = i.type == "shelling" && i.places.empty();
    EXPECT_EQ(i.reports, alone ? 1 : 2) << i.type;
  }
}

}  // namespace
}  // namespace ceasewatch
