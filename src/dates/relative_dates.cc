#include "dates/relative_dates.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "dates/date_scanner.h"
#include "util/ascii.h"
#include "util/ascii_runs.h"
#include "util/word_table.h"

namespace ceasewatch {
namespace {

// ---------------------------------------------------------------------------
// Tokens.

enum class Kind : uint8_t { kWord, kNumber, kPunct };

// The words the resolver reacts to; every other word is kOther.
enum class W : uint8_t {
  kOther,
  kToday,
  kTonight,
  kYesterday,
  kTomorrow,
  kOvernight,
  kLast,
  kThis,
  kNext,
  kPast,
  kPrevious,
  kComing,
  kRecent,
  kFollowing,
  kSame,
  kThat,
  kEarlier,
  kLater,
  kAgo,
  kAfterwards,
  kBefore,
  kAfter,
  kUnit,  // value: Unit
  kWeekend,
  kNight,
  kEvening,
  kMorning,
  kAfternoon,
  kOn,
  kIn,
  kAt,
  kOf,
  kThe,
  kBy,
  kDuring,
  kOver,
  kWithin,
  kFor,
  kThroughout,
  kSince,
  kFrom,
  kTo,
  kUntil,
  kTill,
  kThrough,
  kBetween,
  kAnd,
  kEarly,
  kMid,
  kLate,
  kEnd,
  kBeginning,
  kMiddle,
  kA,        // "a", "an"
  kNumWord,  // value: the number
  kFew,
  kSeveral,
  kCouple,
  kSeason,   // value: 0 spring, 1 summer, 2 autumn, 3 winter
  kFall,     // "fall": autumn, but also a verb and a noun
  kCounted,  // a noun a number counts: "2000 soldiers" is not a year
};

enum Unit { kHourU, kMinuteU, kDayU, kWeekU, kMonthU, kYearU, kDecadeU };

struct Tok {
  Kind kind = Kind::kWord;
  W w = W::kOther;
  char punct = 0;    // kPunct: the ASCII byte; every dash is '-'
  bool cap = false;  // first letter upper case
  int value = 0;     // kNumber (up to 9 digits), kNumWord, kUnit, kSeason
  uint32_t begin = 0, end = 0;
  std::string_view text;
};

struct Entry {
  std::string_view word;
  W w;
  int value;
};

constexpr Entry kLexicon[] = {
    {"today", W::kToday, 0},
    {"tonight", W::kTonight, 0},
    {"yesterday", W::kYesterday, 0},
    {"tomorrow", W::kTomorrow, 0},
    {"overnight", W::kOvernight, 0},
    {"last", W::kLast, 0},
    {"this", W::kThis, 0},
    {"next", W::kNext, 0},
    {"past", W::kPast, 0},
    {"previous", W::kPrevious, 0},
    {"preceding", W::kPrevious, 0},
    {"coming", W::kComing, 0},
    {"recent", W::kRecent, 0},
    {"following", W::kFollowing, 0},
    {"same", W::kSame, 0},
    {"that", W::kThat, 0},
    {"earlier", W::kEarlier, 0},
    {"later", W::kLater, 0},
    {"ago", W::kAgo, 0},
    {"afterwards", W::kAfterwards, 0},
    {"afterward", W::kAfterwards, 0},
    {"before", W::kBefore, 0},
    {"after", W::kAfter, 0},
    {"hour", W::kUnit, kHourU},
    {"hours", W::kUnit, kHourU},
    {"minute", W::kUnit, kMinuteU},
    {"minutes", W::kUnit, kMinuteU},
    {"day", W::kUnit, kDayU},
    {"days", W::kUnit, kDayU},
    {"week", W::kUnit, kWeekU},
    {"weeks", W::kUnit, kWeekU},
    {"month", W::kUnit, kMonthU},
    {"months", W::kUnit, kMonthU},
    {"year", W::kUnit, kYearU},
    {"years", W::kUnit, kYearU},
    {"decade", W::kUnit, kDecadeU},
    {"decades", W::kUnit, kDecadeU},
    {"weekend", W::kWeekend, 0},
    {"night", W::kNight, 0},
    {"evening", W::kEvening, 0},
    {"morning", W::kMorning, 0},
    {"afternoon", W::kAfternoon, 0},
    {"on", W::kOn, 0},
    {"in", W::kIn, 0},
    {"at", W::kAt, 0},
    {"of", W::kOf, 0},
    {"the", W::kThe, 0},
    {"by", W::kBy, 0},
    {"during", W::kDuring, 0},
    {"over", W::kOver, 0},
    {"within", W::kWithin, 0},
    {"for", W::kFor, 0},
    {"throughout", W::kThroughout, 0},
    {"since", W::kSince, 0},
    {"from", W::kFrom, 0},
    {"to", W::kTo, 0},
    {"until", W::kUntil, 0},
    {"till", W::kTill, 0},
    {"through", W::kThrough, 0},
    {"between", W::kBetween, 0},
    {"and", W::kAnd, 0},
    {"early", W::kEarly, 0},
    {"mid", W::kMid, 0},
    {"late", W::kLate, 0},
    {"end", W::kEnd, 0},
    {"beginning", W::kBeginning, 0},
    {"start", W::kBeginning, 0},
    {"middle", W::kMiddle, 0},
    {"a", W::kA, 0},
    {"an", W::kA, 0},
    {"one", W::kNumWord, 1},
    {"two", W::kNumWord, 2},
    {"three", W::kNumWord, 3},
    {"four", W::kNumWord, 4},
    {"five", W::kNumWord, 5},
    {"six", W::kNumWord, 6},
    {"seven", W::kNumWord, 7},
    {"eight", W::kNumWord, 8},
    {"nine", W::kNumWord, 9},
    {"ten", W::kNumWord, 10},
    {"eleven", W::kNumWord, 11},
    {"twelve", W::kNumWord, 12},
    {"fifteen", W::kNumWord, 15},
    {"twenty", W::kNumWord, 20},
    {"thirty", W::kNumWord, 30},
    {"forty", W::kNumWord, 40},
    {"fifty", W::kNumWord, 50},
    {"hundred", W::kNumWord, 100},
    {"few", W::kFew, 0},
    {"several", W::kSeveral, 0},
    {"couple", W::kCouple, 0},
    {"spring", W::kSeason, 0},
    {"summer", W::kSeason, 1},
    {"autumn", W::kSeason, 2},
    {"winter", W::kSeason, 3},
    {"fall", W::kFall, 2},
    // Nouns that a 4-digit number counts rather than dates.
    {"people", W::kCounted, 0},
    {"persons", W::kCounted, 0},
    {"soldiers", W::kCounted, 0},
    {"troops", W::kCounted, 0},
    {"servicemen", W::kCounted, 0},
    {"civilians", W::kCounted, 0},
    {"residents", W::kCounted, 0},
    {"refugees", W::kCounted, 0},
    {"km", W::kCounted, 0},
    {"kilometers", W::kCounted, 0},
    {"kilometres", W::kCounted, 0},
    {"meters", W::kCounted, 0},
    {"metres", W::kCounted, 0},
    {"miles", W::kCounted, 0},
    {"tons", W::kCounted, 0},
    {"tonnes", W::kCounted, 0},
    {"dollars", W::kCounted, 0},
    {"euros", W::kCounted, 0},
    {"manat", W::kCounted, 0},
    {"rubles", W::kCounted, 0},
    {"tanks", W::kCounted, 0},
    {"vehicles", W::kCounted, 0},
    {"houses", W::kCounted, 0},
    {"homes", W::kCounted, 0},
    {"families", W::kCounted, 0},
    {"children", W::kCounted, 0},
    {"women", W::kCounted, 0},
    {"men", W::kCounted, 0},
    {"members", W::kCounted, 0},
    {"peacekeepers", W::kCounted, 0},
    {"fighters", W::kCounted, 0},
    {"militants", W::kCounted, 0},
    {"policemen", W::kCounted, 0},
    {"prisoners", W::kCounted, 0},
    {"hectares", W::kCounted, 0},
    {"square", W::kCounted, 0},
    {"units", W::kCounted, 0},
    {"shells", W::kCounted, 0},
};

using Lexicon = WordTable<Entry, 512, 12>;

const Lexicon& GetLexicon() {
  static const Lexicon* table = new Lexicon(kLexicon);
  return *table;
}

static_assert(static_cast<int>(Kind::kWord) == TextSegment::kWord &&
                  static_cast<int>(Kind::kNumber) == TextSegment::kNumber &&
                  static_cast<int>(Kind::kPunct) == TextSegment::kPunct,
              "Kind mirrors TextSegment::Kind");

// The resolver's tokens: the segments with their date words looked up.
std::vector<Tok> Tokenize(std::string_view s,
                          const std::vector<TextSegment>& segments) {
  std::vector<Tok> out(segments.size());
  const Lexicon& lex = GetLexicon();
  for (size_t k = 0; k < segments.size(); ++k) {
    const TextSegment& seg = segments[k];
    Tok& t = out[k];
    t.kind = static_cast<Kind>(seg.kind);
    t.punct = seg.punct;
    t.cap = seg.cap;
    t.begin = seg.begin;
    t.end = seg.end;
    t.text = s.substr(seg.begin, seg.end - seg.begin);
    if (t.kind == Kind::kWord) {
      if (const Entry* e = lex.Find(t.text)) {
        t.w = e->w;
        t.value = e->value;
      }
    } else if (t.kind == Kind::kNumber && t.text.size() <= 9) {
      for (char c : t.text) t.value = t.value * 10 + (c - '0');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Day arithmetic on day numbers (days since 1970-01-01).

using Day = int64_t;
constexpr Day kNoDay = std::numeric_limits<Day>::min();

Day DayOf(int y, int m, int d) { return CivilDay{y, m, d}.ToDays(); }
CivilDay Civil(Day d) { return CivilDay::FromDays(d); }
Day EndOfMonth(int y, int m) { return DayOf(y, m, DaysInMonth(y, m)); }
bool YearOk(int y) { return y >= 1 && y <= 9999; }

// The month `n` months after (y, m); n may be negative.
void AddMonths(int* y, int* m, int n) {
  int idx = *y * 12 + (*m - 1) + n;
  *y = idx / 12;
  *m = idx % 12 + 1;
}

// The day `n` months before `d`, the day of month kept where it exists.
Day MonthsBefore(Day d, int n) {
  CivilDay c = Civil(d);
  int y = c.year, m = c.month;
  AddMonths(&y, &m, -n);
  if (!YearOk(y)) return kNoDay;
  return DayOf(y, m, std::min(c.day, DaysInMonth(y, m)));
}

struct Window {
  Day from = kNoDay, to = kNoDay;
  ResolvedDate::Precision precision = ResolvedDate::kDay;
  bool relative = false;
  const char* rule = "";
};

// A date as the text gives it, before its year is known.
struct Partial {
  int year = 0, month = 0, day = 0;
  int decade = 0;           // 1990 for "1990s"
  int part = 0;             // 1 early, 2 mid, 3 late
  int year_mode = 0;        // 1 "this", 2 "last", 3 "next" (month or year)
  bool bare_month = false;  // a month name ScanDates did not report
  bool inferred = false;    // year taken from the publication day

  int Level() const { return decade ? 0 : day ? 3 : month ? 2 : 1; }
};

constexpr int kEarlyPart = 1, kMidPart = 2, kLatePart = 3;
// How many units "in recent days|weeks|..." spans, by Unit.
constexpr int kRecentUnits[] = {1, 1, 7, 4, 6, 3, 1};
// A month and day without a year up to this many days after the
// publication day is taken as announced for the coming days, not as last
// year's.
constexpr int kSoonDays = 14;

class Resolver {
 public:
  Resolver(std::string_view text, CivilDay published,
           const std::vector<TextSegment>& segments)
      : toks_(Tokenize(text, segments)),
        has_p_(published.valid()),
        p_(has_p_ ? published.ToDays() : 0) {
    if (has_p_) pc_ = published;
    mention_at_.assign(toks_.size(), -1);
    mention_last_.assign(toks_.size(), 0);
    mentions_ = ScanDates(text);
    size_t t = 0;
    for (size_t k = 0; k < mentions_.size(); ++k) {
      const DateMention& m = mentions_[k];
      while (t < toks_.size() && toks_[t].begin < m.begin) ++t;
      if (t == toks_.size()) break;
      if (toks_[t].begin != m.begin) continue;  // tokenizers disagree: skip
      size_t last = t;
      while (last + 1 < toks_.size() && toks_[last + 1].end <= m.end) ++last;
      mention_at_[t] = static_cast<int>(k);
      mention_last_[t] = last;
    }
  }

  std::vector<ResolvedDate> Run() {
    size_t i = 0;
    size_t anchor = NextAnchor(0);  // only moves forward
    while (i < toks_.size()) {
      // Most tokens are ordinary lower-case words or punctuation, which
      // start no date.
      const Tok& t = toks_[i];
      if (((t.kind == Kind::kWord && t.w == W::kOther && !t.cap) ||
           t.kind == Kind::kPunct) &&
          MentionAt(i) < 0) {
        ++i;
        continue;
      }
      // Nor does a word with no anchor in reach ("the", "in", "a" in a
      // sentence naming no time).
      if (anchor < i) anchor = NextAnchor(i);
      if (anchor - i > kMaxLead) {
        ++i;
        continue;
      }
      size_t next = i;
      if (DateExpr(i, &next) || DayRangeFirst(i, i, false, false, &next) ||
          DayWords(i, &next) || Ago(i, &next) || Anchored(i, &next) ||
          PastSpan(i, &next) || CalendarRelative(i, &next) ||
          Weekday(i, &next) || Season(i, &next)) {
        i = next;
        continue;
      }
      // Never start inside an absolute date that did not resolve.
      if (MentionAt(i) >= 0) {
        i = MentionLast(i) + 1;
        continue;
      }
      ++i;
    }
    return std::move(out_);
  }

 private:
  // --- token predicates ----------------------------------------------------
  // The index of the date mention starting at token i, or -1 (also past
  // the last token: forms look ahead without checking the end).
  int MentionAt(size_t i) const {
    return i < mention_at_.size() ? mention_at_[i] : -1;
  }

  const Tok* At(size_t i) const {
    return i < toks_.size() ? &toks_[i] : nullptr;
  }
  bool Is(size_t i, W w) const { return i < toks_.size() && toks_[i].w == w; }
  bool IsPunct(size_t i, char c) const {
    return i < toks_.size() && toks_[i].kind == Kind::kPunct &&
           toks_[i].punct == c;
  }
  bool Glued(size_t i) const {  // token i touches token i-1
    return i > 0 && i < toks_.size() && toks_[i].begin == toks_[i - 1].end;
  }
  // End of a clause: punctuation or the end of the text.
  bool ClauseEnd(size_t i) const {
    return i >= toks_.size() ||
           (toks_[i].kind == Kind::kPunct && toks_[i].punct != '-');
  }
  // Every form that resolves has an anchor among its first kMaxLead + 1
  // tokens: a number, a ScanDates mention, a capitalised month or weekday
  // name, or a word naming a day, a part of one, a unit or a season. The
  // longest lead before it is DateExpr's "on since the end of the <1990s>"
  // (the anchor at +6); the relative forms need at most +6 ("over the past
  // twenty - four days"). Run starts no form farther than that from one.
  static constexpr size_t kMaxLead = 6;
  bool IsAnchor(size_t k) const {
    const Tok& t = toks_[k];
    if (t.kind == Kind::kNumber || MentionAt(k) >= 0) return true;
    if (t.kind != Kind::kWord) return false;
    switch (t.w) {
      case W::kToday:
      case W::kTonight:
      case W::kYesterday:
      case W::kTomorrow:
      case W::kOvernight:
      case W::kUnit:
      case W::kWeekend:
      case W::kNight:
      case W::kEvening:
      case W::kMorning:
      case W::kAfternoon:
      case W::kSeason:
      case W::kFall:
        return true;
      default:
        break;
    }
    return t.cap &&
           (MonthFromName(t.text) != 0 || WeekdayFromName(t.text) >= 0);
  }
  // The first anchor at or after k, or toks_.size().
  size_t NextAnchor(size_t k) const {
    while (k < toks_.size() && !IsAnchor(k)) ++k;
    return k;
  }
  // The last token of the mention starting at `first`.
  size_t MentionLast(size_t first) const { return mention_last_[first]; }
  // A capitalised full month name (not inside a ScanDates mention).
  int BareMonth(size_t i) const {
    const Tok* t = At(i);
    if (!t || t->kind != Kind::kWord || !t->cap || MentionAt(i) >= 0)
      return 0;
    int m = MonthFromName(t->text);
    if (!m) return 0;
    static constexpr size_t kLen[] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
    return t->text.size() == kLen[m - 1] ? m : 0;
  }
  // A capitalised full weekday name; -1 if none.
  int FullWeekday(size_t i) const {
    const Tok* t = At(i);
    if (!t || t->kind != Kind::kWord || !t->cap || t->text.size() < 6)
      return -1;
    return WeekdayFromName(t->text);
  }

  // A count: "two", "3", "a", "a few", "several", "a couple of".
  struct Count {
    int n = 0;
    bool fuzzy = false;
    size_t next = 0;
  };
  bool ParseCount(size_t i, Count* c) const {
    const Tok* t = At(i);
    if (!t) return false;
    if (t->kind == Kind::kNumber) {
      if (t->text.size() > 3 || (i + 1 < toks_.size() && Glued(i + 1) &&
                                 toks_[i + 1].kind != Kind::kWord))
        return false;
      *c = {t->value, false, i + 1};
      return true;
    }
    if (t->w == W::kNumWord) {
      int n = t->value;
      size_t j = i + 1;
      // "twenty-four", "twenty four"
      if (n >= 20 && n % 10 == 0 && n < 100) {
        size_t k = IsPunct(j, '-') ? j + 1 : j;
        if (Is(k, W::kNumWord) && toks_[k].value < 10) {
          n += toks_[k].value;
          j = k + 1;
        }
      }
      *c = {n, false, j};
      return true;
    }
    if (t->w == W::kA) {
      if (Is(i + 1, W::kFew)) {
        *c = {4, true, i + 2};
      } else if (Is(i + 1, W::kCouple)) {
        *c = {2, false, Is(i + 2, W::kOf) ? i + 3 : i + 2};
      } else {
        *c = {1, false, i + 1};
      }
      return true;
    }
    if (t->w == W::kFew) {
      *c = {4, true, i + 1};
      return true;
    }
    if (t->w == W::kSeveral) {
      *c = {7, true, i + 1};
      return true;
    }
    if (t->w == W::kCouple) {
      *c = {2, false, Is(i + 1, W::kOf) ? i + 2 : i + 1};
      return true;
    }
    return false;
  }

  // --- output ----------------------------------------------------------------
  bool Emit(Window w, size_t first, size_t last) {
    if (w.from == kNoDay || w.to == kNoDay || w.from > w.to) return false;
    CivilDay from = Civil(w.from), to = Civil(w.to);
    if (!from.valid() || !to.valid()) return false;
    ResolvedDate r;
    r.begin = toks_[first].begin;
    r.end = toks_[last].end;
    r.precision = w.precision;
    r.relative = w.relative;
    r.rule = w.rule;
    if (has_p_ && w.from > p_) {
      r.future = true;
    } else if (has_p_ && w.to > p_) {
      w.to = p_;
      to = pc_;
      r.clamped = true;
    }
    r.from = from;
    r.to = to;
    if (!r.future && r.precision == ResolvedDate::kDay) anchor_ = w.to;
    out_.push_back(std::move(r));
    return true;
  }

  // --- calendar windows ------------------------------------------------------
  static Window YearWindow(int y, int part) {
    Window w;
    w.precision = ResolvedDate::kYear;
    int m0 = 1, m1 = 12;
    if (part == kEarlyPart) m1 = 4;
    if (part == kMidPart) m0 = 5, m1 = 8;
    if (part == kLatePart) m0 = 9;
    w.from = DayOf(y, m0, 1);
    w.to = EndOfMonth(y, m1);
    return w;
  }
  static Window MonthWindow(int y, int m, int part) {
    Window w;
    w.precision = ResolvedDate::kMonth;
    int d0 = 1, d1 = DaysInMonth(y, m);
    if (part == kEarlyPart) d1 = 10;
    if (part == kMidPart) d0 = 11, d1 = 20;
    if (part == kLatePart) d0 = 21;
    w.from = DayOf(y, m, d0);
    w.to = DayOf(y, m, d1);
    return w;
  }

  // Fills p->year from the publication day (year_mode or inference).
  bool ResolveYear(Partial* p) const {
    if (p->year || p->decade) return true;
    if (!has_p_ || !p->month) return false;
    int y = pc_.year;
    int m = p->month;
    switch (p->year_mode) {
      case 1:  // this
        break;
      case 2:  // last: for "last February" the latest before P's month
        if (p->bare_month && !p->day) {
          if (m >= pc_.month) --y;
        } else {
          --y;
        }
        break;
      case 3:  // next
        if (p->bare_month && !p->day) {
          if (m <= pc_.month) ++y;
        } else {
          ++y;
        }
        break;
      default:  // the latest such month or day on or before P ...
        if (m > pc_.month || (p->day && m == pc_.month && p->day > pc_.day)) {
          // ... except a day at most kSoonDays ahead, which is news of
          // what is planned ("on September 16 Putin will meet"): future.
          bool soon = p->day && p->day <= DaysInMonth(y, m) &&
                      DayOf(y, m, p->day) - p_ <= kSoonDays;
          if (!soon) --y;
        }
    }
    if (!YearOk(y)) return false;
    p->year = y;
    p->inferred = true;
    return true;
  }

  bool Finalize(Partial p, Window* w) const {
    if (p.decade) {
      int a = p.decade, b = p.decade + 9;
      if (p.part == kEarlyPart) b = a + 3;
      if (p.part == kMidPart) a += 4, b = a + 2;
      if (p.part == kLatePart) a += 7;
      if (!YearOk(a) || !YearOk(b)) return false;
      w->from = DayOf(a, 1, 1);
      w->to = DayOf(b, 12, 31);
      w->precision = ResolvedDate::kRange;
      w->rule = "decade";
      return true;
    }
    if (!ResolveYear(&p) || !YearOk(p.year)) return false;
    if (p.day) {
      if (p.day > DaysInMonth(p.year, p.month)) return false;
      w->from = w->to = DayOf(p.year, p.month, p.day);
      w->precision = ResolvedDate::kDay;
      w->rule = p.inferred ? "month-day" : "day";
    } else if (p.month) {
      *w = MonthWindow(p.year, p.month, p.part);
      w->rule = p.part ? "part-of-month" : "month";
    } else {
      *w = YearWindow(p.year, p.part);
      w->rule = p.part ? "part-of-year" : "year";
    }
    w->relative = p.inferred;
    return true;
  }

  // --- cores -----------------------------------------------------------------
  // A date at i: a ScanDates mention, a bare month name, or a decade
  // ("1990s", "the 1990s"). Sets *next past it.
  bool Core(size_t i, Partial* p, size_t* next) const {
    const Tok* t = At(i);
    if (!t) return false;
    if (t->w == W::kThe && MentionAt(i) < 0 && i + 1 < toks_.size() &&
        MentionAt(i + 1) >= 0) {
      const DateMention& m = mentions_[MentionAt(i + 1)];
      if (!m.month && IsDecadeS(MentionLast(i + 1) + 1)) {
        return Core(i + 1, p, next);
      }
      return false;
    }
    if (MentionAt(i) >= 0) {
      const DateMention& m = mentions_[MentionAt(i)];
      size_t last = MentionLast(i);
      *p = Partial();
      p->year = m.year;
      p->month = m.month;
      p->day = m.day;
      *next = last + 1;
      if (!m.month && !m.day) {  // a bare year
        if (IsDecadeS(last + 1)) {
          if (m.year % 10) return false;
          p->year = 0;
          p->decade = m.year;
          *next = last + 2;
        } else if (Is(last + 1, W::kCounted)) {
          return false;  // "2000 soldiers"
        }
      }
      return true;
    }
    if (int m = BareMonth(i)) {
      *p = Partial();
      p->month = m;
      p->bare_month = true;
      *next = i + 1;
      return true;
    }
    return false;
  }
  bool IsDecadeS(size_t i) const {
    return i < toks_.size() && Glued(i) && toks_[i].text == "s";
  }

  // Parts and this/last/next before a core: "early", "mid-", "late", "the
  // end of", "the beginning of", "the middle of", "this February".
  bool PartCore(size_t i, Partial* p, size_t* next, bool* had_context) const {
    size_t j = i;
    int part = 0;
    bool the = Is(j, W::kThe);
    size_t k = the ? j + 1 : j;
    if (Is(k, W::kEarly) || Is(k, W::kLate)) {
      part = Is(k, W::kEarly) ? kEarlyPart : kLatePart;
      j = k + 1;
    } else if (Is(k, W::kMid)) {
      part = kMidPart;
      j = IsPunct(k + 1, '-') ? k + 2 : k + 1;
    } else if ((Is(k, W::kEnd) || Is(k, W::kBeginning) || Is(k, W::kMiddle)) &&
               Is(k + 1, W::kOf)) {
      part = Is(k, W::kEnd)         ? kLatePart
             : Is(k, W::kBeginning) ? kEarlyPart
                                    : kMidPart;
      j = k + 2;
    }
    int mode = 0;
    if (!part && (Is(j, W::kThis) || Is(j, W::kLast) || Is(j, W::kNext)) &&
        BareMonth(j + 1)) {
      mode = Is(j, W::kThis) ? 1 : Is(j, W::kLast) ? 2 : 3;
      ++j;
    }
    if (!Core(j, p, next)) {
      return false;
    }
    if (p->day) part = 0;  // "early 5 May" is just the day
    p->part = part;
    if (mode) p->year_mode = mode;
    *had_context = part || mode;
    return true;
  }

  // "this year", "of last year", "next year" after a month or day.
  size_t YearSuffix(size_t i, Partial* p) const {
    if (p->year || p->decade || !p->month) return i;
    size_t j = Is(i, W::kOf) ? i + 1 : i;
    if ((Is(j, W::kThis) || Is(j, W::kLast) || Is(j, W::kNext)) &&
        Is(j + 1, W::kUnit) && toks_[j + 1].value == kYearU &&
        toks_[j + 1].text.size() == 4) {
      p->year_mode = Is(j, W::kThis) ? 1 : Is(j, W::kLast) ? 2 : 3;
      p->bare_month = false;  // "February last year" is the year before
      return j + 2;
    }
    return i;
  }

  // The year of a range's ends, from each other or from P.
  bool FillRange(Partial* a, Partial* b) const {
    if (a->decade || b->decade) return a->decade && b->decade;
    auto key = [](const Partial& p) { return p.month * 32 + p.day; };
    if (b->year_mode && !b->year && !ResolveYear(b)) return false;
    if (a->year_mode && !a->year && !ResolveYear(a)) return false;
    if (!a->year && b->year) {
      a->year = b->year - (key(*a) > key(*b) ? 1 : 0);
      a->inferred = b->inferred;
    }
    if (!a->year && !ResolveYear(a)) return false;
    if (!b->year) {
      b->year = a->year + (key(*b) < key(*a) ? 1 : 0);
      b->inferred = a->inferred;
    }
    return true;
  }

  // A range's second end after a dash, "to", "and": returns false when
  // there is none. A day number alone ("September 12-13") takes the first
  // end's month.
  bool RangeEnd(size_t i, const Partial& a, Partial* b, size_t* next) const {
    if (a.day && At(i) && toks_[i].kind == Kind::kNumber &&
        toks_[i].text.size() <= 2 && MentionAt(i) < 0 &&
        toks_[i].value > a.day && toks_[i].value <= 31 &&
        !(IsPunct(i + 1, ':') || IsPunct(i + 1, '.'))) {
      *b = Partial();
      b->month = a.month;
      b->day = toks_[i].value;
      b->year = a.year;
      b->bare_month = a.bare_month;
      *next = i + 1;
      // "September 12-13, 2022"
      size_t k = IsPunct(*next, ',') ? *next + 1 : *next;
      if (!b->year && MentionAt(k) >= 0) {
        const DateMention& m = mentions_[MentionAt(k)];
        if (m.year && !m.month) {
          b->year = m.year;
          *next = MentionLast(k) + 1;
        }
      }
      return true;
    }
    bool ctx;
    if (!PartCore(i, b, next, &ctx)) return false;
    *next = YearSuffix(*next, b);
    return b->Level() == a.Level();
  }

  // "12-13 September [2022]": a day number at i, a dash and a day-first
  // date. The span starts at `first`; `night` and `since` come from the
  // words before it ("the night of", "since").
  bool DayRangeFirst(size_t i, size_t first, bool night, bool since,
                     size_t* next) {
    const Tok* t = At(i);
    if (!t || t->kind != Kind::kNumber || t->text.size() > 2 ||
        MentionAt(i) >= 0 || !IsPunct(i + 1, '-') || i + 2 >= toks_.size() ||
        MentionAt(i + 2) < 0 || toks_[i + 2].kind != Kind::kNumber)
      return false;
    if (i > 0 && Glued(i) && toks_[i - 1].kind == Kind::kPunct) return false;
    const DateMention& m = mentions_[MentionAt(i + 2)];
    if (!m.day || m.day <= t->value || t->value < 1) return false;
    Partial a, b;
    b.year = m.year;
    b.month = m.month;
    b.day = m.day;
    a = b;
    a.day = t->value;
    if (!FillRange(&a, &b)) return false;
    Window wa, wb;
    if (!Finalize(a, &wa) || !Finalize(b, &wb)) return false;
    Window w;
    w.from = wa.from;
    w.to = wb.to;
    w.precision = night ? ResolvedDate::kDay : ResolvedDate::kRange;
    w.relative = a.inferred;
    w.rule = night ? "night" : "range";
    if (since) {
      if (!has_p_) return false;
      if (w.from <= p_) w.to = p_;
      w.precision = ResolvedDate::kRange;
      w.relative = true;
      w.rule = "since";
    }
    *next = MentionLast(i + 2) + 1;
    return Emit(w, first, *next - 1);
  }

  // --- the main date expression --------------------------------------------
  bool DateExpr(size_t i, size_t* next) {
    size_t j = i;
    bool glue = false;
    if (Is(j, W::kOn) || Is(j, W::kIn) || Is(j, W::kDuring) || Is(j, W::kAt) ||
        Is(j, W::kBy) || Is(j, W::kOf)) {
      glue = true;
      ++j;
    }
    enum Lead { kNone, kSince, kFrom, kBetween, kUntil } lead = kNone;
    size_t first = j;
    if (Is(j, W::kSince)) lead = kSince;
    if (Is(j, W::kFrom)) lead = kFrom;
    if (Is(j, W::kBetween)) lead = kBetween;
    if (Is(j, W::kUntil) || Is(j, W::kTill)) lead = kUntil;
    if (lead != kNone) ++j;
    // "the night of September 13"
    bool night = false;
    if (Is(j, W::kThe) &&
        (Is(j + 1, W::kNight) || Is(j + 1, W::kEvening) ||
         Is(j + 1, W::kMorning) || Is(j + 1, W::kAfternoon)) &&
        Is(j + 2, W::kOf)) {
      night = Is(j + 1, W::kNight);
      j += 3;
    }
    // "12-13 September" after a lead or "the night of".
    if (j > first && DayRangeFirst(j, first, night, lead == kSince, next))
      return true;
    Partial a;
    size_t k;
    bool context = false;
    if (!PartCore(j, &a, &k, &context)) return false;
    k = YearSuffix(k, &a);
    if (a.year_mode) context = true;
    // A range: "February-May", "from 1991 to 1994", "between X and Y".
    Partial b;
    bool range = false;
    size_t k2 = k;
    if (lead == kBetween) {
      if (Is(k, W::kAnd) && RangeEnd(k + 1, a, &b, &k2)) range = true;
    } else if (IsPunct(k, '-') || Is(k, W::kTo) || Is(k, W::kThrough) ||
               Is(k, W::kUntil) || Is(k, W::kTill)) {
      if (RangeEnd(k + 1, a, &b, &k2)) range = true;
    }
    // A bare month name needs something around it that makes it a date.
    if (a.bare_month &&
        !(glue || lead != kNone || context || range || a.year_mode))
      return false;
    if (lead == kBetween && !range) lead = kNone;

    Window w;
    Window wa, wb;
    if (range) {
      Partial a2 = a, b2 = b;
      if (FillRange(&a2, &b2) && Finalize(a2, &wa) && Finalize(b2, &wb) &&
          wa.from <= wb.to) {
        a = a2;
        b = b2;
      } else {
        range = false;
      }
    }
    if (range) {
      w.from = wa.from;
      w.to = wb.to;
      w.precision = ResolvedDate::kRange;
      w.relative = wa.relative || wb.relative;
      w.rule = "range";
      if (night && a.day && b.day) {
        w.precision = ResolvedDate::kDay;
        w.rule = "night";
      }
      k = k2;
    } else {
      if (!Finalize(a, &w)) return false;
      if (night && a.day) {
        w.from -= 1;
        w.rule = "night";
      }
    }
    if (lead == kSince) {
      if (!has_p_) {  // "since 2020" is not 2020: consume, emit nothing
        *next = k;
        return true;
      }
      if (w.from <= p_) {
        w.to = p_;
        w.precision = ResolvedDate::kRange;
        w.relative = true;
      }
      w.rule = "since";
    } else if (lead == kUntil) {
      w.rule = "until";
    }
    *next = k;
    return Emit(w, first, k - 1);
  }

  // --- relative forms --------------------------------------------------------
  Window DayWindow(Day d, const char* rule) const {
    Window w;
    w.from = w.to = d;
    w.precision = ResolvedDate::kDay;
    w.relative = true;
    w.rule = rule;
    return w;
  }

  bool DayWords(size_t i, size_t* next) {
    if (!has_p_) return false;
    size_t j = i;
    // "the day before yesterday", "the day after tomorrow"
    if (Is(j, W::kThe) && Is(j + 1, W::kUnit) && toks_[j + 1].value == kDayU &&
        toks_[j + 1].text.size() == 3) {
      if (Is(j + 2, W::kBefore) && Is(j + 3, W::kYesterday)) {
        *next = j + 4;
        return Emit(DayWindow(p_ - 2, "yesterday"), i, j + 3);
      }
      if (Is(j + 2, W::kAfter) && Is(j + 3, W::kTomorrow)) {
        *next = j + 4;
        return Emit(DayWindow(p_ + 2, "tomorrow"), i, j + 3);
      }
      return false;
    }
    bool early_late = Is(j, W::kEarlier) || Is(j, W::kLater);
    if (early_late) ++j;
    const Tok* t = At(j);
    if (!t) return false;
    auto day_part = [&](size_t k) {
      return Is(k, W::kMorning) || Is(k, W::kAfternoon) || Is(k, W::kEvening) ||
             Is(k, W::kNight);
    };
    switch (t->w) {
      case W::kToday:
      case W::kTonight:
        *next = j + 1;
        return Emit(DayWindow(p_, "today"), i, j);
      case W::kYesterday: {
        if (early_late) return false;
        Window w = DayWindow(p_ - 1, "yesterday");
        *next = j + 1;
        if (day_part(j + 1)) *next = j + 2;
        return Emit(w, i, *next - 1);
      }
      case W::kTomorrow:
        if (early_late) return false;
        *next = j + 1;
        return Emit(DayWindow(p_ + 1, "tomorrow"), i, j);
      case W::kOvernight: {
        if (early_late) return false;
        Window w = DayWindow(p_, "last-night");
        w.from = p_ - 1;
        *next = j + 1;
        return Emit(w, i, j);
      }
      case W::kLast:
        if (early_late || !Is(j + 1, W::kNight)) return false;
        {
          Window w = DayWindow(p_, "last-night");
          w.from = p_ - 1;
          *next = j + 2;
          return Emit(w, i, j + 1);
        }
      case W::kThis:
        if (!Is(j + 1, W::kMorning) && !Is(j + 1, W::kAfternoon) &&
            !Is(j + 1, W::kEvening))
          return false;
        *next = j + 2;
        return Emit(DayWindow(p_, "today"), i, j + 1);
      default:
        return false;
    }
  }

  // "two days ago", "3 weeks ago", "hours ago".
  bool Ago(size_t i, size_t* next) {
    if (!has_p_) return false;
    Count c;
    size_t u = i;
    if (ParseCount(i, &c)) {
      u = c.next;
    } else {
      c = {1, false, i};
    }
    if (!Is(u, W::kUnit) || !Is(u + 1, W::kAgo)) return false;
    Window w = DayWindow(p_, "ago");
    switch (toks_[u].value) {
      case kHourU:
        w.from = w.to = p_ - (c.n >= 24 ? c.n / 24 : 0);
        break;
      case kMinuteU:
        break;
      case kDayU:
        if (c.fuzzy) {
          w.from = p_ - 7;
          w.to = p_ - 2;
          w.precision = ResolvedDate::kWeek;
        } else {
          w.from = w.to = p_ - c.n;
        }
        break;
      case kWeekU:
        w.from = p_ - 7 * c.n - 3;
        w.to = p_ - 7 * c.n + 3;
        w.precision = ResolvedDate::kWeek;
        break;
      case kMonthU: {
        int y = pc_.year, m = pc_.month;
        AddMonths(&y, &m, -c.n);
        if (!YearOk(y)) return false;
        w.from = DayOf(y, m, 1);
        w.to = EndOfMonth(y, m);
        w.precision = ResolvedDate::kMonth;
        break;
      }
      case kYearU: {
        int y = pc_.year - c.n;
        if (!YearOk(y)) return false;
        w.from = DayOf(y, 1, 1);
        w.to = DayOf(y, 12, 31);
        w.precision = ResolvedDate::kYear;
        break;
      }
      default:
        return false;
    }
    *next = u + 2;
    return Emit(w, i, u + 1);
  }

  // "two days later", "the next day", "the previous day", "the same day":
  // relative to the last day-precise date resolved before.
  bool Anchored(size_t i, size_t* next) {
    if (anchor_ == kNoDay) return false;
    int dir = 0, n = 0;
    bool fuzzy = false;
    size_t last = i;
    if (Is(i, W::kThe) || Is(i, W::kThat)) {
      size_t j = i + 1;
      bool the = Is(i, W::kThe);
      if (the && (Is(j, W::kNext) || Is(j, W::kFollowing)) &&
          (IsUnitDay(j + 1) || Is(j + 1, W::kMorning))) {
        dir = 1, n = 1, last = j + 1;
      } else if (the && Is(j, W::kPrevious) && IsUnitDay(j + 1)) {
        dir = -1, n = 1, last = j + 1;
      } else if (the && IsUnitDay(j) &&
                 (Is(j + 1, W::kBefore) || Is(j + 1, W::kAfter)) &&
                 ClauseEnd(j + 2)) {
        dir = Is(j + 1, W::kBefore) ? -1 : 1, n = 1, last = j + 1;
      } else if (Is(j, W::kSame) && IsUnitDay(j + 1)) {
        dir = 1, n = 0, last = j + 1;
      } else {
        return false;
      }
    } else {
      Count c;
      if (!ParseCount(i, &c)) return false;
      size_t u = c.next;
      if (!Is(u, W::kUnit) ||
          (toks_[u].value != kDayU && toks_[u].value != kWeekU))
        return false;
      if (Is(u + 1, W::kLater) || Is(u + 1, W::kAfterwards) ||
          (Is(u + 1, W::kAfter) && ClauseEnd(u + 2))) {
        dir = 1;
      } else if (Is(u + 1, W::kEarlier) ||
                 (Is(u + 1, W::kBefore) && ClauseEnd(u + 2))) {
        dir = -1;
      } else {
        return false;
      }
      n = c.n * (toks_[u].value == kWeekU ? 7 : 1);
      fuzzy = c.fuzzy || toks_[u].value == kWeekU;
      last = u + 1;
    }
    Window w = DayWindow(anchor_ + dir * n, "anchor");
    if (fuzzy) {
      w.from = w.from - 3;
      w.to = w.to + 3;
      w.precision = ResolvedDate::kWeek;
    }
    *next = last + 1;
    return Emit(w, i, last);
  }
  bool IsUnitDay(size_t i) const {
    return Is(i, W::kUnit) && toks_[i].value == kDayU &&
           toks_[i].text.size() == 3;
  }

  // "over the past 3 years", "in recent weeks", "in the coming days".
  bool PastSpan(size_t i, size_t* next) {
    if (!has_p_) return false;
    size_t j = i;
    if (Is(j, W::kOver) || Is(j, W::kIn) || Is(j, W::kDuring) ||
        Is(j, W::kWithin) || Is(j, W::kFor) || Is(j, W::kThroughout))
      ++j;
    bool future = false;
    Count c{1, false, 0};
    size_t u;
    if (Is(j, W::kRecent) && Is(j + 1, W::kUnit) && j > i) {
      u = j + 1;
      c.n = kRecentUnits[toks_[u].value];
      c.fuzzy = true;
    } else if (Is(j, W::kThe) &&
               (Is(j + 1, W::kPast) || Is(j + 1, W::kLast) ||
                Is(j + 1, W::kPrevious) || Is(j + 1, W::kComing) ||
                Is(j + 1, W::kNext))) {
      future = Is(j + 1, W::kComing) || Is(j + 1, W::kNext);
      u = j + 2;
      Count cc;
      if (ParseCount(u, &cc) && !Is(u, W::kA)) {
        c = cc;
        u = cc.next;
      } else if (Is(u, W::kUnit) && toks_[u].text.back() == 's') {
        // "the coming days": as "recent"
        c.n = kRecentUnits[toks_[u].value];
        c.fuzzy = true;
      }
      if (!Is(u, W::kUnit)) return false;
    } else {
      return false;
    }
    int unit = toks_[u].value;
    if (unit == kMinuteU) return false;
    Window w;
    w.relative = true;
    w.precision = ResolvedDate::kRange;
    w.rule = future ? "coming" : "past-span";
    int n = c.n;
    Day span_start;
    switch (unit) {
      case kHourU:
        span_start = p_ - std::max(1, (n + 23) / 24);
        break;
      case kDayU:
        span_start = p_ - n;
        break;
      case kWeekU:
        span_start = p_ - 7 * n;
        break;
      case kMonthU:
        span_start = MonthsBefore(p_, n);
        break;
      case kYearU:
        span_start = MonthsBefore(p_, 12 * n);
        break;
      default:  // decades
        span_start = MonthsBefore(p_, 120 * n);
    }
    if (span_start == kNoDay) return false;
    if (future) {
      w.from = p_ + 1;
      w.to = p_ + (p_ - span_start);
    } else {
      w.from = span_start;
      w.to = p_;
    }
    *next = u + 1;
    return Emit(w, i, u);
  }

  // "last week", "this month", "earlier this year", "late last year".
  bool CalendarRelative(size_t i, size_t* next) {
    if (!has_p_) return false;
    size_t j = i;
    int part = 0;
    bool earlier = false, later = false;
    if (Is(j, W::kEarlier))
      earlier = true, ++j;
    else if (Is(j, W::kLater))
      later = true, ++j;
    else if (Is(j, W::kEarly))
      part = kEarlyPart, ++j;
    else if (Is(j, W::kLate))
      part = kLatePart, ++j;
    else if (Is(j, W::kMid))
      part = kMidPart, j += IsPunct(j + 1, '-') ? 2 : 1;
    int mode;  // -1 last, 0 this, 1 next
    if (Is(j, W::kLast)) {
      mode = -1;
    } else if (Is(j, W::kThis)) {
      mode = 0;
    } else if (Is(j, W::kNext) || Is(j, W::kComing)) {
      mode = 1;
    } else {
      return false;
    }
    if ((earlier || later) && mode != 0) return false;
    size_t u = j + 1;
    Window w;
    w.relative = true;
    if (Is(u, W::kWeekend)) {
      if (part) return false;
      Day sat = p_ - ((pc_.Weekday() - 5 + 7) % 7);  // latest Saturday <= P
      // On a Saturday or Sunday "last weekend" is the one before.
      if (mode == -1 && pc_.Weekday() >= 5) sat -= 7;
      if (mode == 1) sat += 7;
      w.from = sat;
      w.to = sat + 1;
      w.precision = ResolvedDate::kWeek;
      w.rule = "weekend";
    } else if (Is(u, W::kUnit) && toks_[u].text.size() <= 5 &&
               toks_[u].text.back() != 's') {
      int unit = toks_[u].value;
      if (unit == kWeekU) {
        if (part) return false;
        Day monday = p_ - pc_.Weekday() + 7 * mode;
        w.from = monday;
        w.to = monday + 6;
        w.precision = ResolvedDate::kWeek;
        w.rule = "week";
      } else if (unit == kMonthU) {
        int y = pc_.year, m = pc_.month;
        AddMonths(&y, &m, mode);
        if (!YearOk(y)) return false;
        w = MonthWindow(y, m, part);
        w.relative = true;
        w.rule = "month";
      } else if (unit == kYearU) {
        int y = pc_.year + mode;
        if (!YearOk(y)) return false;
        w = YearWindow(y, part);
        w.relative = true;
        w.rule = "year";
      } else {
        return false;
      }
    } else {
      return false;
    }
    if (earlier) w.to = std::min<Day>(w.to, p_);
    if (later) w.from = std::max<Day>(w.from, p_);
    *next = u + 1;
    return Emit(w, i, u);
  }

  // "on Saturday", "last Saturday", "Saturday night", "since Saturday".
  bool Weekday(size_t i, size_t* next) {
    if (!has_p_) return false;
    size_t j = i;
    if (Is(j, W::kOn) || Is(j, W::kBy)) ++j;
    size_t first = j;
    int mode = 0;  // 1 last, 2 next, 3 since
    if (Is(j, W::kLast))
      mode = 1, ++j;
    else if (Is(j, W::kNext))
      mode = 2, ++j;
    else if (Is(j, W::kThis) && Is(j + 1, W::kComing))
      mode = 2, j += 2;
    else if (Is(j, W::kSince))
      mode = 3, ++j;
    else if (Is(j, W::kThis))
      ++j;
    int wd = FullWeekday(j);
    if (wd < 0 || MentionAt(j) >= 0) return false;
    Day d = p_ - ((pc_.Weekday() - wd + 7) % 7);
    if (mode == 1 && d == p_) d -= 7;
    if (mode == 2) d += 7;
    Window w = DayWindow(d, "weekday");
    size_t last = j;
    if (Is(j + 1, W::kNight)) {
      w.to = d + 1;
      last = j + 1;
    } else if (Is(j + 1, W::kMorning) || Is(j + 1, W::kAfternoon) ||
               Is(j + 1, W::kEvening)) {
      last = j + 1;
    }
    if (mode == 3) {
      w.to = p_;
      w.precision = ResolvedDate::kRange;
      w.rule = "since";
    }
    *next = last + 1;
    return Emit(w, first, last);
  }

  // "in the summer of 2020", "summer 2020", "last winter".
  bool Season(size_t i, size_t* next) {
    size_t j = i;
    if (Is(j, W::kIn) || Is(j, W::kDuring) || Is(j, W::kBy) || Is(j, W::kSince))
      ++j;
    size_t first = j;
    int mode = 0;  // 1 this, 2 last, 3 next
    if (Is(j, W::kThis))
      mode = 1, ++j;
    else if (Is(j, W::kLast) || Is(j, W::kPast))
      mode = 2, ++j;
    else if (Is(j, W::kNext))
      mode = 3, ++j;
    else if (Is(j, W::kThe))
      ++j;
    int part = 0;
    if (Is(j, W::kEarly))
      part = kEarlyPart, ++j;
    else if (Is(j, W::kLate))
      part = kLatePart, ++j;
    if (!Is(j, W::kSeason) && !Is(j, W::kFall)) return false;
    int season = toks_[j].value;
    size_t last = j;
    int year = 0;
    if (!mode) {
      size_t k = Is(j + 1, W::kOf) ? j + 2 : j + 1;
      if (k >= toks_.size() || MentionAt(k) < 0) return false;
      const DateMention& m = mentions_[MentionAt(k)];
      if (m.month || m.day) return false;
      year = m.year;
      last = MentionLast(k);
    } else {
      if (!has_p_) return false;
      year = pc_.year;
      if (season == 3 && pc_.month <= 2) --year;  // the winter P is in
      if (mode == 2) --year;
      if (mode == 3) ++year;
    }
    if (Is(j, W::kFall) && !mode && !Is(j + 1, W::kOf) && j == first)
      return false;
    static constexpr int kStart[] = {3, 6, 9, 12};
    int y0 = year, m0 = kStart[season];
    int y1 = year, m1 = m0 + 2;
    if (m1 > 12) m1 -= 12, ++y1;
    if (part == kEarlyPart) y1 = y0, m1 = m0;
    if (part == kLatePart) {
      y0 = y1;
      m0 = m1;
    }
    if (!YearOk(y0) || !YearOk(y1)) return false;
    Window w;
    w.from = DayOf(y0, m0, 1);
    w.to = EndOfMonth(y1, m1);
    w.precision = ResolvedDate::kYear;
    w.relative = mode != 0;
    w.rule = "season";
    if (Is(i, W::kSince)) {
      if (!has_p_) return false;
      w.to = std::max<Day>(w.from, p_);
      w.precision = ResolvedDate::kRange;
      w.rule = "since";
      first = i;
    }
    *next = last + 1;
    return Emit(w, first, last);
  }

  std::vector<Tok> toks_;
  bool has_p_;
  Day p_;
  CivilDay pc_;
  std::vector<DateMention> mentions_;
  std::vector<int> mention_at_;       // token -> mention starting there
  std::vector<size_t> mention_last_;  // token -> its mention's last token
  Day anchor_ = kNoDay;
  std::vector<ResolvedDate> out_;
};

}  // namespace

std::vector<ResolvedDate> ResolveDates(std::string_view text,
                                       CivilDay published) {
  if (text.size() > std::numeric_limits<uint32_t>::max()) return {};
  return Resolver(text, published, SegmentText(text)).Run();
}

std::vector<ResolvedDate> ResolveDates(
    std::string_view text, CivilDay published,
    const std::vector<TextSegment>& segments) {
  if (text.size() > std::numeric_limits<uint32_t>::max()) return {};
  return Resolver(text, published, segments).Run();
}

const char* PrecisionName(ResolvedDate::Precision p) {
  switch (p) {
    case ResolvedDate::kDay:
      return "day";
    case ResolvedDate::kWeek:
      return "week";
    case ResolvedDate::kMonth:
      return "month";
    case ResolvedDate::kYear:
      return "year";
    case ResolvedDate::kRange:
      return "range";
  }
  return "?";
}

std::string DescribeWindow(const ResolvedDate& d) {
  std::string s =
      d.from.Iso() + ".." + d.to.Iso() + " " + PrecisionName(d.precision);
  if (d.future) s += " future";
  if (d.clamped) s += " clamped";
  return s;
}

}  // namespace ceasewatch
