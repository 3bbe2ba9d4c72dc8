// ASCII-only string helpers shared by the input parsers: case-insensitive
// comparison and search, and whitespace trimming. Bytes >= 0x80 are never
// letters or spaces here, so these are safe on any encoding.
#ifndef CEASEWATCH_UTIL_ASCII_H_
#define CEASEWATCH_UTIL_ASCII_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace ceasewatch {

inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

inline bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

std::string AsciiLowercase(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);
// Position of the first case-insensitive occurrence of `needle` in
// `haystack` at or after `from`, or std::string_view::npos.
size_t FindIgnoreCase(std::string_view haystack, std::string_view needle,
                      size_t from = 0);
// Width of the UTF-8 punctuation at s[i] that text scanners read as ASCII
// (dashes -> '-', curly single quotes -> '\'', curly double quotes -> '"',
// bullet -> '*', ellipsis -> '.', no-break space -> ' ' meaning "skip"),
// with its stand-in in *ascii; 0 when s[i] starts no such character.
size_t Utf8PunctAsAscii(std::string_view s, size_t i, char* ascii);
// `s` without leading and trailing ASCII whitespace.
std::string_view TrimAscii(std::string_view s);

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_ASCII_H_
