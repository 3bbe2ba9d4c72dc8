#include "input/format_detect.h"

#include <nlohmann/json.hpp>
#include <string>

#include "input/gzip.h"
#include "util/ascii.h"

namespace ceasewatch {
namespace {

// How much of a head the byte-level checks look at.
constexpr size_t kBinaryScanBytes = 8192;
constexpr size_t kHtmlSearchBytes = 1024;
constexpr size_t kGzipPeekBytes = 64 * 1024;

// Elements that, as the first tag of a file, make it HTML.
constexpr std::string_view kHtmlFirstTags[] = {
    "html",   "head",   "body",  "p",     "div",        "meta",    "title",
    "link",   "script", "style", "base",  "article",    "section", "main",
    "header", "footer", "nav",   "aside", "h1",         "h2",      "h3",
    "h4",     "h5",     "h6",    "span",  "table",      "ul",      "ol",
    "li",     "br",     "a",     "img",   "form",       "iframe",  "noscript",
    "center", "font",   "b",     "i",     "blockquote",
};

std::string_view SkipUtf8Bom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

// `s` after leading whitespace, <!-- comments --> and <?...?> / other
// <!...> declarations (but not <!doctype>).
std::string_view SkipProlog(std::string_view s) {
  for (;;) {
    size_t i = 0;
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    s.remove_prefix(i);
    if (s.starts_with("<!--")) {
      const size_t end = s.find("-->", 4);
      if (end == s.npos) return {};
      s.remove_prefix(end + 3);
    } else if (s.starts_with("<?")) {
      const size_t end = s.find("?>", 2);
      if (end == s.npos) return {};
      s.remove_prefix(end + 2);
    } else {
      return s;
    }
  }
}

bool FirstTagIsHtml(std::string_view s) {
  if (s.size() < 2 || s[0] != '<') return false;
  if (StartsWithIgnoreCase(s, "<!doctype")) {
    std::string_view rest = TrimAscii(s.substr(9, 32));
    return StartsWithIgnoreCase(rest, "html");
  }
  size_t end = 1;
  while (end < s.size() && (IsAsciiAlpha(s[end]) || IsAsciiDigit(s[end]))) {
    ++end;
  }
  if (end == 1) return false;
  // The name must end the tag name: "<pre" is not "<p".
  if (end < s.size() && !IsAsciiSpace(s[end]) && s[end] != '>' &&
      s[end] != '/') {
    return false;
  }
  const std::string name = AsciiLowercase(s.substr(1, end - 1));
  for (std::string_view tag : kHtmlFirstTags) {
    if (name == tag) return true;
  }
  return false;
}

// The path without a trailing ".gz" / ".gzip".
std::string_view StripGzipExtension(std::string_view path) {
  if (EndsWithIgnoreCase(path, ".gz")) return path.substr(0, path.size() - 3);
  if (EndsWithIgnoreCase(path, ".gzip")) {
    return path.substr(0, path.size() - 5);
  }
  return path;
}

// The first non-blank line of `s`, or "" if none.
std::string_view FirstNonBlankLine(std::string_view s) {
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == s.npos) end = s.size();
    std::string_view line = TrimAscii(s.substr(start, end - start));
    if (!line.empty()) return line;
    start = end + 1;
  }
  return {};
}

bool IsJsonObjectLine(std::string_view line) {
  if (!line.starts_with('{')) return false;
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  return !j.is_discarded() && j.is_object();
}

// A crude ASCII view of UTF-16 text (after the BOM), enough to spot tags:
// code units above 0x7f become '?'.
std::string NarrowUtf16(std::string_view s, bool little_endian) {
  std::string out;
  const size_t n = std::min(s.size(), kBinaryScanBytes) / 2;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const auto a = static_cast<unsigned char>(s[2 * i]);
    const auto b = static_cast<unsigned char>(s[2 * i + 1]);
    const unsigned unit = little_endian ? (a | (b << 8)) : ((a << 8) | b);
    out += unit < 0x80 ? static_cast<char>(unit) : '?';
  }
  return out;
}

bool IsControl(unsigned c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
          c != 0x1B) ||
         c == 0x7F;
}

}  // namespace

InputFormat FormatFromExtension(std::string_view path) {
  static constexpr std::string_view kHtmlExtensions[] = {
      ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"};
  for (std::string_view ext : kHtmlExtensions) {
    if (EndsWithIgnoreCase(path, ext)) return InputFormat::kHtml;
  }
  if (EndsWithIgnoreCase(path, ".warc")) return InputFormat::kWarc;
  if (EndsWithIgnoreCase(path, ".jsonl") ||
      EndsWithIgnoreCase(path, ".ndjson") ||
      EndsWithIgnoreCase(path, ".jsonlines")) {
    return InputFormat::kJsonLines;
  }
  if (EndsWithIgnoreCase(path, ".txt") || EndsWithIgnoreCase(path, ".text")) {
    return InputFormat::kText;
  }
  return InputFormat::kUnknown;
}

bool LooksLikeHtml(std::string_view head) {
  head = SkipUtf8Bom(head);
  if (FirstTagIsHtml(SkipProlog(head))) return true;
  const std::string_view start = head.substr(0, kHtmlSearchBytes);
  return FindIgnoreCase(start, "<html") != start.npos ||
         FindIgnoreCase(start, "<body") != start.npos ||
         FindIgnoreCase(start, "<!doctype html") != start.npos;
}

bool LooksBinary(std::string_view head) {
  head = head.substr(0, kBinaryScanBytes);
  size_t controls = 0;
  size_t units = 0;
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    const bool le = head[0] == '\xFF';
    for (size_t i = 2; i + 1 < head.size(); i += 2) {
      const auto a = static_cast<unsigned char>(head[i]);
      const auto b = static_cast<unsigned char>(head[i + 1]);
      const unsigned unit = le ? (a | (b << 8)) : ((a << 8) | b);
      if (unit == 0) return true;
      if (IsControl(unit)) ++controls;
      ++units;
    }
  } else {
    for (char ch : head) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == 0) return true;
      if (IsControl(c)) ++controls;
    }
    units = head.size();
  }
  return controls * 16 > units;
}

InputFormat DetectFormat(std::string_view head, std::string_view path) {
  if (IsGzip(head)) {
    std::string inner;
    // A head is usually cut short: a truncated stream is expected here.
    (void)Gunzip(head, kGzipPeekBytes, &inner);
    const std::string_view inner_path = StripGzipExtension(path);
    if (inner.empty()) return FormatFromExtension(inner_path);
    if (IsGzip(inner)) return InputFormat::kUnknown;  // gzip in gzip
    return DetectFormat(inner, inner_path);
  }
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    const std::string narrow = NarrowUtf16(head.substr(2), head[0] == '\xFF');
    if (LooksLikeHtml(narrow)) return InputFormat::kHtml;
    return FormatFromExtension(path) == InputFormat::kHtml ? InputFormat::kHtml
                                                           : InputFormat::kText;
  }

  const std::string_view body = SkipUtf8Bom(head);
  if (body.starts_with("WARC/1.")) return InputFormat::kWarc;

  const std::string_view first_line = FirstNonBlankLine(body);
  const InputFormat by_name = FormatFromExtension(path);
  if (first_line.starts_with('{') &&
      (IsJsonObjectLine(first_line) || by_name == InputFormat::kJsonLines)) {
    return InputFormat::kJsonLines;
  }
  if (LooksLikeHtml(body)) return InputFormat::kHtml;
  switch (by_name) {
    case InputFormat::kHtml:
    case InputFormat::kWarc:
      return by_name;
    default:
      return InputFormat::kText;
  }
}

}  // namespace ceasewatch
