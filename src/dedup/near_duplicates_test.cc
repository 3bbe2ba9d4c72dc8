#include "dedup/near_duplicates.h"

#include "dedup/minhash_kernels.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace ceasewatch {
namespace {

// An invented wire story: eight paragraphs, all names made up.
const std::vector<std::string>& StoryParagraphs() {
  static const std::vector<std::string> kParas = {
      "NORTHVALE, March 4 (Meridian Wire) - Artillery units shelled the "
      "outskirts of Kestrel Ridge overnight, the regional defence office "
      "said on Tuesday, hours after both sides had agreed to a local pause "
      "in fighting around the grain terminal.",
      "Officials in Northvale reported that at least 14 houses were damaged "
      "along the Osterby road and that two water pumping stations had lost "
      "power shortly after midnight.",
      "A spokesman for the eastern command, Colonel Arvid Tamsel, told "
      "reporters the shelling had come from positions near Lower Dunmere "
      "and described it as a deliberate breach of the arrangement reached "
      "in Saltmarsh last week.",
      "The opposing Highland Council denied firing first. In a statement "
      "posted on its channel, it said its batteries had only answered "
      "mortar fire aimed at supply lorries crossing the Vellan bridge.",
      "Monitors from the joint observation mission, who patrol the "
      "contact line twice a day, said they had recorded 37 explosions "
      "between ten in the evening and four in the morning but could not "
      "yet attribute them.",
      "Farmers around Kestrel Ridge have been unable to reach their fields "
      "for three weeks. Many said the pause had been their only hope of "
      "saving the winter barley before the frosts arrive.",
      "Negotiators are due to meet again on Friday in the lakeside town of "
      "Orrin Falls, where mediators hope to extend the pause to the whole "
      "southern district and agree on an exchange of detainees.",
      "The mission said it would publish a fuller account of the night's "
      "incidents by Thursday, including crater analysis carried out by "
      "its engineers at six separate sites near the terminal.",
  };
  return kParas;
}

std::string Join(const std::vector<std::string>& paras) {
  std::string out;
  for (const auto& p : paras) {
    out += p;
    out += "\n\n";
  }
  return out;
}

// An invented text on another subject entirely.
const char kUnrelated[] =
    "The Harbourton botanical society opened its spring exhibition of "
    "alpine orchids on Saturday, with more than 400 specimens gathered by "
    "volunteers from the Glimmer Peaks. Curator Linnea Baskeville said "
    "this year's mild winter produced unusually vivid petals, and the "
    "society plans weekend workshops on seed storage, greenhouse humidity "
    "and the careful transplanting of fragile rhizomes. Tickets cost "
    "six crowns for adults, and children under twelve enter free of "
    "charge until the end of April. A travelling display of pressed ferns "
    "will tour village libraries across the Copperfen valley in summer.";

// A text of `n` distinct made-up words starting at word number `first`.
std::string DistinctWords(int first, int n) {
  std::string out;
  for (int i = first; i < first + n; ++i) {
    if (!out.empty()) out += ' ';
    out += "tok" + std::to_string(i * 7919 % 1000003);
  }
  return out;
}

int SharedKeys(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::set<uint64_t> sa(a.begin(), a.end());
  int n = 0;
  for (uint64_t k : b) n += sa.count(k) ? 1 : 0;
  return n;
}

TEST(MinHasherTest, IdenticalTextsHaveSimilarityOneAndSameBandKeys) {
  MinHasher h;
  std::string text = Join(StoryParagraphs());
  MinHashSignature a = h.Signature(text);
  MinHashSignature b = h.Signature(text);
  ASSERT_EQ(a.size(), 128u);
  EXPECT_EQ(a, b);
  EXPECT_DOUBLE_EQ(MinHasher::Similarity(a, b), 1.0);
  std::vector<uint64_t> ka = h.BandKeys(a), kb = h.BandKeys(b);
  ASSERT_EQ(ka.size(), 32u);
  EXPECT_EQ(ka, kb);
}

TEST(MinHasherTest, SignatureIsStableAcrossInstances) {
  MinHasher h1, h2;
  std::string text = Join(StoryParagraphs());
  EXPECT_EQ(h1.Signature(text), h2.Signature(text));
}

TEST(MinHasherTest, CaseAndPunctuationAreIgnored) {
  MinHasher h;
  MinHashSignature a = h.Signature(
      "The Defence Ministry said: \"Shelling near Northvale stopped at "
      "dawn,\" adding that 12 (twelve) shells fell.");
  MinHashSignature b = h.Signature(
      "the defence ministry said shelling near northvale stopped at dawn "
      "adding that 12 twelve shells fell");
  EXPECT_DOUBLE_EQ(MinHasher::Similarity(a, b), 1.0);
}

TEST(MinHasherTest, NonAsciiWordsFormTokens) {
  MinHasher h;
  // Cyrillic and Armenian words, separated by ASCII and Unicode punctuation.
  MinHashSignature a =
      h.Signature("Перемирие — нарушено «ночью» вблизи города, Հրադադարը "
                  "խախտվել է");
  MinHashSignature b =
      h.Signature("Перемирие нарушено ночью вблизи города Հրադադարը "
                  "խախտվել է");
  EXPECT_DOUBLE_EQ(MinHasher::Similarity(a, b), 1.0);
  // A different Cyrillic text is not the same.
  MinHashSignature c =
      h.Signature("Переговоры продолжатся в пятницу в другом городе");
  EXPECT_LT(MinHasher::Similarity(a, c), 0.1);
  // Non-ASCII text is not dropped: it differs from the empty signature.
  EXPECT_NE(a, h.Signature(""));
}

TEST(MinHasherTest, FewEditedWordsStayNearDuplicate) {
  MinHasher h;
  std::vector<std::string> paras = StoryParagraphs();
  std::string original = Join(paras);
  std::string edited = original;
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t pos = edited.find(from);
    ASSERT_NE(pos, std::string::npos) << from;
    edited.replace(pos, from.size(), to);
  };
  replace("at least 14 houses", "at least 16 houses");
  replace("Colonel Arvid Tamsel", "Colonel Arvid Tamsell");
  replace("on Friday", "on Saturday");
  MinHashSignature a = h.Signature(original);
  MinHashSignature b = h.Signature(edited);
  double sim = MinHasher::Similarity(a, b);
  EXPECT_GT(sim, 0.7);
  EXPECT_LT(sim, 1.0);
  EXPECT_GE(SharedKeys(h.BandKeys(a), h.BandKeys(b)), 1);
}

TEST(MinHasherTest, UnrelatedTextsAreDissimilar) {
  MinHasher h;
  MinHashSignature a = h.Signature(Join(StoryParagraphs()));
  MinHashSignature b = h.Signature(kUnrelated);
  EXPECT_LT(MinHasher::Similarity(a, b), 0.1);
  EXPECT_EQ(SharedKeys(h.BandKeys(a), h.BandKeys(b)), 0);
}

TEST(MinHasherTest, ParagraphAddedAndDroppedIsInSensibleRange) {
  MinHasher h;
  std::vector<std::string> paras = StoryParagraphs();
  std::vector<std::string> rewrite = paras;
  rewrite.erase(rewrite.begin() + 5);  // the farmers paragraph dropped
  rewrite.insert(rewrite.begin() + 3,
                 "Residents of Lower Dunmere said they spent the night in "
                 "basements and that the village school would stay closed "
                 "until at least the end of the week, according to the "
                 "head of the district administration.");
  MinHashSignature a = h.Signature(Join(paras));
  MinHashSignature b = h.Signature(Join(rewrite));
  double sim = MinHasher::Similarity(a, b);
  // About 7 of 9 paragraphs' worth of shingles are shared: J ~ 0.75.
  EXPECT_GT(sim, 0.55);
  EXPECT_LT(sim, 0.92);
  EXPECT_GE(SharedKeys(h.BandKeys(a), h.BandKeys(b)), 1);
}

TEST(MinHasherTest, EstimatesJaccardOfKnownOverlap) {
  // Texts of distinct words: A = words [s, s+1000), B = [s+500, s+1500).
  // Shingles (4 words): 997 each, 497 shared, union 1497 -> J = 0.332.
  MinHasher h;
  const double kJaccard = 497.0 / 1497.0;
  double sum = 0;
  const int kTrials = 20;
  for (int t = 0; t < kTrials; ++t) {
    int s = t * 5000;
    double sim = MinHasher::Similarity(h.Signature(DistinctWords(s, 1000)),
                                       h.Signature(DistinctWords(s + 500, 1000)));
    EXPECT_NEAR(sim, kJaccard, 0.2) << "trial " << t;
    sum += sim;
  }
  EXPECT_NEAR(sum / kTrials, kJaccard, 0.04);
}

TEST(MinHasherTest, EmptyText) {
  MinHasher h;
  MinHashSignature a = h.Signature("");
  ASSERT_EQ(a.size(), 128u);
  EXPECT_EQ(h.BandKeys(a).size(), 32u);
  // Only punctuation and spaces: no words either.
  MinHashSignature b = h.Signature(" \n\t--- ... !!! \xC2\xA0 ");
  EXPECT_EQ(a, b);
  EXPECT_LT(MinHasher::Similarity(a, h.Signature("ceasefire")), 0.1);
}

TEST(MinHasherTest, ShortTextsAreOneShingle) {
  MinHasher h;
  MinHashSignature one = h.Signature("ceasefire");
  MinHashSignature two = h.Signature("Ceasefire holds.");
  MinHashSignature two_again = h.Signature("  ceasefire,  HOLDS ");
  MinHashSignature other = h.Signature("ceasefire broken");
  ASSERT_EQ(one.size(), 128u);
  EXPECT_DOUBLE_EQ(MinHasher::Similarity(two, two_again), 1.0);
  EXPECT_LT(MinHasher::Similarity(two, other), 0.1);
  EXPECT_LT(MinHasher::Similarity(one, two), 0.1);
  // Exactly one shingle's worth of words.
  EXPECT_DOUBLE_EQ(
      MinHasher::Similarity(h.Signature("truce talks resume today"),
                            h.Signature("Truce talks resume today!")),
      1.0);
}

TEST(MinHasherTest, BandKeysOfDifferentBandsNeverCollide) {
  MinHasher h;
  // A signature with every position equal makes every band's rows equal.
  MinHashSignature flat(128, 42);
  std::vector<uint64_t> keys = h.BandKeys(flat);
  ASSERT_EQ(keys.size(), 32u);
  for (size_t b = 0; b < keys.size(); ++b) EXPECT_EQ(keys[b] % 32, b);
  std::set<uint64_t> distinct(keys.begin(), keys.end());
  EXPECT_EQ(distinct.size(), keys.size());
}

TEST(MinHasherTest, OtherOptionsAndBadOptions) {
  MinHashOptions o;
  o.num_hashes = 64;
  o.bands = 16;
  o.shingle_words = 3;
  MinHasher h(o);
  MinHashSignature s = h.Signature(Join(StoryParagraphs()));
  EXPECT_EQ(s.size(), 64u);
  EXPECT_EQ(h.BandKeys(s).size(), 16u);

  MinHashOptions bad;
  bad.num_hashes = 0;
  bad.bands = 0;
  bad.shingle_words = -3;
  MinHasher hb(bad);
  EXPECT_GE(hb.Signature("a b c").size(), 1u);
  EXPECT_GE(hb.BandKeys(hb.Signature("a b c")).size(), 1u);
}

TEST(MinHasherTest, SimilarityOfMismatchedSignatures) {
  EXPECT_DOUBLE_EQ(MinHasher::Similarity({}, {}), 0.0);
  EXPECT_DOUBLE_EQ(MinHasher::Similarity({1, 2}, {1, 2, 3}), 0.0);
  EXPECT_DOUBLE_EQ(MinHasher::Similarity({1, 2, 3, 4}, {1, 2, 0, 0}), 0.5);
}

TEST(MinHashKernelsTest, AllVersionsAgree) {
  using namespace minhash_internal;
  // Pseudo-random shingle hashes, including values near 0 and 2^64 - 1
  // (where a signed/unsigned mix-up would show).
  std::vector<uint64_t> h1s, h2s;
  uint64_t x = 0x243f6a8885a308d3ULL;
  for (int i = 0; i < 300; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    uint64_t v = x;
    if (i % 50 == 0) v = 3;
    if (i % 50 == 1) v = ~uint64_t{0} - 5;
    if (i % 50 == 2) v = uint64_t{1} << 63;
    h1s.push_back(v);
    h2s.push_back((x >> 3) | 1);
  }
  for (int n : {1, 3, 4, 7, 8, 13, 64, 128, 131}) {
    std::vector<uint64_t> want(n, ~uint64_t{0});
    UpdateMinsScalar(want.data(), n, h1s.data(), h2s.data(), h1s.size());
    // Reference: the definition, position by position.
    for (int i = 0; i < n; ++i) {
      uint64_t m = ~uint64_t{0};
      for (size_t s = 0; s < h1s.size(); ++s) {
        m = std::min(m, h1s[s] + static_cast<uint64_t>(i) * h2s[s]);
      }
      ASSERT_EQ(want[i], m) << "n=" << n << " i=" << i;
    }
#ifdef CW_MINHASH_X86
    if (CpuHasAvx2()) {
      std::vector<uint64_t> got(n, ~uint64_t{0});
      UpdateMinsAvx2(got.data(), n, h1s.data(), h2s.data(), h1s.size());
      EXPECT_EQ(got, want) << "avx2 n=" << n;
    }
    if (CpuHasAvx512()) {
      std::vector<uint64_t> got(n, ~uint64_t{0});
      UpdateMinsAvx512(got.data(), n, h1s.data(), h2s.data(), h1s.size());
      EXPECT_EQ(got, want) << "avx512 n=" << n;
    }
#endif
  }
}

}  // namespace
}  // namespace ceasewatch
