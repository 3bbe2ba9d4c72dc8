#include "store/incident_box_index.h"

#include <cmath>

namespace ceasewatch {

int64_t IncidentBoxIndex::BucketOf(double day) {
  return static_cast<int64_t>(std::floor(day / kBucketDays));
}

// Each test in the R*Tree's form: a stored coordinate, widened to double,
// against the query's bound.
bool IncidentBoxIndex::Meets(const BoxEntry& e, const BoxQuery& q) {
  return double{e.day_hi} >= q.day_lo && double{e.day_lo} <= q.day_hi &&
         double{e.lat_hi} >= q.lat_lo && double{e.lat_lo} <= q.lat_hi &&
         double{e.lon_hi} >= q.lon_lo && double{e.lon_lo} <= q.lon_hi &&
         double{e.type_hi} >= q.type_lo && double{e.type_lo} <= q.type_hi;
}

void IncidentBoxIndex::RemoveFrom(std::vector<BoxEntry>* list, int64_t id) {
  for (size_t i = 0; i < list->size(); ++i) {
    if ((*list)[i].id != id) continue;
    (*list)[i] = list->back();
    list->pop_back();
    return;
  }
}

void IncidentBoxIndex::Put(const BoxEntry& entry) {
  Erase(entry.id);
  Span span;
  // Days beyond what a bucket number can hold, or not numbers, go to the
  // list every query reads: they are never lost, only slower to find.
  const bool finite =
      std::isfinite(entry.day_lo) && std::isfinite(entry.day_hi) &&
      std::fabs(entry.day_lo) < 1e15 && std::fabs(entry.day_hi) < 1e15;
  if (finite) {
    span.first = BucketOf(entry.day_lo);
    span.last = BucketOf(entry.day_hi);
  }
  span.wide = !finite || span.last < span.first ||
              span.last - span.first >= kMaxBuckets;
  if (span.wide) {
    wide_.push_back(entry);
  } else {
    for (int64_t b = span.first; b <= span.last; ++b)
      buckets_[b].push_back(entry);
  }
  spans_.emplace(entry.id, span);
}

void IncidentBoxIndex::Erase(int64_t id) {
  auto it = spans_.find(id);
  if (it == spans_.end()) return;
  const Span span = it->second;
  spans_.erase(it);
  if (span.wide) {
    RemoveFrom(&wide_, id);
    return;
  }
  for (int64_t b = span.first; b <= span.last; ++b) {
    auto bucket = buckets_.find(b);
    if (bucket == buckets_.end()) continue;
    RemoveFrom(&bucket->second, id);
    if (bucket->second.empty()) buckets_.erase(bucket);
  }
}

void IncidentBoxIndex::Clear() {
  buckets_ = {};
  wide_ = {};
  spans_ = {};
}

void IncidentBoxIndex::Query(const BoxQuery& q,
                             std::vector<BoxEntry>* out) const {
  for (const BoxEntry& e : wide_)
    if (Meets(e, q)) out->push_back(e);
  // An entry in several buckets is reported from the first of them the
  // query reads: the one holding the larger of its first day and the
  // query's.
  auto scan = [&](int64_t b, const std::vector<BoxEntry>& bucket,
                  int64_t query_first) {
    for (const BoxEntry& e : bucket) {
      if (!Meets(e, q)) continue;
      const int64_t first = BucketOf(e.day_lo);
      if (b == (first > query_first ? first : query_first)) out->push_back(e);
    }
  };
  const bool bounded = std::isfinite(q.day_lo) && std::isfinite(q.day_hi) &&
                       std::fabs(q.day_lo) < 1e15 &&
                       std::fabs(q.day_hi) < 1e15 && q.day_lo <= q.day_hi;
  if (!bounded) {
    if (!(q.day_lo <= q.day_hi)) return;  // empty (or not a number)
    for (const auto& [b, bucket] : buckets_) scan(b, bucket, INT64_MIN);
    return;
  }
  const int64_t first = BucketOf(q.day_lo);
  const int64_t last = BucketOf(q.day_hi);
  if (static_cast<uint64_t>(last - first) >= buckets_.size()) {
    // More days than buckets in use: read the buckets in use instead.
    for (const auto& [b, bucket] : buckets_)
      if (b >= first && b <= last) scan(b, bucket, first);
    return;
  }
  for (int64_t b = first; b <= last; ++b) {
    auto bucket = buckets_.find(b);
    if (bucket != buckets_.end()) scan(b, bucket->second, first);
  }
}

}  // namespace ceasewatch
