// A bounded least-recently-used map, for caches in front of the store
// (incidents, article signatures). Values should be cheap to copy: the
// caches here hold shared pointers to immutable records, so a caller may
// keep one after the cache dropped it.
//
//   LruCache<int64_t, std::shared_ptr<const Incident>> cache(1 << 16);
//   if (auto hit = cache.Find(id)) ...;   // a default Value when absent
//   cache.Put(id, value);
//
// Not thread-safe.
#ifndef CEASEWATCH_UTIL_LRU_CACHE_H_
#define CEASEWATCH_UTIL_LRU_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>
#include <utility>

namespace ceasewatch {

template <typename Key, typename Value>
class LruCache {
 public:
  // At most `capacity` entries; 0 keeps none.
  explicit LruCache(size_t capacity) : capacity_(capacity) {}

  // The value under `key`, made the most recently used; Value{} when
  // absent.
  Value Find(const Key& key) {
    auto it = index_.find(key);
    if (it == index_.end()) {
      ++misses_;
      return Value{};
    }
    ++hits_;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
  }

  // Stores `value` under `key` (replacing an entry), dropping the least
  // recently used entry when full.
  void Put(const Key& key, Value value) {
    if (capacity_ == 0) return;
    auto it = index_.find(key);
    if (it != index_.end()) {
      it->second->second = std::move(value);
      order_.splice(order_.begin(), order_, it->second);
      return;
    }
    if (index_.size() >= capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(key, std::move(value));
    index_.emplace(key, order_.begin());
  }

  void Erase(const Key& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return;
    order_.erase(it->second);
    index_.erase(it);
  }

  void Clear() {
    order_.clear();
    index_.clear();
  }

  size_t size() const { return index_.size(); }
  size_t capacity() const { return capacity_; }
  int64_t hits() const { return hits_; }
  int64_t misses() const { return misses_; }

 private:
  using Entry = std::pair<Key, Value>;
  size_t capacity_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<Key, typename std::list<Entry>::iterator> index_;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_LRU_CACHE_H_
