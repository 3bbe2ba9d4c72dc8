#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "store/store_testing.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

// Field-by-field equality, so a failure names the field that differs.
void ExpectSameReport(const EventReport& want, const EventReport& got) {
  EXPECT_EQ(want.type, got.type);
  EXPECT_EQ(want.acled_event_type, got.acled_event_type);
  EXPECT_EQ(want.acled_sub_event_type, got.acled_sub_event_type);
  EXPECT_EQ(want.date, got.date);
  EXPECT_EQ(want.date_end, got.date_end);
  EXPECT_EQ(want.date_precision, got.date_precision);
  EXPECT_EQ(want.date_source, got.date_source);
  EXPECT_EQ(want.date_text, got.date_text);
  EXPECT_EQ(want.background, got.background);
  for (auto [w, g] : {std::pair{&want.fatalities, &got.fatalities},
                      std::pair{&want.injured, &got.injured}}) {
    EXPECT_EQ(w->known, g->known);
    if (w->known) {
      EXPECT_EQ(w->low, g->low);
      EXPECT_EQ(w->high < 0 ? -1 : w->high, g->high);
    }
  }
  EXPECT_EQ(want.cue, got.cue);
  EXPECT_EQ(want.cue_begin, got.cue_begin);
  EXPECT_EQ(want.cue_end, got.cue_end);
  EXPECT_EQ(want.sentence_begin, got.sentence_begin);
  EXPECT_EQ(want.sentence_end, got.sentence_end);
  ASSERT_EQ(want.places.size(), got.places.size());
  for (size_t i = 0; i < want.places.size(); ++i) {
    const EventPlace &w = want.places[i], &g = got.places[i];
    EXPECT_EQ(w.place_id, g.place_id);
    EXPECT_EQ(w.name, g.name);
    EXPECT_EQ(w.mention, g.mention);
    EXPECT_EQ(w.lat, g.lat);
    EXPECT_EQ(w.lon, g.lon);
    EXPECT_EQ(w.country, g.country);
    EXPECT_EQ(w.admin1, g.admin1);
    EXPECT_EQ(w.admin2, g.admin2);
    EXPECT_EQ(w.kind, g.kind);
    EXPECT_EQ(w.geo_precision, g.geo_precision);
    EXPECT_EQ(w.begin, g.begin);
    EXPECT_EQ(w.end, g.end);
  }
  ASSERT_EQ(want.actors.size(), got.actors.size());
  for (size_t i = 0; i < want.actors.size(); ++i) {
    const EventActor &w = want.actors[i], &g = got.actors[i];
    EXPECT_EQ(w.actor_id, g.actor_id);
    EXPECT_EQ(w.name, g.name);
    EXPECT_EQ(w.mention, g.mention);
    EXPECT_EQ(w.side, g.side);
    EXPECT_EQ(w.affiliation, g.affiliation);
    EXPECT_EQ(w.kind, g.kind);
    EXPECT_EQ(w.role, g.role);
    EXPECT_EQ(w.begin, g.begin);
    EXPECT_EQ(w.end, g.end);
  }
  ASSERT_EQ(want.claims.size(), got.claims.size());
  for (size_t i = 0; i < want.claims.size(); ++i) {
    const EventClaim &w = want.claims[i], &g = got.claims[i];
    EXPECT_EQ(w.source_name, g.source_name);
    EXPECT_EQ(w.source_id, g.source_id);
    EXPECT_EQ(w.source_side, g.source_side);
    EXPECT_EQ(w.source_kind, g.source_kind);
    EXPECT_EQ(w.stance, g.stance);
    EXPECT_EQ(w.verb, g.verb);
    EXPECT_EQ(w.text, g.text);
    EXPECT_EQ(w.begin, g.begin);
    EXPECT_EQ(w.end, g.end);
  }
}

EventReport FullReport() {
  EventReport r;
  r.type = "shelling";
  r.acled_event_type = "Explosions/Remote violence";
  r.acled_sub_event_type = "Shelling/artillery/missile attack";
  r.date = "2022-09-12";
  r.date_end = "2022-09-13";
  r.date_precision = "range";
  r.date_source = "text";
  r.date_text = "overnight on Monday";
  r.background = false;
  r.places.push_back({"wof:1", "Sotk", "Sotk", 40.2, 45.93, "AM", "Gegharkunik",
                      "Vardenis", "village", 1, 30, 34});
  r.places.push_back({"wof:2", "Jermuk", "Jermuk", 39.84, 45.67, "AM",
                      "Vayots Dzor", "", "town", 2, 40, 46});
  r.actors.push_back({"az-mil", "Military Forces of Azerbaijan",
                      "Azerbaijani forces", "AZ", "AZ", "military", "actor1", 0,
                      18});
  r.actors.push_back(
      {"", "Civilians", "residents", "", "AM", "civilians", "actor2", 50, 59});
  r.fatalities = {true, 2, 3};
  r.injured = {true, 5, 5};
  r.claims.push_back({"Ministry of Defence of Armenia", "am-mod", "AM",
                      "government", "asserts", "said",
                      "Azerbaijani forces shelled Sotk", 0, 60});
  r.claims.push_back({"Ministry of Defence of Azerbaijan", "az-mod", "AZ",
                      "government", "denies", "denied", "", 61, 90});
  r.cue = "shelled";
  r.cue_begin = 19;
  r.cue_end = 26;
  r.sentence_begin = 0;
  r.sentence_end = 60;
  return r;
}

struct RoundTripCase {
  std::string name;
  std::vector<EventReport> reports;
};

std::vector<RoundTripCase> RoundTripCases() {
  std::vector<RoundTripCase> cases;
  cases.push_back({"full", {FullReport()}});

  EventReport bare;  // every optional field empty, counts unknown
  bare.type = "military_movement";
  cases.push_back({"bare", {bare}});

  EventReport unicode = FullReport();
  unicode.type = "armed_clash";
  unicode.places[0].mention = "Şuşa";
  unicode.places[0].name = "Shusha";
  unicode.actors[0].mention = "Азербайджанские военные";
  unicode.claims[0].text = "«Обстрел продолжался всю ночь», — заявили";
  unicode.claims[0].source_name = "Министерство обороны";
  unicode.date_text = "в ночь на 13 сентября";
  unicode.cue = "обстрел";
  cases.push_back({"unicode", {unicode}});

  EventReport open = FullReport();  // "more than 100 killed"
  open.fatalities = {true, 101, -1};
  open.injured = {true, 0, -7};  // any negative high is open-ended
  open.background = true;
  cases.push_back({"open_ended_and_background", {open}});

  EventReport zero = bare;
  zero.fatalities = {true, 0, 0};  // "no casualties": known, zero
  cases.push_back({"known_zero", {zero}});

  cases.push_back({"several_in_order", {FullReport(), bare, open}});
  cases.push_back({"none", {}});
  return cases;
}

class StoreEventsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  // Stores one document with one article of `text`; returns the article id.
  int64_t AddArticle(const std::string& text, const std::string& name) {
    auto id = AddTestArticle(*store_, {name, text, "2022-09-14", "", {}});
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : -1;
  }

  Status Replace(int64_t article, const std::vector<EventReport>& reports,
                 const std::string& version = "test/1") {
    CW_RETURN_IF_ERROR(store_->Begin());
    Status st = store_->ReplaceEventReports(article, reports, version);
    if (!st.ok()) {
      store_->Rollback();
      return st;
    }
    return store_->Commit();
  }

  int64_t Count(const std::string& table) {
    auto db = Database::Open(db_, true);
    auto q = (*db)->Prepare("SELECT count(*) FROM " + table);
    Status st;
    return q->Step(&st) ? q->Int(0) : -1;
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreEventsTest, SchemaIsAtTheLatestVersion) {
  EXPECT_EQ(store_->schema_version(), LatestSchemaVersion());
  EXPECT_GE(store_->schema_version(), 3);
}

// StoreOptions::page_size applies to a new file; an existing one keeps
// the size it was made with.
TEST_F(StoreEventsTest, PageSizeIsChosenWhenTheFileIsMade) {
  auto page_size = [](const std::string& path) {
    auto db = Database::Open(path, true);
    auto q = (*db)->Prepare("PRAGMA page_size");
    Status st;
    return q->Step(&st) ? q->Int(0) : -1;
  };
  EXPECT_EQ(page_size(db_), StoreOptions{}.page_size);
  const std::string big = (dir_ / "big.db").string();
  StoreOptions options;
  options.page_size = 16384;
  ASSERT_TRUE(Store::Open(big, options).ok());
  EXPECT_EQ(page_size(big), 16384);
  ASSERT_TRUE(Store::Open(big).ok());  // the default asks for 4096
  EXPECT_EQ(page_size(big), 16384);
}

TEST_F(StoreEventsTest, TempStoreCanMoveToMemoryAndBack) {
  auto in_memory = [&] {
    auto m = store_->TempStoreInMemory();
    EXPECT_TRUE(m.ok());
    return m.ok() && *m;
  };
  EXPECT_FALSE(in_memory());
  ASSERT_TRUE(store_->SetTempStoreInMemory(true).ok());
  EXPECT_TRUE(in_memory());
  // Savepoints still undo what they should with the journal in memory.
  Incident incident;
  incident.type = "shelling";
  ASSERT_TRUE(store_->Begin().ok());
  auto kept = store_->InsertIncident(incident, nullptr);
  ASSERT_TRUE(store_->Savepoint().ok());
  auto undone = store_->InsertIncident(incident, nullptr);
  ASSERT_TRUE(kept.ok() && undone.ok());
  ASSERT_TRUE(store_->RollbackToSavepoint().ok());
  ASSERT_TRUE(store_->Commit().ok());
  EXPECT_TRUE(store_->ReadIncident(*kept).ok());
  EXPECT_FALSE(store_->ReadIncident(*undone).ok());
  ASSERT_TRUE(store_->SetTempStoreInMemory(false).ok());
  EXPECT_FALSE(in_memory());
}

TEST_F(StoreEventsTest, RoundTrip) {
  for (const RoundTripCase& c : RoundTripCases()) {
    SCOPED_TRACE(c.name);
    const int64_t id = AddArticle("Some article text for " + c.name, c.name);
    ASSERT_TRUE(Replace(id, c.reports, "pack/" + c.name).ok());
    auto got = store_->EventReportsOf(id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ASSERT_EQ(got->size(), c.reports.size());
    for (size_t i = 0; i < c.reports.size(); ++i) {
      SCOPED_TRACE(i);
      EXPECT_EQ((*got)[i].article_id, id);
      EXPECT_EQ((*got)[i].ordinal, static_cast<int>(i));
      EXPECT_EQ((*got)[i].extractor_version, "pack/" + c.name);
      EXPECT_FALSE((*got)[i].duplicate_of.has_value());
      ExpectSameReport(c.reports[i], (*got)[i].report);
    }
  }
}

TEST_F(StoreEventsTest, UnknownCountsAreNullAndOpenEndedHighIsNull) {
  const int64_t id = AddArticle("text", "a");
  EventReport r = FullReport();
  r.fatalities = {true, 101, -1};
  r.injured = {};
  ASSERT_TRUE(Replace(id, {r}).ok());
  auto db = Database::Open(db_, true);
  auto q = (*db)->Prepare(
      "SELECT fatalities_low, fatalities_high IS NULL, injured_low IS NULL, "
      "injured_high IS NULL, date_text, acled_event_type FROM events");
  Status st;
  ASSERT_TRUE(q->Step(&st)) << st.ToString();
  EXPECT_EQ(q->Double(0), 101);
  EXPECT_EQ(q->Int(1), 1);
  EXPECT_EQ(q->Int(2), 1);
  EXPECT_EQ(q->Int(3), 1);
  EXPECT_EQ(q->Text(4), "overnight on Monday");
}

TEST_F(StoreEventsTest, ReplaceDropsEarlierReportsOfThatArticleOnly) {
  const int64_t a = AddArticle("first", "a");
  const int64_t b = AddArticle("second", "b");
  ASSERT_TRUE(Replace(a, {FullReport(), FullReport()}).ok());
  ASSERT_TRUE(Replace(b, {FullReport()}).ok());
  EXPECT_EQ(*store_->CountEventReports(), 3);
  EXPECT_EQ(Count("event_places"), 6);

  EventReport bare;
  bare.type = "withdrawal";
  ASSERT_TRUE(Replace(a, {bare}, "v2").ok());
  auto got_a = store_->EventReportsOf(a);
  ASSERT_EQ(got_a->size(), 1u);
  EXPECT_EQ((*got_a)[0].report.type, "withdrawal");
  EXPECT_EQ((*got_a)[0].extractor_version, "v2");
  EXPECT_EQ(store_->EventReportsOf(b)->size(), 1u);
  // The children of the replaced reports went with them.
  EXPECT_EQ(Count("event_places"), 2);
  EXPECT_EQ(Count("event_actors"), 2);
  EXPECT_EQ(Count("event_claims"), 2);

  ASSERT_TRUE(Replace(a, {}).ok());
  EXPECT_TRUE(store_->EventReportsOf(a)->empty());
  EXPECT_EQ(*store_->CountEventReports(), 1);
}

TEST_F(StoreEventsTest, RollbackKeepsTheEarlierReports) {
  const int64_t a = AddArticle("first", "a");
  ASSERT_TRUE(Replace(a, {FullReport()}, "v1").ok());
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->ReplaceEventReports(a, {}, "v2").ok());
  ASSERT_TRUE(store_->Rollback().ok());
  auto got = store_->EventReportsOf(a);
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].extractor_version, "v1");
}

TEST_F(StoreEventsTest, ReportOfAMissingArticleIsRefused) {
  EXPECT_FALSE(Replace(12345, {FullReport()}).ok());
  EXPECT_EQ(*store_->CountEventReports(), 0);
}

TEST_F(StoreEventsTest, ForEachVisitsInArticleOrderAndDeleteAllEmpties) {
  const int64_t a = AddArticle("first", "a");
  const int64_t b = AddArticle("second", "b");
  EventReport x = FullReport(), y = FullReport();
  x.type = "x";
  y.type = "y";
  // Written b first: the order read is by article, then by ordinal.
  ASSERT_TRUE(Replace(b, {y, x}).ok());
  ASSERT_TRUE(Replace(a, {x, y}).ok());
  std::vector<std::string> seen;
  Status st = store_->ForEachEventReport(
      EventScope::kAll, [&](const StoredEventReport& r) {
        seen.push_back(std::to_string(r.article_id == a ? 0 : 1) +
                       r.report.type);
        // Reading inside the visit is allowed.
        auto again = store_->EventReportsOf(r.article_id);
        return again.ok() ? Status::Ok() : again.status();
      });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(seen, (std::vector<std::string>{"0x", "0y", "1y", "1x"}));

  int duplicates = 0;
  ASSERT_TRUE(store_
                  ->ForEachEventReport(EventScope::kOfDuplicates,
                                       [&](const StoredEventReport&) {
                                         ++duplicates;
                                         return Status::Ok();
                                       })
                  .ok());
  EXPECT_EQ(duplicates, 0);

  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->DeleteAllEventReports().ok());
  ASSERT_TRUE(store_->Commit().ok());
  EXPECT_EQ(*store_->CountEventReports(), 0);
  EXPECT_EQ(
      Count("event_places") + Count("event_actors") + Count("event_claims"), 0);
}

TEST_F(StoreEventsTest, ReadOnlyStoreReadsReports) {
  const int64_t a = AddArticle("first", "a");
  ASSERT_TRUE(Replace(a, {FullReport()}).ok());
  store_.reset();
  StoreOptions ro;
  ro.read_only = true;
  auto store = Store::Open(db_, ro);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto got = (*store)->EventReportsOf(a);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 1u);
  ExpectSameReport(FullReport(), (*got)[0].report);
  auto article = (*store)->ReadStoredArticle(a);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->path, "a");
  EXPECT_EQ(article->text, "first");
  EXPECT_EQ(article->published, "2022-09-14");
  EXPECT_FALSE((*store)->ReadStoredArticle(a + 100).ok());
}

TEST_F(StoreEventsTest, ArticlesAfterPagesInIdOrder) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i)
    ids.push_back(AddArticle("text " + std::to_string(i), std::to_string(i)));
  auto first = store_->ArticlesAfter(0, 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].id, ids[0]);
  EXPECT_EQ((*first)[1].id, ids[1]);
  EXPECT_EQ((*first)[1].text, "text 1");
  auto rest = store_->ArticlesAfter(ids[1], 10);
  ASSERT_EQ(rest->size(), 3u);
  EXPECT_EQ(rest->back().id, ids[4]);
  EXPECT_TRUE(store_->ArticlesAfter(ids[4], 10)->empty());
}

// A version 2 store (before events) migrates and keeps its articles.
TEST_F(StoreEventsTest, MigratesAVersionTwoStore) {
  store_.reset();
  fs::remove(db_);
  {
    auto db = Database::Open(db_, false);
    ASSERT_TRUE(db.ok());
    for (int v = 0; v < 2; ++v)
      ASSERT_TRUE((*db)->Exec(SchemaMigrations()[v]).ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version=2").ok());
  }
  auto store = Store::Open(db_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), LatestSchemaVersion());
  EXPECT_EQ(*(*store)->CountEventReports(), 0);
}

// Migration 5 computes the index's type code in SQL; C++ must agree, for
// ASCII and other characters alike.
TEST_F(StoreEventsTest, TypeCodeSameInSqlAndCpp) {
  auto db = Database::Open(db_ + ".codes", false);
  ASSERT_TRUE(db.ok());
  auto q = (*db)->Prepare(std::string("SELECT ") + kIncidentTypeCodeSql +
                          " FROM (SELECT ? AS type)");
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  for (std::string type : {"shelling", "armed_clash", "a", "",
                           "\xC3\xA9tat_\xD5\xA1", "x\xF0\x9F\x92\xA5"}) {
    q->Bind(1, type);
    Status st;
    ASSERT_TRUE(q->Step(&st)) << type;
    EXPECT_EQ(q->Int(0), IncidentTypeCode(type)) << type;
    EXPECT_LT(IncidentTypeCode(type), int64_t{1} << 24);
    q->Reset();
  }
  EXPECT_NE(IncidentTypeCode("shelling"), IncidentTypeCode("armed_clash"));
}

// A version 4 store's indexed incidents move to the typed index.
TEST_F(StoreEventsTest, MigratesTheIncidentIndex) {
  store_.reset();
  fs::remove(db_);
  {
    auto db = Database::Open(db_, false);
    ASSERT_TRUE(db.ok());
    for (int v = 0; v < 4; ++v)
      ASSERT_TRUE((*db)->Exec(SchemaMigrations()[v]).ok());
    ASSERT_TRUE((*db)
                    ->Exec("INSERT INTO incidents (id, type) VALUES "
                           "(7, 'shelling'); INSERT INTO incident_index "
                           "VALUES (7, 100, 101, 39, 40, 45, 46);"
                           "PRAGMA user_version=4")
                    .ok());
  }
  auto store = Store::Open(db_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  IncidentBox box{100, 100, 39.5, 39.5, 45.5, 45.5};
  auto found = (*store)->IncidentCandidates(box, 10, {"shelling"});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0]->id, 7);
  found = (*store)->IncidentCandidates(box, 10, {"protest"});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
}

// The incident cache (StoreOptions::incident_cache_entries) never shows an
// incident other than as SQLite holds it.
class IncidentCacheStoreTest : public StoreEventsTest {
 protected:
  int64_t InsertShelling(int fatalities) {
    Incident i;
    i.type = "shelling";
    i.date = "2022-09-13";
    i.fatalities = {true, static_cast<double>(fatalities),
                    static_cast<double>(fatalities)};
    EXPECT_TRUE(store_->Begin().ok());
    auto id = store_->InsertIncident(i, nullptr);
    EXPECT_TRUE(id.ok());
    EXPECT_TRUE(store_->Commit().ok());
    return id.ok() ? *id : -1;
  }
  int FatalitiesLow(int64_t id) {
    auto i = store_->ReadIncident(id);
    EXPECT_TRUE(i.ok()) << i.status().ToString();
    return i.ok() ? static_cast<int>(i->fatalities.low) : -1;
  }
  // Sets the figure with an UPDATE of its own, so the cache is not told.
  void SetFatalitiesBehindTheCache(Database& db, int64_t id, int n) {
    ASSERT_TRUE(db.Exec("UPDATE incidents SET fatalities_low=" +
                        std::to_string(n) + " WHERE id=" + std::to_string(id))
                    .ok());
  }
};

TEST_F(IncidentCacheStoreTest, AnotherConnectionsCommitIsSeenAtBegin) {
  const int64_t id = InsertShelling(2);
  ASSERT_TRUE(store_->Begin().ok());
  EXPECT_EQ(FatalitiesLow(id), 2);
  EXPECT_EQ(FatalitiesLow(id), 2);
  EXPECT_GE(store_->incident_cache().hits(), 1);  // the second read
  ASSERT_TRUE(store_->Commit().ok());
  {
    auto other = Database::Open(db_, false);
    ASSERT_TRUE(other.ok());
    SetFatalitiesBehindTheCache(**other, id, 5);
  }
  ASSERT_TRUE(store_->Begin().ok());
  EXPECT_EQ(FatalitiesLow(id), 5);
  ASSERT_TRUE(store_->Commit().ok());
}

TEST_F(IncidentCacheStoreTest, ARollbackDropsWhatItUndid) {
  const int64_t id = InsertShelling(2);
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->Savepoint().ok());
  auto read = store_->ReadIncident(id);
  ASSERT_TRUE(read.ok());
  read->fatalities = {true, 9, 9};
  ASSERT_TRUE(store_->UpdateIncident(*read, nullptr).ok());
  EXPECT_EQ(FatalitiesLow(id), 9);  // read back, and cached, as updated
  ASSERT_TRUE(store_->RollbackToSavepoint().ok());
  EXPECT_EQ(FatalitiesLow(id), 2);
  read->fatalities = {true, 7, 7};
  ASSERT_TRUE(store_->UpdateIncident(*read, nullptr).ok());
  EXPECT_EQ(FatalitiesLow(id), 7);
  ASSERT_TRUE(store_->Rollback().ok());
  ASSERT_TRUE(store_->Begin().ok());
  EXPECT_EQ(FatalitiesLow(id), 2);
  ASSERT_TRUE(store_->Commit().ok());
}

TEST_F(IncidentCacheStoreTest, ReadsOutsideATransactionAreNotCached) {
  const int64_t id = InsertShelling(2);
  EXPECT_EQ(FatalitiesLow(id), 2);
  EXPECT_EQ(FatalitiesLow(id), 2);
  EXPECT_EQ(store_->incident_cache().size(), 0u);
  EXPECT_EQ(store_->incident_cache().hits(), 0);
}

TEST_F(IncidentCacheStoreTest, ADeletedIncidentIsNotFound) {
  const int64_t id = InsertShelling(2);
  ASSERT_TRUE(store_->Begin().ok());
  EXPECT_EQ(FatalitiesLow(id), 2);
  ASSERT_TRUE(store_->DeleteIncident(id).ok());
  auto gone = store_->ReadIncident(id);
  EXPECT_EQ(gone.status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(store_->Commit().ok());
}

// The box index (StoreOptions::incident_box_index) answers candidate
// queries inside a transaction; outside one the R*Tree does. Both must
// give the same incidents after inserts, moves, deletes, rollbacks and
// another connection's writes.
class IncidentBoxIndexStoreTest : public StoreEventsTest {
 protected:
  static constexpr const char* kTypes[] = {"shelling", "armed_clash", "protest",
                                           "air_strike"};

  IncidentBox RandomBox() {
    std::uniform_real_distribution<double> lat(39.0, 39.3), lon(46.0, 46.3),
        size(0.0, 0.2);
    IncidentBox b;
    b.day_lo = 19000 + static_cast<int64_t>(rng_() % 30);
    b.day_hi = b.day_lo + static_cast<int64_t>(rng_() % 6);
    b.lat_lo = lat(rng_);  // many decimals: the R*Tree rounds to floats
    b.lat_hi = b.lat_lo + size(rng_);
    b.lon_lo = lon(rng_);
    b.lon_hi = b.lon_lo + size(rng_);
    return b;
  }
  Incident RandomIncident() {
    Incident i;
    i.type = kTypes[rng_() % 4];
    i.date = "2022-01-01";
    return i;
  }
  void InsertSome(int n) {
    for (int k = 0; k < n; ++k) {
      IncidentBox b = RandomBox();
      auto id = store_->InsertIncident(RandomIncident(), &b);
      ASSERT_TRUE(id.ok()) << id.status().ToString();
      ids_.push_back(*id);
    }
  }
  void MoveSome(int n) {
    for (int k = 0; k < n; ++k) {
      auto i = store_->ReadIncident(ids_[rng_() % ids_.size()]);
      if (!i.ok()) continue;  // deleted
      IncidentBox b = RandomBox();
      ASSERT_TRUE(store_->UpdateIncident(*i, &b).ok());
    }
  }
  // The candidates of a fixed set of queries, ids in order.
  std::vector<std::vector<int64_t>> Answers() {
    std::mt19937_64 queries(7);
    std::swap(queries, rng_);
    std::vector<std::vector<int64_t>> out;
    for (int k = 0; k < 150; ++k) {
      IncidentBox q = RandomBox();
      std::vector<std::string> types;
      if (k % 3 != 0) types.push_back(kTypes[rng_() % 4]);
      if (k % 3 == 2) types.push_back(kTypes[rng_() % 4]);
      auto found = store_->IncidentCandidates(q, 1000, types);
      EXPECT_TRUE(found.ok()) << found.status().ToString();
      std::vector<int64_t> ids;
      if (found.ok())
        for (const auto& i : *found) ids.push_back(i->id);
      out.push_back(ids);
    }
    std::swap(queries, rng_);
    return out;
  }
  // Answers inside a transaction (the index), then outside (the R*Tree).
  void ExpectIndexAgrees(const char* when) {
    ASSERT_TRUE(store_->Begin().ok());
    const auto indexed = Answers();
    ASSERT_TRUE(store_->Commit().ok());
    const auto rtree = Answers();
    EXPECT_EQ(indexed, rtree) << when;
    size_t found = 0;
    for (const auto& a : rtree) found += a.size();
    EXPECT_GT(found, 5 * rtree.size()) << when << ": the queries find little";
  }

  std::mt19937_64 rng_{42};
  std::vector<int64_t> ids_;
};

TEST_F(IncidentBoxIndexStoreTest, AnswersAsTheRTreeDoes) {
  ASSERT_TRUE(store_->Begin().ok());
  InsertSome(400);
  ASSERT_TRUE(store_->Commit().ok());
  ExpectIndexAgrees("after inserts");

  ASSERT_TRUE(store_->Begin().ok());
  Answers();  // loads the index before the writes below
  MoveSome(100);
  for (int k = 0; k < 30; ++k)
    ASSERT_TRUE(store_->DeleteIncident(ids_[rng_() % ids_.size()]).ok());
  InsertSome(50);
  ASSERT_TRUE(store_->Commit().ok());
  ExpectIndexAgrees("after moves, deletes and inserts");

  ASSERT_TRUE(store_->Begin().ok());
  const auto before = Answers();
  ASSERT_TRUE(store_->Savepoint().ok());
  MoveSome(100);
  InsertSome(20);
  EXPECT_NE(Answers(), before);
  ASSERT_TRUE(store_->RollbackToSavepoint().ok());
  EXPECT_EQ(Answers(), before);
  MoveSome(50);
  ASSERT_TRUE(store_->Rollback().ok());
  ASSERT_TRUE(store_->Begin().ok());
  EXPECT_EQ(Answers(), before);
  ASSERT_TRUE(store_->Commit().ok());
  ExpectIndexAgrees("after rollbacks");

  {  // another connection moves every box: Begin must see it
    auto other = Database::Open(db_, false);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(
        (*other)
            ->Exec("UPDATE incident_boxes SET day_lo=day_lo+2, day_hi=day_hi+2")
            .ok());
  }
  ASSERT_TRUE(store_->Begin().ok());
  const auto moved = Answers();
  ASSERT_TRUE(store_->Commit().ok());
  EXPECT_NE(moved, before);
  EXPECT_EQ(moved, Answers());
}

}  // namespace
}  // namespace ceasewatch
