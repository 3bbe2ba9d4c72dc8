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
#include <vector>

#include "events/event_extractor.h"
#include "events/fusion.h"
#include "events/sentence_events.h"
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
  nlohmann::json exported = {{"articles", nlohmann::json::array()},
                             {"events", nlohmann::json::array()}};
  std::vector<EventReport> all_reports;
  std::vector<nlohmann::json> report_article, report_file;
  std::vector<std::string> report_sentence;
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
        nlohmann::json a = r.record;
        a["id"] = r.id;
        if (!a.contains("source_id")) a["source_id"] = r.id;
        exported["articles"].push_back(a);
        for (const EventReport& e : reports) {
          all_reports.push_back(e);
          report_article.push_back(a["id"]);
          report_file.push_back(a.contains("file") ? a["file"]
                                                   : nlohmann::json());
          report_sentence.push_back(r.text.substr(
              e.sentence_begin, e.sentence_end - e.sentence_begin));
        }
      }
    }
  }
  if (!export_path.empty()) {
    for (const FusedIncident& f : FuseReports(all_reports)) {
      const EventReport& e = f.merged;
      {
        {
          nlohmann::json ev;
          ev["id"] = "e" + std::to_string(exported["events"].size() + 1);
          ev["type"] = e.type;
          ev["acled"] = {{"event_type", e.acled_event_type},
                         {"sub_event_type", e.acled_sub_event_type}};
          ev["date"] =
              e.date.empty() ? nlohmann::json() : nlohmann::json(e.date);
          ev["date_end"] = e.date_end.empty() ? nlohmann::json()
                                              : nlohmann::json(e.date_end);
          ev["background"] = e.background;
          ev["locations"] = nlohmann::json::array();
          for (const EventPlace& p : e.places)
            ev["locations"].push_back({{"name", p.name},
                                       {"lat", p.lat},
                                       {"lon", p.lon},
                                       {"country", p.country}});
          ev["actors"] = nlohmann::json::array();
          for (const EventActor& p : e.actors)
            ev["actors"].push_back(
                {{"name", p.name},
                 {"side",
                  p.side.empty() ? nlohmann::json() : nlohmann::json(p.side)},
                 {"role", p.role}});
          auto range = [](const CountRange& c) {
            if (!c.known) return nlohmann::json();
            return nlohmann::json{
                {"low", c.low},
                {"high",
                 c.high < 0 ? nlohmann::json() : nlohmann::json(c.high)}};
          };
          ev["fatalities"] = range(e.fatalities);
          ev["injured"] = range(e.injured);
          ev["claims"] = nlohmann::json::array();
          for (const EventClaim& c : e.claims)
            ev["claims"].push_back(
                {{"source",
                  {{"name", c.source_name},
                   {"side", c.source_side.empty()
                                ? nlohmann::json()
                                : nlohmann::json(c.source_side)},
                   {"kind", c.source_kind}}},
                 {"stance", c.stance},
                 {"text", c.text},
                 {"article", report_article[f.members[0]]}});
          ev["reports"] = nlohmann::json::array();
          for (size_t m : f.members)
            ev["reports"].push_back({{"article", report_article[m]},
                                     {"file", report_file[m]},
                                     {"sentence", report_sentence[m]}});
          exported["events"].push_back(ev);
        }
      }
    }
  }
  double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1)
          .count();
  double total_sentences = static_cast<double>(sentences) * repeat;
  if (!export_path.empty()) std::ofstream(export_path) << exported.dump(1);
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
