// Answers kept between requests: the serialised EVENT of each incident
// (building one reads the incident's reports and articles, which costs
// far more than sending it) and the whole-store answers (contradictions,
// provisions, types), each under a key ("incident:12", "provisions"). Entries
// are stamped with a generation; any change to the store (seen by a reader
// through PRAGMA data_version, or made by the server's own ingest) starts a new
// generation and older entries are no longer served. Thread-safe; bounded in
// bytes (cleared when full).
#ifndef CEASEWATCH_SERVER_EVENT_CACHE_H_
#define CEASEWATCH_SERVER_EVENT_CACHE_H_

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ceasewatch {

class EventCache {
 public:
  explicit EventCache(size_t max_bytes = 64u << 20) : max_bytes_(max_bytes) {}

  uint64_t generation() const { return generation_.load(); }
  // The store changed: every entry is stale.
  void Invalidate() { generation_.fetch_add(1); }

  // The entry of `key` stamped `generation`, if there is one.
  std::optional<std::string> Get(const std::string& key, uint64_t generation);
  // Keeps `json` as the entry of `key`, read in `generation` (the value of
  // generation() taken before reading the store).
  void Put(const std::string& key, uint64_t generation,
           const std::string& json);

 private:
  struct Entry {
    uint64_t generation = 0;
    std::string json;
  };
  const size_t max_bytes_;
  std::atomic<uint64_t> generation_{0};
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  size_t bytes_ = 0;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_SERVER_EVENT_CACHE_H_
