// Test helpers for the stages that read incidents (query, export, brief,
// server): a temporary store holding four incidents made by hand and fused
// as ingest fuses them. Header-only; link cw_incidents.
//
//   #1 shelling, 2022-09-13, Sotk (AM), AZ vs AM, killed 2-3; AM asserts,
//      AZ denies (a contradiction); article 1 (outlet "Wire A")
//   #2 armed_clash, 2022-09-20, Lachin corridor (AZ), NK vs AZ, killed 1;
//      article 2 (outlet "Paper, B": a comma for CSV quoting)
//   #3 protest_blockade, 2021-05-01, Yerevan (AM), protesters; a claim
//      with quotes and "<script>"; article 3
//   #4 agreement, 2020-11-10, background, no place; article 4
#ifndef CEASEWATCH_QUERY_QUERY_TESTING_H_
#define CEASEWATCH_QUERY_QUERY_TESTING_H_

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "incidents/incident_fuser.h"
#include "store/store.h"
#include "store/store_testing.h"

namespace ceasewatch {

inline EventPlace TestPlace(const std::string& name, const std::string& country,
                            const std::string& admin1, double lat, double lon) {
  EventPlace p;
  p.place_id = "test:" + name;
  p.name = name;
  p.mention = name;
  p.lat = lat;
  p.lon = lon;
  p.country = country;
  p.admin1 = admin1;
  p.kind = "village";
  p.geo_precision = 1;
  return p;
}

inline EventActor TestActor(const std::string& name, const std::string& side,
                            const std::string& kind, const std::string& role) {
  EventActor a;
  a.actor_id = "test:" + name;
  a.name = name;
  a.mention = name;
  a.side = side;
  a.kind = kind;
  a.role = role;
  return a;
}

inline EventClaim TestClaim(const std::string& side, const std::string& stance,
                            const std::string& text) {
  EventClaim c;
  c.source_name = side + " ministry";
  c.source_side = side;
  c.source_kind = "government";
  c.stance = stance;
  c.verb = "said";
  c.text = text;
  return c;
}

inline EventReport TestReport(const std::string& type,
                              const std::string& date) {
  EventReport r;
  r.type = type;
  r.date = date;
  r.date_end = date;
  r.date_precision = "day";
  r.date_source = "text";
  r.sentence_begin = 0;
  r.sentence_end = 20;
  return r;
}

class IncidentStoreTest {
 public:
  // Creates the store in a fresh temporary folder named after `name`.
  explicit IncidentStoreTest(const std::string& name) {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("incidents_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = Store::Open(db());
    if (store.ok()) store_ = std::move(*store);
  }
  ~IncidentStoreTest() {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string db() const { return (dir_ / "store.db").string(); }
  Store& store() { return *store_; }

  // Fills the store with the four incidents above; false on a failure.
  bool Fill() {
    if (!store_) return false;
    EventReport shelling = TestReport("shelling", "2022-09-13");
    shelling.acled_event_type = "Explosions/Remote violence";
    shelling.acled_sub_event_type = "Shelling/artillery/missile attack";
    shelling.places = {TestPlace("Sotk", "AM", "Gegharkunik", 40.2, 45.9)};
    shelling.actors = {
        TestActor("Armed Forces of Azerbaijan", "AZ", "military", "actor1"),
        TestActor("Armed Forces of Armenia", "AM", "military", "actor2")};
    shelling.fatalities = {true, 2, 3};
    shelling.claims = {TestClaim("AM", "asserts", "Azerbaijan shelled Sotk"),
                       TestClaim("AZ", "denies", "no shelling took place")};
    EventReport clash = TestReport("armed_clash", "2022-09-20");
    clash.acled_event_type = "Battles";
    clash.acled_sub_event_type = "Armed clash";
    clash.places = {
        TestPlace("Lachin corridor", "AZ", "East Zangezur", 39.6, 46.5)};
    clash.actors = {
        TestActor("Karabakh Armenian forces", "NK", "military", "actor1"),
        TestActor("Armed Forces of Azerbaijan", "AZ", "military", "actor2")};
    clash.fatalities = {true, 1, 1};
    EventReport protest = TestReport("protest_blockade", "2021-05-01");
    protest.acled_event_type = "Protests";
    protest.acled_sub_event_type = "Peaceful protest";
    protest.places = {TestPlace("Yerevan", "AM", "Yerevan", 40.18, 44.51)};
    protest.actors = {TestActor("Protesters", "", "protesters", "actor1")};
    protest.claims = {
        TestClaim("media", "asserts", "they chanted \"<script>alert(1)\"")};
    EventReport agreement = TestReport("agreement", "2020-11-10");
    agreement.acled_event_type = "Strategic developments";
    agreement.acled_sub_event_type = "Agreement";
    agreement.background = true;
    return Put("a.txt", "Wire A", "2022-09-14", shelling) &&
           Put("b.txt", "Paper, B", "2022-09-21", clash) &&
           Put("c.txt", "", "2021-05-02", protest) &&
           Put("d.txt", "", "2022-01-01", agreement);
  }

  // One more article with report `r`, fused as ingest fuses it.
  bool AddReport(const std::string& file, const std::string& published,
                 const EventReport& r) {
    return Put(file, "", published, r);
  }

 private:
  bool Put(const std::string& file, const std::string& outlet,
           const std::string& published, const EventReport& r) {
    auto id =
        AddTestArticle(*store_, {file,
                                 "Text of " + file + " with enough words.",
                                 published,
                                 outlet,
                                 {}});
    if (!id.ok()) return false;
    if (!store_->Begin().ok()) return false;
    if (!store_->ReplaceEventReports(*id, {r}, "test/1").ok()) return false;
    if (!fuser_.FuseArticle(*store_, *id).ok()) return false;
    if (!store_->Commit().ok()) return false;
    return store_->IndexFtsThrough(*id).ok();
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  IncidentFuser fuser_{TypeCompatibility(), PlaceReach(), FusionOptions()};
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_QUERY_QUERY_TESTING_H_
