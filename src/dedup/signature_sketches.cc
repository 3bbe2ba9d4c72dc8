#include "dedup/signature_sketches.h"

#include <algorithm>

namespace ceasewatch {

SignatureSketches::SignatureSketches(size_t width, int64_t max_id)
    : width_(width), max_id_(max_id) {}

void SignatureSketches::Put(int64_t id, const MinHashSignature& signature) {
  if (width_ == 0 || id < 0 || id > max_id_ || signature.size() != width_)
    return;
  const size_t slot = static_cast<size_t>(id);
  if (slot >= known_.size()) {
    // Grown by half again at least, so that ids arriving in order cost
    // amortised constant time.
    const size_t wanted = std::min<size_t>(
        std::max(slot + 1, known_.size() + known_.size() / 2 + 1024),
        static_cast<size_t>(max_id_) + 1);
    known_.resize(wanted, false);
    bytes_.resize(wanted * width_, 0);
  }
  uint8_t* out = bytes_.data() + slot * width_;
  for (size_t i = 0; i < width_; ++i)
    out[i] = static_cast<uint8_t>(signature[i]);
  if (!known_[slot]) ++count_;
  known_[slot] = true;
}

void SignatureSketches::Clear() {
  bytes_.clear();
  bytes_.shrink_to_fit();
  known_.clear();
  known_.shrink_to_fit();
  count_ = 0;
}

double SignatureSketches::SimilarityBound(
    int64_t id, const MinHashSignature& signature) const {
  if (id < 0 || static_cast<size_t>(id) >= known_.size() ||
      !known_[static_cast<size_t>(id)] || signature.size() != width_)
    return -1;
  const uint8_t* kept = bytes_.data() + static_cast<size_t>(id) * width_;
  size_t equal = 0;
  for (size_t i = 0; i < width_; ++i)
    equal += kept[i] == static_cast<uint8_t>(signature[i]);
  // The same division as MinHasher::Similarity: with at least as many
  // equal positions, the bound is never below it.
  return static_cast<double>(equal) / static_cast<double>(width_);
}

}  // namespace ceasewatch
