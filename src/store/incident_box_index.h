// IncidentBoxIndex: an in-memory copy of the store's R*Tree of incident
// boxes (table incident_boxes), answering the same overlap queries.
//
// Fusion asks for the incidents near each new report, several times a
// report. Walking the R*Tree through SQLite cost more as the store grew
// (a deeper tree, nodes out of SQLite's page cache); this copy buckets the
// boxes by day, so a query reads the few buckets its days cover whatever
// the store's size.
//
// Exactness: entries hold the coordinates as the R*Tree stores them
// (32-bit floats, read back from SQLite, never rounded here), and a query
// compares them with its bounds as doubles, as the R*Tree does. So a
// query returns the same set of ids as the SQL query; the order differs
// (callers sort). The contract that keeps the copy equal to the table is
// the store's (see Store::IncidentCandidates).
#ifndef CEASEWATCH_STORE_INCIDENT_BOX_INDEX_H_
#define CEASEWATCH_STORE_INCIDENT_BOX_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ceasewatch {

// One row of incident_boxes: an id and four [lo, hi] extents.
struct BoxEntry {
  int64_t id = 0;
  float day_lo = 0, day_hi = 0;
  float lat_lo = 0, lat_hi = 0;
  float lon_lo = 0, lon_hi = 0;
  float type_lo = 0, type_hi = 0;
};

// A query: entries whose every extent meets [lo, hi] (both ends included).
struct BoxQuery {
  double day_lo = 0, day_hi = 0;
  double lat_lo = 0, lat_hi = 0;
  double lon_lo = 0, lon_hi = 0;
  double type_lo = 0, type_hi = 0;
};

class IncidentBoxIndex {
 public:
  // Days a bucket covers. Boxes span a few days (a report's window plus
  // a day); a query reads one to a few buckets.
  static constexpr int64_t kBucketDays = 16;
  // A box over more buckets than this is kept in one list every query
  // reads, not copied into each bucket.
  static constexpr int64_t kMaxBuckets = 32;

  // Adds `entry`, replacing any entry with its id.
  void Put(const BoxEntry& entry);
  // Removes the entry with `id`, if any.
  void Erase(int64_t id);
  void Clear();
  size_t size() const { return spans_.size(); }

  // Appends to `out` every entry meeting `q`, each once, in no particular
  // order.
  void Query(const BoxQuery& q, std::vector<BoxEntry>* out) const;

 private:
  struct Span {  // an entry's buckets, to find it again
    int64_t first = 0, last = 0;
    bool wide = false;
  };
  static int64_t BucketOf(double day);
  static bool Meets(const BoxEntry& e, const BoxQuery& q);
  static void RemoveFrom(std::vector<BoxEntry>* list, int64_t id);

  std::unordered_map<int64_t, std::vector<BoxEntry>> buckets_;
  std::vector<BoxEntry> wide_;
  std::unordered_map<int64_t, Span> spans_;  // by id
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_INCIDENT_BOX_INDEX_H_
