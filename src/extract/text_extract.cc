#include "extract/text_extract.h"

namespace ceasewatch {
namespace {

// Length of a white-space character at s[i], or 0.
size_t SpaceLen(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
      c == '\n')
    return 1;
  if (c == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] == 0xA0)
    return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char c1 = s[i + 1], c2 = s[i + 2];
    if (c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return 3;  // U+2000..200B, 202F
  }
  if (c == 0xE3 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 &&
      (unsigned char)s[i + 2] == 0x80)
    return 3;  // U+3000
  return 0;
}

}  // namespace

std::string FoldWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLen(s, i);
    if (n) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += s[i++];
  }
  return out;
}

int BlankLinesBetween(std::string_view body, uint32_t from, uint32_t to) {
  int newlines = 0;
  for (uint32_t i = from; i < to && i < body.size(); ++i)
    newlines += body[i] == '\n';
  return newlines > 0 ? newlines - 1 : 0;
}

Page ExtractText(std::string body) {
  Page page;
  page.body = std::move(body);
  std::string_view s = page.body;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t eol = s.find('\n', pos);
    if (eol == std::string_view::npos) eol = s.size();
    size_t b = pos, e = eol;
    while (b < e && SpaceLen(s, b)) b += SpaceLen(s, b);
    while (e > b) {  // trim trailing ASCII space/CR; NBSP folded below
      unsigned char c = s[e - 1];
      if (c == ' ' || c == '\t' || c == '\r') {
        --e;
      } else if (e - b >= 2 && c == 0xA0 && (unsigned char)s[e - 2] == 0xC2) {
        e -= 2;
      } else {
        break;
      }
    }
    if (e > b) {
      TextBlock block;
      block.text = FoldWhitespace(s.substr(b, e - b));
      block.raw_begin = static_cast<uint32_t>(b);
      block.raw_end = static_cast<uint32_t>(e);
      if (!block.text.empty()) page.blocks.push_back(std::move(block));
    }
    pos = eol + 1;
  }
  return page;
}

}  // namespace ceasewatch
