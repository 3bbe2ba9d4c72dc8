#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "events/event_extractor.h"
#include "incidents/incident_fuser.h"
#include "pipeline/ingester.h"
#include "store/store.h"

namespace ceasewatch::cli {
namespace {

// Prints one line per rejected file or record: "ceasewatch: FILE: reason".
// Prints each reject, up to kShownPerFile a file: a feed of a million bad
// lines must not bury the terminal. The rest are counted, said once when
// the limit is reached and summed up at the end; the store's `rejects`
// table keeps every one.
class StderrReporter : public InputReporter {
 public:
  static constexpr int kShownPerFile = 20;

  ~StderrReporter() override {
    if (hidden_total_ > 0)
      std::cerr << "\rceasewatch: " << hidden_total_
                << " more rejects not shown (see the store's rejects "
                   "table)\n";
  }

  void Reject(const std::string& path, const std::string& locator,
              const Status& why) override {
    if (path != path_) {
      path_ = path;
      shown_ = 0;
    }
    if (++shown_ > kShownPerFile) {
      if (shown_ == kShownPerFile + 1)
        std::cerr << "\rceasewatch: " << path
                  << ": more rejects in this file not shown\n";
      ++hidden_total_;
      return;
    }
    std::string message = why.message();
    // Readers often start the message with the locator; say it once.
    if (!locator.empty() && message.rfind(locator, 0) == 0)
      message = message.substr(locator.size());
    if (!message.empty() && (message[0] == ':' || message[0] == ' '))
      message = message.substr(message.find_first_not_of(": "));
    std::cerr << "\rceasewatch: " << path;
    if (!locator.empty()) std::cerr << " (" << locator << ")";
    std::cerr << ": " << message << "\n";
  }

 private:
  std::string path_;  // the file of the last reject
  int shown_ = 0;     // rejects of path_ so far
  long long hidden_total_ = 0;
};

}  // namespace

CLI::App* AddIngest(CLI::App& app, IngestArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read raw pages (text, HTML, JSON lines, WARC, .gz) from files, "
      "folders (recursively) or - (stdin); clean, split, deduplicate and "
      "store them. Exit 0 when all were stored, 1 when some were rejected.");
  cmd->add_option("--db", args->db, "SQLite store (created if absent)")
      ->required();
  cmd->add_option("inputs", args->inputs, "files, folders, or - for stdin")
      ->required();
  cmd->add_option("--max-bytes", args->max_bytes,
                  "reject files larger than this (default 50000000)");
  cmd->add_flag("-q,--quiet", args->quiet, "no summary line");
  cmd->add_option("--pack", args->pack,
                  "theatre pack for event extraction (default: "
                  "$CEASEWATCH_PACK, else data/theatres/south-caucasus)");
  cmd->add_flag("--no-events", args->no_events,
                "store articles only; extract no events");
  cmd->add_option("--threads", args->threads,
                  "threads for parsing and extraction; the store is "
                  "written in input order whatever the number (default 0: "
                  "one per core)")
      ->check(CLI::Range(0, 256));
  return cmd;
}

int RunIngest(const IngestArgs& args) {
  auto store = Store::Open(args.db);
  if (!store.ok()) {
    std::cerr << "ceasewatch: " << store.status().message() << "\n";
    return kExitStoreFailed;
  }
  IngestOptions options;
  options.input.max_file_bytes = args.max_bytes;
  options.threads = args.threads > 0
                        ? args.threads
                        : static_cast<int>(std::thread::hardware_concurrency());
  Ingester ingester(store->get(), options);
  // Without a pack the articles are still worth storing; `reextract` adds
  // their events later.
  std::unique_ptr<EventExtractor> extractor;
  std::unique_ptr<IncidentFuser> fuser;
  if (!args.no_events) {
    const std::string pack = FindPackDir(args.pack);
    auto loaded = EventExtractor::Load(pack);
    if (loaded.ok()) {
      extractor = std::move(*loaded);
      ingester.set_event_extractor(extractor.get());
      auto fusion = IncidentFuser::Load(pack);
      if (fusion.ok()) {
        fuser = std::move(*fusion);
        ingester.set_incident_fuser(fuser.get());
      } else {
        std::cerr << "ceasewatch: warning: reports not fused into "
                     "incidents: "
                  << fusion.status().message() << "\n";
      }
    } else {
      std::cerr << "ceasewatch: warning: events not extracted: no theatre "
                   "pack at "
                << pack << " (" << loaded.status().message()
                << "); give --pack, then run reextract\n";
    }
  }
  const bool tty = isatty(STDERR_FILENO);
  auto last = std::chrono::steady_clock::now();
  if (tty) {
    ingester.set_progress([&](const IngestStats& s) {
      auto now = std::chrono::steady_clock::now();
      if (now - last < std::chrono::milliseconds(200)) return;
      last = now;
      std::fprintf(stderr, "\r%lld documents, %lld articles, %lld rejected",
                   static_cast<long long>(s.documents),
                   static_cast<long long>(s.articles),
                   static_cast<long long>(s.rejected));
    });
  }
  StderrReporter reporter;
  Status st = ingester.Ingest(args.inputs, reporter);
  if (tty) std::fprintf(stderr, "\r\033[K");
  const IngestStats& s = ingester.stats();
  if (!args.quiet) {
    std::printf(
        "ingested %lld documents: %lld stored, %lld unchanged, %lld "
        "rejected; %lld articles, %lld linked as copies; %lld event "
        "reports, %lld new incidents\n",
        static_cast<long long>(s.documents), static_cast<long long>(s.stored),
        static_cast<long long>(s.unchanged), static_cast<long long>(s.rejected),
        static_cast<long long>(s.articles),
        static_cast<long long>(s.duplicates), static_cast<long long>(s.events),
        static_cast<long long>(s.incidents));
  }
  if (!st.ok()) {
    std::cerr << "ceasewatch: store failed: " << st.message() << "\n";
    return kExitStoreFailed;
  }
  return s.rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace ceasewatch::cli
