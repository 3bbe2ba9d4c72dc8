#include "store/incident_cache.h"

namespace ceasewatch {

IncidentCache::Entry IncidentCache::Find(int64_t id) {
  auto it = index_.find(id);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  order_.splice(order_.begin(), order_, it->second);
  return *it->second;
}

void IncidentCache::Put(Entry incident) {
  if (capacity_ == 0 || incident == nullptr) return;
  const int64_t id = incident->id;
  auto it = index_.find(id);
  if (it != index_.end()) {
    *it->second = std::move(incident);
    order_.splice(order_.begin(), order_, it->second);
    return;
  }
  if (index_.size() >= capacity_) {
    index_.erase(order_.back()->id);
    order_.pop_back();
  }
  order_.push_front(std::move(incident));
  index_.emplace(id, order_.begin());
}

void IncidentCache::Erase(int64_t id) {
  auto it = index_.find(id);
  if (it == index_.end()) return;
  order_.erase(it->second);
  index_.erase(it);
}

void IncidentCache::Clear() {
  order_.clear();
  index_.clear();
}

}  // namespace ceasewatch
