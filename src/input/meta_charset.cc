#include "input/meta_charset.h"

#include "util/ascii.h"
#include "input/content_type.h"

namespace ceasewatch {
namespace {

struct Attribute {
  std::string name;  // lowercased
  std::string value;
};

// Reads one attribute of a tag at s[*i]. Returns false at the end of the
// tag ('>' consumed) or of the input.
bool NextAttribute(std::string_view s, size_t* i, Attribute* attr) {
  size_t p = *i;
  while (p < s.size() && (IsAsciiSpace(s[p]) || s[p] == '/')) ++p;
  if (p >= s.size() || s[p] == '>') {
    *i = p < s.size() ? p + 1 : p;
    return false;
  }
  attr->name.clear();
  attr->value.clear();
  while (p < s.size() && !IsAsciiSpace(s[p]) && s[p] != '=' && s[p] != '>' &&
         s[p] != '/') {
    attr->name += AsciiLower(s[p]);
    ++p;
  }
  while (p < s.size() && IsAsciiSpace(s[p])) ++p;
  if (p < s.size() && s[p] == '=') {
    ++p;
    while (p < s.size() && IsAsciiSpace(s[p])) ++p;
    if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
      const char quote = s[p++];
      const size_t end = s.find(quote, p);
      const size_t stop = end == s.npos ? s.size() : end;
      attr->value.assign(s.substr(p, stop - p));
      p = end == s.npos ? s.size() : end + 1;
    } else {
      const size_t start = p;
      while (p < s.size() && !IsAsciiSpace(s[p]) && s[p] != '>') ++p;
      attr->value.assign(s.substr(start, p - start));
    }
  }
  *i = p;
  return true;
}

// The charset of a <meta> tag whose attributes start at s[*i], or "".
std::string MetaCharset(std::string_view s, size_t* i) {
  Attribute attr;
  std::string charset, content;
  bool pragma = false;
  while (NextAttribute(s, i, &attr)) {
    if (attr.name == "charset" && charset.empty()) {
      charset = std::string(TrimAscii(attr.value));
    } else if (attr.name == "http-equiv") {
      pragma = EqualsIgnoreCase(TrimAscii(attr.value), "content-type");
    } else if (attr.name == "content" && content.empty()) {
      content = attr.value;
    }
  }
  if (!charset.empty()) return charset;
  if (pragma) return FindCharsetParameter(content);
  return "";
}

std::string XmlDeclarationEncoding(std::string_view s) {
  s = TrimAscii(s);
  if (!StartsWithIgnoreCase(s, "<?xml")) return "";
  const size_t end = s.find("?>");
  const std::string_view decl = s.substr(0, end);
  const size_t enc = FindIgnoreCase(decl, "encoding");
  if (enc == decl.npos) return "";
  size_t p = enc + 8;
  while (p < decl.size() && IsAsciiSpace(decl[p])) ++p;
  if (p >= decl.size() || decl[p] != '=') return "";
  ++p;
  while (p < decl.size() && IsAsciiSpace(decl[p])) ++p;
  if (p >= decl.size() || (decl[p] != '"' && decl[p] != '\'')) return "";
  const size_t close = decl.find(decl[p], p + 1);
  if (close == decl.npos) return "";
  return std::string(TrimAscii(decl.substr(p + 1, close - p - 1)));
}

}  // namespace

std::string SniffHtmlCharset(std::string_view html) {
  const std::string_view s = html.substr(0, kMetaCharsetScanBytes);
  size_t leading_space = 0;
  while (leading_space < s.size() && IsAsciiSpace(s[leading_space])) {
    ++leading_space;
  }
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    if (lt == s.npos) break;
    i = lt;
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("<!--")) {
      const size_t end = s.find("-->", i + 4);
      if (end == s.npos) break;
      i = end + 3;
    } else if (StartsWithIgnoreCase(rest, "<meta") && rest.size() > 5 &&
               (IsAsciiSpace(rest[5]) || rest[5] == '/')) {
      i += 5;
      std::string charset = MetaCharset(s, &i);
      if (!charset.empty()) return charset;
    } else if (rest.size() > 1 &&
               (IsAsciiAlpha(rest[1]) ||
                (rest[1] == '/' && rest.size() > 2 && IsAsciiAlpha(rest[2])))) {
      // Some other tag: skip its name and attributes (quotes respected).
      i += 1;
      while (i < s.size() && !IsAsciiSpace(s[i]) && s[i] != '>') ++i;
      Attribute ignored;
      while (NextAttribute(s, &i, &ignored)) {
      }
    } else if (rest.starts_with("<!") || rest.starts_with("<?") ||
               rest.starts_with("</")) {
      if (rest.starts_with("<?xml") && i == leading_space) {
        std::string enc = XmlDeclarationEncoding(rest);
        if (!enc.empty()) return enc;
      }
      const size_t end = s.find('>', i);
      if (end == s.npos) break;
      i = end + 1;
    } else {
      ++i;
    }
  }
  return "";
}

}  // namespace ceasewatch
