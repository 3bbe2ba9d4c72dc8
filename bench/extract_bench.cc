// extract_bench: event extraction throughput (sentences/s, MB/s) over a
// JSON-lines corpus, one record per article:
//   {"id", "published", "outlet", "text"}      (acled_notes.py's notes.jsonl)
//
//   build/bench/extract_bench --pack data/theatres/south-caucasus
//       --jsonl /tmp/acled_all/notes.jsonl [--repeat 3] [--dump out.jsonl]
//
// --dump writes one line per article: {"id", "events": [DumpReport...]}
// for eyeballing. Runs on one thread and times only the extraction
// (annotation and event finding, everything EventExtractor::Extract does),
// in thread CPU seconds, so the figure is per core however busy the
// machine is; wall seconds are printed beside it. To score extraction with
// fusion, ingest the same JSON lines and export (doc/events.md).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "events/event_extractor.h"
#include "events/sentence_events.h"
#include "quotes/sentences.h"

using namespace ceasewatch;

int main(int argc, char** argv) {
  std::string pack = "data/theatres/south-caucasus", jsonl, dump;
  int repeat = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--pack")
      pack = argv[i + 1];
    else if (k == "--jsonl")
      jsonl = argv[i + 1];
    else if (k == "--dump")
      dump = argv[i + 1];
    else if (k == "--repeat")
      repeat = std::stoi(argv[i + 1]);
    else {
      std::cerr << "unknown option " << k << "\n";
      return 2;
    }
  }
  if (jsonl.empty()) {
    std::cerr << "usage: extract_bench --jsonl FILE [--pack DIR] [--repeat N] "
                 "[--dump FILE]\n";
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto x = EventExtractor::Load(pack);
  if (!x.ok()) {
    std::cerr << x.status().ToString() << "\n";
    return 1;
  }
  double load_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  struct Rec {
    std::string id, outlet, text;
    CivilDay published;
  };
  std::vector<Rec> recs;
  std::ifstream in(jsonl);
  std::string line;
  size_t bytes = 0, sentences = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    Rec r;
    r.id = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>()
                                                   : j["id"].dump())
                            : "";
    auto str = [&](const char* key) {
      return j.contains(key) && j[key].is_string() ? j[key].get<std::string>()
                                                   : std::string();
    };
    r.outlet = str("outlet");
    r.text = str("text");
    if (j.contains("published") && j["published"].is_string())
      CivilDay::ParseIso(j["published"].get<std::string>(), &r.published);
    bytes += r.text.size();
    sentences += SplitSentences(r.text).size();
    recs.push_back(std::move(r));
  }
  MatchScratch scratch;
  size_t events = 0;
  std::ofstream out;
  if (!dump.empty()) out.open(dump);
  auto cpu_now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
  };
  double cpu = 0;
  auto t1 = std::chrono::steady_clock::now();
  for (int rep = 0; rep < repeat; ++rep) {
    for (const Rec& r : recs) {
      const double c0 = cpu_now();
      std::vector<EventReport> reports =
          (*x)->Extract(r.text, r.published, r.outlet, scratch);
      cpu += cpu_now() - c0;
      events += reports.size();
      if (rep == 0 && out.is_open()) {
        nlohmann::json j;
        j["id"] = r.id;
        j["events"] = nlohmann::json::array();
        for (const EventReport& e : reports)
          j["events"].push_back(DumpReport(e));
        out << j.dump() << "\n";
      }
    }
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1)
          .count();
  double total_sentences = static_cast<double>(sentences) * repeat;
  std::printf("extract benchmark (single thread)\n");
  std::printf("  pack load       %.3f s\n", load_s);
  std::printf("  articles        %zu x %d\n", recs.size(), repeat);
  std::printf("  text            %.2f MB\n", bytes / 1e6);
  std::printf("  sentences       %zu\n", sentences);
  std::printf("  events          %zu\n", events / repeat);
  std::printf("  time            %.3f s thread CPU (%.3f s wall)\n", cpu,
              wall);
  std::printf("  sentences/s     %.0f\n", total_sentences / cpu);
  std::printf("  MB/s            %.2f\n", bytes * repeat / 1e6 / cpu);
  return 0;
}
