#include "dates/date_scanner.h"

#include <array>
#include <cctype>
#include <string>

#include "dates/civil_day.h"

namespace ceasewatch {
namespace {

enum class TokKind { kWord, kNumber, kPunct };

struct Tok {
  TokKind kind;
  uint32_t begin, end;
  std::string_view text;
};

bool IsAsciiAlpha(unsigned char c) { return std::isalpha(c) != 0; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Words are runs of ASCII letters or non-ASCII bytes; numbers are digit
// runs; any other non-space byte is one punctuation token.
std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t j = i + 1;
    TokKind kind;
    if (std::isspace(c)) {
      ++i;
      continue;
    } else if (IsDigit(c)) {
      kind = TokKind::kNumber;
      while (j < s.size() && IsDigit(s[j])) ++j;
    } else if (IsAsciiAlpha(c) || c >= 0x80) {
      kind = TokKind::kWord;
      while (j < s.size() && (IsAsciiAlpha(s[j]) || (unsigned char)s[j] >= 0x80))
        ++j;
    } else {
      kind = TokKind::kPunct;
    }
    out.push_back({kind, static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                   s.substr(i, j - i)});
    i = j;
  }
  return out;
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(word[i])) != lower[i])
      return false;
  return true;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

class Scanner {
 public:
  explicit Scanner(const std::vector<Tok>& toks) : toks_(toks) {}

  std::vector<DateMention> Run() {
    std::vector<DateMention> out;
    size_t i = 0;
    while (i < toks_.size()) {
      DateMention m;
      size_t next = Match(i, &m);
      if (next > i) {
        next = ExtendTime(next, &m);
        out.push_back(m);
        i = next;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  const Tok* At(size_t i) const {
    return i < toks_.size() ? &toks_[i] : nullptr;
  }
  bool IsPunct(size_t i, char c) const {
    const Tok* t = At(i);
    return t && t->kind == TokKind::kPunct && t->text[0] == c;
  }
  bool IsNumber(size_t i, size_t min_len, size_t max_len) const {
    const Tok* t = At(i);
    return t && t->kind == TokKind::kNumber && t->text.size() >= min_len &&
           t->text.size() <= max_len;
  }
  // A capitalised month name at i (optionally followed by '.'); returns the
  // month and sets *after to the next token.
  int MonthAt(size_t i, size_t* after) const {
    const Tok* t = At(i);
    if (!t || t->kind != TokKind::kWord) return 0;
    if (!std::isupper(static_cast<unsigned char>(t->text[0]))) return 0;
    int m = MonthFromName(t->text);
    if (!m) return 0;
    *after = i + 1;
    if (t->text.size() <= 4 && IsPunct(i + 1, '.')) *after = i + 2;
    return m;
  }
  bool IsYear(size_t i) const {
    if (!IsNumber(i, 4, 4)) return false;
    int y = ToInt(toks_[i].text);
    return y >= 1800 && y <= 2199;
  }
  bool IsDayNumber(size_t i) const {
    if (!IsNumber(i, 1, 2)) return false;
    int d = ToInt(toks_[i].text);
    return d >= 1 && d <= 31;
  }
  // Skips an ordinal suffix ("13th") right after a day number.
  size_t SkipOrdinal(size_t i) const {
    const Tok* t = At(i);
    if (t && t->kind == TokKind::kWord && t->begin == toks_[i - 1].end &&
        (EqualsLower(t->text, "st") || EqualsLower(t->text, "nd") ||
         EqualsLower(t->text, "rd") || EqualsLower(t->text, "th")))
      return i + 1;
    return i;
  }
  // A year may follow a month or day directly or after one comma.
  size_t YearAfter(size_t i, int* year) const {
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
                              std::isupper(static_cast<unsigned char>(t->text[0]))) {
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

  const std::vector<Tok>& toks_;
};

// Bare years ("in 2020", "1992-1994") outside the spans already found.
void AddBareYears(const std::vector<Tok>& toks,
                  std::vector<DateMention>* found) {
  std::vector<DateMention> years;
  size_t k = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    if (t.kind != TokKind::kNumber || t.text.size() != 4) continue;
    int y = ToInt(t.text);
    if (y < 1900 || y > 2099) continue;
    while (k < found->size() && (*found)[k].end <= t.begin) ++k;
    if (k < found->size() && (*found)[k].begin <= t.begin) continue;
    // Not part of a larger number ("6,500", "2020.5") or a clock.
    auto glued = [&](size_t j) {
      return j < toks.size() && toks[j].kind == TokKind::kPunct &&
             (toks[j].text[0] == ',' || toks[j].text[0] == '.' ||
              toks[j].text[0] == ':') &&
             j + 1 < toks.size() && toks[j + 1].kind == TokKind::kNumber &&
             toks[j + 1].begin == toks[j].end && toks[j].begin == toks[j - 1].end;
    };
    if (glued(i + 1)) continue;
    if (i >= 2 && toks[i - 1].begin == toks[i - 2].end &&
        t.begin == toks[i - 1].end && glued(i - 1))
      continue;
    DateMention m;
    m.begin = t.begin;
    m.end = t.end;
    m.year = y;
    years.push_back(m);
  }
  if (years.empty()) return;
  std::vector<DateMention> merged;
  merged.reserve(found->size() + years.size());
  size_t a = 0, b = 0;
  while (a < found->size() || b < years.size()) {
    if (b == years.size() ||
        (a < found->size() && (*found)[a].begin < years[b].begin))
      merged.push_back((*found)[a++]);
    else
      merged.push_back(years[b++]);
  }
  found->swap(merged);
}

}  // namespace

int MonthFromName(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kFull[m];
    if (EqualsLower(w, full)) return m + 1;
    if (w.size() == 3 && EqualsLower(w, full.substr(0, 3))) return m + 1;
  }
  if (EqualsLower(w, "sept")) return 9;
  return 0;
}

int WeekdayFromName(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kFull = {
      "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  if (w.size() < 3) return -1;
  for (int d = 0; d < 7; ++d) {
    if (EqualsLower(w, kFull[d])) return d;
    if (w.size() == 3 && EqualsLower(w, kFull[d].substr(0, 3))) return d;
  }
  return -1;
}

std::vector<DateMention> ScanDates(std::string_view text) {
  const std::vector<Tok> toks = Tokenize(text);
  std::vector<DateMention> out = Scanner(toks).Run();
  AddBareYears(toks, &out);
  return out;
}

}  // namespace ceasewatch
