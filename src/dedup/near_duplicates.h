// Near-duplicate detection: MinHash signatures over word shingles, indexed
// by locality-sensitive hashing (banding).
#ifndef CEASEWATCH_DEDUP_NEAR_DUPLICATES_H_
#define CEASEWATCH_DEDUP_NEAR_DUPLICATES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace ceasewatch {

struct MinHashOptions {
  int shingle_words = 4;  // words per shingle (lower-cased, punctuation off)
  int num_hashes = 128;   // signature length = bands * rows
  int bands = 32;         // LSH bands; rows = num_hashes / bands
  // Estimated Jaccard similarity at or above which two texts are near
  // duplicates (checked on the signatures after an LSH hit).
  double threshold = 0.5;
};

using MinHashSignature = std::vector<uint64_t>;

// Exact overlap of two shingle sets.
struct ShingleOverlap {
  double jaccard = 0;      // |A ∩ B| / |A ∪ B|
  double containment = 0;  // |A ∩ B| / min(|A|, |B|)
};

// Stateless and thread-safe after construction.
class MinHasher {
 public:
  explicit MinHasher(MinHashOptions options = {});
  const MinHashOptions& options() const { return options_; }
  // Signature of `text` (UTF-8). Texts with fewer words than one shingle
  // are shingled as one whole shingle.
  MinHashSignature Signature(std::string_view text) const;
  // The sorted, distinct shingle hashes of `text`: the exact set the
  // signature estimates, for verifying a candidate pair.
  std::vector<uint64_t> ShingleSet(std::string_view text) const;
  static ShingleOverlap Overlap(const std::vector<uint64_t>& a,
                                const std::vector<uint64_t>& b);
  // The LSH band keys of a signature: one 64-bit key per band, mixing the
  // band number in, so keys of different bands never collide by design.
  std::vector<uint64_t> BandKeys(const MinHashSignature& sig) const;
  // Fraction of equal positions: an estimate of Jaccard similarity.
  static double Similarity(const MinHashSignature& a,
                           const MinHashSignature& b);

 private:
  MinHashOptions options_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_DEDUP_NEAR_DUPLICATES_H_
