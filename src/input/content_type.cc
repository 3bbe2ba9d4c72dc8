#include "input/content_type.h"

#include "util/ascii.h"

namespace ceasewatch {
namespace {

// Reads a parameter value at the start of `s`: a quoted string or a token
// ending at ';', ',' or whitespace.
std::string ReadValue(std::string_view s) {
  if (s.empty()) return "";
  if (s[0] == '"' || s[0] == '\'') {
    const size_t end = s.find(s[0], 1);
    return std::string(
        TrimAscii(s.substr(1, end == s.npos ? s.npos : end - 1)));
  }
  size_t end = 0;
  while (end < s.size() && s[end] != ';' && s[end] != ',' &&
         !IsAsciiSpace(s[end])) {
    ++end;
  }
  return std::string(s.substr(0, end));
}

}  // namespace

std::string FindCharsetParameter(std::string_view value) {
  size_t pos = 0;
  while ((pos = FindIgnoreCase(value, "charset", pos)) != value.npos) {
    size_t i = pos + 7;
    while (i < value.size() && IsAsciiSpace(value[i])) ++i;
    if (i < value.size() && value[i] == '=') {
      ++i;
      while (i < value.size() && IsAsciiSpace(value[i])) ++i;
      return ReadValue(value.substr(i));
    }
    pos += 7;
  }
  return "";
}

ContentType ParseContentType(std::string_view value) {
  ContentType out;
  const size_t semi = value.find(';');
  out.media_type = AsciiLowercase(TrimAscii(value.substr(0, semi)));
  if (semi != value.npos) {
    out.charset = FindCharsetParameter(value.substr(semi + 1));
  }
  return out;
}

}  // namespace ceasewatch
