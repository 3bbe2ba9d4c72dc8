// Readers while an ingest writes (issue 7): one thread ingests documents
// (article, event reports and their fusion into incidents, one transaction
// each) while other threads read the same store through their own
// read-only Store handles. Readers must never see half a document: an
// article without its reports, a report outside any incident, an incident
// whose member count disagrees with its members. No read or write may fail
// (SQLITE_BUSY must be absorbed by WAL and the busy timeout).
//
// Each reader check runs inside one outer statement (ForEachArticle,
// ForEachIncident); SQLite keeps one read snapshot while any statement of a
// connection is active, so the nested reads see the same snapshot.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "incidents/incident_fuser.h"
#include "pipeline/ingester.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

constexpr int kDocuments = 300;
constexpr int kReportsPerArticle = 3;
constexpr int kReaders = 3;

class NullReporter : public InputReporter {
 public:
  void Reject(const std::string&, const std::string&, const Status&) override {}
};

// A one-article text page, distinct for each n (no duplicates).
RawDocument TestPage(int n) {
  RawDocument doc;
  doc.path = "page-" + std::to_string(n) + ".txt";
  doc.format = InputFormat::kText;
  const std::string num = std::to_string(n);
  doc.bytes = "Shelling reported near village number " + num + "\n\n";
  for (int p = 0; p < 6; ++p)
    doc.bytes += "Paragraph " + std::to_string(p) + " of report " + num +
                 ": residents of settlement " + num +
                 " said the firing began after midnight and lasted " +
                 std::to_string(p + n % 7) + " hours, officials told us.\n\n";
  return doc;
}

// Three reports an article, dated on one of five days: reports of many
// articles fuse into shared incidents.
std::vector<EventReport> FakeReports(const StoredArticle& a) {
  std::vector<EventReport> out;
  const size_t h = std::hash<std::string>()(a.path);
  for (int i = 0; i < kReportsPerArticle; ++i) {
    EventReport r;
    r.type = i == 1 ? "armed_clash" : "shelling";
    r.date = "2024-03-1" + std::to_string((h + i) % 5);
    r.date_precision = "day";
    r.date_source = "text";
    r.sentence_begin = 0;
    r.sentence_end = 10;
    out.push_back(r);
  }
  return out;
}

struct ReaderResult {
  int passes = 0;
  int partial_views = 0;  // passes that saw some but not all documents
  std::vector<std::string> errors;
};

// One pass over the store: every article with all its reports, each fused;
// every incident with as many member reports as it counts.
void CheckOnce(Store& store, int64_t* last_count, ReaderResult* out) {
  auto fail = [&](const std::string& what) {
    if (out->errors.size() < 10) out->errors.push_back(what);
  };
  auto count = store.CountArticles();
  if (!count.ok()) return fail("CountArticles: " + count.status().ToString());
  if (*count < *last_count) fail("article count went down");
  *last_count = *count;
  if (*count > 0 && *count < kDocuments) ++out->partial_views;
  Status st = store.ForEachArticle([&](const ArticleRow& a) {
    auto reports = store.EventReportsOf(a.id);
    if (!reports.ok()) return reports.status();
    if (reports->size() != kReportsPerArticle)
      fail("article " + std::to_string(a.id) + " seen with " +
           std::to_string(reports->size()) + " reports");
    for (const StoredEventReport& r : *reports)
      if (!r.incident_id)
        fail("report " + std::to_string(r.id) + " seen outside any incident");
    return Status::Ok();
  });
  if (!st.ok()) fail("ForEachArticle: " + st.ToString());
  st = store.ForEachIncident([&](const Incident& i) {
    auto members = store.ReportsOfIncident(i.id);
    if (!members.ok()) return members.status();
    if (members->empty() || static_cast<int>(members->size()) != i.reports)
      fail("incident " + std::to_string(i.id) + " counts " +
           std::to_string(i.reports) + " reports, seen with " +
           std::to_string(members->size()));
    return Status::Ok();
  });
  if (!st.ok()) fail("ForEachIncident: " + st.ToString());
  ++out->passes;
}

TEST(ConcurrencyTest, ReadersNeverSeeHalfADocumentNorBusyErrors) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("concurrency_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "store.db").string();

  // The writer creates the store (schema) before the readers open it.
  auto writer_store = Store::Open(db);
  ASSERT_TRUE(writer_store.ok()) << writer_store.status().ToString();

  std::atomic<bool> writing{true};
  std::atomic<int> readers_ready{0};
  std::vector<ReaderResult> results(kReaders);
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      ReaderResult& out = results[r];
      auto store = Store::Open(db, StoreOptions{.read_only = true});
      ++readers_ready;
      if (!store.ok()) {
        out.errors.push_back("open: " + store.status().ToString());
        return;
      }
      int64_t last = 0;
      while (writing.load()) CheckOnce(**store, &last, &out);
      CheckOnce(**store, &last, &out);  // the finished store too
    });
  }
  while (readers_ready.load() < kReaders) std::this_thread::yield();

  Status written;
  {
    IncidentFuser fuser{TypeCompatibility(), PlaceReach(), FusionOptions()};
    Ingester ingester(writer_store->get(), IngestOptions{});
    ingester.set_event_source(FakeReports, "fake-1");
    ingester.set_incident_fuser(&fuser);
    NullReporter reporter;
    for (int n = 0; n < kDocuments && written.ok(); ++n) {
      written = ingester.IngestDocument(TestPage(n), reporter);
      // Let the readers in between documents now and then.
      if (n % 25 == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (written.ok()) written = ingester.Finish();
    EXPECT_EQ(ingester.stats().articles, kDocuments);
  }
  writing = false;
  for (std::thread& t : readers) t.join();
  EXPECT_TRUE(written.ok()) << written.ToString();

  int partial = 0;
  for (int r = 0; r < kReaders; ++r) {
    EXPECT_TRUE(results[r].errors.empty())
        << "reader " << r << ": " << results[r].errors.front();
    EXPECT_GE(results[r].passes, 1);
    partial += results[r].partial_views;
  }
  // The readers overlapped the ingest, else the test proved nothing.
  EXPECT_GT(partial, 0);
  auto incidents = (*writer_store)->CountIncidents();
  ASSERT_TRUE(incidents.ok());
  EXPECT_GT(*incidents, 0);
  writer_store->reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ceasewatch
