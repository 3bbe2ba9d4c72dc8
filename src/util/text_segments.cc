#include "util/text_segments.h"

#include <array>

#include "util/ascii.h"
#include "util/ascii_runs.h"

namespace ceasewatch {
namespace {

// Byte classes, by table rather than by chains of compares.
enum ByteClass : uint8_t {
  kSpaceByte,  // ' ', '\t', '\f', '\v'
  kLineByte,   // '\n', '\r'
  kDigitByte,
  kAlphaByte,
  kHighByte,  // >= 0x80: a word byte unless it starts UTF-8 punctuation
  kPunctByte,
};

constexpr std::array<uint8_t, 256> MakeClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      t[c] = kSpaceByte;
    } else if (c == '\n' || c == '\r') {
      t[c] = kLineByte;
    } else if (c >= '0' && c <= '9') {
      t[c] = kDigitByte;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = kAlphaByte;
    } else if (c >= 0x80) {
      t[c] = kHighByte;
    } else {
      t[c] = kPunctByte;
    }
  }
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeClasses();

// Only these lead bytes can start what Utf8PunctAsAscii recognises (the
// no-break space C2 A0 and the E2 80 xx punctuation).
bool MayBeUtf8Punct(unsigned char c) { return c == 0xC2 || c == 0xE2; }

}  // namespace

std::vector<TextSegment> SegmentText(std::string_view s) {
  std::vector<TextSegment> out;
  out.reserve(s.size() / 5 + 4);
  bool line_start = true;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    const uint8_t cls = kClass[c];
    if (cls == kSpaceByte) {
      ++i;
      continue;
    }
    if (cls == kLineByte) {
      line_start = true;
      ++i;
      continue;
    }
    char ascii = 0;
    const size_t w = cls == kHighByte && MayBeUtf8Punct(c)
                         ? Utf8PunctAsAscii(s, i, &ascii)
                         : 0;
    if (w && ascii == ' ') {
      i += w;
      continue;
    }
    // Built in place: a segment assembled on the stack and copied stalls
    // on store forwarding.
    TextSegment& t = out.emplace_back();
    size_t j = i + 1;
    if (w) {
      t.kind = TextSegment::kPunct;
      t.punct = ascii;
      j = i + w;
    } else if (cls == kDigitByte) {
      t.kind = TextSegment::kNumber;
      while (j < s.size() &&
             kClass[static_cast<unsigned char>(s[j])] == kDigitByte)
        ++j;
    } else if (cls == kAlphaByte || cls == kHighByte) {
      t.kind = TextSegment::kWord;
      char dummy;
      while (j < s.size()) {
        j = EndOfAsciiLetters(s, j);
        if (j == s.size()) break;
        const unsigned char d = s[j];
        if (kClass[d] == kHighByte &&
            !(MayBeUtf8Punct(d) && Utf8PunctAsAscii(s, j, &dummy))) {
          ++j;
        } else {
          break;
        }
      }
      t.cap = c >= 'A' && c <= 'Z';
    } else {
      t.kind = TextSegment::kPunct;
      t.punct = static_cast<char>(c);
    }
    t.begin = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(j);
    t.line_start = line_start;
    line_start = false;
    i = j;
  }
  return out;
}

}  // namespace ceasewatch
