// The store's cache of incidents by id (StoreOptions::incident_cache_entries).
//
// Fusion asks the store for every incident near each new report (dozens
// per report), and reading one from SQLite (its row and its places) was
// the largest single cost of an ingest. The store keeps what it read
// here; the contract that keeps it true is the store's (see Store):
// entries are dropped when their incident is written, and the whole cache
// when a transaction rolls back or another connection changed the file.
#ifndef CEASEWATCH_STORE_INCIDENT_CACHE_H_
#define CEASEWATCH_STORE_INCIDENT_CACHE_H_

#include <cstdint>
#include <memory>

#include "ceasewatch/incidents.h"
#include "util/lru_cache.h"

namespace ceasewatch {

// Entries are immutable and shared: a caller may hold one after the cache
// dropped it.
using IncidentCache = LruCache<int64_t, std::shared_ptr<const Incident>>;

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_INCIDENT_CACHE_H_
