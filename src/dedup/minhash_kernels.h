// Internal to dedup/: the MinHash inner loop in its CPU-specific versions,
// exposed so the tests can check that every version gives the same result.
#ifndef CEASEWATCH_DEDUP_MINHASH_KERNELS_H_
#define CEASEWATCH_DEDUP_MINHASH_KERNELS_H_

#include <cstddef>
#include <cstdint>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CW_MINHASH_X86 1
#endif

namespace ceasewatch::minhash_internal {

// For every position i < n: sig[i] = min(sig[i], min over s < count of
// h1s[s] + i * h2s[s]), arithmetic mod 2^64.
void UpdateMinsScalar(uint64_t* sig, int n, const uint64_t* h1s,
                      const uint64_t* h2s, size_t count);
#ifdef CW_MINHASH_X86
// REQUIRES: CpuHasAvx2() / CpuHasAvx512().
void UpdateMinsAvx2(uint64_t* sig, int n, const uint64_t* h1s,
                    const uint64_t* h2s, size_t count);
void UpdateMinsAvx512(uint64_t* sig, int n, const uint64_t* h1s,
                      const uint64_t* h2s, size_t count);
#endif
bool CpuHasAvx2();
bool CpuHasAvx512();

}  // namespace ceasewatch::minhash_internal

#endif  // CEASEWATCH_DEDUP_MINHASH_KERNELS_H_
