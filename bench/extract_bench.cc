// extract_bench: event extraction throughput (sentences/s, MB/s) over a
// JSON-lines corpus, one record per article:
//   {"id", "published", "outlet", "text"}      (acled_notes.py's notes.jsonl)
//
//   build/bench/extract_bench --pack data/theatres/south-caucasus
//       --jsonl /tmp/acled_all/notes.jsonl [--repeat 3] [--dump out.jsonl]
//
// --dump writes one line per article: {"id", "events": [DumpReport...]}
// for eyeballing; --export writes the records as the export's "articles"
// and the reports as its "events" (doc/export.md), for score.py and
// acled_notes.py without a store. Runs on one thread; the time covers
// annotation and extraction (everything EventExtractor::Extract does), not
// reading.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/event_extractor.h"
#include "events/fusion.h"
#include "events/sentence_events.h"
#include "export/json_export.h"
#include "quotes/sentences.h"

using namespace ceasewatch;

int main(int argc, char** argv) {
  std::string pack = "data/theatres/south-caucasus", jsonl, dump, export_path;
  int repeat = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--pack")
      pack = argv[i + 1];
    else if (k == "--jsonl")
      jsonl = argv[i + 1];
    else if (k == "--dump")
      dump = argv[i + 1];
    else if (k == "--export")
      export_path = argv[i + 1];
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
    nlohmann::json record;
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
    r.record = j;
    bytes += r.text.size();
    sentences += SplitSentences(r.text).size();
    recs.push_back(std::move(r));
  }
  MatchScratch scratch;
  size_t events = 0;
  std::ofstream out;
  if (!dump.empty()) out.open(dump);
  // For --export: every article as a StoredArticle (numeric ids: the
  // record's own when it is a number, else its position) and every report.
  std::vector<StoredArticle> articles;
  std::vector<StoredEventReport> stored;
  nlohmann::ordered_json exported = {
      {"articles", nlohmann::ordered_json::array()},
      {"events", nlohmann::ordered_json::array()}};
  auto t1 = std::chrono::steady_clock::now();
  for (int rep = 0; rep < repeat; ++rep) {
    for (const Rec& r : recs) {
      std::vector<EventReport> reports =
          (*x)->Extract(r.text, r.published, r.outlet, scratch);
      events += reports.size();
      if (rep == 0 && out.is_open()) {
        nlohmann::json j;
        j["id"] = r.id;
        j["events"] = nlohmann::json::array();
        for (const EventReport& e : reports)
          j["events"].push_back(DumpReport(e));
        out << j.dump() << "\n";
      }
      if (rep == 0 && !export_path.empty()) {
        StoredArticle a;
        a.id = r.record.contains("id") && r.record["id"].is_number_integer()
                   ? r.record["id"].get<int64_t>()
                   : static_cast<int64_t>(articles.size() + 1);
        if (r.record.contains("file") && r.record["file"].is_string())
          a.path = r.record["file"].get<std::string>();
        a.text = r.text;
        for (EventReport& e : reports) {
          StoredEventReport sr;
          sr.article_id = a.id;
          sr.report = std::move(e);
          stored.push_back(std::move(sr));
        }
        nlohmann::ordered_json record = r.record;
        record["id"] = a.id;
        if (!record.contains("source_id")) record["source_id"] = r.id;
        exported["articles"].push_back(std::move(record));
        articles.push_back(std::move(a));
      }
    }
  }
  double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1)
          .count();
  if (!export_path.empty()) {
    // Reports of one event in several articles become one event.
    std::unordered_map<int64_t, const StoredArticle*> article_of;
    for (const StoredArticle& a : articles) article_of[a.id] = &a;
    std::vector<EventReport> reports;
    for (const StoredEventReport& r : stored) reports.push_back(r.report);
    for (const FusedIncident& f : FuseReports(reports)) {
      StoredEventReport incident = stored[f.members[0]];
      incident.id = static_cast<int64_t>(exported["events"].size() + 1);
      incident.report = f.merged;
      nlohmann::ordered_json ev =
          EventJson(incident, *article_of[incident.article_id]);
      for (size_t i = 1; i < f.members.size(); ++i) {
        const StoredEventReport& m = stored[f.members[i]];
        ev["reports"].push_back(ReportEntryJson(m, *article_of[m.article_id]));
      }
      exported["events"].push_back(std::move(ev));
    }
    std::ofstream(export_path) << exported.dump(1);
  }
  double total_sentences = static_cast<double>(sentences) * repeat;
  std::printf("extract benchmark (single thread)\n");
  std::printf("  pack load       %.3f s\n", load_s);
  std::printf("  articles        %zu x %d\n", recs.size(), repeat);
  std::printf("  text            %.2f MB\n", bytes / 1e6);
  std::printf("  sentences       %zu\n", sentences);
  std::printf("  events          %zu\n", events / repeat);
  std::printf("  time            %.3f s\n", s);
  std::printf("  sentences/s     %.0f\n", total_sentences / s);
  std::printf("  MB/s            %.2f\n", bytes * repeat / 1e6 / s);
  return 0;
}
