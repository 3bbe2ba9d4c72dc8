#include "store/incident_box_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

namespace ceasewatch {
namespace {

std::vector<int64_t> Ids(const IncidentBoxIndex& index, const BoxQuery& q) {
  std::vector<BoxEntry> found;
  index.Query(q, &found);
  std::vector<int64_t> ids;
  for (const BoxEntry& e : found) ids.push_back(e.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// What a scan of every entry finds (the R*Tree's answer).
std::vector<int64_t> Scan(const std::map<int64_t, BoxEntry>& model,
                          const BoxQuery& q) {
  std::vector<int64_t> ids;
  for (const auto& [id, e] : model) {
    if (e.day_hi >= q.day_lo && e.day_lo <= q.day_hi && e.lat_hi >= q.lat_lo &&
        e.lat_lo <= q.lat_hi && e.lon_hi >= q.lon_lo && e.lon_lo <= q.lon_hi &&
        e.type_hi >= q.type_lo && e.type_lo <= q.type_hi)
      ids.push_back(id);
  }
  return ids;
}

BoxEntry Entry(int64_t id, float day_lo, float day_hi) {
  BoxEntry e;
  e.id = id;
  e.day_lo = day_lo;
  e.day_hi = day_hi;
  e.lat_lo = 40;
  e.lat_hi = 40.01f;
  e.lon_lo = 46;
  e.lon_hi = 46.01f;
  e.type_lo = 3;
  e.type_hi = 3.5f;
  return e;
}

BoxQuery Days(double lo, double hi) {
  return BoxQuery{lo, hi, -90, 999, -180, 999, 0, 1 << 24};
}

struct DaysCase {
  const char* what;
  float entry_lo, entry_hi;
  double query_lo, query_hi;
  bool found;
};

TEST(IncidentBoxIndexTest, FindsWhatMeetsTheDays) {
  const int64_t b = IncidentBoxIndex::kBucketDays;
  const float wide_hi =
      static_cast<float>(b * (IncidentBoxIndex::kMaxBuckets + 3));
  const DaysCase cases[] = {
      {"inside", 100, 101, 90, 110, true},
      {"touches the query's end", 110, 111, 90, 110, true},
      {"touches the query's start", 80, 90, 90, 110, true},
      {"just after", 110.5f, 111, 90, 110, false},
      {"just before", 80, 89.5f, 90, 110, false},
      {"over a bucket edge", static_cast<float>(b - 1),
       static_cast<float>(b + 1), static_cast<double>(b),
       static_cast<double>(b), true},
      {"query over many buckets", 5000, 5001, 0, 100000, true},
      {"negative days", -40, -38, -39, -39, true},
      {"wide box", 0, wide_hi, 300, 301, true},
      {"wide box, missed", 0, wide_hi, wide_hi + 1, wide_hi + 2, false},
      {"empty query", 100, 101, 101, 100, false},
  };
  for (const DaysCase& c : cases) {
    IncidentBoxIndex index;
    index.Put(Entry(7, c.entry_lo, c.entry_hi));
    const auto ids = Ids(index, Days(c.query_lo, c.query_hi));
    EXPECT_EQ(ids, c.found ? std::vector<int64_t>{7} : std::vector<int64_t>{})
        << c.what;
  }
}

TEST(IncidentBoxIndexTest, EachEntryOnceAndOtherDimensionsTested) {
  IncidentBoxIndex index;
  index.Put(Entry(1, 0, 100));  // over 7 buckets
  EXPECT_EQ(Ids(index, Days(0, 100)), std::vector<int64_t>{1});
  BoxQuery elsewhere = Days(0, 100);
  elsewhere.lat_lo = 41;
  EXPECT_TRUE(Ids(index, elsewhere).empty());
  BoxQuery other_type = Days(0, 100);
  other_type.type_lo = other_type.type_hi = 5.25;
  EXPECT_TRUE(Ids(index, other_type).empty());
}

TEST(IncidentBoxIndexTest, PutReplacesAndEraseRemoves) {
  IncidentBoxIndex index;
  index.Put(Entry(1, 10, 11));
  index.Put(Entry(1, 500, 501));  // moved
  EXPECT_EQ(index.size(), 1u);
  EXPECT_TRUE(Ids(index, Days(10, 11)).empty());
  EXPECT_EQ(Ids(index, Days(500, 500)), std::vector<int64_t>{1});
  index.Erase(1);
  index.Erase(2);  // absent: nothing happens
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(Ids(index, Days(-1e9, 1e9)).empty());
}

// Random puts, moves, erases and queries against a scan of a map: any
// difference in the bucket bookkeeping shows as a wrong set of ids.
TEST(IncidentBoxIndexTest, AgreesWithAScan) {
  std::mt19937_64 rng(20261122);
  auto uniform = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  IncidentBoxIndex index;
  std::map<int64_t, BoxEntry> model;
  for (int step = 0; step < 20000; ++step) {
    const int64_t id = static_cast<int64_t>(rng() % 600) + 1;
    const int action = static_cast<int>(rng() % 10);
    if (action < 5) {
      BoxEntry e;
      e.id = id;
      const double day = std::floor(uniform(-100, 3000));
      // Mostly short windows, some over many buckets.
      const double span = action == 0 ? std::floor(uniform(0, 800))
                                      : std::floor(uniform(0, 20));
      e.day_lo = static_cast<float>(day);
      e.day_hi = static_cast<float>(day + span + 1);
      const double lat = uniform(38, 41), lon = uniform(44, 48);
      e.lat_lo = static_cast<float>(lat);
      e.lat_hi = static_cast<float>(lat + uniform(0.01, 0.5));
      e.lon_lo = static_cast<float>(lon);
      e.lon_hi = static_cast<float>(lon + uniform(0.01, 0.5));
      const int code = static_cast<int>(rng() % 8);
      e.type_lo = static_cast<float>(code);
      e.type_hi = static_cast<float>(code + 0.5);
      index.Put(e);
      model[id] = e;
    } else if (action < 6) {
      index.Erase(id);
      model.erase(id);
    } else {
      const double day = std::floor(uniform(-150, 3100));
      const double span = action == 6 ? uniform(0, 5000) : uniform(0, 10);
      const double lat = uniform(37, 42), lon = uniform(43, 49);
      const int code = static_cast<int>(rng() % 8);
      const BoxQuery q{
          day, day + std::floor(span), lat,         lat + uniform(0, 1),
          lon, lon + uniform(0, 1),    code + 0.25, code + 0.25 + (rng() % 3)};
      ASSERT_EQ(Ids(index, q), Scan(model, q)) << "step " << step;
    }
    ASSERT_EQ(index.size(), model.size());
  }
}

}  // namespace
}  // namespace ceasewatch
