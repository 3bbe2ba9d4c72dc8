#include "util/interval_index.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace ceasewatch {
namespace {

struct Item {
  uint32_t begin, end;
  int id;
};

Extent ExtentOf(const Item& m) { return {m.begin, m.end}; }

std::vector<int> Ids(std::span<const Item* const> items) {
  std::vector<int> out;
  for (const Item* m : items) out.push_back(m->id);
  return out;
}

TEST(IntervalIndexTest, StartingInTable) {
  // Unsorted on purpose; two items start at 10 (list order kept).
  const std::vector<Item> items = {
      {30, 35, 0}, {10, 12, 1}, {0, 100, 2}, {10, 40, 3}, {50, 51, 4}};
  IntervalIndex<Item> index(items, ExtentOf);
  struct Case {
    uint32_t begin, end;
    std::vector<int> want;
  } cases[] = {
      {0, 1, {2}},   {0, 11, {2, 1, 3}},         {10, 11, {1, 3}}, {11, 30, {}},
      {11, 31, {0}}, {0, 1000, {2, 1, 3, 0, 4}}, {51, 1000, {}},   {50, 50, {}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Ids(index.StartingIn(c.begin, c.end)), c.want)
        << "[" << c.begin << ", " << c.end << ")";
}

TEST(IntervalIndexTest, KeepLeavesItemsOut) {
  const std::vector<Item> items = {{1, 2, 0}, {3, 4, 1}, {5, 6, 2}};
  IntervalIndex<Item> index(items, ExtentOf,
                            [](const Item& m) { return m.id != 1; });
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(Ids(index.StartingIn(0, 10)), (std::vector<int>{0, 2}));
  int seen = 0;
  index.ForTouching(3, 4, [&](const Item&) { ++seen; });
  EXPECT_EQ(seen, 0);
}

// ForTouching against the definition, on random lists and ranges, with
// long items among short ones (the case the running maximum is for).
TEST(IntervalIndexTest, ForTouchingMatchesScan) {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::vector<Item> items;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      uint32_t b = rng() % 200;
      uint32_t len = rng() % 8 == 0 ? rng() % 150 : rng() % 6;
      items.push_back({b, b + len, i});
    }
    IntervalIndex<Item> index(items, ExtentOf);
    for (int q = 0; q < 50; ++q) {
      uint32_t b = rng() % 220;
      uint32_t e = b + rng() % 20;
      std::vector<int> want, got;
      for (const Item& m : items)
        if (m.begin <= e && m.end >= b) want.push_back(m.id);
      index.ForTouching(b, e, [&](const Item& m) { got.push_back(m.id); });
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      ASSERT_EQ(got, want) << "round " << round << " [" << b << ", " << e
                           << "]";
    }
  }
}

}  // namespace
}  // namespace ceasewatch
