#include "util/ascii.h"

namespace ceasewatch {

std::string AsciiLowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

size_t FindIgnoreCase(std::string_view haystack, std::string_view needle,
                      size_t from) {
  if (needle.empty()) return from <= haystack.size() ? from : haystack.npos;
  if (haystack.size() < needle.size()) return haystack.npos;
  const char first = AsciiLower(needle[0]);
  const size_t last = haystack.size() - needle.size();
  for (size_t i = from; i <= last; ++i) {
    if (AsciiLower(haystack[i]) == first &&
        EqualsIgnoreCase(haystack.substr(i, needle.size()), needle)) {
      return i;
    }
  }
  return haystack.npos;
}

std::string_view TrimAscii(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && IsAsciiSpace(s[b])) ++b;
  while (e > b && IsAsciiSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

size_t Utf8PunctAsAscii(std::string_view s, size_t i, char* ascii) {
  unsigned char c = s[i];
  if (c == 0xC2 && i + 1 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *ascii = ' ';
    return 2;
  }
  if (c != 0xE2 || i + 2 >= s.size() ||
      static_cast<unsigned char>(s[i + 1]) != 0x80)
    return 0;
  switch (static_cast<unsigned char>(s[i + 2])) {
    case 0x90:
    case 0x91:
    case 0x92:
    case 0x93:
    case 0x94:
    case 0x95:
      *ascii = '-';
      return 3;
    case 0x98:
    case 0x99:
      *ascii = '\'';
      return 3;
    case 0x9C:
    case 0x9D:
      *ascii = '"';
      return 3;
    case 0xA2:
      *ascii = '*';
      return 3;
    case 0xA6:
      *ascii = '.';
      return 3;
    default:
      return 0;
  }
}

}  // namespace ceasewatch
