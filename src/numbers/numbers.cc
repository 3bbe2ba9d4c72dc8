#include "numbers/numbers.h"

#include <cmath>

#include "numbers/lexicon.h"
#include "numbers/number_scan.h"

namespace ceasewatch {
namespace numbers_internal {
namespace {

// A count before its hedges.
struct Base {
  double low = 0, high = 0;
  bool vague = false;
  bool has_mult = false;  // "30 thousand": `raw` is 30, `mult` 1000
  double raw = 0;
  double mult = 1;
  bool year_like = false;
  size_t last = 0;
};

// Rounding that forgives the binary error of 200 * 1.1 = 220.00000000000003.
double Floor(double v) { return std::floor(v + 1e-9); }
double Ceil(double v) { return std::ceil(v - 1e-9); }

enum class Hedge { kNone, kAbout, kNearly, kMore, kAtLeast, kUpTo, kLess };

class NumberScanner {
 public:
  explicit NumberScanner(const std::vector<Tok>& t) : t_(t) {}

  std::vector<NumberSpan> Run() {
    std::vector<NumberSpan> out;
    size_t i = 0;
    while (i < t_.size()) {
      if (!CanStart(t_[i])) {  // most tokens: decided before any set-up
        ++i;
        continue;
      }
      NumberSpan s;
      size_t skip = i;
      if (Match(i, &s, &skip)) {
        out.push_back(s);
        i = s.last + 1;
      } else {
        i = skip > i ? skip : i + 1;
      }
    }
    return out;
  }

 private:
  bool Lx(size_t i, Lex l) const { return i < t_.size() && t_[i].lex == l; }
  bool P(size_t i, char c) const {
    return i < t_.size() && t_[i].kind == Tok::kPunct && t_[i].punct == c;
  }
  bool Num(size_t i) const {
    return i < t_.size() && t_[i].kind == Tok::kNumber;
  }
  bool Glued(size_t i) const {
    return i > 0 && i < t_.size() && t_[i].begin == t_[i - 1].end;
  }
  static double DigitsValue(std::string_view s) {
    double v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }
  static double Fraction(std::string_view s) {
    double v = 0, scale = 1;
    for (char c : s) {
      scale /= 10;
      v += (c - '0') * scale;
    }
    return v;
  }
  static bool Multiplier(Lex l) {
    return l == Lex::kThousand || l == Lex::kMillion || l == Lex::kBillion;
  }

  // A count in digits at i. Returns false (and maybe *skip past it) for
  // clocks, dates and ordinals.
  bool Digits(size_t i, Base* b, size_t* skip) const {
    if (!Num(i)) return false;
    // Inside a larger token run we did not start at ("04" of "+04:00").
    if (i > 0 && Glued(i) && (P(i - 1, ':') || P(i - 1, '/'))) {
      *skip = i + 1;
      return false;
    }
    // Clock "12:59", ratio "24/7".
    if ((P(i + 1, ':') || P(i + 1, '/')) && Glued(i + 1) && Num(i + 2) &&
        Glued(i + 2)) {
      size_t j = i + 2;
      while ((P(j + 1, ':') || P(j + 1, '/')) && Glued(j + 1) && Num(j + 2) &&
             Glued(j + 2))
        j += 2;
      *skip = j + 1;
      return false;
    }
    // ISO date 2022-03-27 and dotted date 27.03.2022.
    for (char sep : {'-', '.'}) {
      if (P(i + 1, sep) && Glued(i + 1) && Num(i + 2) && Glued(i + 2) &&
          P(i + 3, sep) && Glued(i + 3) && Num(i + 4) && Glued(i + 4)) {
        *skip = i + 5;
        return false;
      }
    }
    // Ordinal "13th".
    if (i + 1 < t_.size() && Glued(i + 1) && t_[i + 1].kind == Tok::kWord) {
      std::string_view w = t_[i + 1].text;
      if (w == "st" || w == "nd" || w == "rd" || w == "th") {
        *skip = i + 2;
        return false;
      }
    }
    std::string_view first = t_[i].text;
    double v = DigitsValue(first);
    size_t j = i + 1;
    bool grouped = false, decimal = false;
    if (first.size() <= 3) {
      while (P(j, ',') && Glued(j) && Num(j + 1) && Glued(j + 1) &&
             t_[j + 1].text.size() == 3) {
        v = v * 1000 + DigitsValue(t_[j + 1].text);
        j += 2;
        grouped = true;
      }
    }
    if (!grouped && P(j, '.') && Glued(j) && Num(j + 1) && Glued(j + 1)) {
      v += Fraction(t_[j + 1].text);
      j += 2;
      decimal = true;
      // "6.5,000": a decimal with thousands groups after it, as machine
      // translation writes "6.5 thousand".
      while (P(j, ',') && Glued(j) && Num(j + 1) && Glued(j + 1) &&
             t_[j + 1].text.size() == 3) {
        v = v * 1000 + DigitsValue(t_[j + 1].text);
        j += 2;
      }
    }
    // Decimal comma before a multiplier: "1,5 million".
    if (!grouped && !decimal && P(j, ',') && Glued(j) && Num(j + 1) &&
        Glued(j + 1) && t_[j + 1].text.size() <= 2 && j + 2 < t_.size() &&
        Multiplier(t_[j + 2].lex)) {
      v += Fraction(t_[j + 1].text);
      j += 2;
      decimal = true;
    }
    b->raw = v;
    b->year_like =
        !grouped && !decimal && first.size() == 4 && v >= 1900 && v <= 2099;
    if (j < t_.size() &&
        (Multiplier(t_[j].lex) || t_[j].lex == Lex::kHundred)) {
      b->mult = t_[j].value;
      v *= b->mult;
      b->has_mult = true;
      b->year_like = false;
      ++j;
    } else if (j < t_.size() && Glued(j) && t_[j].kind == Tok::kWord &&
               (t_[j].text == "k" || t_[j].text == "K")) {
      b->mult = 1000;
      v *= 1000;
      b->has_mult = true;
      b->year_like = false;
      ++j;
    }
    v = std::round(v * 1e6) / 1e6;
    b->low = b->high = v;
    b->last = j - 1;
    return true;
  }

  // An exact count in words at i: "three", "twenty-five", "a hundred",
  // "two hundred and ten", "two dozen", "1.5 million" is Digits.
  bool Words(size_t i, Base* b) const {
    if (i >= t_.size()) return false;
    double total = 0, cur = 0;
    bool any = false;
    size_t j = i, last = i;
    if (Lx(i, Lex::kA)) {
      Lex n = i + 1 < t_.size() ? t_[i + 1].lex : Lex::kOther;
      if (n != Lex::kHundred && !Multiplier(n) && n != Lex::kDozen)
        return false;
      cur = 1;
      any = true;
      j = i + 1;
    }
    while (j < t_.size()) {
      const Tok& t = t_[j];
      if (t.lex == Lex::kCardinal) {
        int tail = static_cast<int>(cur) % 100;
        if (any &&
            !(tail == 0 || (tail >= 20 && tail % 10 == 0 && t.value < 10)))
          break;
        cur += t.value;
        any = true;
        last = j++;
      } else if (t.lex == Lex::kTens) {
        if (any && static_cast<int>(cur) % 100 != 0) break;
        cur += t.value;
        any = true;
        last = j++;
        if (P(j, '-') && Glued(j) && Lx(j + 1, Lex::kCardinal) &&
            t_[j + 1].value < 10 && Glued(j + 1)) {
          cur += t_[j + 1].value;
          last = j + 1;
          j += 2;
        }
      } else if (t.lex == Lex::kHundred) {
        if (!any) break;
        cur = (cur == 0 ? 1 : cur) * 100;
        last = j++;
      } else if (Multiplier(t.lex)) {
        if (!any) break;
        total += (cur == 0 ? 1 : cur) * t.value;
        cur = 0;
        last = j++;
      } else if (t.lex == Lex::kDozen) {
        if (!any) break;
        cur *= 12;
        last = j++;
      } else if (t.lex == Lex::kAnd && any && (total > 0 || cur >= 100) &&
                 (Lx(j + 1, Lex::kCardinal) || Lx(j + 1, Lex::kTens))) {
        ++j;
      } else {
        break;
      }
    }
    if (!any) return false;
    b->low = b->high = b->raw = total + cur;
    b->last = last;
    return true;
  }

  // A vague count: "dozens", "hundreds of thousands", "several hundred",
  // "a few", "scores of".
  bool Vague(size_t i, Base* b) const {
    if (i >= t_.size()) return false;
    size_t j = i;
    if (Lx(j, Lex::kA) && (Lx(j + 1, Lex::kFew) || Lx(j + 1, Lex::kCouple) ||
                           Lx(j + 1, Lex::kHandful)))
      ++j;
    const Tok& t = t_[j];
    double lo, hi;
    switch (t.lex) {
      case Lex::kDozens:
      case Lex::kHundreds:
      case Lex::kThousands:
      case Lex::kMillions:
        lo = t.value;
        hi = t.value2;
        break;
      case Lex::kTensOf:
        if (!Lx(j + 1, Lex::kOf) ||
            !(Lx(j + 2, Lex::kThousands) || Lx(j + 2, Lex::kMillions)))
          return false;
        lo = 20;
        hi = 99;
        break;
      case Lex::kScores:
        if (!Lx(j + 1, Lex::kOf)) return false;
        lo = t.value;
        hi = t.value2;
        break;
      case Lex::kSeveral:
        lo = t.value;
        hi = t.value2;
        break;
      case Lex::kFew:
      case Lex::kCouple:
      case Lex::kHandful:
        if (j == i) return false;  // "few" alone means "not many"
        lo = t.value;
        hi = t.value2;
        break;
      default:
        return false;
    }
    size_t last = j;
    // "several hundred", "a few thousand", "several dozen".
    if ((t.lex == Lex::kSeveral || t.lex == Lex::kFew ||
         t.lex == Lex::kCouple || t.lex == Lex::kHandful) &&
        j + 1 < t_.size() &&
        (t_[j + 1].lex == Lex::kHundred || Multiplier(t_[j + 1].lex) ||
         t_[j + 1].lex == Lex::kDozen)) {
      lo *= t_[j + 1].value;
      hi *= t_[j + 1].value;
      last = j + 1;
    }
    // "hundreds of thousands", "tens of thousands", "dozens of millions".
    if ((t.lex == Lex::kDozens || t.lex == Lex::kHundreds ||
         t.lex == Lex::kTensOf) &&
        Lx(j + 1, Lex::kOf) &&
        (Lx(j + 2, Lex::kThousands) || Lx(j + 2, Lex::kMillions))) {
      double unit = Lx(j + 2, Lex::kThousands) ? 1000 : 1000000;
      lo *= unit;
      hi = hi * unit + (unit - 1);
      last = j + 2;
    }
    b->low = lo;
    b->high = hi;
    b->raw = lo;
    b->vague = true;
    b->last = last;
    return true;
  }

  bool Exact(size_t i, Base* b, size_t* skip) const {
    return Digits(i, b, skip) || Words(i, b);
  }
  bool Any(size_t i, Base* b, size_t* skip) const {
    return Exact(i, b, skip) || Vague(i, b);
  }

  // "25-30 thousand", "two or three", "10 to 15" after b.
  void Range(Base* b) const {
    if (b->vague) return;
    size_t k = b->last + 1;
    bool dash = P(k, '-');
    bool word = Lx(k, Lex::kTo) || (Lx(k, Lex::kOr) && !Lx(k + 1, Lex::kMore) &&
                                    !Lx(k + 1, Lex::kSo));
    if (!dash && !word) return;
    // "44-day": a dash glued to a word is not a range.
    Base b2;
    size_t skip = 0;
    if (!Exact(k + 1, &b2, &skip)) return;
    if (dash && b->year_like != b2.year_like) return;
    double lo = b->low;
    if (b2.has_mult && !b->has_mult && b->raw < b2.raw) lo = b->raw * b2.mult;
    if (b2.high < lo) return;
    b->low = lo;
    b->high = b2.high;
    b->year_like = b->year_like && b2.year_like;
    b->has_mult = b->has_mult || b2.has_mult;
    b->last = b2.last;
  }

  // Whether a count (or a hedge before one) can start at a token: most
  // tokens are ordinary words and are rejected here at once.
  static bool CanStart(const Tok& t) {
    if (t.kind == Tok::kNumber) return true;
    if (t.kind != Tok::kWord) return false;
    switch (t.lex) {
      case Lex::kCardinal:
      case Lex::kTens:
      case Lex::kA:
      case Lex::kDozens:
      case Lex::kHundreds:
      case Lex::kThousands:
      case Lex::kMillions:
      case Lex::kTensOf:
      case Lex::kScores:
      case Lex::kSeveral:
      case Lex::kAbout:
      case Lex::kSome:
      case Lex::kEstimated:
      case Lex::kNearly:
      case Lex::kClose:
      case Lex::kJust:
      case Lex::kMore:
      case Lex::kWell:
      case Lex::kUpwards:
      case Lex::kIn:
      case Lex::kOver:
      case Lex::kAbove:
      case Lex::kAt:
      case Lex::kNo:
      case Lex::kNot:
      case Lex::kUp:
      case Lex::kAs:
      case Lex::kLess:
      case Lex::kUnder:
      case Lex::kBetween:
        return true;
      default:
        return false;
    }
  }

  bool Match(size_t i, NumberSpan* s, size_t* skip) const {
    if (!CanStart(t_[i])) return false;
    // "no one" is nobody, not one.
    if (Lx(i, Lex::kNo) && Lx(i + 1, Lex::kCardinal) && t_[i + 1].value == 1) {
      *skip = i + 2;
      return false;
    }
    Hedge hedge = Hedge::kNone;
    size_t j = i;
    bool between = false;
    auto two = [&](Lex a, Lex b) { return Lx(j, a) && Lx(j + 1, b); };
    auto three = [&](Lex a, Lex b, Lex c) {
      return Lx(j, a) && Lx(j + 1, b) && Lx(j + 2, c);
    };
    if (Lx(j, Lex::kAbout) || Lx(j, Lex::kSome) || Lx(j, Lex::kEstimated)) {
      hedge = Hedge::kAbout, j += 1;
    } else if (two(Lex::kA, Lex::kEstimated)) {
      hedge = Hedge::kAbout, j += 2;
    } else if (Lx(j, Lex::kNearly)) {
      hedge = Hedge::kNearly, j += 1;
    } else if (two(Lex::kClose, Lex::kTo) || two(Lex::kJust, Lex::kUnder)) {
      hedge = Hedge::kNearly, j += 2;
    } else if (two(Lex::kMore, Lex::kThan) || two(Lex::kJust, Lex::kOver) ||
               two(Lex::kWell, Lex::kOver) || two(Lex::kWell, Lex::kAbove) ||
               two(Lex::kUpwards, Lex::kOf)) {
      hedge = Hedge::kMore, j += 2;
    } else if (three(Lex::kIn, Lex::kExcess, Lex::kOf)) {
      hedge = Hedge::kMore, j += 3;
    } else if (Lx(j, Lex::kOver) || Lx(j, Lex::kAbove)) {
      hedge = Hedge::kMore, j += 1;
    } else if (two(Lex::kAt, Lex::kLeast)) {
      hedge = Hedge::kAtLeast, j += 2;
    } else if (three(Lex::kNo, Lex::kLess, Lex::kThan) ||
               three(Lex::kNot, Lex::kLess, Lex::kThan)) {
      hedge = Hedge::kAtLeast, j += 3;
    } else if (two(Lex::kAt, Lex::kMost) || two(Lex::kUp, Lex::kTo)) {
      hedge = Hedge::kUpTo, j += 2;
    } else if (three(Lex::kNo, Lex::kMore, Lex::kThan) ||
               three(Lex::kNot, Lex::kMore, Lex::kThan) ||
               three(Lex::kAs, Lex::kMany, Lex::kAs)) {
      hedge = Hedge::kUpTo, j += 3;
    } else if (two(Lex::kLess, Lex::kThan)) {
      hedge = Hedge::kLess, j += 2;
    } else if (Lx(j, Lex::kUnder)) {
      hedge = Hedge::kLess, j += 1;
    } else if (Lx(j, Lex::kBetween)) {
      between = true, j += 1;
    }
    Base b;
    size_t start = i;  // first token of the mention
    size_t inner_skip = j;
    if (j == i || !Any(j, &b, &inner_skip)) {
      // No hedge, or a hedge word not followed by a count: a plain count.
      hedge = Hedge::kNone;
      between = false;
      j = i;
      size_t own_skip = i;
      if (!Any(i, &b, &own_skip)) {
        *skip = own_skip;
        return false;
      }
    }
    bool approx = b.vague || hedge != Hedge::kNone;
    if (between) {
      Base b2;
      size_t s2 = 0;
      if (!b.vague && Lx(b.last + 1, Lex::kAnd) &&
          Exact(b.last + 2, &b2, &s2) && b2.high >= b.low) {
        if (b2.has_mult && !b.has_mult && b.raw < b2.raw)
          b.low = b.raw * b2.mult;
        b.high = b2.high;
        b.last = b2.last;
        b.year_like = false;
      } else {
        // "between" that is no range: the count alone, from its own start.
        start = j;
      }
    } else {
      Range(&b);
    }
    bool range = b.low != b.high && !b.vague;
    // Suffix hedges: "or more", "or so", "-odd", "plus", "+".
    size_t k = b.last + 1;
    if (hedge == Hedge::kNone && Lx(k, Lex::kOr) && Lx(k + 1, Lex::kMore)) {
      hedge = Hedge::kAtLeast, b.last = k + 1, approx = true;
    } else if (hedge == Hedge::kNone && Lx(k, Lex::kOr) &&
               Lx(k + 1, Lex::kSo)) {
      hedge = Hedge::kAbout, b.last = k + 1, approx = true;
    } else if (hedge == Hedge::kNone && P(k, '-') && Glued(k) &&
               Lx(k + 1, Lex::kOdd)) {
      hedge = Hedge::kAbout, b.last = k + 1, approx = true;
    } else if (hedge == Hedge::kNone &&
               (Lx(k, Lex::kPlus) || (P(k, '+') && Glued(k)))) {
      hedge = Hedge::kAtLeast, b.last = k, approx = true;
    }
    double lo = b.low, hi = b.high;
    switch (hedge) {
      case Hedge::kNone:
        break;
      case Hedge::kAbout:
        lo = Floor(lo * 0.9);
        hi = Ceil(hi * 1.1);
        break;
      case Hedge::kNearly:
        lo = Floor(lo * 0.9);
        break;
      case Hedge::kMore:
        lo = (range || b.vague) ? lo : (lo == std::floor(lo) ? lo + 1 : lo);
        hi = kUnbounded;
        break;
      case Hedge::kAtLeast:
        hi = kUnbounded;
        break;
      case Hedge::kUpTo:
        if (!range) lo = 0;
        break;
      case Hedge::kLess:
        hi = std::max(0.0, (range ? lo : hi) - 1);
        lo = 0;
        break;
    }
    s->first = start;
    s->last = b.last;
    s->m.begin = t_[start].begin;
    s->m.end = t_[b.last].end;
    s->m.low = lo;
    s->m.high = hi;
    s->m.approximate = approx;
    s->year_like = b.year_like && hedge == Hedge::kNone;
    s->hedged = approx;
    return true;
  }

  const std::vector<Tok>& t_;
};

}  // namespace

std::vector<NumberSpan> ScanNumbers(const std::vector<Tok>& toks) {
  return NumberScanner(toks).Run();
}

}  // namespace numbers_internal

std::vector<NumberMention> FindNumbers(std::string_view text) {
  std::vector<NumberMention> out;
  if (text.size() > UINT32_MAX) return out;
  for (const numbers_internal::NumberSpan& s :
       numbers_internal::ScanNumbers(numbers_internal::Tokenize(text)))
    out.push_back(s.m);
  return out;
}

}  // namespace ceasewatch
