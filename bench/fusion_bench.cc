// fusion_bench: the cost of fusing one new article's reports into the
// incidents of a store, as the store grows from 10,000 to 1,000,000
// incidents. Candidates come from the store's R*Tree (a window of days and
// a box of degrees), so the cost should stay flat as long as the number of
// incidents near a report stays the same.
//
//   build/bench/fusion_bench [--sizes 10000,100000,1000000] [--articles 300]
//                            [--per-day 40] [--dir /tmp]
//
// The store is filled with synthetic incidents (one place each, a random
// village-sized point in the South Caucasus, one to three days long) at a
// constant density of --per-day incidents a day: a store grows by covering
// more time, as a monitoring archive does. At each size it times
// --articles new articles of three reports each (one near an existing
// incident, two random), each stored and fused in its own transaction as
// ingest does, and prints the per-article cost (median and 95th
// percentile, wall time), the candidates read per report and the store's
// size on disk. Single thread.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "dates/civil_day.h"
#include "incidents/incident_fuser.h"
#include "store/store_testing.h"

using namespace ceasewatch;
namespace fs = std::filesystem;

namespace {

// The theatre's box: Armenia, Azerbaijan and Nakhchivan.
constexpr double kLatLo = 38.4, kLatHi = 41.9, kLonLo = 43.4, kLonHi = 50.4;
constexpr const char* kTypes[] = {"shelling",         "armed_clash",
                                  "air_drone_strike", "military_movement",
                                  "protest_blockade", "detention"};
constexpr int64_t kFirstDay = 17532;  // 2018-01-01

struct Generator {
  std::mt19937_64 rng{20201110};
  int per_day = 40;

  double Uniform(double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  }
  int64_t Pick(int64_t n) {
    return std::uniform_int_distribution<int64_t>(0, n - 1)(rng);
  }
  EventPlace Place(double lat, double lon) {
    EventPlace p;
    p.place_id = "bench:" + std::to_string(Pick(1000000));
    p.name = "Village " + p.place_id.substr(6);
    p.lat = lat;
    p.lon = lon;
    p.kind = "village";
    p.geo_precision = 1;
    return p;
  }
  // An incident on `day` (days since 1970) at a random point.
  Incident MakeIncident(int64_t day) {
    Incident i;
    i.type = kTypes[Pick(6)];
    i.date = CivilDay::FromDays(day).Iso();
    i.date_end = CivilDay::FromDays(day + Pick(3)).Iso();
    i.date_precision = i.date == i.date_end ? "day" : "range";
    i.date_source = "text";
    i.background = false;
    i.places = {Place(Uniform(kLatLo, kLatHi), Uniform(kLonLo, kLonHi))};
    i.sides = {"AZ"};
    i.reports = 1;
    i.sources = 1;
    return i;
  }
  EventReport MakeReport(const Incident& like) {
    EventReport r;
    r.type = like.type;
    r.date = r.date_end = like.date;
    r.date_precision = "day";
    r.date_source = "text";
    r.places = like.places;
    EventActor a;
    a.side = "AZ";
    a.role = "actor1";
    r.actors = {a};
    return r;
  }
};

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
}

std::vector<int64_t> ParseSizes(const std::string& s) {
  std::vector<int64_t> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    out.push_back(std::stoll(s.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int64_t> sizes = {10000, 100000, 1000000};
  int articles = 300;
  Generator gen;
  std::string base = fs::temp_directory_path().string();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--sizes")
      sizes = ParseSizes(v);
    else if (k == "--articles")
      articles = std::stoi(v);
    else if (k == "--per-day")
      gen.per_day = std::stoi(v);
    else if (k == "--dir")
      base = v;
    else {
      std::fprintf(stderr, "unknown flag %s\n", k.c_str());
      return 2;
    }
  }
  const fs::path dir =
      fs::path(base) / ("fusion_bench_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto opened = Store::Open((dir / "store.db").string());
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
    return 3;
  }
  Store& store = **opened;
  IncidentFuser fuser{TypeCompatibility(), PlaceReach(), FusionOptions()};

  std::printf("fusion benchmark (single thread, wall time)\n");
  std::printf(
      "  density %d incidents/day, %d new articles x 3 reports per size\n",
      gen.per_day, articles);
  std::printf("%12s %8s %12s %12s %12s %10s %9s\n", "incidents", "days",
              "median_us", "p95_us", "fill_s", "cand/rep", "db_MB");
  int64_t stored = 0;
  int64_t article_no = 0;
  for (int64_t size : sizes) {
    // Fill up to `size`, 20,000 incidents a transaction.
    auto fill_start = std::chrono::steady_clock::now();
    while (stored < size) {
      if (!store.Begin().ok()) return 3;
      for (int n = 0; n < 20000 && stored < size; ++n, ++stored) {
        const Incident i = gen.MakeIncident(kFirstDay + stored / gen.per_day);
        IncidentBox box;
        fuser.BoxOf(i, &box);
        if (!store.InsertIncident(i, &box).ok()) return 3;
      }
      if (!store.Commit().ok()) return 3;
    }
    const double fill_s = std::chrono::duration<double>(
                              std::chrono::steady_clock::now() - fill_start)
                              .count();
    const int64_t days = std::max<int64_t>(1, stored / gen.per_day);
    std::vector<double> micros;
    int64_t candidates = 0, reports = 0;
    for (int a = 0; a < articles; ++a) {
      auto id = AddTestArticle(
          store, {"bench-" + std::to_string(article_no++) + ".txt", "synthetic",
                  CivilDay::FromDays(kFirstDay + days).Iso(),
                  "Outlet " + std::to_string(a % 7), std::nullopt});
      if (!id.ok()) return 3;
      std::vector<EventReport> rs;
      for (int r = 0; r < 3; ++r) {
        Incident like = gen.MakeIncident(kFirstDay + gen.Pick(days));
        rs.push_back(gen.MakeReport(like));
      }
      for (const EventReport& r : rs) {
        int64_t lo = 0;
        IsoToDays(r.date, &lo);
        IncidentBox box{lo - 1,
                        lo + 1,
                        r.places[0].lat - 0.05,
                        r.places[0].lat + 0.05,
                        r.places[0].lon - 0.07,
                        r.places[0].lon + 0.07};
        auto c = store.IncidentCandidates(box, 256);
        if (c.ok()) candidates += static_cast<int64_t>(c->size());
        ++reports;
      }
      auto t0 = std::chrono::steady_clock::now();
      if (!store.Begin().ok()) return 3;
      if (!store.ReplaceEventReports(*id, rs, "bench").ok()) return 3;
      Status st = fuser.FuseArticle(store, *id);
      if (!st.ok()) {
        std::fprintf(stderr, "%s\n", st.ToString().c_str());
        return 3;
      }
      if (!store.Commit().ok()) return 3;
      micros.push_back(std::chrono::duration<double, std::micro>(
                           std::chrono::steady_clock::now() - t0)
                           .count());
    }
    std::error_code ec;
    const double mb =
        static_cast<double>(fs::file_size(dir / "store.db", ec)) / 1e6;
    std::printf("%12lld %8lld %12.0f %12.0f %12.1f %10.2f %9.0f\n",
                static_cast<long long>(stored), static_cast<long long>(days),
                Percentile(micros, 0.5), Percentile(micros, 0.95), fill_s,
                static_cast<double>(candidates) / std::max<int64_t>(1, reports),
                mb);
    std::fflush(stdout);
  }
  opened->reset();  // close before removing the files
  fs::remove_all(dir);
  return 0;
}
