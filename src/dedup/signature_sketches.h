// The low byte of each MinHash value of stored articles, by article id: a
// screen held in memory in front of the full signatures in the store.
//
// Deduplication turns down most LSH candidates on their signatures
// (DedupOptions::screen_similarity). In a large store the candidates are
// spread over the whole file, so each one cost a read of its signature
// from SQLite, and there were more of them the larger the store grew.
//
// Equal values have equal low bytes, so the share of equal bytes
// (SimilarityBound) is never below MinHasher::Similarity of the full
// signatures. A candidate whose bound falls under a threshold falls under
// it with its full signature too: it is turned down without the read, and
// the decisions stay exactly those of the full signatures. A sketch takes
// one byte a value (64 bytes for 64 values) where the signature takes 8.
//
// Article ids are SQLite rowids, small and dense: sketches sit in one
// array indexed by id, up to `max_id`; larger ids are not kept.
//
//   SignatureSketches sketches(/*width=*/64, /*max_id=*/1 << 22);
//   sketches.Put(id, signature);
//   double bound = sketches.SimilarityBound(id, other_signature);
//   if (bound >= 0 && bound < threshold) ...;  // too far apart, surely
//
// Not thread-safe.
#ifndef CEASEWATCH_DEDUP_SIGNATURE_SKETCHES_H_
#define CEASEWATCH_DEDUP_SIGNATURE_SKETCHES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dedup/near_duplicates.h"

namespace ceasewatch {

class SignatureSketches {
 public:
  // `width`: the values in a signature (MinHashOptions::num_hashes);
  // signatures of another length are not kept. Ids above `max_id` are not
  // kept either, so memory stays under about width * max_id bytes.
  SignatureSketches(size_t width, int64_t max_id);

  // Keeps the sketch of `signature` under `id` (replacing one).
  void Put(int64_t id, const MinHashSignature& signature);
  // Forgets every sketch.
  void Clear();

  // An upper bound of MinHasher::Similarity(signature, the signature kept
  // under `id`); -1 when no sketch is kept under `id` or `signature` is
  // not `width` long.
  double SimilarityBound(int64_t id, const MinHashSignature& signature) const;

  size_t size() const { return count_; }
  size_t width() const { return width_; }

 private:
  size_t width_;
  int64_t max_id_;
  std::vector<uint8_t> bytes_;  // width_ bytes per id, from id 0
  std::vector<bool> known_;     // by id
  size_t count_ = 0;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_DEDUP_SIGNATURE_SKETCHES_H_
