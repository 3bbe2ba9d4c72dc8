#include "pipeline/ingester.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "store/sqlite_handle.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

class RecordingReporter : public InputReporter {
 public:
  void Reject(const std::string& path, const std::string& locator,
              const Status& why) override {
    rejects.push_back(path + "|" + locator + "|" + why.message());
  }
  std::vector<std::string> rejects;
};

// A wire story of eight paragraphs, and a copy with its lede rewritten and
// its last paragraph dropped.
// Walks `folder` into IngestDocument without Finish(): what a run killed
// before its index flush leaves behind.
Status IngestEachDocument(Ingester& ingester, const IngestOptions& options,
                          const std::string& folder,
                          RecordingReporter& reporter) {
  InputWalker walker(options.input);
  return walker.Walk(
      {folder},
      [&](RawDocument&& d) {
        return ingester.IngestDocument(std::move(d), reporter);
      },
      reporter);
}

std::string Story(bool copy) {
  std::string lede =
      copy ? "Artillery fire struck houses at the edge of Kestrel Ridge "
             "overnight, officials said on Tuesday, and two people were hurt."
           : "The district administration said on Tuesday that shells hit "
             "several houses on the edge of Kestrel Ridge during the night.";
  std::string body = lede + "\n";
  const char* paragraphs[] = {
      "Residents said the firing began shortly after midnight and went on "
      "for almost three hours before it eased before dawn.",
      "The defence ministry of the other side denied that its units had "
      "fired at any village and spoke of a provocation.",
      "Observers from the monitoring mission said they would visit the area "
      "as soon as security allowed them to travel there.",
      "Local officials said a school and a water pumping station were "
      "damaged and that repairs would take several weeks.",
      "Families from the two nearest streets spent the night in the "
      "basement of the village hall, a teacher told reporters.",
      "The ceasefire agreed last year has been broken several times along "
      "this part of the line, according to the mission.",
      "Talks between the two delegations are due to resume next month in a "
      "neutral capital, diplomats said on condition of anonymity.",
  };
  for (size_t i = 0; i < (copy ? 6u : 7u); ++i)
    body += paragraphs[i] + std::string("\n");
  return body;
}

class IngesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("ingester_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    db_ = (dir_ / "store.db").string();
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "in" / name, std::ios::binary) << text;
  }
  std::unique_ptr<Store> Open() {
    auto store = Store::Open(db_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(*store);
  }
  int64_t Count(const std::string& sql) {
    auto db = Database::Open(db_, true);
    auto q = (*db)->Prepare(sql);
    Status st;
    return q->Step(&st) ? q->Int(0) : -1;
  }
  // "id->original" for each stored article ("id->-" for an original).
  std::vector<std::string> DuplicateLinks() {
    std::vector<std::string> links;
    auto db = Database::Open(db_, true);
    auto q = (*db)->Prepare(
        "SELECT id || '->' || ifnull(duplicate_of, '-') FROM articles "
        "ORDER BY id");
    Status st;
    while (q->Step(&st)) links.push_back(q->Text(0));
    EXPECT_TRUE(st.ok()) << st.ToString();
    return links;
  }
  fs::path dir_;
  std::string db_;
};

TEST_F(IngesterTest, LinksARewrittenWireCopyToTheFirstCopy) {
  Write("a.txt",
        "Shells hit houses near Kestrel Ridge overnight\n\n" + Story(false));
  Write("b.txt",
        "Two hurt as artillery strikes border village\n\n" + Story(true));
  Write("c.txt",
        "An unrelated report about a new bridge opening\n\nThe new "
        "bridge over the river opened on Monday after two years of "
        "work, and the first buses crossed it at noon.\n");
  auto store = Open();
  Ingester ingester(store.get(), IngestOptions{});
  RecordingReporter reporter;
  ASSERT_TRUE(ingester.Ingest({(dir_ / "in").string()}, reporter).ok());
  EXPECT_TRUE(reporter.rejects.empty());
  EXPECT_EQ(ingester.stats().articles, 3);
  EXPECT_EQ(ingester.stats().duplicates, 1);
  EXPECT_EQ(Count("SELECT duplicate_of FROM articles WHERE id=2"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM articles WHERE id=3 AND "
                  "duplicate_of IS NULL"),
            1);
}

TEST_F(IngesterTest, ReingestingChangesNothing) {
  Write("a.txt",
        "Shells hit houses near Kestrel Ridge overnight\n\n" + Story(false));
  for (int run = 0; run < 2; ++run) {
    auto store = Open();
    Ingester ingester(store.get(), IngestOptions{});
    RecordingReporter reporter;
    ASSERT_TRUE(ingester.Ingest({(dir_ / "in").string()}, reporter).ok());
    EXPECT_EQ(ingester.stats().stored, run == 0 ? 1 : 0);
    EXPECT_EQ(ingester.stats().unchanged, run == 0 ? 0 : 1);
  }
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 1);
}

// Savepoint journals stay in memory, and the page cache is larger, while
// an Ingester writes; the connection is given back as it was.
TEST_F(IngesterTest, ConnectionIsTunedOnlyWhileIngesting) {
  auto store = Open();
  auto in_memory = [&] {
    auto m = store->TempStoreInMemory();
    EXPECT_TRUE(m.ok());
    return m.ok() && *m;
  };
  auto cache_mb = [&] {
    auto mb = store->CacheMegabytes();
    EXPECT_TRUE(mb.ok());
    return mb.ok() ? *mb : -1;
  };
  EXPECT_FALSE(in_memory());
  EXPECT_EQ(cache_mb(), Store::kDefaultCacheMegabytes);
  {
    IngestOptions options;
    options.store_cache_mb = 100;
    Ingester ingester(store.get(), options);
    EXPECT_TRUE(in_memory());
    EXPECT_EQ(cache_mb(), 100);
  }
  EXPECT_FALSE(in_memory());
  EXPECT_EQ(cache_mb(), Store::kDefaultCacheMegabytes);
}

TEST_F(IngesterTest, RejectedInputIsReportedRecordedAndTheRestStored) {
  Write("good.txt", "A good page about the road\n\n" + Story(false));
  Write("empty.txt", "");
  Write("broken.txt", "Broken \xff\xfe bytes here\n");
  auto store = Open();
  Ingester ingester(store.get(), IngestOptions{});
  RecordingReporter reporter;
  ASSERT_TRUE(ingester.Ingest({(dir_ / "in").string()}, reporter).ok());
  ASSERT_EQ(reporter.rejects.size(), 2u);
  EXPECT_NE(reporter.rejects[0].find("broken.txt"), std::string::npos);
  EXPECT_NE(reporter.rejects[0].find("UTF-8"), std::string::npos);
  EXPECT_NE(reporter.rejects[1].find("empty.txt"), std::string::npos);
  EXPECT_EQ(ingester.stats().rejected, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM rejects"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 1);
}

TEST_F(IngesterTest, IndexesLeftUnflushedByACrashAreRebuilt) {
  Write("a.txt",
        "Shells hit houses near Kestrel Ridge overnight\n\n" + Story(false));
  {
    // Documents commit, but the run ends before the indexes are flushed,
    // as when the process is killed.
    auto store = Open();
    IngestOptions options;
    options.index_batch_documents = 1000;
    Ingester ingester(store.get(), options);
    RecordingReporter reporter;
    ASSERT_TRUE(
        IngestEachDocument(ingester, options, (dir_ / "in").string(), reporter)
            .ok());
  }
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM lsh_bands"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM articles_fts WHERE articles_fts "
                  "MATCH 'Kestrel'"),
            0);
  // The next run catches up before it ingests, and then finds the copy.
  Write("b.txt",
        "Two hurt as artillery strikes border village\n\n" + Story(true));
  auto store = Open();
  Ingester ingester(store.get(), IngestOptions{});
  RecordingReporter reporter;
  ASSERT_TRUE(ingester.Ingest({(dir_ / "in").string()}, reporter).ok());
  EXPECT_EQ(ingester.stats().duplicates, 1);
  EXPECT_EQ(Count("SELECT count(DISTINCT article_id) FROM lsh_bands"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM articles_fts WHERE articles_fts "
                  "MATCH 'Kestrel'"),
            2);
}

// A stand-in extractor: one "shelling" report per article that names
// Kestrel Ridge, spanning its first line.
std::vector<EventReport> FakeEvents(const StoredArticle& a) {
  if (a.text.find("Kestrel Ridge") == std::string::npos) return {};
  EventReport r;
  r.type = "shelling";
  r.date = a.published;
  r.sentence_end = static_cast<uint32_t>(a.text.find('\n'));
  return {r};
}

TEST_F(IngesterTest, SiteLineCountsLeftUnflushedByACrashAreRebuilt) {
  // Three pages of one site sharing short lines (site chrome candidates).
  for (int i = 0; i < 3; ++i)
    Write(
        "p" + std::to_string(i) + ".jsonl",
        "{\"id\": \"" + std::to_string(i) +
            "\", \"url\": \"https://www.news.example/" + std::to_string(i) +
            "\", \"title\": \"Report\", \"text\": \"Follow us\\nMore news\\n" +
            (i == 2 ? "Only here\\n" : "") + "Story number " +
            std::to_string(i) + "\"}\n");
  auto ingest = [&](const std::string& db, bool finish) {
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok());
    IngestOptions options;
    options.index_batch_documents = 1000;
    Ingester ingester(store->get(), options);
    RecordingReporter reporter;
    ASSERT_TRUE(
        IngestEachDocument(ingester, options, (dir_ / "in").string(), reporter)
            .ok());
    if (finish) {
      ASSERT_TRUE(ingester.Finish().ok());
    }
  };
  const std::string clean = (dir_ / "clean.db").string();
  ingest(clean, true);
  ingest(db_, false);  // killed before its counts were flushed
  EXPECT_EQ(Count("SELECT count(*) FROM site_lines"), 0);
  ingest(db_, true);  // stores nothing new, catches up
  auto rows = [&](const std::string& db) {
    std::vector<std::string> out;
    auto d = Database::Open(db, true);
    auto q = (*d)->Prepare(
        "SELECT site || ' ' || documents FROM sites UNION ALL "
        "SELECT site || ' ' || line_hash || ' ' || documents FROM "
        "site_lines ORDER BY 1");
    Status st;
    while (q->Step(&st)) out.push_back(q->Text(0));
    return out;
  };
  std::vector<std::string> want = rows(clean);
  EXPECT_EQ(rows(db_), want);
  EXPECT_NE(std::find(want.begin(), want.end(), "news.example 3"), want.end());
  EXPECT_GT(want.size(), 3u);  // the site and its lines
  // A later run counts nothing twice.
  ingest(db_, true);
  EXPECT_EQ(rows(db_), want);
}

TEST_F(IngesterTest, StoresEachArticlesEventReports) {
  Write("a.txt",
        "Shells hit houses near Kestrel Ridge overnight\n\n" + Story(false));
  Write("c.txt",
        "An unrelated report about a new bridge opening\n\nThe new "
        "bridge over the river opened on Monday after two years of "
        "work, and the first buses crossed it at noon.\n");
  auto store = Open();
  Ingester ingester(store.get(), IngestOptions{});
  std::vector<std::string> seen;
  ingester.set_event_source(
      [&](const StoredArticle& a) {
        seen.push_back(a.path);
        EXPECT_EQ(a.id, 0);  // not stored yet
        return FakeEvents(a);
      },
      "fake/1");
  RecordingReporter reporter;
  ASSERT_TRUE(ingester.Ingest({(dir_ / "in").string()}, reporter).ok());
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_EQ(ingester.stats().events, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM events e JOIN articles a ON "
                  "a.id=e.article_id WHERE e.type='shelling' AND "
                  "e.extractor_version='fake/1' AND a.title LIKE 'Shells%'"),
            1);
  auto reports = store->EventReportsOf(1);
  ASSERT_TRUE(reports.ok());
  ASSERT_EQ(reports->size(), 1u);
  // Offsets index the stored text.
  auto text = store->ArticleText(1);
  const EventReport& r = (*reports)[0].report;
  EXPECT_EQ(text->substr(r.sentence_begin, r.sentence_end),
            text->substr(0, text->find('\n')));
}

TEST_F(IngesterTest, WithoutAnEventSourceNoReportsAreStored) {
  Write("a.txt",
        "Shells hit houses near Kestrel Ridge overnight\n\n" + Story(false));
  auto store = Open();
  Ingester ingester(store.get(), IngestOptions{});
  ingester.set_event_extractor(nullptr);
  RecordingReporter reporter;
  ASSERT_TRUE(ingester.Ingest({(dir_ / "in").string()}, reporter).ok());
  EXPECT_EQ(ingester.stats().articles, 1);
  EXPECT_EQ(ingester.stats().events, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM events"), 0);
}

TEST_F(IngesterTest, AFailingEventWriteLeavesNoPartOfTheDocument) {
  Write("a.txt",
        "Shells hit houses near Kestrel Ridge overnight\n\n" + Story(false));
  {
    auto store = Open();  // creates the schema
    auto db = Database::Open(db_, false);
    ASSERT_TRUE((*db)
                    ->Exec("CREATE TRIGGER refuse BEFORE INSERT ON events "
                           "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                    .ok());
  }
  auto store = Open();
  Ingester ingester(store.get(), IngestOptions{});
  ingester.set_event_source(FakeEvents, "fake/1");
  RecordingReporter reporter;
  Status st = ingester.Ingest({(dir_ / "in").string()}, reporter);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("refused"), std::string::npos) << st.message();
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM documents"), 0);
}

// Candidates read back from the store (every document flushed at once)
// link the same copies whatever the signature cache holds.
TEST_F(IngesterTest, TheSignatureCacheChangesNoLink) {
  for (int i = 0; i < 4; ++i)
    Write("s" + std::to_string(i) + ".txt",
          "Report " + std::to_string(i) + "\n\n" + Story(i % 2 == 1));
  std::vector<std::string> want;
  for (size_t entries : {size_t{0}, size_t{1}, size_t{1} << 17}) {
    SCOPED_TRACE("entries " + std::to_string(entries));
    fs::remove(db_);
    auto store = Open();
    IngestOptions options;
    options.index_batch_documents = 1;
    options.dedup.signature_cache_entries = entries;
    auto owned = std::make_unique<Ingester>(store.get(), options);
    Ingester& ingester = *owned;
    RecordingReporter reporter;
    ASSERT_TRUE(ingester.Ingest({(dir_ / "in").string()}, reporter).ok());
    owned.reset();  // the store must outlive the Ingester
    store.reset();
    const std::vector<std::string> links = DuplicateLinks();
    if (want.empty()) {
      want = links;
      ASSERT_EQ(want.size(), 4u);
      EXPECT_EQ(want[1], "2->1");  // a copy, found through the store
    }
    EXPECT_EQ(links, want);
  }
}

// Sketches only turn down candidates the signatures would: the links are
// those found without any, whether the candidates were flushed in this run
// or stored by an earlier one (read in one scan).
TEST_F(IngesterTest, SignatureSketchesChangeNoLink) {
  fs::create_directories(dir_ / "in" / "a");
  fs::create_directories(dir_ / "in" / "b");
  for (int i = 0; i < 6; ++i)
    Write((i < 2 ? "a/s" : "b/s") + std::to_string(i) + ".txt",
          "Report " + std::to_string(i) + "\n\n" + Story(i % 2 == 1));
  std::vector<std::string> want;
  for (int64_t max_articles : {int64_t{0}, int64_t{3}, int64_t{1} << 22}) {
    SCOPED_TRACE("max_articles " + std::to_string(max_articles));
    fs::remove(db_);
    size_t sketched = 0;
    for (const char* run : {"a", "b"}) {
      auto store = Open();
      IngestOptions options;
      options.index_batch_documents = 1;
      options.dedup.sketch_max_articles = max_articles;
      auto ingester = std::make_unique<Ingester>(store.get(), options);
      RecordingReporter reporter;
      ASSERT_TRUE(
          ingester->Ingest({(dir_ / "in" / run).string()}, reporter).ok());
      sketched = ingester->sketched_articles();
    }
    // Run b read run a's two articles in one scan, and sketched its own
    // four as they were flushed; ids over the limit are not kept.
    EXPECT_EQ(sketched, max_articles == 0 ? 0u : max_articles == 3 ? 3u : 6u);
    const std::vector<std::string> links = DuplicateLinks();
    if (want.empty()) {
      want = links;
      ASSERT_EQ(want.size(), 6u);
      EXPECT_EQ(want[1], "2->1");
      EXPECT_EQ(want[3], "4->1");  // run b's copy of run a's story
    }
    EXPECT_EQ(links, want);
  }
}

// Worker threads change nothing the store or the reporter sees: the same
// stats, rejects in input order, duplicates and reports. Here the event
// source is a plain function, which runs on the calling thread.
TEST_F(IngesterTest, ThreadsStoreWhatOneThreadStores) {
  Write("a.txt",
        "Shells hit houses near Kestrel Ridge overnight\n\n" + Story(false));
  Write("a-again.txt",  // the same bytes: unchanged, though both in flight
        "Shells hit houses near Kestrel Ridge overnight\n\n" + Story(false));
  Write("b.txt",
        "Two hurt as artillery strikes border village\n\n" + Story(true));
  Write("c-empty.txt", "");
  Write("d-broken.txt", "Broken \xff\xfe bytes here\n");
  Write("e.jsonl",
        "{\"id\": \"1\", \"title\": \"One\", \"text\": \"Kestrel Ridge was "
        "quiet.\"}\n{\"id\": \n{\"id\": \"3\", \"title\": \"Three\", "
        "\"text\": \"Nothing happened.\"}\n");
  struct Outcome {
    IngestStats stats;
    std::vector<std::string> rejects;
    int64_t duplicates_of_first, reports, rejects_stored;
  };
  auto run = [&](int threads) {
    fs::remove(db_);
    auto store = Open();
    IngestOptions options;
    options.threads = threads;
    auto owned = std::make_unique<Ingester>(store.get(), options);
    Ingester& ingester = *owned;
    ingester.set_event_source(FakeEvents, "fake/1");
    RecordingReporter reporter;
    EXPECT_TRUE(ingester.Ingest({(dir_ / "in").string()}, reporter).ok());
    Outcome out{ingester.stats(), reporter.rejects, 0, 0, 0};
    owned.reset();  // the store must outlive the Ingester
    store.reset();
    out.duplicates_of_first =
        Count("SELECT count(*) FROM articles WHERE duplicate_of=1");
    out.reports = Count("SELECT count(*) FROM events");
    out.rejects_stored = Count("SELECT count(*) FROM rejects");
    return out;
  };
  const Outcome one = run(1);
  ASSERT_EQ(one.rejects.size(), 3u);  // empty, broken, the bad JSON line
  EXPECT_EQ(one.stats.unchanged, 1);
  EXPECT_EQ(one.duplicates_of_first, 1);
  EXPECT_GT(one.reports, 0);
  for (int threads : {2, 3, 8}) {
    SCOPED_TRACE("threads " + std::to_string(threads));
    const Outcome many = run(threads);
    EXPECT_EQ(many.rejects, one.rejects);
    EXPECT_EQ(many.stats.documents, one.stats.documents);
    EXPECT_EQ(many.stats.stored, one.stats.stored);
    EXPECT_EQ(many.stats.unchanged, one.stats.unchanged);
    EXPECT_EQ(many.stats.rejected, one.stats.rejected);
    EXPECT_EQ(many.stats.articles, one.stats.articles);
    EXPECT_EQ(many.stats.duplicates, one.stats.duplicates);
    EXPECT_EQ(many.stats.events, one.stats.events);
    EXPECT_EQ(many.duplicates_of_first, one.duplicates_of_first);
    EXPECT_EQ(many.reports, one.reports);
    EXPECT_EQ(many.rejects_stored, one.rejects_stored);
  }
}

TEST(SiteOfTest, UsesTheHostWithoutWwwElseTheOutlet) {
  EXPECT_EQ(SiteOf("https://www.Example.org/news/1?x=2", "Wire"),
            "example.org");
  EXPECT_EQ(SiteOf("", "Regional Wire"), "Regional Wire");
}

}  // namespace
}  // namespace ceasewatch
