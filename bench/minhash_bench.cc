// Throughput of MinHasher::Signature on invented news-like text.
//
//   build/bench/minhash_bench [--benchmark_filter=...]
//
// Each case signs a text of the given size (1 KB, 5 KB, 20 KB) with the
// default options (4-word shingles, 128 hashes); bytes/s is reported.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "dedup/minhash_kernels.h"
#include "dedup/near_duplicates.h"

namespace {

// Deterministic invented prose of about `bytes` bytes.
std::string InventedText(size_t bytes) {
  static const char* const kWords[] = {
      "Northvale", "Kestrel", "Ridge", "the", "defence", "ministry",
      "shelled", "reported", "convoy", "bridge", "ceasefire", "monitors",
      "said", "on", "Tuesday", "near", "Osterby", "district", "council",
      "artillery", "positions", "overnight", "residents", "of", "Saltmarsh",
      "fled", "after", "talks", "in", "Orrin", "Falls", "collapsed", "and",
      "a", "spokesman", "denied", "that", "units", "had", "advanced",
      "toward", "Dunmere", "grain", "terminal", "water", "supplies", "were",
      "cut", "by", "mortar", "fire", "while", "envoys", "urged", "restraint",
  };
  constexpr size_t kCount = sizeof(kWords) / sizeof(kWords[0]);
  std::string out;
  out.reserve(bytes + 32);
  uint64_t x = 0x1234567887654321ULL;
  int in_sentence = 0;
  while (out.size() < bytes) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    if (!out.empty()) out += ' ';
    if (x % 23 == 0) {
      out += std::to_string(x % 997);
    } else {
      out += kWords[x % kCount];
    }
    if (++in_sentence > 8 + static_cast<int>(x % 11)) {
      out += (x % 7 == 0) ? ",\n" : ".";
      in_sentence = 0;
    }
  }
  out.resize(bytes);
  return out;
}

void BM_Signature(benchmark::State& state) {
  const std::string text = InventedText(static_cast<size_t>(state.range(0)));
  ceasewatch::MinHasher hasher;
  for (auto _ : state) {
    ceasewatch::MinHashSignature sig = hasher.Signature(text);
    benchmark::DoNotOptimize(sig.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Signature)->Arg(1 << 10)->Arg(5 << 10)->Arg(20 << 10)
    ->Unit(benchmark::kMicrosecond);

void BM_BandKeys(benchmark::State& state) {
  ceasewatch::MinHasher hasher;
  const ceasewatch::MinHashSignature sig =
      hasher.Signature(InventedText(5 << 10));
  for (auto _ : state) {
    std::vector<uint64_t> keys = hasher.BandKeys(sig);
    benchmark::DoNotOptimize(keys.data());
  }
}
BENCHMARK(BM_BandKeys);

// The inner loop alone, per CPU-specific version: 850 shingles (about 5 KB
// of text) into 128 positions.
template <int kVersion>
void BM_UpdateMins(benchmark::State& state) {
  using namespace ceasewatch::minhash_internal;
  std::vector<uint64_t> h1s(850), h2s(850);
  uint64_t x = 88172645463325252ULL;
  for (size_t i = 0; i < h1s.size(); ++i) {
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    h1s[i] = x;
    h2s[i] = (x * 0x9e3779b97f4a7c15ULL) | 1;
  }
  std::vector<uint64_t> sig(128);
#ifdef CW_MINHASH_X86
  if ((kVersion == 1 && !CpuHasAvx2()) || (kVersion == 2 && !CpuHasAvx512())) {
    state.SkipWithError("not supported by this CPU");
    return;
  }
#else
  if (kVersion != 0) {
    state.SkipWithError("x86-64 only");
    return;
  }
#endif
  for (auto _ : state) {
    std::fill(sig.begin(), sig.end(), ~uint64_t{0});
    if constexpr (kVersion == 0) {
      UpdateMinsScalar(sig.data(), 128, h1s.data(), h2s.data(), h1s.size());
    }
#ifdef CW_MINHASH_X86
    if constexpr (kVersion == 1) {
      UpdateMinsAvx2(sig.data(), 128, h1s.data(), h2s.data(), h1s.size());
    }
    if constexpr (kVersion == 2) {
      UpdateMinsAvx512(sig.data(), 128, h1s.data(), h2s.data(), h1s.size());
    }
#endif
    benchmark::DoNotOptimize(sig.data());
    benchmark::ClobberMemory();
  }
}
BENCHMARK_TEMPLATE(BM_UpdateMins, 0)->Name("BM_UpdateMins/scalar")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_UpdateMins, 1)->Name("BM_UpdateMins/avx2")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_UpdateMins, 2)->Name("BM_UpdateMins/avx512")
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
