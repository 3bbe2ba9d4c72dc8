#include "dedup/signature_sketches.h"

#include <gtest/gtest.h>

#include <random>

namespace ceasewatch {
namespace {

MinHashSignature Random(std::mt19937_64& rng, size_t width) {
  MinHashSignature s(width);
  for (uint64_t& v : s) v = rng();
  return s;
}

// The contract dedup relies on: never below the full signatures' share.
TEST(SignatureSketchesTest, BoundIsNeverBelowTheFullSimilarity) {
  std::mt19937_64 rng(7);
  SignatureSketches sketches(64, 1000);
  for (int trial = 0; trial < 2000; ++trial) {
    MinHashSignature a = Random(rng, 64);
    MinHashSignature b = a;
    // Some positions differ outright, some only above the low byte (the
    // sketch cannot tell those apart), the rest are equal.
    for (uint64_t& v : b) {
      const uint64_t pick = rng() % 3;
      if (pick == 0) v = rng();
      if (pick == 1) v ^= (rng() | 1) << 8;
    }
    const int64_t id = trial % 1000;
    sketches.Put(id, b);
    const double full = MinHasher::Similarity(a, b);
    const double bound = sketches.SimilarityBound(id, a);
    ASSERT_GE(bound, full) << trial;
    ASSERT_LE(bound, 1.0);
  }
}

TEST(SignatureSketchesTest, ExactOnEqualAndNearZeroOnUnrelated) {
  std::mt19937_64 rng(11);
  SignatureSketches sketches(64, 100);
  const MinHashSignature a = Random(rng, 64);
  sketches.Put(3, a);
  EXPECT_EQ(sketches.SimilarityBound(3, a), 1.0);
  double sum = 0;
  for (int i = 0; i < 1000; ++i)
    sum += sketches.SimilarityBound(3, Random(rng, 64));
  EXPECT_LT(sum / 1000, 0.02);  // a byte agrees by chance 1 time in 256
}

TEST(SignatureSketchesTest, UnknownIdsWidthsAndIdsPastTheLimit) {
  std::mt19937_64 rng(3);
  SignatureSketches sketches(8, 50);
  const MinHashSignature s = Random(rng, 8);
  EXPECT_EQ(sketches.SimilarityBound(0, s), -1);
  EXPECT_EQ(sketches.SimilarityBound(-1, s), -1);
  sketches.Put(50, s);
  sketches.Put(51, s);              // past max_id: not kept
  sketches.Put(7, Random(rng, 9));  // another width: not kept
  EXPECT_EQ(sketches.size(), 1u);
  EXPECT_EQ(sketches.SimilarityBound(50, s), 1.0);
  EXPECT_EQ(sketches.SimilarityBound(51, s), -1);
  EXPECT_EQ(sketches.SimilarityBound(7, s), -1);
  EXPECT_EQ(sketches.SimilarityBound(49, s), -1);  // inside the array
  EXPECT_EQ(sketches.SimilarityBound(50, Random(rng, 9)), -1);
  // Replacing keeps one entry and answers for the new signature.
  MinHashSignature other = s;
  for (uint64_t& v : other) v += 1;
  sketches.Put(50, other);
  EXPECT_EQ(sketches.size(), 1u);
  EXPECT_EQ(sketches.SimilarityBound(50, s), 0.0);
  sketches.Clear();
  EXPECT_EQ(sketches.size(), 0u);
  EXPECT_EQ(sketches.SimilarityBound(50, other), -1);
}

TEST(SignatureSketchesTest, ZeroWidthKeepsNothing) {
  SignatureSketches sketches(0, 10);
  sketches.Put(1, {});
  EXPECT_EQ(sketches.size(), 0u);
  EXPECT_EQ(sketches.SimilarityBound(1, {}), -1);
}

}  // namespace
}  // namespace ceasewatch
