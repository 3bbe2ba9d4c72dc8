#include "clean/line_shape.h"

#include <xxhash.h>

#include <array>
#include <cctype>

namespace ceasewatch {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Byte length of a punctuation or symbol character at s[i] that is not a
// word character: ASCII punctuation, Latin-1 symbols (U+00A0..U+00BF: « »
// © · NBSP) and General Punctuation (U+2000..U+206F: • – — “ ” …); 0 else.
size_t SeparatorLen(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return std::isalnum(c) ? 0 : 1;
  if (c == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] >= 0xA0)
    return 2;
  if (c == 0xE2 && i + 2 < s.size() &&
      ((unsigned char)s[i + 1] == 0x80 || (unsigned char)s[i + 1] == 0x81))
    return 3;
  return 0;
}

// Words of the line: runs of letters and digits (any script), with inner
// apostrophes and hyphens; reported with their byte offset.
template <typename F>
void ForEachWord(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && SeparatorLen(s, i)) i += SeparatorLen(s, i);
    size_t b = i;
    while (i < s.size()) {
      size_t sep = SeparatorLen(s, i);
      if (sep == 0) {
        ++i;
      } else if ((s[i] == '\'' || s[i] == '-') && i > b && i + 1 < s.size() &&
                 IsWordByte(s[i + 1])) {
        ++i;
      } else {
        break;
      }
    }
    if (i > b) f(s.substr(b, i - b), b);
  }
}

// Trailing closing quotes and brackets, ASCII or UTF-8 (” ’ » ).
std::string_view StripClosers(std::string_view s) {
  while (!s.empty()) {
    unsigned char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ' ') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

bool StartsCapitalOrQuote(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s[0];
  if (std::isupper(c) || std::isdigit(c) || c == '"' || c == '\'') return true;
  // Non-ASCII first letters (Cyrillic, Armenian, curly quotes, «) pass.
  return c >= 0x80;
}

bool LowerEq(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != lower[i]) return false;
  return true;
}

}  // namespace

int CountWords(std::string_view s) {
  int n = 0;
  ForEachWord(s, [&](std::string_view, size_t) { ++n; });
  return n;
}

std::string LineKey(std::string_view s) {
  std::string key;
  key.reserve(s.size());
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) key += static_cast<char>(std::tolower(c));
  }
  return key;
}

uint64_t LineHash(std::string_view s) {
  std::string key = LineKey(s);
  return XXH3_64bits(key.data(), key.size());
}

bool EndsLikeSentence(std::string_view s) {
  s = StripClosers(s);
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == ';' || c == ',' || c == ':';
}

bool LooksLikeHeadline(std::string_view s) {
  if (s.size() > 220 || EndsLikeSentence(s) || !StartsCapitalOrQuote(s))
    return false;
  int words = CountWords(s);
  if (words < 4 || words > 30) return false;
  DateMention date;
  return !IsDateline(s, &date);
}

bool LooksLikeName(std::string_view s) {
  if (s.size() > 48) return false;
  int words = 0;
  bool ok = true;
  ForEachWord(s, [&](std::string_view w, size_t) {
    ++words;
    unsigned char c = w[0];
    if (!(std::isupper(c) || c >= 0x80)) ok = false;
    for (unsigned char d : w)
      if (std::isdigit(d)) ok = false;
  });
  for (unsigned char c : s)
    if (c == ':' || c == '|' || c == '?' || c == '!' || c == ',') ok = false;
  return ok && words >= 2 && words <= 4;
}

bool LooksLikeParagraph(std::string_view s, size_t min_bytes) {
  if (s.size() < min_bytes) return false;
  return s.find(". ") != std::string_view::npos || EndsLikeSentence(s) ||
         s.back() == '?' || s.back() == '!';
}

bool LooksLikeBreadcrumb(std::string_view s) {
  if (s.size() > 300) return false;
  int seps = 0;
  for (std::string_view sep :
       {"\xC2\xBB", "\xE2\x80\xBA", " > ", " / ", " | "}) {
    for (size_t p = s.find(sep); p != std::string_view::npos;
         p = s.find(sep, p + sep.size()))
      ++seps;
  }
  return seps >= 2;
}

std::string BylineName(std::string_view s) {
  if (s.size() > 80) return "";
  static constexpr std::array<std::string_view, 4> kLead = {
      "by ", "written by ", "reporting by ", "author: "};
  for (std::string_view lead : kLead) {
    if (s.size() > lead.size() && LowerEq(s.substr(0, lead.size()), lead)) {
      std::string_view name = s.substr(lead.size());
      if (LooksLikeName(name) ||
          (CountWords(name) == 1 && std::isupper((unsigned char)name[0])))
        return std::string(name);
    }
  }
  return "";
}

bool IsDateline(std::string_view s, DateMention* date) {
  if (s.size() > 120) return false;
  std::vector<DateMention> ms = ScanDates(s);
  const DateMention* full = nullptr;
  for (const DateMention& m : ms)
    if (m.full()) {
      full = &m;
      break;
    }
  if (!full) return false;
  static constexpr std::array<std::string_view, 34> kFurniture = {
      "ago",       "hour",      "hours",   "minute",  "minutes", "min",
      "mins",      "read",      "updated", "update",  "published", "posted",
      "on",        "at",        "utc",     "gmt",     "am",      "pm",
      "join",      "the",       "conversation", "last", "modified", "edited",
      "time",      "date",      "comments", "comment", "a",      "an",
      "day",       "days",      "st",      "th"};
  static constexpr std::array<std::string_view, 14> kRoles = {
      "reporter", "correspondent", "staff",  "editor",  "editing",
      "reporting", "writer",       "by",     "and",     "photo",
      "contributor", "senior",     "special", "chief"};
  int other = 0, names = 0;
  bool role = false;
  size_t k = 0;
  ForEachWord(s, [&](std::string_view w, size_t at) {
    while (k < ms.size() && ms[k].end <= at) ++k;
    if (k < ms.size() && ms[k].begin <= at) return;  // inside a date
    if (std::isdigit(static_cast<unsigned char>(w[0]))) return;
    for (std::string_view f : kFurniture)
      if (LowerEq(w, f)) return;
    for (std::string_view r : kRoles)
      if (LowerEq(w, r)) {
        role = true;
        return;
      }
    if (std::isupper(static_cast<unsigned char>(w[0])))
      ++names;
    else
      ++other;
  });
  // Names count as furniture only beside a role word or a separator
  // ("A. Name, Staff reporter 14 June 2023", "A. Name | 30 Dec 2023"), so a
  // Title Case headline holding a date stays a headline.
  bool separated = s.find_first_of(",|") != std::string_view::npos ||
                   s.find("\xE2\x80\xA2") != std::string_view::npos ||
                   s.find("\xC2\xB7") != std::string_view::npos ||
                   s.find("\xE2\x80\x94") != std::string_view::npos;
  if (names > 6 || (names > 0 && !role && !separated)) other += names;
  if (other > 1) return false;
  *date = *full;
  return true;
}

}  // namespace ceasewatch
