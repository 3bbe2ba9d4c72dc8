#include "dates/date_scanner.h"

#include <array>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "dates/civil_day.h"

namespace ceasewatch {
namespace {

enum class TokKind { kWord, kNumber, kPunct };

struct Tok {
  TokKind kind;
  uint32_t begin, end;
  std::string_view text;
};

// Byte classes of the tokenizer. Words are runs of ASCII letters or
// non-ASCII bytes; numbers are digit runs; any other non-space byte is one
// punctuation token. Spaces are the C locale's isspace set. A table instead
// of <cctype>: no locale calls, and bytes >= 0x80 are word bytes whatever
// the locale.
enum ByteClass : uint8_t { kSpace, kDigitByte, kWordByte, kPunctByte };

constexpr std::array<uint8_t, 256> MakeClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
        c == '\r') {
      t[c] = kSpace;
    } else if (c >= '0' && c <= '9') {
      t[c] = kDigitByte;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
      t[c] = kWordByte;
    } else {
      t[c] = kPunctByte;
    }
  }
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeClasses();

uint8_t ClassOf(char c) { return kClass[static_cast<unsigned char>(c)]; }
constexpr bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr char Lower(char c) {
  return IsUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c;
}

// End of the token starting at s[i] (s[i] is not a space).
size_t TokenEnd(std::string_view s, size_t i) {
  const uint8_t cls = ClassOf(s[i]);
  size_t j = i + 1;
  if (cls == kPunctByte) return j;
  while (j < s.size() && ClassOf(s[j]) == cls) ++j;
  return j;
}

// `word` equals the lower-case `lower`, ignoring ASCII case.
bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (Lower(word[i]) != lower[i]) return false;
  return true;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// The tokens of `text` from a start position on, made on demand. The date
// grammar looks at most a dozen tokens past the token a match starts at
// (weekday, comma, day, ordinal, "of", month, '.', ',', year, '-', number,
// then "at" hh ':' mm), so a match never needs the whole text tokenized:
// ScanDates tries matches only where one can start and tokenizes a short
// window there. The window holds kWindow tokens; At() past it reports the
// end of the text, which the bound above never reaches.
class TokenWindow {
 public:
  static constexpr size_t kWindow = 24;

  TokenWindow(std::string_view text, size_t start)
      : text_(text), next_(start) {}

  const Tok* At(size_t i) {
    while (n_ <= i && n_ < kWindow) {
      while (next_ < text_.size() && ClassOf(text_[next_]) == kSpace) ++next_;
      if (next_ >= text_.size()) return nullptr;
      const size_t j = TokenEnd(text_, next_);
      const uint8_t cls = ClassOf(text_[next_]);
      toks_[n_++] = {cls == kDigitByte  ? TokKind::kNumber
                     : cls == kWordByte ? TokKind::kWord
                                        : TokKind::kPunct,
                     static_cast<uint32_t>(next_), static_cast<uint32_t>(j),
                     text_.substr(next_, j - next_)};
      next_ = j;
    }
    return i < n_ ? &toks_[i] : nullptr;
  }
  const Tok& operator[](size_t i) { return *At(i); }

 private:
  std::string_view text_;
  size_t next_;  // byte where the next token search starts
  size_t n_ = 0;
  std::array<Tok, kWindow> toks_;
};

class Scanner {
 public:
  // Scanner over the tokens of `window`, whose token 0 is where a match is
  // tried.
  explicit Scanner(TokenWindow& window) : toks_(window) {}

  // The date starting at token 0, if any: fills *m and returns true.
  bool MatchFirst(DateMention* m) {
    size_t next = Match(0, m);
    if (next == 0) return false;
    ExtendTime(next, m);
    return true;
  }

 private:
  const Tok* At(size_t i) { return toks_.At(i); }
  bool IsPunct(size_t i, char c) {
    const Tok* t = At(i);
    return t && t->kind == TokKind::kPunct && t->text[0] == c;
  }
  bool IsNumber(size_t i, size_t min_len, size_t max_len) {
    const Tok* t = At(i);
    return t && t->kind == TokKind::kNumber && t->text.size() >= min_len &&
           t->text.size() <= max_len;
  }
  // A capitalised month name at i (optionally followed by '.'); returns the
  // month and sets *after to the next token.
  int MonthAt(size_t i, size_t* after) {
    const Tok* t = At(i);
    if (!t || t->kind != TokKind::kWord) return 0;
    if (!IsUpper(t->text[0])) return 0;
    int m = MonthFromName(t->text);
    if (!m) return 0;
    *after = i + 1;
    if (t->text.size() <= 4 && IsPunct(i + 1, '.')) *after = i + 2;
    return m;
  }
  bool IsYear(size_t i) {
    if (!IsNumber(i, 4, 4)) return false;
    int y = ToInt(toks_[i].text);
    return y >= 1800 && y <= 2199;
  }
  bool IsDayNumber(size_t i) {
    if (!IsNumber(i, 1, 2)) return false;
    int d = ToInt(toks_[i].text);
    return d >= 1 && d <= 31;
  }
  // Skips an ordinal suffix ("13th") right after a day number.
  size_t SkipOrdinal(size_t i) {
    const Tok* t = At(i);
    if (t && t->kind == TokKind::kWord && t->begin == toks_[i - 1].end &&
        (EqualsLower(t->text, "st") || EqualsLower(t->text, "nd") ||
         EqualsLower(t->text, "rd") || EqualsLower(t->text, "th")))
      return i + 1;
    return i;
  }
  // A year may follow a month or day directly or after one comma.
  size_t YearAfter(size_t i, int* year) {
    size_t j = IsPunct(i, ',') ? i + 1 : i;
    if (IsYear(j) && !IsPunct(j + 1, '-') ) {
      *year = ToInt(toks_[j].text);
      return j + 1;
    }
    if (IsYear(j) && IsPunct(j + 1, '-') && !IsNumber(j + 2, 1, 2)) {
      *year = ToInt(toks_[j].text);
      return j + 1;
    }
    return i;
  }

  size_t Match(size_t i, DateMention* m) {
    size_t start = i;
    // Weekday prefix: "Friday May 24 2024", "Friday, 24 May 2024".
    int weekday = -1;
    if (const Tok* t = At(i); t && t->kind == TokKind::kWord &&
                              IsUpper(t->text[0])) {
      weekday = WeekdayFromName(t->text);
      if (weekday >= 0) {
        size_t j = IsPunct(i + 1, ',') ? i + 2 : i + 1;
        size_t end = MatchCore(j, m);
        if (end > j) {
          m->weekday = weekday;
          m->begin = toks_[start].begin;
          return end;
        }
        return i;
      }
    }
    return MatchCore(i, m);
  }

  size_t MatchCore(size_t i, DateMention* m) {
    const Tok* t = At(i);
    if (!t) return i;
    size_t after = 0;
    // ISO 8601: 2022-03-27.
    if (IsNumber(i, 4, 4) && IsPunct(i + 1, '-') && IsNumber(i + 2, 2, 2) &&
        IsPunct(i + 3, '-') && IsNumber(i + 4, 2, 2)) {
      CivilDay d{ToInt(t->text), ToInt(toks_[i + 2].text),
                 ToInt(toks_[i + 4].text)};
      if (!d.valid()) return i;
      Set(m, i, i + 5, d.year, d.month, d.day);
      return i + 5;
    }
    // Dotted day-first: 27.03.2022.
    if (IsNumber(i, 1, 2) && IsPunct(i + 1, '.') && IsNumber(i + 2, 1, 2) &&
        IsPunct(i + 3, '.') && IsYear(i + 4) &&
        toks_[i + 4].begin == toks_[i + 3].end) {
      CivilDay d{ToInt(toks_[i + 4].text), ToInt(toks_[i + 2].text),
                 ToInt(t->text)};
      if (!d.valid()) return i;
      Set(m, i, i + 5, d.year, d.month, d.day);
      return i + 5;
    }
    // Day first: "27 March 2022", "28 June", "13th of September".
    if (IsDayNumber(i)) {
      size_t j = SkipOrdinal(i + 1);
      if (const Tok* of = At(j); of && EqualsLower(of->text, "of")) ++j;
      int month = MonthAt(j, &after);
      if (month) {
        int day = ToInt(t->text), year = 0;
        size_t end = YearAfter(after, &year);
        if (!Plausible(year, month, day)) return i;
        Set(m, i, end, year, month, day);
        return end;
      }
      return i;
    }
    // Month first: "Mar 27, 2022", "September 13", "March 2022".
    int month = MonthAt(i, &after);
    if (!month) return i;
    if (IsDayNumber(after) && !IsPunct(after + 1, ':')) {
      int day = ToInt(toks_[after].text), year = 0;
      size_t j = SkipOrdinal(after + 1);
      size_t end = YearAfter(j, &year);
      if (!Plausible(year, month, day)) return i;
      Set(m, i, end, year, month, day);
      return end;
    }
    int year = 0;
    size_t end = YearAfter(after, &year);
    if (year) {
      Set(m, i, end, year, month, 0);
      return end;
    }
    return i;
  }

  static bool Plausible(int year, int month, int day) {
    return day <= DaysInMonth(year ? year : 2000, month);
  }

  void Set(DateMention* m, size_t first, size_t end, int y, int mo, int d) {
    m->begin = toks_[first].begin;
    m->end = toks_[end - 1].end;
    m->year = y;
    m->month = mo;
    m->day = d;
  }

  // "12:59", "T19:16:00Z", "at 00:05" right after a date set has_time; the
  // clock is not part of the span.
  size_t ExtendTime(size_t i, DateMention* m) {
    size_t j = i;
    if (const Tok* t = At(j); t && t->kind == TokKind::kWord &&
                              (t->text == "T" || EqualsLower(t->text, "at")))
      ++j;
    if (IsNumber(j, 1, 2) && IsPunct(j + 1, ':') && IsNumber(j + 2, 2, 2))
      m->has_time = true;
    return i;
  }

  TokenWindow& toks_;
};

}  // namespace

namespace {

// The first three letters of `w`, lower-cased, packed; `w` has at least 3
// bytes. Month and weekday names are told apart by these alone.
constexpr uint32_t Key3(std::string_view w) {
  return static_cast<uint32_t>(static_cast<unsigned char>(Lower(w[0]))) |
         static_cast<uint32_t>(static_cast<unsigned char>(Lower(w[1]))) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(Lower(w[2]))) << 16;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday"};

template <size_t N>
constexpr std::array<uint32_t, N> Keys(
    const std::array<std::string_view, N>& names) {
  std::array<uint32_t, N> keys{};
  for (size_t k = 0; k < N; ++k) keys[k] = Key3(names[k]);
  return keys;
}
constexpr std::array<uint32_t, 12> kMonthKeys = Keys(kMonths);
constexpr std::array<uint32_t, 7> kWeekdayKeys = Keys(kWeekdays);

// Bit (c - 'a') set for each lower-case first letter c of `names`.
template <size_t N>
constexpr uint32_t FirstLetters(const std::array<std::string_view, N>& names) {
  uint32_t mask = 0;
  for (std::string_view name : names) mask |= uint32_t{1} << (name[0] - 'a');
  return mask;
}
constexpr uint32_t kMonthFirst = FirstLetters(kMonths);
constexpr uint32_t kWeekdayFirst = FirstLetters(kWeekdays);

// Whether `w`'s first letter, in either case, is one of `mask`'s: most
// words are rejected by this before any comparing.
bool FirstLetterIn(std::string_view w, uint32_t mask) {
  const char c = Lower(w[0]);
  return c >= 'a' && c <= 'z' && (mask >> (c - 'a') & 1);
}

}  // namespace

// Accepts the full name, its first three letters, or "sept", any case. The
// three-letter prefixes are distinct, so the prefix picks the only name
// `w` can be.
int MonthFromName(std::string_view w) {
  if (w.size() < 3 || w.size() > 9 || !FirstLetterIn(w, kMonthFirst)) return 0;
  const uint32_t key = Key3(w);
  for (int m = 0; m < 12; ++m) {
    if (kMonthKeys[m] != key) continue;
    if (w.size() == 3 || EqualsLower(w, kMonths[m])) return m + 1;
    if (m == 8 && EqualsLower(w, "sept")) return 9;
    return 0;
  }
  return 0;
}

// Accepts the full name or its first three letters, any case.
int WeekdayFromName(std::string_view w) {
  if (w.size() < 3 || w.size() > 9 || !FirstLetterIn(w, kWeekdayFirst))
    return -1;
  const uint32_t key = Key3(w);
  for (int d = 0; d < 7; ++d) {
    if (kWeekdayKeys[d] != key) continue;
    return w.size() == 3 || EqualsLower(w, kWeekdays[d]) ? d : -1;
  }
  return -1;
}

namespace {

// The first position >= p of a digit or an ASCII upper-case letter, or
// text.size(). Sixteen bytes at a time where SSE2 is there: most of a text
// is lower-case words, spaces and punctuation, which no date starts at.
size_t NextDigitOrUpper(std::string_view text, size_t p) {
  const size_t n = text.size();
#if defined(__SSE2__)
  // Signed compares: bytes >= 0x80 are negative, below both ranges.
  const __m128i d_lo = _mm_set1_epi8('0' - 1), d_hi = _mm_set1_epi8('9' + 1);
  const __m128i u_lo = _mm_set1_epi8('A' - 1), u_hi = _mm_set1_epi8('Z' + 1);
  while (p + 16 <= n) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + p));
    const __m128i hit = _mm_or_si128(
        _mm_and_si128(_mm_cmpgt_epi8(x, d_lo), _mm_cmplt_epi8(x, d_hi)),
        _mm_and_si128(_mm_cmpgt_epi8(x, u_lo), _mm_cmplt_epi8(x, u_hi)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + static_cast<size_t>(__builtin_ctz(mask));
    p += 16;
  }
#endif
  while (p < n && !((text[p] >= '0' && text[p] <= '9') || IsUpper(text[p])))
    ++p;
  return p;
}

}  // namespace

// One pass over the bytes, without materialising the tokens. A date can
// only start at a digit run or at a capitalised month or weekday name
// (every form of MatchCore opens with a number or MonthAt, and the weekday
// prefix needs MatchCore after it), so only there is a TokenWindow built
// and a match tried; this gives the same dates as trying every token, left
// to right, resuming after each match. Tokenization is context-free (class
// runs and single punctuation bytes), so a digit is a token start when the
// byte before it is not a digit, and an upper-case letter when the byte
// before it is not a word byte; every other byte is passed over at once.
//
// Bare years ("in 2020", "1992-1994") are the 4-digit runs 1900..2099 that
// lie in no date: exactly the digit runs this pass tries and does not
// start a date at, so they are emitted in order on the way.
std::vector<DateMention> ScanDates(std::string_view text) {
  std::vector<DateMention> out;
  const size_t n = text.size();
  size_t p = 0;
  while (true) {
    p = NextDigitOrUpper(text, p);
    if (p >= n) break;
    const char c = text[p];
    const bool digit = c >= '0' && c <= '9';
    if (p > 0 && ClassOf(text[p - 1]) == (digit ? kDigitByte : kWordByte)) {
      ++p;  // inside a number or a word
      continue;
    }
    const size_t e = TokenEnd(text, p);
    bool candidate = digit;
    if (!digit && e - p >= 3 && e - p <= 9) {
      const std::string_view w = text.substr(p, e - p);
      candidate = MonthFromName(w) != 0 || WeekdayFromName(w) >= 0;
    }
    if (!candidate) {
      p = e;
      continue;
    }
    TokenWindow window(text, p);
    DateMention m;
    if (Scanner(window).MatchFirst(&m)) {
      out.push_back(m);
      p = m.end;
      continue;
    }
    if (digit && e - p == 4) {
      const int y = ToInt(text.substr(p, 4));
      // Not part of a larger number ("6,500", "2020.5") or a clock: not
      // followed by ',', '.' or ':' and a digit, all glued; not preceded
      // by such a byte glued to a token before it.
      auto glue = [](char g) { return g == ',' || g == '.' || g == ':'; };
      const bool glued_after =
          e + 1 < n && glue(text[e]) && ClassOf(text[e + 1]) == kDigitByte;
      const bool glued_before =
          p >= 2 && glue(text[p - 1]) && ClassOf(text[p - 2]) != kSpace;
      if (y >= 1900 && y <= 2099 && !glued_after && !glued_before) {
        DateMention year;
        year.begin = static_cast<uint32_t>(p);
        year.end = static_cast<uint32_t>(e);
        year.year = y;
        out.push_back(year);
      }
    }
    p = e;
  }
  return out;
}

}  // namespace ceasewatch
