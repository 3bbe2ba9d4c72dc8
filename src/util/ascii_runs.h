// Runs of ASCII letters (or letters and digits) in a text, found sixteen
// bytes at a time where SSE2 is available: the word loops of the text
// scanners (dates, numbers, quotes) spend most of their time there.
//
//   size_t e = EndOfAsciiLetters(text, b);  // text[b, e) are all A-Z a-z
#ifndef CEASEWATCH_UTIL_ASCII_RUNS_H_
#define CEASEWATCH_UTIL_ASCII_RUNS_H_

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstddef>
#include <string_view>

namespace ceasewatch {
namespace ascii_runs_internal {

inline bool IsLetter(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}
inline bool IsDigit(unsigned char c) {
  return static_cast<unsigned char>(c - '0') < 10;
}

template <bool kDigits>
size_t EndOfRun(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
#if defined(__SSE2__)
  while (i + 16 <= n) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // (x | 0x20) in 'a'..'z' (signed compares: bytes >= 0x80 fail).
    const __m128i l = _mm_or_si128(x, _mm_set1_epi8(0x20));
    __m128i hit = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8('a' - 1)),
                                _mm_cmplt_epi8(l, _mm_set1_epi8('z' + 1)));
    if constexpr (kDigits) {
      hit = _mm_or_si128(
          hit, _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                             _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1))));
    }
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0xFFFF) return i + std::countr_one(mask);
    i += 16;
  }
#endif
  while (i < n && (IsLetter(p[i]) || (kDigits && IsDigit(p[i])))) ++i;
  return i;
}

}  // namespace ascii_runs_internal

// The first index >= i of `s` that is not an ASCII letter, or s.size().
inline size_t EndOfAsciiLetters(std::string_view s, size_t i) {
  return ascii_runs_internal::EndOfRun<false>(s, i);
}

// The first index >= i of `s` that is not an ASCII letter or digit, or
// s.size().
inline size_t EndOfAsciiAlnum(std::string_view s, size_t i) {
  return ascii_runs_internal::EndOfRun<true>(s, i);
}

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_ASCII_RUNS_H_
