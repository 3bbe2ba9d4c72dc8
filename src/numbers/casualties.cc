#include "numbers/casualties.h"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

#include "dates/date_scanner.h"
#include "numbers/lexicon.h"
#include "numbers/number_scan.h"
#include "util/ascii.h"

namespace ceasewatch {
namespace {

using numbers_internal::Lex;
using numbers_internal::LooksLikeDemonym;
using numbers_internal::NumberSpan;
using numbers_internal::Tok;

constexpr size_t kNone = std::numeric_limits<size_t>::max();
// How far the verb may follow the subject's last noun ("a civilian working
// at a construction site were killed").
constexpr size_t kMaxGap = 6;
// How far back a subject may start before its verb.
constexpr int kMaxSubject = 30;

// One counted group: a count and, when named, who.
struct Group {
  double low = 0, high = 0;
  bool approx = false;
  bool year_like = false;
  bool needs_noun = false;     // "a", "no": only a count with a noun after
  bool singular = false;       // "the", "another": only before a singular noun
  size_t first = 0, last = 0;  // the count's tokens
  size_t end = 0;              // the group's last token
  std::string who;
};

class Finder {
 public:
  Finder(std::string_view text, const std::vector<TextSegment>& segments)
      : text_(text), t_(numbers_internal::Tokenize(text, segments)) {
    nums_ = numbers_internal::ScanNumbers(t_);
    const size_t n = t_.size();
    num_first_.assign(n, -1);
    num_cover_.assign(n, -1);
    for (size_t k = 0; k < nums_.size(); ++k) {
      num_first_[nums_[k].first] = static_cast<int>(k);
      for (size_t q = nums_[k].first; q <= nums_[k].last; ++q)
        num_cover_[q] = static_cast<int>(k);
    }
    // Sentences: a line break or . ! ? (not inside a number) ends one.
    sent_.resize(n);
    uint32_t id = 0;
    bool new_next = false;
    for (size_t k = 0; k < n; ++k) {
      if (k > 0 && (t_[k].line_start || new_next)) {
        sent_end_.push_back(k - 1);
        ++id;
      }
      if (k == 0 || sent_begin_.size() == id) sent_begin_.push_back(k);
      sent_[k] = id;
      const Tok& x = t_[k];
      new_next = x.kind == Tok::kPunct &&
                 (x.punct == '.' || x.punct == '!' || x.punct == '?') &&
                 num_cover_[k] < 0;
    }
    if (n) sent_end_.push_back(n - 1);
  }

  // The counts of the text, as FindNumbers gives them.
  const std::vector<NumberSpan>& numbers() const { return nums_; }

  std::vector<CasualtyMention> Run() {
    for (size_t v = 0; v < t_.size(); ++v) {
      switch (t_[v].lex) {
        case Lex::kKilled:
          Participle(v, CasualtyMention::kKilled);
          break;
        case Lex::kWounded:
          Participle(v, CasualtyMention::kInjured);
          break;
        case Lex::kCaptured:
          Participle(v, CasualtyMention::kCaptured);
          break;
        case Lex::kMartyred:
          Backward(v, v, CasualtyMention::kKilled, false);
          break;
        case Lex::kKill:
          Forward(v, v + 1, CasualtyMention::kKilled, false);
          break;
        case Lex::kWounding:
          Forward(v, v + 1, CasualtyMention::kInjured, false);
          break;
        case Lex::kCapturing:
          Forward(v, v + 1, CasualtyMention::kCaptured, false);
          break;
        case Lex::kDied:
          Backward(v, v, CasualtyMention::kKilled, true);
          break;
        case Lex::kLost:
          if (Word(v + 1, "their") && Lx(v + 2, Lex::kLives)) {
            Backward(v, v + 2, CasualtyMention::kKilled, true);
          } else if (Lx(v + 1, Lex::kLives)) {
            Backward(v, v + 1, CasualtyMention::kKilled, true);
          } else {
            Forward(v, v + 1, CasualtyMention::kKilled, true);
          }
          break;
        case Lex::kLives:
          // "claimed the lives of N"
          if (v >= 2 && Lx(v - 1, Lex::kThe) && Lx(v - 2, Lex::kClaimed) &&
              Lx(v + 1, Lex::kOf))
            Forward(v - 2, v + 2, CasualtyMention::kKilled, false);
          break;
        case Lex::kMissing:
          Backward(v, v, CasualtyMention::kMissing, false);
          break;
        case Lex::kTaken:
          if (Lx(v + 1, Lex::kPrisoner))
            Backward(v, v + 1, CasualtyMention::kCaptured, false);
          break;
        case Lex::kDead:
        case Lex::kDeaths:
        case Lex::kMartyrs:
          if (!Zero(v, CasualtyMention::kKilled, false))
            Nominal(v, CasualtyMention::kKilled);
          break;
        case Lex::kInjuries:
          if (!Zero(v, CasualtyMention::kInjured, false))
            Nominal(v, CasualtyMention::kInjured);
          break;
        case Lex::kCasualties:
          if (!Zero(v, CasualtyMention::kKilled, true))
            Nominal(v, CasualtyMention::kCasualties);
          break;
        case Lex::kLosses:
          if (!Zero(v, CasualtyMention::kKilled, true)) Losses(v);
          break;
        case Lex::kToll:
          if (v > 0 && Lx(v - 1, Lex::kDeath)) Toll(v);
          break;
        default:
          break;
      }
    }
    Finish();
    return std::move(out_);
  }

 private:
  // --- token predicates ----------------------------------------------------
  bool Lx(size_t i, Lex l) const { return i < t_.size() && t_[i].lex == l; }
  bool P(size_t i, char c) const {
    return i < t_.size() && t_[i].kind == Tok::kPunct && t_[i].punct == c;
  }
  bool Word(size_t i, std::string_view w) const {
    return i < t_.size() && t_[i].kind == Tok::kWord &&
           EqualsIgnoreCase(t_[i].text, w);
  }
  bool Demonym(size_t i) const {
    return i < t_.size() && t_[i].lex == Lex::kOther && LooksLikeDemonym(t_[i]);
  }
  bool SameSentence(size_t a, size_t b) const {
    return a < t_.size() && b < t_.size() && sent_[a] == sent_[b];
  }
  // A word that ends a subject when read backwards from its verb.
  static bool ClauseWord(Lex l) {
    switch (l) {
      case Lex::kRelative:
      case Lex::kBoundary:
      case Lex::kKilled:
      case Lex::kKill:
      case Lex::kDied:
      case Lex::kDead:
      case Lex::kDeath:
      case Lex::kDeaths:
      case Lex::kWounded:
      case Lex::kWounding:
      case Lex::kMissing:
      case Lex::kCaptured:
      case Lex::kCapturing:
      case Lex::kMartyred:
      case Lex::kLost:
      case Lex::kBe:
      case Lex::kHave:
      case Lex::kTaken:
      case Lex::kLeft:
        return true;
      default:
        return false;
    }
  }
  // A capitalised month name: "12 September" is a date, not a count.
  bool MonthWord(size_t i) const {
    return i < t_.size() && t_[i].kind == Tok::kWord && t_[i].cap &&
           MonthFromName(t_[i].text) > 0;
  }

  // --- counts and nouns ----------------------------------------------------
  // A count starting at p and ending at or before `limit`.
  bool CountAt(size_t p, size_t limit, Group* g) const {
    if (p >= t_.size() || p > limit) return false;
    *g = Group();
    g->first = p;
    if (num_first_[p] >= 0) {
      const NumberSpan& ns = nums_[num_first_[p]];
      if (ns.last > limit) return false;
      g->low = ns.m.low;
      g->high = ns.m.high;
      g->approx = ns.m.approximate;
      g->year_like = ns.year_like;
      g->last = g->end = ns.last;
      return true;
    }
    const Tok& x = t_[p];
    if (x.lex == Lex::kNo && Lx(p + 1, Lex::kCardinal) &&
        t_[p + 1].value == 1 && p + 1 <= limit) {  // "no one"
      g->last = g->end = p + 1;
      g->who = "people";
      return true;
    }
    if (x.lex == Lex::kNobody) {
      g->last = g->end = p;
      g->who = "people";
      return true;
    }
    if (x.lex == Lex::kNo) {
      g->last = g->end = p;
      g->needs_noun = true;
      return true;
    }
    if (x.lex == Lex::kA || x.lex == Lex::kThe || x.lex == Lex::kAnother) {
      g->low = g->high = 1;
      g->last = g->end = p;
      g->needs_noun = true;
      g->singular = x.lex != Lex::kA;  // "the soldier", not "the soldiers"
      return true;
    }
    return false;
  }
  // A person noun in the singular: its plural differs from it.
  bool Singular(size_t q) const {
    const Tok& x = t_[q];
    return x.lex == Lex::kWho && !EqualsIgnoreCase(x.text, x.canon) &&
           !EqualsIgnoreCase(x.text, "police");
  }

  // The noun a count counts, within a few modifiers after it ("seven
  // Azerbaijani policemen", "one of the soldiers"). Sets g->who, g->end.
  bool NounAfter(size_t k, size_t limit, Group* g) const {
    int mods = 0;
    // "2000 soldiers" is a count, "In 2020 the soldier" is not.
    const int max_mods = g->year_like ? 0 : g->needs_noun ? 2 : 4;
    for (size_t q = k; q <= limit && q < t_.size(); ++q) {
      const Tok& x = t_[q];
      if (x.lex == Lex::kWho) {
        if (g->singular && !Singular(q)) return false;
        g->who = x.canon;
        // "police officers", "border guards": the head is the last noun
        if (q + 1 <= limit && Lx(q + 1, Lex::kWho)) {
          if (g->who != "policemen") g->who = t_[q + 1].canon;
          ++q;
        }
        g->end = q;
        return true;
      }
      if (Demonym(q)) {
        if (g->singular) return false;
        g->who = std::string(x.text);
        g->end = q;
        return true;
      }
      if (x.kind == Tok::kPunct && x.punct == '-') continue;
      if (x.kind != Tok::kWord || mods >= max_mods) return false;
      if (x.lex != Lex::kOther && x.lex != Lex::kOf && x.lex != Lex::kThe &&
          x.lex != Lex::kAnother)
        return false;
      ++mods;
    }
    return false;
  }

  // Where the subject ending at e starts, reading back.
  size_t ClauseStart(size_t e) const {
    size_t s = e;
    int steps = 0;
    while (s > 0 && steps < kMaxSubject) {
      size_t k = s - 1;
      if (!SameSentence(k, e)) break;
      if (num_cover_[k] >= 0) {
        s = nums_[num_cover_[k]].first;
        ++steps;
        continue;
      }
      const Tok& x = t_[k];
      if (x.kind == Tok::kPunct) {
        if (x.punct == '-' || x.punct == '\'') {
          s = k;
          ++steps;
          continue;
        }
        // A list comma: "seven policemen, two soldiers and a civilian",
        // "five people, including two children".
        if (x.punct == ',' && k > 0 && EndsGroup(k - 1) &&
            (StartsCount(s) || Lx(s, Lex::kIncluding) || Lx(s, Lex::kAmong))) {
          s = k;
          ++steps;
          continue;
        }
        break;
      }
      if (ClauseWord(x.lex)) break;
      s = k;
      ++steps;
    }
    return s;
  }
  bool StartsCount(size_t s) const {
    return num_first_[s] >= 0 || Lx(s, Lex::kA) || Lx(s, Lex::kNo) ||
           Lx(s, Lex::kNobody) || Lx(s, Lex::kThe) || Lx(s, Lex::kAnother);
  }
  bool EndsGroup(size_t k) const {
    return Lx(k, Lex::kWho) || Demonym(k) || num_cover_[k] >= 0;
  }

  enum class Conn { kBreak, kSum, kSubset };
  // What joins two groups: the tokens strictly between them.
  Conn Connector(size_t a, size_t b) const {
    if (a > b) return Conn::kBreak;
    size_t len = b - a + 1;
    size_t k = a;
    if (P(k, ',') && len > 1) ++k, --len;
    if (len == 1 && P(k, ',')) return Conn::kSum;
    if (len == 1 && (Lx(k, Lex::kAnd) || Lx(k, Lex::kPlus))) return Conn::kSum;
    if (len == 3 && Lx(k, Lex::kAs) && Word(k + 1, "well") &&
        Lx(k + 2, Lex::kAs))
      return Conn::kSum;
    if (len == 1 && Lx(k, Lex::kIncluding)) return Conn::kSubset;
    if (len == 2 && Lx(k, Lex::kAmong) && Word(k + 1, "them"))
      return Conn::kSubset;
    if (len == 2 && Lx(k, Lex::kOf) && Word(k + 1, "whom"))
      return Conn::kSubset;
    return Conn::kBreak;
  }

  // The counted groups of the subject that ends at token e, summed over
  // "and" and list commas; the last must end within `gap` tokens of e.
  bool Subject(size_t e, size_t gap, std::vector<Group>* chain) const {
    size_t s = ClauseStart(e);
    std::vector<Group> groups;
    size_t p = s;
    while (p <= e) {
      Group g;
      if (CountAt(p, e, &g)) {
        if (NounAfter(g.last + 1, e, &g) ||
            (!g.needs_noun && !g.year_like && g.last == e)) {
          if (!(g.needs_noun && g.who.empty())) {
            groups.push_back(g);
            p = g.end + 1;
            continue;
          }
        }
        p = g.last + 1;
        continue;
      }
      ++p;
    }
    if (groups.empty()) return false;
    const Group& last = groups.back();
    if (e - last.end > gap) return false;
    for (size_t q = last.end + 1; q <= e; ++q)
      if (num_cover_[q] >= 0) return false;
    size_t k = groups.size() - 1;
    size_t cut = groups.size();
    while (k > 0) {
      const Group& a = groups[k - 1];
      if (a.who.empty()) break;
      Conn c = Connector(a.end + 1, groups[k].first - 1);
      if (c == Conn::kBreak) break;
      if (c == Conn::kSubset) cut = k;
      --k;
    }
    chain->assign(groups.begin() + k, groups.begin() + cut);
    return !chain->empty();
  }

  // --- patterns ------------------------------------------------------------
  // killed / wounded / captured: passive after a form of "be", active after
  // "have", else active if a count follows, else "3 killed".
  void Participle(size_t v, CasualtyMention::Kind kind) {
    size_t j = v;
    bool be = false, have = false;
    while (j > 0) {
      Lex l = t_[j - 1].lex;
      if (l == Lex::kAdverb) {
        --j;
      } else if (l == Lex::kBe) {
        be = true;
        --j;
      } else if (l == Lex::kHave) {
        have = true;
        --j;
      } else {
        break;
      }
    }
    if (be) {
      Backward(v, v, kind, false);
    } else if (have) {
      Forward(v, v + 1, kind, false);
    } else if (!Forward(v, v + 1, kind, false)) {
      Backward(v, v, kind, false);
    }
  }

  // The count comes before the verb at v; the mention ends at `vend`.
  // `intransitive`: "died", "lost their lives" (no auxiliary needed for a
  // gap between the subject and the verb).
  bool Backward(size_t v, size_t vend, CasualtyMention::Kind kind,
                bool intransitive) {
    size_t j = v;
    bool aux = false;
    while (j > 0) {
      Lex l = t_[j - 1].lex;
      if (l == Lex::kAdverb || l == Lex::kNot) {
        --j;
      } else if (l == Lex::kBe || l == Lex::kHave ||
                 (l == Lex::kWent && kind == CasualtyMention::kMissing)) {
        aux = true;
        --j;
      } else {
        break;
      }
    }
    if (j == 0) return false;
    size_t e = j - 1;
    bool relative = false;
    if (Lx(e, Lex::kRelative) && (aux || intransitive)) {
      if (e == 0) return false;
      --e;  // "Azerbaijanis who went missing": the noun is right before
      relative = true;
    }
    if (P(e, ',')) {
      if (e == 0) return false;
      --e;  // "5 people, including 3 children, were killed"
    }
    if (!SameSentence(e, v)) return false;
    std::vector<Group> chain;
    const size_t gap = relative ? 0 : aux || intransitive ? kMaxGap : 0;
    if (!Subject(e, gap, &chain)) return false;
    Emit(kind, chain, chain.front().first, vend);
    return true;
  }

  // The count comes after the verb at v, from token `from`: "killed three
  // people", "wounded another 15", "lost 49 soldiers" (`need_noun`).
  bool Forward(size_t v, size_t from, CasualtyMention::Kind kind,
               bool need_noun) {
    size_t j = from;
    // "wounded another 15", "a further 3": the count follows.
    if (Lx(j, Lex::kA) && Lx(j + 1, Lex::kAnother) && j + 2 < t_.size() &&
        num_first_[j + 2] >= 0) {
      j += 2;
    } else if (Lx(j, Lex::kAnother) && j + 1 < t_.size() &&
               num_first_[j + 1] >= 0) {
      ++j;
    }
    if (!SameSentence(j, v)) return false;
    const size_t lim = sent_end_[sent_[v]];
    Group g;
    if (!CountAt(j, lim, &g) || Lx(g.first, Lex::kNo) ||
        Lx(g.first, Lex::kNobody))
      return false;
    if (!NounAfter(g.last + 1, std::min(lim, g.last + 5), &g)) {
      if (need_noun || g.needs_noun || g.year_like) return false;
      size_t q = g.last + 1;
      if (q <= lim && !CountMayEndBefore(q)) return false;
      g.end = g.last;
    }
    std::vector<Group> groups{g};
    // "killed three soldiers and two civilians"
    while (true) {
      size_t q = groups.back().end + 1;
      if (!(Lx(q, Lex::kAnd) || P(q, ','))) break;
      Group h;
      if (!CountAt(q + 1, lim, &h) ||
          !NounAfter(h.last + 1, std::min(lim, h.last + 5), &h))
        break;
      if (groups.back().who.empty()) break;
      groups.push_back(h);
    }
    Emit(kind, groups, v, groups.back().end);
    return true;
  }
  // After a count with no noun: may the clause go on with token q?
  bool CountMayEndBefore(size_t q) const {
    const Tok& x = t_[q];
    if (MonthWord(q)) return false;
    if (x.kind == Tok::kPunct)
      return x.punct != '%' && x.punct != '-' && x.punct != '/';
    switch (x.lex) {
      case Lex::kAnd:
      case Lex::kOr:
      case Lex::kPrep:
      case Lex::kIn:
      case Lex::kIncluding:
      case Lex::kAmong:
      case Lex::kBoundary:
      case Lex::kRelative:
      case Lex::kAs:
      case Lex::kAt:
        return true;
      default:
        return false;
    }
  }

  // "12 dead", "49 civilian deaths", "thousands of martyrs".
  bool Nominal(size_t v, CasualtyMention::Kind kind) {
    std::string who;
    size_t j = v;
    int mods = 0;
    while (j > 0 && mods < 3) {
      size_t k = j - 1;
      if (num_cover_[k] >= 0) break;
      const Tok& x = t_[k];
      if (x.lex == Lex::kWho) {
        if (who.empty()) who = x.canon;
      } else if (Demonym(k)) {
        if (who.empty()) who = std::string(x.text);
      } else if (x.kind == Tok::kPunct && x.punct == '-') {
        // "Azerbaijani-Armenian": no modifier counted
      } else if (x.kind != Tok::kWord ||
                 (x.lex != Lex::kOther && x.lex != Lex::kOf)) {
        return false;
      } else {
        ++mods;
      }
      j = k;
    }
    if (j == 0 || num_cover_[j - 1] < 0) return false;
    const NumberSpan& ns = nums_[num_cover_[j - 1]];
    if (ns.last != j - 1 || ns.year_like || !SameSentence(ns.first, v))
      return false;
    Group g;
    g.low = ns.m.low;
    g.high = ns.m.high;
    g.approx = ns.m.approximate;
    g.first = ns.first;
    g.last = g.end = ns.last;
    g.who = who;
    Emit(kind, {g}, ns.first, v);
    return true;
  }

  // "no casualties", "without suffering any losses", "did not suffer any
  // casualties": a zero. `both`: casualties and losses are zero killed and
  // zero injured.
  bool Zero(size_t v, CasualtyMention::Kind kind, bool both) {
    size_t lim = v >= 5 ? v - 5 : 0;
    for (size_t j = v; j > lim;) {
      --j;
      if (!SameSentence(j, v) || num_cover_[j] >= 0) return false;
      const Tok& x = t_[j];
      if (x.kind == Tok::kPunct) return false;
      if (x.lex == Lex::kNo || x.lex == Lex::kWithout || x.lex == Lex::kNot ||
          (x.lex == Lex::kCardinal && x.value == 0)) {
        Group g;
        g.first = j;
        g.last = g.end = j;
        Emit(kind, {g}, j, v);
        if (both) Emit(CasualtyMention::kInjured, {g}, j, v);
        return true;
      }
      // Between the negation and the noun only modifiers and lists: "no
      // property damage or civilian casualties", "without suffering any",
      // but not "did not say how many casualties".
      bool modifier =
          x.lex == Lex::kSuffering || x.lex == Lex::kWho || x.lex == Lex::kOr ||
          x.lex == Lex::kAnd || x.lex == Lex::kAnother ||
          x.lex == Lex::kInjuries || x.lex == Lex::kDeaths ||
          x.lex == Lex::kCasualties || x.lex == Lex::kLosses ||
          (x.lex == Lex::kOther && !EqualsIgnoreCase(x.text, "how") &&
           !EqualsIgnoreCase(x.text, "whether"));
      if (!modifier) return false;
    }
    return false;
  }

  // "losses: 49 soldiers", "losses of 49 servicemen".
  bool Losses(size_t v) {
    size_t j = v + 1;
    bool colon = P(j, ':');
    if (colon) ++j;
    for (int steps = 0; steps < 3 && j < t_.size() && num_first_[j] < 0;
         ++steps, ++j) {
      const Tok& x = t_[j];
      if (x.kind != Tok::kWord ||
          !(x.lex == Lex::kOf || x.lex == Lex::kTo || x.lex == Lex::kAt ||
            x.lex == Lex::kBe || Word(j, "amounted") || Word(j, "stood") ||
            Word(j, "reached") || Word(j, "totaled") || Word(j, "totalled")))
        return false;
    }
    if (!SameSentence(j, v)) return false;
    Group g;
    const size_t lim = sent_end_[sent_[v]];
    if (num_first_[j] < 0 || !CountAt(j, lim, &g) || g.year_like) return false;
    if (!NounAfter(g.last + 1, std::min(lim, g.last + 5), &g)) {
      if (!colon) return false;
      g.end = g.last;
    }
    Emit(CasualtyMention::kKilled, {g}, v, g.end);
    return true;
  }

  // "the death toll rose to 12".
  bool Toll(size_t v) {
    const size_t lim = sent_end_[sent_[v]];
    for (size_t j = v + 1; j <= lim && j <= v + 7; ++j) {
      if (num_first_[j] >= 0) {
        Group g;
        if (!CountAt(j, lim, &g) || g.year_like) return false;
        size_t q = g.last + 1;
        if (!NounAfter(q, std::min(lim, g.last + 5), &g)) {
          if (q <= lim && !CountMayEndBefore(q)) return false;
          g.end = g.last;
        }
        Emit(CasualtyMention::kKilled, {g}, v - 1, g.end);
        return true;
      }
      const Tok& x = t_[j];
      if (x.kind == Tok::kPunct && x.punct != ':') return false;
    }
    return false;
  }

  // --- output ----------------------------------------------------------------
  void Emit(CasualtyMention::Kind kind, const std::vector<Group>& groups,
            size_t first, size_t last) {
    CasualtyMention m;
    m.kind = kind;
    m.begin = t_[first].begin;
    m.end = t_[last].end;
    for (const Group& g : groups) {
      m.low += g.low;
      m.high += g.high;
      m.approximate = m.approximate || g.approx;
      m.groups.push_back({g.low, g.high, g.who});
      if (!g.who.empty()) {
        bool seen = false;
        for (const CasualtyGroup& h : m.groups)
          seen = seen || (&h != &m.groups.back() && h.who == g.who);
        if (!seen) {
          if (!m.who.empty()) m.who += ',';
          m.who += g.who;
        }
      }
    }
    out_.push_back(std::move(m));
    out_sent_.push_back(sent_[first]);
  }

  // Sorts, drops repeats, fills `who` from the mention before in the same
  // sentence, and marks totals over a period.
  void Finish() {
    std::vector<size_t> order(out_.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return out_[a].begin < out_[b].begin;
    });
    std::vector<CasualtyMention> sorted;
    std::vector<uint32_t> sents;
    // A repeat overlaps an earlier kept mention of its kind. Kept mentions
    // begin at or before it, so one of them overlaps it exactly when the
    // furthest end among them lies past its begin (for a non-empty span).
    std::map<int, uint32_t> furthest_end;
    for (size_t k : order) {
      const CasualtyMention& m = out_[k];
      bool dup = false;
      if (m.begin < m.end) {
        auto it = furthest_end.find(static_cast<int>(m.kind));
        dup = it != furthest_end.end() && it->second > m.begin;
      } else {
        for (const CasualtyMention& o : sorted)
          dup = dup || (o.kind == m.kind && o.begin < m.end && m.begin < o.end);
      }
      if (dup) continue;
      uint32_t& end = furthest_end[static_cast<int>(m.kind)];
      end = std::max(end, m.end);
      sorted.push_back(std::move(out_[k]));
      sents.push_back(out_sent_[k]);
    }
    for (size_t k = 1; k < sorted.size(); ++k) {
      CasualtyMention& m = sorted[k];
      if (!m.who.empty() || sents[k] != sents[k - 1] ||
          sorted[k - 1].who.empty())
        continue;
      m.who = sorted[k - 1].who;
      if (m.groups.size() == 1) m.groups[0].who = m.who;
    }
    // Period cues, once per sentence.
    uint32_t cached = std::numeric_limits<uint32_t>::max();
    std::string cue;
    for (size_t k = 0; k < sorted.size(); ++k) {
      if (sents[k] != cached) {
        cached = sents[k];
        cue = PeriodCue(sent_begin_[cached], sent_end_[cached]);
      }
      sorted[k].aggregate = !cue.empty();
      sorted[k].period_text = cue;
    }
    out_ = std::move(sorted);
  }

  bool WarPrep(size_t k) const {
    return Lx(k, Lex::kIn) || Word(k, "during") || Word(k, "throughout") ||
           Word(k, "following") || Word(k, "after");
  }

  // The phrase of sentence [b, e] that makes its counts totals, or "".
  std::string PeriodCue(size_t b, size_t e) const {
    for (size_t k = b; k <= e; ++k) {
      const Tok& x = t_[k];
      size_t end = kNone;
      if ((x.lex == Lex::kOver || x.lex == Lex::kIn || x.lex == Lex::kPrep) &&
          Lx(k + 1, Lex::kThe) && Lx(k + 2, Lex::kPast)) {
        size_t m = k + 3;
        if (num_first_[m] >= 0 && !nums_[num_first_[m]].year_like) {
          m = nums_[num_first_[m]].last + 1;
        } else if (Lx(m, Lex::kFew) || Lx(m, Lex::kSeveral)) {
          ++m;
        }
        if (m <= e && Lx(m, Lex::kUnit)) end = m;
      } else if (x.lex == Lex::kIn && Lx(k + 1, Lex::kPast) &&
                 Lx(k + 2, Lex::kUnit)) {
        end = k + 2;  // "in recent months"
      } else if (x.lex == Lex::kSince && k < e) {
        end = k + 1;
        while (end + 1 <= e && end + 1 - k <= 5 &&
               !(t_[end + 1].kind == Tok::kPunct && t_[end + 1].punct != '-') &&
               !ClauseWord(t_[end + 1].lex))
          ++end;
      } else if ((x.lex == Lex::kSo && Lx(k + 1, Lex::kFar)) ||
                 (x.lex == Lex::kTo && Lx(k + 1, Lex::kDate)) ||
                 (x.lex == Lex::kIn && Lx(k + 1, Lex::kTotal))) {
        end = k + 1;
      } else if (x.lex == Lex::kA && Lx(k + 1, Lex::kTotal) &&
                 Lx(k + 2, Lex::kOf)) {
        end = k + 2;
      } else if (x.lex == Lex::kAltogether) {
        end = k;
      } else if (WarPrep(k)) {
        size_t m = k + 1;
        if (Lx(m, Lex::kThe) || Lx(m, Lex::kA) || Word(m, "that") ||
            Word(m, "this"))
          ++m;
        for (int mods = 0; m <= e && mods < 4 && !Lx(m, Lex::kWar);
             ++mods, ++m) {
          const Tok& y = t_[m];
          bool ok = (y.kind == Tok::kWord &&
                     (y.lex == Lex::kOther || y.lex == Lex::kCardinal ||
                      y.lex == Lex::kTens || y.lex == Lex::kUnit)) ||
                    y.kind == Tok::kNumber ||
                    (y.kind == Tok::kPunct && y.punct == '-');
          if (!ok) break;
        }
        if (m <= e && Lx(m, Lex::kWar) && !Lx(m + 1, Lex::kPlace)) end = m;
      }
      if (end != kNone && end <= e)
        return std::string(
            text_.substr(t_[k].begin, t_[end].end - t_[k].begin));
    }
    return "";
  }

  std::string_view text_;
  std::vector<Tok> t_;
  std::vector<NumberSpan> nums_;
  std::vector<int> num_first_;  // token -> span starting there
  std::vector<int> num_cover_;  // token -> span covering it
  std::vector<uint32_t> sent_;  // token -> sentence
  std::vector<size_t> sent_begin_, sent_end_;
  std::vector<CasualtyMention> out_;
  std::vector<uint32_t> out_sent_;
};

}  // namespace

std::vector<CasualtyMention> FindCasualties(std::string_view text) {
  if (text.empty() || text.size() > UINT32_MAX) return {};
  return Finder(text, SegmentText(text)).Run();
}

void FindNumbersAndCasualties(std::string_view text,
                              std::vector<NumberMention>* numbers,
                              std::vector<CasualtyMention>* casualties) {
  numbers->clear();
  casualties->clear();
  // FindNumbers and FindCasualties both return nothing for these.
  if (text.empty() || text.size() > UINT32_MAX) return;
  FindNumbersAndCasualties(text, SegmentText(text), numbers, casualties);
}

void FindNumbersAndCasualties(std::string_view text,
                              const std::vector<TextSegment>& segments,
                              std::vector<NumberMention>* numbers,
                              std::vector<CasualtyMention>* casualties) {
  numbers->clear();
  casualties->clear();
  if (text.empty() || text.size() > UINT32_MAX) return;
  Finder finder(text, segments);
  numbers->reserve(finder.numbers().size());
  for (const numbers_internal::NumberSpan& s : finder.numbers())
    numbers->push_back(s.m);
  *casualties = finder.Run();
}

const char* CasualtyKindName(CasualtyMention::Kind kind) {
  switch (kind) {
    case CasualtyMention::kKilled:
      return "killed";
    case CasualtyMention::kInjured:
      return "injured";
    case CasualtyMention::kMissing:
      return "missing";
    case CasualtyMention::kCaptured:
      return "captured";
    case CasualtyMention::kCasualties:
      return "casualties";
  }
  return "?";
}

}  // namespace ceasewatch
