// Ingester::Ingest with worker threads (IngestOptions::threads > 1).
//
// Every input becomes a Unit that passes the stages of IngestDocument:
//
//   calling thread   Admit -----> Prepare -----> StoreUnit
//   workers                 Parse         Analyse
//
// Units enter each in-order stage in input order, and a stage of one unit
// never overlaps the same stage of another, so the store ends exactly as
// one thread would leave it. Between them, a bounded window of units waits
// on the workers: memory stays bounded by the window, not the input.
#include <algorithm>
#include <deque>
#include <future>
#include <memory>

#include "pipeline/ingester.h"
#include "util/thread_pool.h"

namespace ceasewatch {
namespace {

// A unit and the work a worker is doing on it (no future: none).
template <typename Unit>
struct Slot {
  std::unique_ptr<Unit> unit;
  std::future<void> done;

  void Wait() {
    if (done.valid()) done.wait();
  }
};

}  // namespace

Status Ingester::IngestInParallel(const std::vector<std::string>& inputs,
                                  InputReporter& reporter) {
  // Declared before the pool: the pool's destructor finishes queued work
  // on these units and scratches, so they must outlive it.
  std::deque<Slot<Unit>> parsing, analysing;
  std::vector<MatchScratch> scratches(
      static_cast<size_t>(std::max(1, options_.threads)));
  ThreadPool pool(options_.threads);
  // Enough units waiting to keep every worker busy; a cap, because each
  // holds its document (up to --max-bytes).
  const size_t window =
      std::min<size_t>(4 * static_cast<size_t>(pool.workers()) + 4, 64);
  Status failed;

  auto store_oldest = [&]() -> Status {
    Slot<Unit> slot = std::move(analysing.front());
    analysing.pop_front();
    slot.Wait();
    return StoreUnit(slot.unit.get(), reporter);
  };
  auto prepare_oldest = [&]() -> Status {
    Slot<Unit> slot = std::move(parsing.front());
    parsing.pop_front();
    slot.Wait();
    Unit* u = slot.unit.get();
    Status st = Prepare(u);
    analysing.push_back({std::move(slot.unit), {}});
    if (!st.ok()) return st;
    if (u->ToBeStored()) {
      analysing.back().done = pool.Submit(
          [this, u, &scratches](int worker) { Analyse(u, scratches[worker]); });
    }
    while (analysing.size() > window) CW_RETURN_IF_ERROR(store_oldest());
    return Status::Ok();
  };
  auto enter = [&](std::unique_ptr<Unit> unit) -> Status {
    Unit* u = unit.get();
    parsing.push_back({std::move(unit), {}});
    if (!u->walker_reject && !u->unchanged)
      parsing.back().done = pool.Submit([this, u](int) { Parse(u); });
    while (parsing.size() > window) CW_RETURN_IF_ERROR(prepare_oldest());
    return Status::Ok();
  };

  // The walker's rejections travel with the documents, so that they are
  // reported and recorded in input order.
  struct InLine : InputReporter {
    std::function<void(std::unique_ptr<Unit>)> enter;
    void Reject(const std::string& path, const std::string& locator,
                const Status& why) override {
      auto u = std::make_unique<Unit>();
      u->walker_reject = true;
      u->doc.path = path;
      u->doc.locator = locator;
      u->rejected = why;
      enter(std::move(u));
    }
  } in_line;
  in_line.enter = [&](std::unique_ptr<Unit> u) {
    if (failed.ok()) failed = enter(std::move(u));
  };

  InputWalker walker(options_.input);
  Status walked = walker.Walk(
      inputs,
      [&](RawDocument&& doc) -> Status {
        if (!failed.ok()) return failed;
        auto u = std::make_unique<Unit>();
        u->doc = std::move(doc);
        failed = Admit(u.get());
        if (failed.ok()) failed = enter(std::move(u));
        return failed;
      },
      in_line);
  while (failed.ok() && !parsing.empty()) failed = prepare_oldest();
  while (failed.ok() && !analysing.empty()) failed = store_oldest();
  if (!failed.ok()) {
    // Units counted into their site's lines but never stored.
    for (Slot<Unit>& slot : analysing) {
      slot.Wait();
      Unit* u = slot.unit.get();
      if (in_flight_.count(u->content_hash) && u->site_counts)
        u->site_counts->RemoveDocument(u->line_hashes);
    }
    in_flight_.clear();
  }
  Status finish = Finish();
  if (!failed.ok()) return failed;
  return walked.ok() ? finish : walked;
}

}  // namespace ceasewatch
