#include "server/event_cache.h"

namespace ceasewatch {

std::optional<std::string> EventCache::Get(const std::string& key,
                                           uint64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation)
    return std::nullopt;
  return it->second.json;
}

void EventCache::Put(const std::string& key, uint64_t generation,
                     const std::string& json) {
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_.load()) return;  // already stale
  if (bytes_ + json.size() > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  Entry& e = entries_[key];
  bytes_ -= e.json.size();
  e.generation = generation;
  e.json = json;
  bytes_ += json.size();
}

}  // namespace ceasewatch
