// IntervalIndex: the items of a list (mentions, statements, dates) ordered
// by where they lie in a text, so that the ones starting in a range, or
// touching it, are found in O(log n + k) instead of a scan of the list.
//
// An article of a million words holds tens of thousands of mentions and
// each sentence asks about its own few; scanning the article's list for
// every sentence made event finding quadratic in the article's length.
//
//   IntervalIndex<PlaceMention> places(
//       annotation.places,
//       [](const PlaceMention& m) { return Extent{m.begin, m.end}; });
//   for (const PlaceMention* m : places.StartingIn(s.begin, s.end)) ...
//   places.ForTouching(pos, pos, [&](const PlaceMention& m) { ... });
//
// The list must outlive the index and not change while it is used.
#ifndef CEASEWATCH_UTIL_INTERVAL_INDEX_H_
#define CEASEWATCH_UTIL_INTERVAL_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

namespace ceasewatch {

// [begin, end) in bytes of the text.
struct Extent {
  uint32_t begin = 0;
  uint32_t end = 0;
};

template <class T>
class IntervalIndex {
 public:
  IntervalIndex() = default;

  // `extent(item)` gives an item's Extent; items for which `keep(item)` is
  // false are left out (e.g. statements without a speaker).
  template <class ExtentFn, class KeepFn>
  IntervalIndex(const std::vector<T>& items, ExtentFn extent, KeepFn keep) {
    std::vector<uint32_t> order;
    order.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i)
      if (keep(items[i])) order.push_back(static_cast<uint32_t>(i));
    std::vector<Extent> extents(items.size());
    for (uint32_t i : order) extents[i] = extent(items[i]);
    // Stable: items starting at one byte keep the order of the list.
    std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      return extents[x].begin < extents[y].begin;
    });
    items_.reserve(order.size());
    begins_.reserve(order.size());
    ends_.reserve(order.size());
    max_end_.reserve(order.size());
    uint32_t max_end = 0;
    for (uint32_t i : order) {
      items_.push_back(&items[i]);
      begins_.push_back(extents[i].begin);
      ends_.push_back(extents[i].end);
      max_end = std::max(max_end, extents[i].end);
      max_end_.push_back(max_end);
    }
  }

  template <class ExtentFn>
  IntervalIndex(const std::vector<T>& items, ExtentFn extent)
      : IntervalIndex(items, extent, [](const T&) { return true; }) {}

  size_t size() const { return items_.size(); }

  // The items whose extent begins in [begin, end), by begin.
  std::span<const T* const> StartingIn(uint32_t begin, uint32_t end) const {
    auto first = std::lower_bound(begins_.begin(), begins_.end(), begin);
    auto last = std::lower_bound(first, begins_.end(), end);
    return {items_.data() + (first - begins_.begin()),
            static_cast<size_t>(last - first)};
  }

  // Calls f(item) for every item whose extent touches [begin, end) with
  // closed ends: item.begin <= end and item.end >= begin. A superset of
  // the items that overlap, contain or adjoin the range; the caller tests
  // the exact relation it needs. By begin.
  template <class F>
  void ForTouching(uint32_t begin, uint32_t end, F f) const {
    // max_end_ is non-decreasing: the first item that can reach `begin`.
    size_t i = static_cast<size_t>(
        std::lower_bound(max_end_.begin(), max_end_.end(), begin) -
        max_end_.begin());
    for (; i < items_.size() && begins_[i] <= end; ++i)
      if (ends_[i] >= begin) f(*items_[i]);
  }

 private:
  std::vector<const T*> items_;
  std::vector<uint32_t> begins_;
  std::vector<uint32_t> ends_;
  std::vector<uint32_t> max_end_;  // max of ends_[0..i]
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_INTERVAL_INDEX_H_
