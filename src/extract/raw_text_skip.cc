#include "extract/raw_text_skip.h"

#include <algorithm>
#include <cstring>

#include "extract/chrome_attrs.h"
#include "util/ascii.h"

namespace ceasewatch {
namespace {

constexpr size_t kNpos = std::string_view::npos;

inline bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

enum class RawKind { kNone, kScript, kStyle, kSkipTo, kPlaintext };

// A tag name lower-cased into a small buffer; names longer than any we
// look for are left empty.
class LowerName {
 public:
  explicit LowerName(std::string_view name) {
    if (name.size() > sizeof(buf_)) return;
    for (size_t i = 0; i < name.size(); ++i) buf_[i] = AsciiLower(name[i]);
    size_ = name.size();
  }
  std::string_view view() const { return std::string_view(buf_, size_); }

 private:
  char buf_[10];
  size_t size_ = 0;
};

template <size_t N>
bool InSet(std::string_view lower, const std::string_view (&set)[N]) {
  for (std::string_view s : set) {
    if (s.size() == lower.size() &&
        std::memcmp(s.data(), lower.data(), s.size()) == 0) {
      return true;
    }
  }
  return false;
}

RawKind RawKindOf(std::string_view lower) {
  if (lower == "script") return RawKind::kScript;
  if (lower == "style") return RawKind::kStyle;
  static constexpr std::string_view kSkipTo[] = {
      "title", "textarea", "xmp", "iframe", "noembed", "noframes"};
  if (InSet(lower, kSkipTo)) return RawKind::kSkipTo;
  if (lower == "plaintext") return RawKind::kPlaintext;
  return RawKind::kNone;
}

// How a tag affects the nesting estimate.
enum class NestKind {
  kNested,   // opens an element that stays open until its end tag
  kFlat,     // void, or closed implicitly by its next sibling (p, li, td,
             // a, h1..), or html/head/body: not counted
  kForeign,  // <svg>, <math>: nested; self-closing children inside
};

// clang-format off
constexpr std::string_view kFlatNames[] = {
    // void elements
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "param", "source", "track", "wbr", "keygen", "basefont",
    "bgsound", "frame", "image", "isindex",
    // closed by a sibling start tag, or never nested by the parser
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "a",
    "nobr", "button", "h1", "h2", "h3", "h4", "h5", "h6", "html", "head",
    "body", "form",
};

// HTML start tags that end <svg>/<math> content when met inside it.
constexpr std::string_view kBreakoutNames[] = {
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div",
    "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
    "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup",
    "table", "tt", "u", "ul", "var", "font",
};
// clang-format on

NestKind NestKindOf(std::string_view lower, size_t raw_size) {
  if (raw_size > 10) return NestKind::kNested;
  if (InSet(lower, kFlatNames)) return NestKind::kFlat;
  if (lower == "svg" || lower == "math") return NestKind::kForeign;
  return NestKind::kNested;
}

bool IsForeignBreakout(std::string_view lower, size_t raw_size) {
  return raw_size <= 10 && InSet(lower, kBreakoutNames);
}

// h[i] is just after a tag name. Steps over the attributes, honouring
// quoted values. Returns the index of the closing '>' or npos.
size_t SkipAttributes(std::string_view h, size_t i) {
  const size_t n = h.size();
  while (true) {
    while (i < n && (IsHtmlSpace(h[i]) || h[i] == '/')) ++i;
    if (i >= n) return kNpos;
    if (h[i] == '>') return i;
    // Attribute name ('=' may be its first character).
    size_t j = i + 1;
    while (j < n && !IsHtmlSpace(h[j]) && h[j] != '/' && h[j] != '>' &&
           h[j] != '=') {
      ++j;
    }
    while (j < n && IsHtmlSpace(h[j])) ++j;
    if (j < n && h[j] == '=') {
      ++j;
      while (j < n && IsHtmlSpace(h[j])) ++j;
      if (j >= n) return kNpos;
      if (h[j] == '"' || h[j] == '\'') {
        const void* q = std::memchr(h.data() + j + 1, h[j], n - j - 1);
        if (q == nullptr) return kNpos;
        j = static_cast<size_t>(static_cast<const char*>(q) - h.data()) + 1;
      } else {
        while (j < n && !IsHtmlSpace(h[j]) && h[j] != '>') ++j;
      }
    }
    i = j;
  }
}

// The index of the first "</name" end tag at or after `from` (followed by
// space, '/' or '>'), or npos.
size_t FindEndTag(std::string_view h, size_t from, std::string_view name) {
  const size_t n = h.size();
  while (from < n) {
    size_t lt = h.find("</", from);
    if (lt == kNpos) return kNpos;
    size_t after = lt + 2 + name.size();
    if (after < n && EqualsIgnoreCase(h.substr(lt + 2, name.size()), name) &&
        (IsHtmlSpace(h[after]) || h[after] == '/' || h[after] == '>')) {
      return lt;
    }
    from = lt + 2;
  }
  return kNpos;
}

}  // namespace

std::vector<ByteRange> FindScriptStyleContents(std::string_view h) {
  return PlanCuts(h, kNoDepthLimit);
}

std::vector<ByteRange> PlanCuts(std::string_view h, size_t depth_limit) {
  std::vector<ByteRange> out;
  const size_t n = h.size();
  size_t depth = 0;           // estimated element nesting
  size_t foreign = 0;         // open <svg>/<math> elements
  size_t deep_begin = kNpos;  // start of the region being cut for depth
  auto finish = [&]() {
    if (deep_begin != kNpos) out.push_back({deep_begin, n});
    return out;
  };
  size_t i = 0;
  while (i < n) {
    const void* p = std::memchr(h.data() + i, '<', n - i);
    if (p == nullptr) break;
    i = static_cast<size_t>(static_cast<const char*>(p) - h.data());
    if (i + 1 >= n) break;
    char c = h[i + 1];
    if (c == '!') {
      if (h.compare(i, 4, "<!--") == 0) {
        size_t j = i + 4;
        if (j < n && h[j] == '>') {  // "<!-->"
          i = j + 1;
          continue;
        }
        if (j + 1 < n && h[j] == '-' && h[j + 1] == '>') {  // "<!--->"
          i = j + 2;
          continue;
        }
        size_t e1 = h.find("-->", j);
        size_t e2 = h.find("--!>", j);
        if (e1 == kNpos && e2 == kNpos) break;  // comment to the end
        i = e1 < e2 ? e1 + 3 : e2 + 4;
        continue;
      }
      // Doctype, CDATA or bogus comment: to the next '>'.
      size_t e = h.find('>', i + 2);
      if (e == kNpos) break;
      i = e + 1;
      continue;
    }
    if (c == '?') {
      size_t e = h.find('>', i + 2);
      if (e == kNpos) break;
      i = e + 1;
      continue;
    }
    bool end_tag = false;
    size_t name_at = i + 1;
    if (c == '/') {
      end_tag = true;
      name_at = i + 2;
      if (name_at >= n) break;
      if (!IsAlpha(h[name_at])) {  // "</>" or a bogus comment
        size_t e = h.find('>', name_at);
        if (e == kNpos) break;
        i = e + 1;
        continue;
      }
    } else if (!IsAlpha(c)) {
      ++i;  // a lone '<' in text
      continue;
    }
    size_t j = name_at;
    while (j < n && !IsHtmlSpace(h[j]) && h[j] != '/' && h[j] != '>') ++j;
    std::string_view name = h.substr(name_at, j - name_at);
    const LowerName lower(name);
    size_t gt = SkipAttributes(h, j);
    if (gt == kNpos) break;
    const size_t tag_begin = i;
    const bool self_closing = h[gt - 1] == '/';
    i = gt + 1;

    // Nesting estimate.
    const NestKind nest = NestKindOf(lower.view(), name.size());
    if (end_tag) {
      if (nest == NestKind::kForeign && foreign > 0) --foreign;
      if (nest != NestKind::kFlat && depth > 0) {
        --depth;
        if (deep_begin != kNpos && depth <= depth_limit) {
          out.push_back({deep_begin, i});
          deep_begin = kNpos;
        }
      }
      continue;
    }
    if (foreign > 0 && IsForeignBreakout(lower.view(), name.size())) {
      foreign = 0;
    }
    if (nest == NestKind::kForeign && !self_closing) ++foreign;
    const bool opens =
        nest != NestKind::kFlat &&
        !(self_closing && (foreign > 0 || nest == NestKind::kForeign));
    if (opens && ++depth > depth_limit && deep_begin == kNpos) {
      deep_begin = tag_begin;
    }

    RawKind kind = RawKindOf(lower.view());
    if (kind == RawKind::kNone) continue;
    if (kind == RawKind::kPlaintext) break;  // the rest is text
    size_t close = FindEndTag(h, i, name);
    size_t content_end = close == kNpos ? n : close;
    if (kind == RawKind::kScript) {
      std::string_view content = h.substr(i, content_end - i);
      size_t open_comment = content.find("<!--");
      if (open_comment != kNpos) {
        // Possibly the double-escaped state: "<!-- <script>" makes the
        // tokenizer read past the first "</script>". Stop cutting here.
        std::string_view rest = content.substr(open_comment);
        for (size_t k = rest.find('<'); k != kNpos; k = rest.find('<', k + 1)) {
          if (EqualsIgnoreCase(rest.substr(k, 7), "<script")) {
            return finish();
          }
        }
      }
      std::string_view tag = h.substr(tag_begin, gt - tag_begin);
      if (deep_begin == kNpos && content_end > i &&
          FindIgnoreCase(tag, "ld+json") == kNpos) {
        out.push_back({i, content_end});
      }
    } else if (kind == RawKind::kStyle && deep_begin == kNpos &&
               content_end > i) {
      out.push_back({i, content_end});
    }
    if (close == kNpos) break;
    i = close;
  }
  return finish();
}

void CompactHtml::Build(std::string_view html,
                        const std::vector<ByteRange>& cuts) {
  text_.clear();
  map_.clear();
  removed_ = 0;
  size_t total = 0;
  for (const ByteRange& r : cuts) total += r.end - r.begin;
  text_.reserve(html.size() - std::min(total, html.size()));
  size_t at = 0;
  for (const ByteRange& r : cuts) {
    if (r.begin < at || r.end < r.begin || r.end > html.size()) continue;
    text_.append(html.data() + at, r.begin - at);
    removed_ += r.end - r.begin;
    map_.emplace_back(text_.size(), removed_);
    at = r.end;
  }
  text_.append(html.data() + at, html.size() - at);
}

size_t CompactHtml::ToOriginal(size_t offset) const {
  // The last entry whose copy offset is <= offset.
  auto it = std::upper_bound(
      map_.begin(), map_.end(), offset,
      [](size_t v, const std::pair<size_t, size_t>& e) { return v < e.first; });
  if (it == map_.begin()) return offset;
  return offset + std::prev(it)->second;
}

}  // namespace ceasewatch
