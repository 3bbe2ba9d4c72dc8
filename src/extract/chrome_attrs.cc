#include "extract/chrome_attrs.h"

#include <cstddef>
#include <cstring>

#include "util/ascii.h"

namespace ceasewatch {
namespace {

inline char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsWordByte(char c) {
  // ASCII letters and digits; non-ASCII bytes stay inside words.
  return IsUpper(c) || IsLowerAscii(c) || IsDigit(c) ||
         static_cast<unsigned char>(c) >= 0x80;
}
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

enum Mode : unsigned { kExact = 1, kPrefix = 2, kSuffix = 4 };

struct Keyword {
  std::string_view word;
  unsigned mode;
};

// Chrome keywords, compared against lower-cased sub-words.
constexpr Keyword kChromeKeywords[] = {
    {"nav", kExact | kPrefix | kSuffix},
    {"menu", kExact | kPrefix | kSuffix},
    {"breadcrumb", kExact | kPrefix},
    {"footer", kExact | kPrefix | kSuffix},
    {"sidebar", kExact | kPrefix | kSuffix},
    {"comment", kExact | kPrefix},
    {"disqus", kExact | kPrefix},
    {"share", kExact | kPrefix},
    {"sharing", kExact},
    {"social", kExact | kPrefix},
    {"follow", kExact},
    {"followus", kExact},
    {"newsletter", kExact | kPrefix | kSuffix},
    {"subscribe", kExact | kPrefix},
    {"subscription", kExact | kPrefix},
    {"cookie", kExact | kPrefix | kSuffix},
    {"consent", kExact | kPrefix},
    {"gdpr", kExact},
    {"related", kExact | kPrefix},
    {"recommend", kExact | kPrefix},
    {"trending", kExact},
    {"popular", kExact},
    {"mostread", kExact},
    {"advert", kExact | kPrefix},
    {"ad", kExact},
    {"ads", kExact},
    {"adv", kExact},
    {"adslot", kExact},
    {"adunit", kExact},
    {"adbox", kExact},
    {"adsense", kExact},
    {"adsbygoogle", kExact},
    {"adwrapper", kExact},
    {"adcontainer", kExact},
    {"adzone", kExact},
    {"dfp", kExact},
    {"sponsor", kExact | kPrefix},
    {"outbrain", kExact | kPrefix},
    {"taboola", kExact | kPrefix},
    {"promo", kExact | kPrefix},
    {"banner", kExact | kPrefix | kSuffix},
    {"popup", kExact | kPrefix | kSuffix},
    {"modal", kExact | kPrefix},
    {"widget", kExact | kPrefix | kSuffix},
    {"tags", kExact},
    {"taglist", kExact},
    {"tagcloud", kExact},
    {"paginat", kPrefix},
    {"pager", kExact},
    {"masthead", kExact},
    {"skip", kExact},
    {"skiplink", kExact},
    {"search", kExact | kPrefix},
    {"login", kExact},
    {"signin", kExact},
    {"signup", kExact},
    {"toolbar", kExact},
    {"offcanvas", kExact},
};

// Real words that share a keyword's prefix or suffix but are not chrome.
constexpr std::string_view kNotChrome[] = {
    "commentary",    "commentaries", "commentator",  "commentators",
    "shared",        "shareholder",  "shareholders", "navy",
    "socialist",     "socialism",    "socialists",   "subscriber",
    "subscribers",   "modality",     "modalities",   "searchresult",
    "searchresults",
};

// A modifier sub-word: what follows describes the element's state or its
// neighbours, not the element ("has-sidebar", "content-with-sidebar").
constexpr std::string_view kModifiers[] = {
    "has", "with", "without", "no",      "not",     "show",  "hide",
    "is",  "js",   "enable",  "enabled", "disable", "allow", "can",
};

// A first sub-word naming a taxonomy term ("tag-social-media").
constexpr std::string_view kTaxonomy[] = {"tag", "category", "cat", "topic"};

// A last sub-word stating a state ("menu-open", "comments-enabled").
constexpr std::string_view kStates[] = {
    "open",     "opened",  "closed",  "active",   "enabled",
    "disabled", "allowed", "visible", "expanded", "collapsed",
};

template <size_t N>
bool InList(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

bool MatchesChromeKeyword(std::string_view w) {
  for (const Keyword& k : kChromeKeywords) {
    const size_t n = k.word.size();
    if (w.size() < n) continue;
    if (w[0] == k.word[0] && w.compare(0, n, k.word) == 0) {
      if (w.size() == n) {
        if (k.mode & kExact) return true;
        continue;
      }
      if (k.mode & kPrefix) return !InList(w, kNotChrome);
    }
    if ((k.mode & kSuffix) && w.size() > n && w.back() == k.word.back() &&
        w.compare(w.size() - n, n, k.word) == 0) {
      return !InList(w, kNotChrome);
    }
  }
  return false;
}

// Splits one whitespace-free token into lower-cased sub-words and calls
// fn(std::string_view word, bool first) for each; fn returns false to stop.
// Sub-words longer than the buffer are cut (they then match no exact
// keyword, only prefixes).
template <typename Fn>
void ForEachSubWord(std::string_view token, Fn fn) {
  constexpr size_t kMax = 40;
  char buf[kMax];
  size_t len = 0;
  bool first = true;
  char prev = 0;
  auto emit = [&]() -> bool {
    if (len == 0) return true;
    bool go_on = fn(std::string_view(buf, len), first);
    first = false;
    len = 0;
    return go_on;
  };
  for (char c : token) {
    if (!IsWordByte(c)) {
      if (!emit()) return;
      prev = c;
      continue;
    }
    bool boundary = len > 0 && ((IsUpper(c) && IsLowerAscii(prev)) ||
                                (IsDigit(c) != IsDigit(prev)));
    if (boundary && !emit()) return;
    if (len < kMax) buf[len++] = Lower(c);
    prev = c;
  }
  emit();
}

bool IsChromeToken(std::string_view token) {
  bool matched = false;
  bool last_is_state = false;
  ForEachSubWord(token, [&](std::string_view w, bool first) {
    if (first && InList(w, kTaxonomy)) {
      matched = false;
      return false;
    }
    if (InList(w, kModifiers)) {
      last_is_state = false;
      return false;
    }
    last_is_state = InList(w, kStates);
    if (!matched && MatchesChromeKeyword(w)) matched = true;
    return true;
  });
  return matched && !last_is_state;
}

bool IsAuthorToken(std::string_view token) {
  bool found = false;
  ForEachSubWord(token, [&](std::string_view w, bool) {
    if (w == "byline" || w == "author" || w == "authors" || w == "authorname" ||
        w == "writer") {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

template <typename Fn>
bool AnyToken(std::string_view value, Fn fn) {
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && IsSpace(value[i])) ++i;
    size_t start = i;
    while (i < value.size() && !IsSpace(value[i])) ++i;
    if (i > start && fn(value.substr(start, i - start))) return true;
  }
  return false;
}

}  // namespace

bool HasToken(std::string_view value, std::string_view token) {
  return AnyToken(
      value, [&](std::string_view t) { return EqualsIgnoreCase(t, token); });
}

bool IsChromeClassOrId(std::string_view value) {
  return AnyToken(value, IsChromeToken);
}

bool IsChromeRole(std::string_view value) {
  static constexpr std::string_view kRoles[] = {
      "navigation", "banner",  "contentinfo", "complementary", "search",
      "menu",       "menubar", "dialog",      "alertdialog",   "toolbar",
  };
  return AnyToken(value, [](std::string_view t) {
    for (std::string_view r : kRoles) {
      if (EqualsIgnoreCase(t, r)) return true;
    }
    return false;
  });
}

bool IsAuthorClass(std::string_view value) {
  return AnyToken(value, IsAuthorToken);
}

}  // namespace ceasewatch
