// A bounded least-recently-used cache of incidents by id, for the store.
//
// Fusion asks the store for every incident near each new report (dozens
// per report), and reading one from SQLite (its row and its places) was
// the largest single cost of an ingest. The store keeps what it read
// here; the contract that keeps it true is the store's (see Store):
// entries are dropped when their incident is written, and the whole cache
// when a transaction rolls back or another connection changed the file.
//
// Not thread-safe: one per Store, as the Store itself.
#ifndef CEASEWATCH_STORE_INCIDENT_CACHE_H_
#define CEASEWATCH_STORE_INCIDENT_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>

#include "ceasewatch/incidents.h"

namespace ceasewatch {

class IncidentCache {
 public:
  // At most `capacity` incidents; 0 keeps none.
  explicit IncidentCache(size_t capacity) : capacity_(capacity) {}

  // Entries are immutable and shared: a caller may hold one after the
  // cache dropped it.
  using Entry = std::shared_ptr<const Incident>;

  // The cached incident, made the most recently used; null when absent.
  Entry Find(int64_t id);
  // Caches `incident` under its id (replacing an entry), dropping the least
  // recently used entry when full.
  void Put(Entry incident);
  void Erase(int64_t id);
  void Clear();

  size_t size() const { return index_.size(); }
  size_t capacity() const { return capacity_; }
  int64_t hits() const { return hits_; }
  int64_t misses() const { return misses_; }

 private:
  size_t capacity_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<int64_t, std::list<Entry>::iterator> index_;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_INCIDENT_CACHE_H_
