#include "util/lru_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace ceasewatch {
namespace {

// A record as the caches hold them: shared and immutable.
struct Record {
  int64_t id = 0;
  std::string type;
};
using Cache = LruCache<int64_t, std::shared_ptr<const Record>>;
using Value = std::shared_ptr<const Record>;

Value Numbered(int64_t id, const std::string& type = "shelling") {
  return std::make_shared<const Record>(Record{id, type});
}

TEST(LruCacheTest, FindsWhatWasPut) {
  Cache cache(4);
  EXPECT_EQ(cache.Find(1), nullptr);
  cache.Put(1, Numbered(1));
  cache.Put(2, Numbered(2, "armed_clash"));
  Value two = cache.Find(2);
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->type, "armed_clash");
  EXPECT_EQ(cache.hits(), 1);
  EXPECT_EQ(cache.misses(), 1);
}

TEST(LruCacheTest, PutReplacesAnEntry) {
  Cache cache(4);
  cache.Put(7, Numbered(7, "shelling"));
  cache.Put(7, Numbered(7, "drone_strike"));
  EXPECT_EQ(cache.size(), 1u);
  ASSERT_NE(cache.Find(7), nullptr);
  EXPECT_EQ(cache.Find(7)->type, "drone_strike");
}

TEST(LruCacheTest, DropsTheLeastRecentlyUsed) {
  Cache cache(2);
  cache.Put(1, Numbered(1));
  cache.Put(2, Numbered(2));
  ASSERT_NE(cache.Find(1), nullptr);  // 2 is now the oldest
  cache.Put(3, Numbered(3));
  EXPECT_NE(cache.Find(1), nullptr);
  EXPECT_EQ(cache.Find(2), nullptr);
  EXPECT_NE(cache.Find(3), nullptr);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(LruCacheTest, AnEntryOutlivesItsEviction) {
  Cache cache(1);
  cache.Put(1, Numbered(1, "shelling"));
  Value held = cache.Find(1);
  cache.Put(2, Numbered(2));  // evicts 1
  EXPECT_EQ(cache.Find(1), nullptr);
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->type, "shelling");
}

TEST(LruCacheTest, EraseAndClear) {
  Cache cache(8);
  for (int64_t id = 1; id <= 5; ++id) cache.Put(id, Numbered(id));
  cache.Erase(3);
  cache.Erase(99);  // absent: nothing happens
  EXPECT_EQ(cache.Find(3), nullptr);
  EXPECT_EQ(cache.size(), 4u);
  cache.Clear();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Find(1), nullptr);
}

TEST(LruCacheTest, ZeroCapacityKeepsNothing) {
  Cache cache(0);
  cache.Put(1, Numbered(1));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Find(1), nullptr);
}

// Random operations against a model that remembers the use order.
TEST(LruCacheTest, AgreesWithAModel) {
  const size_t capacity = 16;
  Cache cache(capacity);
  std::vector<int64_t> model;  // ids, most recently used first
  std::mt19937 rng(7);
  for (int step = 0; step < 20000; ++step) {
    const int64_t id = static_cast<int64_t>(rng() % 40);
    auto at = std::find(model.begin(), model.end(), id);
    switch (rng() % 3) {
      case 0: {  // find
        Value got = cache.Find(id);
        ASSERT_EQ(got != nullptr, at != model.end()) << "step " << step;
        if (got) {
          EXPECT_EQ(got->id, id);
          model.erase(at);
          model.insert(model.begin(), id);
        }
        break;
      }
      case 1:  // put
        cache.Put(id, Numbered(id));
        if (at != model.end()) model.erase(at);
        model.insert(model.begin(), id);
        if (model.size() > capacity) model.pop_back();
        break;
      default:  // erase
        cache.Erase(id);
        if (at != model.end()) model.erase(at);
    }
    ASSERT_EQ(cache.size(), model.size()) << "step " << step;
  }
}

}  // namespace
}  // namespace ceasewatch
