#include "extract/json_ld.h"

#include <cstddef>
#include <cstdint>

namespace ceasewatch {
namespace {

constexpr size_t kNpos = std::string_view::npos;

inline bool IsJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() && IsJsonSpace(s[i])) ++i;
  return i;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads 4 hex digits at s[i..i+4); -1 if not there.
long Hex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  long v = 0;
  for (size_t k = 0; k < 4; ++k) {
    int h = HexValue(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// s[i] == '"'. Decodes the string into *out (may be null: skip only).
// Returns the index after the closing quote, or kNpos if unterminated.
size_t ReadString(std::string_view s, size_t i, std::string* out) {
  ++i;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"') return i + 1;
    if (c != '\\') {
      if (out) out->push_back(c);
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) return kNpos;
    char e = s[i + 1];
    i += 2;
    if (!out) {
      continue;  // a \uXXXX body is plain hex, harmless to walk over
    }
    switch (e) {
      case 'n':
      case 'r':
      case 't':
      case 'f':
        out->push_back(' ');
        break;
      case 'b':
        break;
      case 'u': {
        long cp = Hex4(s, i);
        if (cp < 0) return kNpos;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          long lo = (i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u')
                        ? Hex4(s, i + 2)
                        : -1;
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          } else {
            cp = 0xFFFD;
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        AppendUtf8(*out, static_cast<uint32_t>(cp));
        break;
      }
      default:  // \" \\ \/ and anything else: the character itself
        out->push_back(e);
        break;
    }
  }
  return kNpos;
}

// Skips one value of any kind starting at s[i]. Returns the index after it
// or kNpos. Nested containers are matched with a depth counter.
size_t SkipValue(std::string_view s, size_t i) {
  i = SkipSpace(s, i);
  if (i >= s.size()) return kNpos;
  if (s[i] == '"') return ReadString(s, i, nullptr);
  if (s[i] == '{' || s[i] == '[') {
    size_t depth = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c == '"') {
        i = ReadString(s, i, nullptr);
        if (i == kNpos) return kNpos;
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return kNpos;
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' &&
         !IsJsonSpace(s[i])) {
    ++i;
  }
  return i;
}

// Finds `"key"` used as a key (followed by ':') at or after `from`.
// Returns the index of the value (after ':' and spaces), or kNpos.
size_t FindKeyValue(std::string_view s, std::string_view quoted_key,
                    size_t from = 0) {
  while (from < s.size()) {
    size_t at = s.find(quoted_key, from);
    if (at == kNpos) return kNpos;
    size_t i = SkipSpace(s, at + quoted_key.size());
    if (i < s.size() && s[i] == ':') return SkipSpace(s, i + 1);
    from = at + 1;
  }
  return kNpos;
}

// s[i] == '{': the string value of its "name" member, or "".
std::string ObjectName(std::string_view s, size_t i) {
  ++i;
  while (true) {
    i = SkipSpace(s, i);
    if (i >= s.size() || s[i] != '"') return {};
    std::string key;
    i = ReadString(s, i, &key);
    if (i == kNpos) return {};
    i = SkipSpace(s, i);
    if (i >= s.size() || s[i] != ':') return {};
    i = SkipSpace(s, i + 1);
    if (key == "name" && i < s.size() && s[i] == '"') {
      std::string name;
      if (ReadString(s, i, &name) == kNpos) return {};
      return name;
    }
    i = SkipValue(s, i);
    if (i == kNpos) return {};
    i = SkipSpace(s, i);
    if (i >= s.size() || s[i] != ',') return {};
    ++i;
  }
}

// One author entry at s[i]: a string or an object with a name.
std::string AuthorEntry(std::string_view s, size_t i) {
  if (i >= s.size()) return {};
  if (s[i] == '"') {
    std::string name;
    if (ReadString(s, i, &name) == kNpos) return {};
    return name;
  }
  if (s[i] == '{') return ObjectName(s, i);
  return {};
}

std::string Trimmed(std::string v) {
  size_t b = 0, e = v.size();
  while (b < e && (v[b] == ' ' || v[b] == '\t')) ++b;
  while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t')) --e;
  return v.substr(b, e - b);
}

}  // namespace

std::string JsonLdDatePublished(std::string_view json) {
  size_t from = 0;
  while (true) {
    size_t i = FindKeyValue(json, "\"datePublished\"", from);
    if (i == kNpos) return {};
    if (i < json.size() && json[i] == '"') {
      std::string v;
      if (ReadString(json, i, &v) != kNpos) {
        v = Trimmed(std::move(v));
        if (!v.empty()) return v;
      }
    }
    from = i;
  }
}

std::string JsonLdAuthor(std::string_view json) {
  size_t from = 0;
  while (true) {
    size_t i = FindKeyValue(json, "\"author\"", from);
    if (i == kNpos) return {};
    from = i;
    if (i >= json.size()) return {};
    if (json[i] != '[') {
      std::string name = Trimmed(AuthorEntry(json, i));
      if (!name.empty()) return name;
      continue;
    }
    std::string names;
    int count = 0;
    ++i;
    while (count < 5) {
      i = SkipSpace(json, i);
      if (i >= json.size() || json[i] == ']') break;
      std::string name = Trimmed(AuthorEntry(json, i));
      if (!name.empty()) {
        if (!names.empty()) names += ", ";
        names += name;
        ++count;
      }
      i = SkipValue(json, i);
      if (i == kNpos) break;
      i = SkipSpace(json, i);
      if (i >= json.size() || json[i] != ',') break;
      ++i;
    }
    if (!names.empty()) return names;
  }
}

}  // namespace ceasewatch
