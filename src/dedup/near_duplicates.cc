// MinHash over word shingles.
//
// Signature(text):
//   1. Tokenize: words are runs of ASCII letters/digits and non-ASCII bytes
//      (so Cyrillic, Armenian, ... words are kept whole); ASCII whitespace,
//      ASCII punctuation and control bytes separate words, and so do a few
//      common Unicode spaces and punctuation marks (NBSP, « », dashes, curly
//      quotes, ellipsis) that would otherwise glue onto neighbouring words.
//      ASCII letters are lower-cased. The words are written into one buffer
//      separated by single spaces, so a shingle is a contiguous slice of it.
//   2. Every run of `shingle_words` consecutive words (or all the words, when
//      there are fewer) is hashed once with XXH3_64bits -> h1, and a second,
//      independent-looking 64-bit value h2 (odd) is derived from h1 with a
//      fixed mixer.
//   3. Position i of the signature is min over shingles of h1 + i * h2
//      (mod 2^64): num_hashes hash functions for the price of one add each.
//      This loop is nearly all the cost; it has AVX-512 and AVX2 versions
//      (minhash_kernels.h) picked at run time, all giving the same result.
//
// Everything is seeded with fixed constants, so a signature is stable across
// runs, machines and versions (signatures may be stored).
#include "dedup/near_duplicates.h"

// Inlined: shingles are short, and a call per shingle would show.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <string>

#include "dedup/minhash_kernels.h"

#ifdef CW_MINHASH_X86
#include <immintrin.h>
#endif

namespace ceasewatch {
namespace minhash_internal {

// The hot loop: sig[i] = min over shingles s of h1[s] + i * h2[s], for
// every position i. Three versions computing identical results; the widest
// one the CPU supports is chosen at run time.

// Portable: eight running values per block, kept in registers.
void UpdateMinsScalar(uint64_t* __restrict sig, int n,
                      const uint64_t* __restrict h1s,
                      const uint64_t* __restrict h2s, size_t count) {
  constexpr int kBlock = 8;
  for (size_t s = 0; s < count; ++s) {
    const uint64_t h1 = h1s[s], h2 = h2s[s];
    const uint64_t step = static_cast<uint64_t>(kBlock) * h2;
    uint64_t v[kBlock];
    for (int j = 0; j < kBlock; ++j) v[j] = h1 + static_cast<uint64_t>(j) * h2;
    int i = 0;
    for (; i + kBlock <= n; i += kBlock) {
      for (int j = 0; j < kBlock; ++j) {
        sig[i + j] = std::min(sig[i + j], v[j]);
        v[j] += step;
      }
    }
    for (int j = 0; i < n; ++i, ++j) sig[i] = std::min(sig[i], v[j]);
  }
}

#ifdef CW_MINHASH_X86

// AVX2 has no unsigned 64-bit compare, but x ^ 2^63 turns unsigned order
// into signed order, and (h1 + i*h2) ^ 2^63 == (h1 ^ 2^63) + i*h2 (mod
// 2^64): bias h1 and the signature once, use signed compares throughout.
// `kVecs` vectors of 4 positions, [first, first + 4 * kVecs), stay in
// registers while every shingle is folded in (8 vectors fit the 16 ymm
// registers; 12 spill and are slower).
template <int kVecs>
__attribute__((target("avx2"), always_inline)) inline void ChunkAvx2(
    uint64_t* __restrict sig, int first, const uint64_t* __restrict h1s,
    const uint64_t* __restrict h2s, size_t count) {
  constexpr uint64_t kBias = 0x8000000000000000ULL;
  const __m256i bias = _mm256_set1_epi64x(static_cast<long long>(kBias));
  __m256i acc[kVecs];
  #pragma GCC unroll 16
  for (int k = 0; k < kVecs; ++k) {
    acc[k] = _mm256_xor_si256(
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(sig + first + 4 * k)),
        bias);
  }
  for (size_t s = 0; s < count; ++s) {
    const uint64_t h2 = h2s[s];
    const uint64_t base =
        (h1s[s] ^ kBias) + static_cast<uint64_t>(first) * h2;
    __m256i v = _mm256_set_epi64x(static_cast<long long>(base + 3 * h2),
                                  static_cast<long long>(base + 2 * h2),
                                  static_cast<long long>(base + h2),
                                  static_cast<long long>(base));
    const __m256i step = _mm256_set1_epi64x(static_cast<long long>(4 * h2));
    #pragma GCC unroll 16
    for (int k = 0; k < kVecs; ++k) {
      const __m256i gt = _mm256_cmpgt_epi64(acc[k], v);
      acc[k] = _mm256_blendv_epi8(acc[k], v, gt);
      v = _mm256_add_epi64(v, step);
    }
  }
  #pragma GCC unroll 16
  for (int k = 0; k < kVecs; ++k) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(sig + first + 4 * k),
                        _mm256_xor_si256(acc[k], bias));
  }
}

__attribute__((target("avx2"))) void UpdateMinsAvx2(
    uint64_t* __restrict sig, int n, const uint64_t* __restrict h1s,
    const uint64_t* __restrict h2s, size_t count) {
  int i = 0;
  for (; i + 32 <= n; i += 32) ChunkAvx2<8>(sig, i, h1s, h2s, count);
  for (; i + 16 <= n; i += 16) ChunkAvx2<4>(sig, i, h1s, h2s, count);
  for (; i + 4 <= n; i += 4) ChunkAvx2<1>(sig, i, h1s, h2s, count);
  for (; i < n; ++i) {
    for (size_t s = 0; s < count; ++s) {
      sig[i] = std::min(sig[i], h1s[s] + static_cast<uint64_t>(i) * h2s[s]);
    }
  }
}

// `kVecs` vectors of 8 positions, [first, first + 8 * kVecs), kept in
// registers while every shingle is folded in (storing them back after each
// shingle would make the loop store-bound).
template <int kVecs>
__attribute__((target("avx512f"), always_inline)) inline void ChunkAvx512(
    uint64_t* __restrict sig, int first, const uint64_t* __restrict h1s,
    const uint64_t* __restrict h2s, size_t count) {
  __m512i acc[kVecs];
  #pragma GCC unroll 16
  for (int k = 0; k < kVecs; ++k) acc[k] = _mm512_loadu_si512(sig + first + 8 * k);
  for (size_t s = 0; s < count; ++s) {
    const uint64_t h2 = h2s[s];
    const uint64_t base = h1s[s] + static_cast<uint64_t>(first) * h2;
    // Lane j holds base + j * h2, built from j's three bits.
    __m512i v = _mm512_set1_epi64(static_cast<long long>(base));
    v = _mm512_mask_add_epi64(v, 0xAA, v,
                              _mm512_set1_epi64(static_cast<long long>(h2)));
    v = _mm512_mask_add_epi64(
        v, 0xCC, v, _mm512_set1_epi64(static_cast<long long>(2 * h2)));
    v = _mm512_mask_add_epi64(
        v, 0xF0, v, _mm512_set1_epi64(static_cast<long long>(4 * h2)));
    const __m512i step = _mm512_set1_epi64(static_cast<long long>(8 * h2));
    if constexpr (kVecs == 1) {
      acc[0] = _mm512_mask_min_epu64(acc[0], 0xFF, acc[0], v);
    } else {
      // Two interleaved chains of adds halve the dependency chain.
      const __m512i step2 = _mm512_set1_epi64(static_cast<long long>(16 * h2));
      __m512i even = v, odd = _mm512_add_epi64(v, step);
      #pragma GCC unroll 16
      for (int k = 0; k + 1 < kVecs; k += 2) {
        acc[k] = _mm512_mask_min_epu64(acc[k], 0xFF, acc[k], even);
        acc[k + 1] = _mm512_mask_min_epu64(acc[k + 1], 0xFF, acc[k + 1], odd);
        even = _mm512_add_epi64(even, step2);
        odd = _mm512_add_epi64(odd, step2);
      }
      if constexpr (kVecs % 2 == 1) {
        acc[kVecs - 1] =
            _mm512_mask_min_epu64(acc[kVecs - 1], 0xFF, acc[kVecs - 1], even);
      }
    }
  }
  #pragma GCC unroll 16
  for (int k = 0; k < kVecs; ++k) _mm512_storeu_si512(sig + first + 8 * k, acc[k]);
}

__attribute__((target("avx512f"))) void UpdateMinsAvx512(
    uint64_t* __restrict sig, int n, const uint64_t* __restrict h1s,
    const uint64_t* __restrict h2s, size_t count) {
  int i = 0;
  for (; i + 128 <= n; i += 128) ChunkAvx512<16>(sig, i, h1s, h2s, count);
  for (; i + 32 <= n; i += 32) ChunkAvx512<4>(sig, i, h1s, h2s, count);
  for (; i + 8 <= n; i += 8) ChunkAvx512<1>(sig, i, h1s, h2s, count);
  for (; i < n; ++i) {
    for (size_t s = 0; s < count; ++s) {
      sig[i] = std::min(sig[i], h1s[s] + static_cast<uint64_t>(i) * h2s[s]);
    }
  }
}
#endif

bool CpuHasAvx2() {
#ifdef CW_MINHASH_X86
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

bool CpuHasAvx512() {
#ifdef CW_MINHASH_X86
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f");
#else
  return false;
#endif
}

}  // namespace minhash_internal

namespace {

constexpr uint64_t kShingleSeed = 0x6365617365776174ULL;  // "ceasewat"
constexpr uint64_t kBandSeed = 0x62616e646b657973ULL;     // "bandkeys"

// The splitmix64 finalizer: a bijection that scrambles all 64 bits.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// kLower[c]: the byte a word keeps for input byte c, or 0 when c separates
// words. ASCII letters and digits are word bytes (letters lower-cased), the
// rest of ASCII separates; bytes >= 0x80 are word bytes, except where they
// start one of the separator sequences of UnicodeSeparatorLength.
struct LowerTable {
  unsigned char map[256];
  constexpr LowerTable() : map() {
    for (int c = 0; c < 256; ++c) {
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80) {
        map[c] = static_cast<unsigned char>(c);
      } else if (c >= 'A' && c <= 'Z') {
        map[c] = static_cast<unsigned char>(c + ('a' - 'A'));
      } else {
        map[c] = 0;
      }
    }
  }
};
constexpr LowerTable kLower;

// Length of a Unicode separator sequence starting at p (0 when none).
// Recognised: U+00A0 NBSP, U+00AB «, U+00BB », U+2000..U+200B spaces,
// U+2010..U+2015 dashes, U+2018..U+201F quotes, U+2026 ellipsis,
// U+2028/U+2029 line/paragraph separators, U+202F narrow NBSP,
// U+3000 ideographic space.
inline size_t UnicodeSeparatorLength(const unsigned char* p,
                                     const unsigned char* end) {
  if (p[0] == 0xC2) {
    if (end - p < 2) return 0;
    unsigned char b = p[1];
    return (b == 0xA0 || b == 0xAB || b == 0xBB) ? 2 : 0;
  }
  if (p[0] == 0xE2) {
    if (end - p < 3 || p[1] != 0x80) return 0;
    unsigned char b = p[2];
    if ((b >= 0x80 && b <= 0x8B) || (b >= 0x90 && b <= 0x95) ||
        (b >= 0x98 && b <= 0x9F) || b == 0xA6 || b == 0xA8 || b == 0xA9 ||
        b == 0xAF) {
      return 3;
    }
    return 0;
  }
  if (p[0] == 0xE3 && end - p >= 3 && p[1] == 0x80 && p[2] == 0x80) return 3;
  return 0;
}

// Length of the separator at p: 1 for a separating ASCII byte, 2 or 3 for
// a recognised Unicode separator, 0 when p starts a word byte.
inline size_t SeparatorLength(const unsigned char* p,
                              const unsigned char* end) {
  const unsigned char c = *p;
  if (kLower.map[c] == 0) return 1;
  if (c == 0xC2 || c == 0xE2 || c == 0xE3) return UnicodeSeparatorLength(p, end);
  return 0;
}

// The normalised words of a text, one space between words.
struct Words {
  std::unique_ptr<char[]> buf;         // the words
  std::unique_ptr<uint32_t[]> starts;  // word k begins at buf[starts[k]]
  size_t count = 0;                    // number of words
  size_t size = 0;                     // bytes used in buf
  // End (exclusive) of word k in buf.
  uint32_t End(size_t k) const {
    return k + 1 < count ? starts[k + 1] - 1 : static_cast<uint32_t>(size);
  }
};

Words Tokenize(std::string_view text) {
  Words w;
  // Every word but the first follows at least one separator byte, so the
  // output (words plus single spaces) is never longer than the input, and
  // there are at most (size + 1) / 2 words.
  w.buf.reset(new char[text.size() + 1]);
  w.starts.reset(new uint32_t[text.size() / 2 + 1]);
  char* out = w.buf.get();
  uint32_t* starts = w.starts.get();
  size_t n = 0, words = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    // Separators.
    size_t skip;
    while (p < end && (skip = SeparatorLength(p, end)) != 0) p += skip;
    if (p == end) break;
    // One word.
    if (words != 0) out[n++] = ' ';
    starts[words++] = static_cast<uint32_t>(n);
    do {
      out[n++] = static_cast<char>(kLower.map[*p]);
      ++p;
    } while (p < end && SeparatorLength(p, end) == 0);
  }
  w.count = words;
  w.size = n;
  return w;
}

// The hash of every shingle of `text`, in text order (repeats kept).
std::vector<uint64_t> ShingleHashes(std::string_view text, int shingle_words) {
  std::vector<uint64_t> out;
  const Words words = Tokenize(text);
  if (words.count == 0) return out;
  const size_t k = static_cast<size_t>(shingle_words);
  const size_t shingles = words.count >= k ? words.count - k + 1 : 1;
  const size_t span = std::min(k, words.count);
  out.resize(shingles);
  for (size_t w = 0; w < shingles; ++w) {
    const uint32_t b = words.starts[w];
    const uint32_t e = words.End(w + span - 1);
    out[w] = XXH3_64bits_withSeed(words.buf.get() + b, e - b, kShingleSeed);
  }
  return out;
}

using UpdateMinsFn = void (*)(uint64_t*, int, const uint64_t*,
                              const uint64_t*, size_t);

UpdateMinsFn ChooseUpdateMins() {
  using namespace minhash_internal;
#ifdef CW_MINHASH_X86
  if (CpuHasAvx512()) return UpdateMinsAvx512;
  if (CpuHasAvx2()) return UpdateMinsAvx2;
#endif
  return UpdateMinsScalar;
}

}  // namespace

MinHasher::MinHasher(MinHashOptions options) : options_(options) {
  // Options are sanitised rather than rejected: a MinHasher always works.
  if (options_.shingle_words < 1) options_.shingle_words = 1;
  if (options_.num_hashes < 1) options_.num_hashes = 1;
  if (options_.bands < 1) options_.bands = 1;
  if (options_.bands > options_.num_hashes) options_.bands = options_.num_hashes;
}

MinHashSignature MinHasher::Signature(std::string_view text) const {
  const int n = options_.num_hashes;
  // An empty text is the empty shingle set: every position stays at the
  // maximum, so two empty texts compare equal and nothing else matches them.
  MinHashSignature sig(static_cast<size_t>(n),
                       std::numeric_limits<uint64_t>::max());
  // Word offsets are 32-bit: past 4 GB (far beyond any article) the rest of
  // the text is ignored.
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    text = text.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  }
  std::vector<uint64_t> h1 = ShingleHashes(text, options_.shingle_words);
  if (h1.empty()) return sig;
  const size_t shingles = h1.size();
  // h1 of every shingle, then h2 of every shingle.
  std::unique_ptr<uint64_t[]> hashes(new uint64_t[2 * shingles]);
  uint64_t* h1s = hashes.get();
  uint64_t* h2s = h1s + shingles;
  for (size_t w = 0; w < shingles; ++w) {
    h1s[w] = h1[w];
    h2s[w] = Mix64(h1[w] ^ 0x9e3779b97f4a7c15ULL) | 1;
  }
  static const UpdateMinsFn update_mins = ChooseUpdateMins();
  update_mins(sig.data(), n, h1s, h2s, shingles);
  return sig;
}

std::vector<uint64_t> MinHasher::ShingleSet(std::string_view text) const {
  if (text.size() >= std::numeric_limits<uint32_t>::max())
    text = text.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  std::vector<uint64_t> set = ShingleHashes(text, options_.shingle_words);
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

ShingleOverlap MinHasher::Overlap(const std::vector<uint64_t>& a,
                                  const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  ShingleOverlap o;
  const size_t uni = a.size() + b.size() - common;
  const size_t smaller = std::min(a.size(), b.size());
  o.jaccard = uni ? static_cast<double>(common) / uni : 1.0;
  o.containment = smaller ? static_cast<double>(common) / smaller : 1.0;
  return o;
}

std::vector<uint64_t> MinHasher::BandKeys(const MinHashSignature& sig) const {
  const int bands = options_.bands;
  const size_t rows = static_cast<size_t>(options_.num_hashes / bands);
  std::vector<uint64_t> keys;
  keys.reserve(static_cast<size_t>(bands));
  // key % bands == band: keys of different bands are distinct by
  // construction, not merely by hash luck.
  const uint64_t span = std::numeric_limits<uint64_t>::max() /
                        static_cast<uint64_t>(bands);
  for (int b = 0; b < bands; ++b) {
    const size_t first = static_cast<size_t>(b) * rows;
    uint64_t h = 0;
    if (first + rows <= sig.size()) {
      h = XXH3_64bits_withSeed(sig.data() + first, rows * sizeof(uint64_t),
                               kBandSeed + static_cast<uint64_t>(b));
    } else {
      // A signature of the wrong length: hash what there is of the band.
      size_t have = first < sig.size() ? sig.size() - first : 0;
      h = XXH3_64bits_withSeed(sig.data() + (have ? first : 0),
                               have * sizeof(uint64_t),
                               kBandSeed + static_cast<uint64_t>(b));
    }
    keys.push_back((h % span) * static_cast<uint64_t>(bands) +
                   static_cast<uint64_t>(b));
  }
  return keys;
}

double MinHasher::Similarity(const MinHashSignature& a,
                             const MinHashSignature& b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace ceasewatch
