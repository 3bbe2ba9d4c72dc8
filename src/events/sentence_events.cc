#include "events/sentence_events.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>

#include "events/article_dates.h"
#include "util/ascii.h"
#include "util/geo.h"
#include "util/interval_index.h"

namespace ceasewatch {
namespace {

bool In(uint32_t pos, uint32_t begin, uint32_t end) {
  return pos >= begin && pos < end;
}

template <size_t N>
bool OneOf(std::string_view w, const std::string_view (&set)[N]) {
  // The first byte before the whole word: most words differ there, and
  // comparing it inline spares a memcmp call per entry.
  if (w.empty()) return false;
  for (std::string_view s : set)
    if (s.size() == w.size() && s[0] == w[0] && s == w) return true;
  return false;
}

// Words that make what follows them unreal: a plan, a condition, a demand,
// an ability, a prevention ("called on Baku to withdraw", "if it is not
// complied with", "must be withdrawn", "to prevent new hostilities").
constexpr std::string_view kModal[] = {"will",   "would", "should", "must",
                                       "could",  "might", "may",    "can",
                                       "cannot", "shall", "wont",   "wouldnt"};
constexpr std::string_view kIrrealis[] = {
    "if",          "unless",      "whether",    "lest",     "prevent",
    "prevents",    "preventing",  "avoid",      "threat",   "threatened",
    "threatens",   "threatening", "risk",       "demanded", "demands",
    "demand",      "urged",       "urges",      "ready",    "able",
    "unable",      "plan",        "plans",      "planned",  "intend",
    "intends",     "intention",   "attempts",   "attempt",  "possibility",
    "possible",    "expect",      "expects",    "expected", "hypothetical",
    "allegations", "alleged",     "accusations"};
constexpr std::string_view kNegation[] = {"not",     "no",  "never",  "n't",
                                          "without", "nor", "neither"};
// Verbs after which "to <cue>" is a deed ("began to dig").
constexpr std::string_view kAspect[] = {
    "began",      "begun",     "begin",    "begins",    "started",
    "start",      "starts",    "continue", "continued", "continues",
    "continuing", "resumed",   "went",     "subjected", "exposed",
    "gathered",   "assembled", "rallied",  "marched",   "took"};
// Words after which "to <verb>" is an aim, not a deed.
constexpr std::string_view kIntent[] = {
    "right",     "need",       "needed",    "needs",    "plan",
    "plans",     "planned",    "planning",  "decided",  "decide",
    "want",      "wants",      "wanted",    "able",     "ready",
    "going",     "order",      "ordered",   "asked",    "urged",
    "called",    "intends",    "intend",    "aim",      "aims",
    "try",       "tried",      "trying",    "attempt",  "attempts",
    "attempted", "threatened", "threatens", "promised", "expected",
    "obliged",   "obligated",  "supposed",  "required", "demanded",
    "refused",   "failed",     "chance",    "allowed",  "allowing",
    "order",     "agreed",     "willing",   "unable",   "appeal",
    "requested", "request",    "has",       "strength", "ability",
    "time",      "way",        "effort",    "efforts",  "opportunity",
    "decision",  "proposal",   "calls",     "call",     "have",
    "had",       "is",         "are",       "was",      "were"};
// Words that say "as written so far, this did not happen (yet)".
constexpr std::string_view kCivilianWords[] = {
    "civilian",   "civilians",   "resident",  "residents", "citizen",
    "citizens",   "villager",    "villagers", "woman",     "women",
    "man",        "men",         "child",     "children",  "worker",
    "workers",    "shepherd",    "shepherds", "farmer",    "farmers",
    "journalist", "journalists", "teacher",   "teachers",  "student",
    "students"};
// Speakers that point back to an earlier one.
constexpr std::string_view kAnaphoricSpeakers[] = {"it",
                                                   "he",
                                                   "she",
                                                   "they",
                                                   "the ministry",
                                                   "the agency",
                                                   "the department",
                                                   "the statement",
                                                   "the source",
                                                   "the office",
                                                   "the service",
                                                   "the military",
                                                   "the ministry said",
                                                   "the ministry's",
                                                   "the defence ministry",
                                                   "the defense ministry",
                                                   "the report",
                                                   "the press service",
                                                   "the military department"};

// ACLED's Protests and Riots.
bool IsDemonstration(const EventReport& r) {
  return r.acled_event_type == "Protests" || r.acled_event_type == "Riots";
}

const char* SideOrEmpty(const Actor& a) {
  switch (a.kind) {
    case ActorKind::kCivilians:
    case ActorKind::kProtesters:
    case ActorKind::kMedia:
      return "";
    default:
      return nullptr;  // the actor's own side
  }
}

std::string ActorSide(const Actor& a) {
  if (SideOrEmpty(a)) return "";
  return std::string(SideName(a.side));
}

// Word tokens of the whole text and the index helpers over them.
struct Tokens {
  std::string buffer;
  std::vector<WordToken> words;
  // First token at or after byte `pos`.
  uint32_t At(uint32_t pos) const {
    auto it = std::lower_bound(
        words.begin(), words.end(), pos,
        [](const WordToken& t, uint32_t p) { return t.begin < p; });
    return static_cast<uint32_t>(it - words.begin());
  }
};

struct Paragraph {
  uint32_t begin = 0;
  uint32_t end = 0;
};

std::vector<Paragraph> Paragraphs(std::string_view text) {
  std::vector<Paragraph> out;
  uint32_t at = 0;
  while (at <= text.size()) {
    size_t nl = text.find('\n', at);
    uint32_t end = nl == std::string_view::npos
                       ? static_cast<uint32_t>(text.size())
                       : static_cast<uint32_t>(nl);
    out.push_back({at, end});
    if (nl == std::string_view::npos) break;
    at = end + 1;
  }
  return out;
}

size_t ParagraphOf(const std::vector<Paragraph>& ps, uint32_t pos) {
  auto it = std::upper_bound(
      ps.begin(), ps.end(), pos,
      [](uint32_t p, const Paragraph& x) { return p < x.begin; });
  return it == ps.begin() ? 0 : static_cast<size_t>(it - ps.begin() - 1);
}

// Whether the words before the cue make it unreal. Looks back over at
// most six words within the cue's clause (to the last , ; : or the
// sentence start).
bool IsIrrealis(const ArticleContext& ctx, const Tokens& tok,
                const IntervalIndex<PlaceMention>& places,
                uint32_t sentence_first, uint32_t sentence_last,
                uint32_t cue_first, uint32_t cue_last, const EventCue& cue) {
  const bool future_ok = ctx.lexicon.types()[cue.type].future_ok;
  // A one-word cue before a noun it qualifies names a kind of thing, not
  // a deed: "firing range", "firing positions", "shelling point".
  static constexpr std::string_view kQualified[] = {
      "range",   "ranges", "line",  "lines",    "zone",      "zones",
      "point",   "points", "squad", "practice", "positions", "position",
      "station", "pin",    "test",  "tests"};
  if (cue_first == cue_last && cue_last + 1 < sentence_last &&
      tok.words[cue_first].lower.ends_with("ing") &&
      OneOf(tok.words[cue_last + 1].lower, kQualified))
    return true;
  // Nor is a cue word that names a force's kit: "riot police", "riot gear".
  static constexpr std::string_view kKit[] = {"police", "gear",   "squad",
                                              "squads", "shield", "shields"};
  if (cue_first == cue_last && cue_last + 1 < sentence_last &&
      OneOf(tok.words[cue_last + 1].lower, kKit))
    return true;
  // A modal right after a nominal cue: "shooting exercises will be held".
  if (!future_ok)
    for (uint32_t k = cue_last + 1; k < sentence_last && k <= cue_last + 3; ++k)
      if (OneOf(tok.words[k].lower, kModal)) return true;
  // A participle after "is"/"are" states a condition ("a contingent is
  // deployed along the line"); after a determiner it is an adjective ("the
  // liberated territories").
  std::string_view head = tok.words[cue_first].lower;
  bool participle =
      head.size() > 3 &&
      (head.ends_with("ed") || head.ends_with("wn") || head.ends_with("en"));
  if (participle && cue_first > sentence_first && cue_first == cue_last) {
    static constexpr std::string_view kStative[] = {"is", "are"};
    static constexpr std::string_view kDeterminer[] = {
        "the",  "a",    "an",  "its", "their", "these", "those",
        "this", "that", "our", "his", "her",   "newly"};
    std::string_view prev = tok.words[cue_first - 1].lower;
    if (OneOf(prev, kStative) || OneOf(prev, kDeterminer)) return true;
  }
  if (participle && cue_first == cue_last) {
    // "liberated Fuzuli region": an adjective before a name.
    uint32_t after = tok.words[cue_first].end;
    if (!places.StartingIn(after + 1, after + 2).empty()) return true;
  }
  uint32_t k = cue_first;
  int seen = 0;
  bool saw_had = false;
  while (k > sentence_first && seen < 6) {
    const WordToken& prev = tok.words[k - 1];
    const WordToken& next = tok.words[k];
    std::string_view gap = ctx.text.substr(prev.end, next.begin - prev.end);
    if (gap.find_first_of(",;:()") != std::string_view::npos) break;
    --k;
    ++seen;
    std::string_view w = prev.lower;
    if (!future_ok && OneOf(w, kModal)) return true;
    if (OneOf(w, kIrrealis)) return true;
    if (seen <= 2 && OneOf(w, kNegation)) return true;
    // "X, who had been arrested earlier": a relative past perfect recalls
    // what happened before the news, it does not report it.
    if (w == "had") saw_had = true;
    if ((w == "who" || w == "which") && saw_had) return true;
    // "<intent> to ... <cue>": an aim, not a deed ("the right to conduct
    // an operation", "needed to ratify", "called on Baku to withdraw").
    if (w == "to" && k > sentence_first &&
        OneOf(tok.words[k - 1].lower, kIntent))
      return true;
    // "to <cue>": the cue is an infinitive ("an appeal to withdraw its
    // troops"), unless an aspect verb up to three words before makes it a
    // deed ("began to dig", "gathered in Yerevan to demonstrate").
    if (w == "to" && seen == 1) {
      bool deed = false;
      for (uint32_t j = k; j > sentence_first && j + 3 > k && !deed; --j)
        deed = OneOf(tok.words[j - 1].lower, kAspect);
      if (!deed) return true;
    }
  }
  return false;
}

// The article's statements, by the extent of their content and of their
// speaker's words, and its mentions by where they lie; the per-sentence
// questions below look only at what lies near the sentence (a scan of the
// article's lists made huge articles quadratic).
struct ArticleIndex {
  explicit ArticleIndex(const TextAnnotation& a)
      : contents(a.quotes,
                 [](const Attribution& q) {
                   return Extent{q.content_begin, q.content_end};
                 }),
        speakers(
            a.quotes,
            [](const Attribution& q) {
              return Extent{q.speaker_begin, q.speaker_end};
            },
            [](const Attribution& q) {
              return q.speaker_begin < q.speaker_end;
            }),
        places(a.places,
               [](const PlaceMention& m) {
                 return Extent{static_cast<uint32_t>(m.begin),
                               static_cast<uint32_t>(m.end)};
               }),
        actors(a.actors,
               [](const ActorMention& m) {
                 return Extent{static_cast<uint32_t>(m.begin),
                               static_cast<uint32_t>(m.end)};
               }),
        casualties(a.casualties, [](const CasualtyMention& c) {
          return Extent{c.begin, c.end};
        }) {}

  IntervalIndex<Attribution> contents;
  IntervalIndex<Attribution> speakers;  // statements with a speaker
  IntervalIndex<PlaceMention> places;
  IntervalIndex<ActorMention> actors;
  IntervalIndex<CasualtyMention> casualties;
};

// The innermost attribution whose content holds `pos`.
const Attribution* ClaimOf(const ArticleIndex& x, uint32_t pos) {
  const Attribution* best = nullptr;
  x.contents.ForTouching(pos, pos, [&](const Attribution& q) {
    if (!In(pos, q.content_begin, q.content_end)) return;
    if (!best || q.content_end - q.content_begin <
                     best->content_end - best->content_begin)
      best = &q;
  });
  return best;
}

bool InSomeSpeaker(const ArticleIndex& x, uint32_t begin, uint32_t end) {
  bool found = false;
  x.speakers.ForTouching(begin, end, [&](const Attribution& q) {
    found |= begin >= q.speaker_begin && end <= q.speaker_end;
  });
  return found;
}

// Whether [begin, end) lies in a speaker's words that are no party to the
// event whose cue starts at `cue`: a speaker is a party when the cue comes
// between the speaker and what is said ("the police beat up the boy and
// informed his parents"), not when it is part of what is said.
bool InSpeakerNotParty(const ArticleIndex& x, uint32_t begin, uint32_t end,
                       uint32_t cue) {
  bool found = false;
  x.speakers.ForTouching(begin, end, [&](const Attribution& q) {
    found |= begin >= q.speaker_begin && end <= q.speaker_end &&
             !(cue >= q.speaker_end && cue < q.content_begin);
  });
  return found;
}

// The source of statement `q`, given the sources of the statements before
// it (`earlier`, in the order of annotation.quotes).
ClaimSource ResolveSpeaker(const ArticleContext& ctx, const ArticleIndex& x,
                           const Attribution& q,
                           const std::vector<ClaimSource>& earlier) {
  ClaimSource s;
  const TextAnnotation& a = ctx.annotation;
  if (q.speaker_begin == q.speaker_end) {
    s.name = "unattributed";
    s.kind = "media";
    return s;
  }
  for (const ActorMention* mp :
       x.actors.StartingIn(q.speaker_begin, q.speaker_end)) {
    const ActorMention& m = *mp;
    if (m.end <= q.speaker_end && m.actor) {
      s.name = m.actor->name;
      s.id = m.actor->id;
      s.side = ActorSide(*m.actor);
      s.kind = std::string(ActorKindName(m.actor->kind));
      if (s.side.empty()) s.kind = "media";
      return s;
    }
  }
  for (const PlaceMention* pp :
       x.places.StartingIn(q.speaker_begin, q.speaker_end)) {
    const PlaceMention& p = *pp;
    if (p.end <= q.speaker_end && p.best.place &&
        p.best.place->kind == PlaceKind::kCountry) {
      Side side;
      if (ParseSide(p.best.place->country, &side) && side != Side::kOther) {
        s.name = p.best.place->name;
        s.side = std::string(SideName(side));
        s.kind = "government";
        return s;
      }
    }
  }
  std::string words = AsciiLowercase(TrimAscii(q.speaker(ctx.text)));
  if (OneOf(std::string_view(words), kAnaphoricSpeakers) ||
      words.rfind("the ", 0) == 0) {
    // The latest resolved speaker before this statement.
    for (size_t i = earlier.size(); i-- > 0;)
      if (a.quotes[i].begin < q.begin && !earlier[i].side.empty())
        return earlier[i];
  }
  s.name = std::string(TrimAscii(q.speaker(ctx.text)));
  s.kind = "media";
  return s;
}

EventClaim MakeClaim(const ArticleContext& ctx, const Attribution& q,
                     const ClaimSource& src) {
  EventClaim c;
  c.source_name = src.name;
  c.source_id = src.id;
  c.source_side = src.side;
  c.source_kind = src.kind;
  c.stance = std::string(StanceName(q.stance));
  c.verb = q.verb;
  c.text = std::string(q.content(ctx.text));
  c.begin = q.begin;
  c.end = q.end;
  return c;
}

EventPlace MakePlace(const ArticleContext& ctx, const PlaceMention& m) {
  EventPlace p;
  const Place& pl = *m.best.place;
  p.place_id = pl.id;
  p.name = pl.name;
  p.mention = std::string(ctx.text.substr(m.begin, m.end - m.begin));
  p.lat = pl.lat;
  p.lon = pl.lon;
  p.country = pl.country;
  p.admin1 = pl.admin1;
  p.admin2 = pl.admin2;
  p.kind = std::string(PlaceKindName(pl.kind));
  p.geo_precision = m.geo_precision;
  p.begin = static_cast<uint32_t>(m.begin);
  p.end = static_cast<uint32_t>(m.end);
  return p;
}

// The report's actor for a mention of a pack actor (`m.actor` set); the
// role is the caller's to set.
EventActor MakeActor(const ArticleContext& ctx, const ActorMention& m) {
  EventActor act;
  act.actor_id = m.actor->id;
  act.name = m.actor->name;
  act.mention = std::string(ctx.text.substr(m.begin, m.end - m.begin));
  act.side = ActorSide(*m.actor);
  act.affiliation = std::string(SideName(m.actor->side));
  act.kind = std::string(ActorKindName(m.actor->kind));
  act.begin = static_cast<uint32_t>(m.begin);
  act.end = static_cast<uint32_t>(m.end);
  return act;
}

// An actor of `side` and `kind` that the article names elsewhere, so that
// "military forces of Azerbaijan" takes its id; null when it names none.
const Actor* MentionedActorBySideKind(const ArticleContext& ctx, Side side,
                                      ActorKind kind) {
  for (const ActorMention& m : ctx.annotation.actors)
    if (m.actor && m.actor->side == side && m.actor->kind == kind)
      return m.actor;
  return nullptr;
}

struct Candidate {
  int cue = -1;
  uint32_t cue_first = 0;
  uint32_t cue_last = 0;
};

class SentenceEventFinder {
 public:
  explicit SentenceEventFinder(const ArticleContext& ctx)
      : ctx_(ctx),
        a_(ctx.annotation),
        x_(ctx.annotation),
        paragraphs_(Paragraphs(ctx.text)) {
    TokenizeWords(ctx.text, tok_.buffer, tok_.words);
    dates_ = ctx.pack != nullptr
                 ? ArticleDates(ctx.text, ctx.published, a_.dates, &reference_,
                                ctx.pack->period_from, ctx.pack->period_to)
                 : ArticleDates(ctx.text, ctx.published, a_.dates, &reference_);
    date_index_ =
        IntervalIndex<DatedMention>(dates_, [](const DatedMention& d) {
          return Extent{d.begin, d.end};
        });
    MarkDatelines();
    MarkAgreementNames();
  }

  std::vector<EventReport> Run() {
    std::vector<EventReport> out;
    for (size_t si = 0; si < a_.sentences.size(); ++si) Sentence(si, out);
    ApplyModifiers(out);
    for (EventReport& r : out)
      if (IsDemonstration(r)) KeepDemonstrationParties(r);
    return out;
  }

 private:
  void MarkDatelines() {
    // A date that is a paragraph on its own (a forum post date, a page's
    // save date) dates the page, never an event.
    dateline_.assign(dates_.size(), false);
    for (size_t i = 0; i < dates_.size(); ++i) {
      const Paragraph& p =
          paragraphs_[ParagraphOf(paragraphs_, dates_[i].begin)];
      std::string_view before =
          ctx_.text.substr(p.begin, dates_[i].begin - p.begin);
      std::string_view after =
          ctx_.text.substr(dates_[i].end, p.end - dates_[i].end);
      auto only_chrome = [](std::string_view s) {
        int letters = 0;
        for (char c : s)
          if (IsAsciiAlpha(c)) ++letters;
        return letters <= 12 && s.find('.') == std::string_view::npos;
      };
      if (only_chrome(before) && only_chrome(after) && p.end - p.begin < 60)
        dateline_[i] = true;
    }
  }

  // "the November 10 agreement", "the 10 November statement": a date
  // before an agreement noun names the agreement; it dates only a report of
  // an agreement, not the other events of its sentence or paragraph.
  void MarkAgreementNames() {
    static constexpr std::string_view kAgreementNouns[] = {
        "agreement", "agreements", "statement", "declaration",
        "deal",      "accord",     "accords",   "truce",
        "ceasefire", "memorandum", "protocol",  "treaty"};
    agreement_name_.assign(dates_.size(), false);
    for (size_t i = 0; i < dates_.size(); ++i) {
      const uint32_t next = tok_.At(dates_[i].end);
      if (next >= tok_.words.size()) continue;
      std::string_view gap = ctx_.text.substr(
          dates_[i].end, tok_.words[next].begin - dates_[i].end);
      if (gap.find_first_not_of(" ") != std::string_view::npos) continue;
      agreement_name_[i] = OneOf(tok_.words[next].lower, kAgreementNouns);
    }
  }
  bool DatesOnlyAgreements(size_t date) const { return agreement_name_[date]; }

  // "peacekeepers, who were temporarily deployed there": a non-restrictive
  // relative clause (a comma, "who" or "which", an auxiliary and adverbs,
  // then the cue) in the passive or perfect describes its noun's standing
  // rather than reporting news. In the simple past ("protesters, who
  // blocked the road") it tells what they did, often the news itself.
  // Returns the token of "who"/"which", or kNoToken.
  uint32_t DescribingClause(uint32_t cue_first, uint32_t sentence_first) const {
    static constexpr std::string_view kBetween[] = {
        "were",    "was",          "is",         "are",      "been",
        "being",   "have",         "has",        "had",      "temporarily",
        "already", "previously",   "originally", "recently", "once",
        "also",    "subsequently", "then",       "first",    "later"};
    static constexpr std::string_view kAuxiliaries[] = {
        "were", "was", "is", "are", "been", "have", "has", "had"};
    uint32_t k = cue_first;
    bool auxiliary = false;
    for (int steps = 0; steps < 5 && k > sentence_first; ++steps) {
      const WordToken& w = tok_.words[k - 1];
      if (w.lower == "who" || w.lower == "which") {
        if (k - 1 == sentence_first || !auxiliary) return kNoToken;
        const WordToken& before = tok_.words[k - 2];
        std::string_view gap =
            ctx_.text.substr(before.end, w.begin - before.end);
        return gap.find(',') != std::string_view::npos ? k - 1 : kNoToken;
      }
      if (!OneOf(w.lower, kBetween)) return kNoToken;
      auxiliary |= OneOf(w.lower, kAuxiliaries);
      --k;
    }
    return kNoToken;
  }

  // "March 7", "7 March 2022": a capitalised month name next to a number
  // is a date even when the date could not be resolved (no year known).
  bool MonthName(uint32_t t) const {
    const WordToken& w = tok_.words[t];
    if (w.lower != "march" || ctx_.text[w.begin] != 'M') return false;
    auto number = [&](uint32_t k) {
      return k < tok_.words.size() && !tok_.words[k].lower.empty() &&
             IsAsciiDigit(tok_.words[k].lower[0]);
    };
    return number(t + 1) || (t > 0 && number(t - 1));
  }

  bool InDate(uint32_t pos) const {
    bool found = false;
    date_index_.ForTouching(pos, pos, [&](const DatedMention& d) {
      found |= In(pos, d.begin, d.end);
    });
    return found;
  }

  // Whether the name at [begin, end) is used as a place: a locative word
  // comes before it ("in Yerevan") or it opens a parenthesis ("(Yerevan,
  // Armenia)").
  bool UsedAsPlace(size_t begin) const {
    size_t k = begin;
    while (k > 0 && ctx_.text[k - 1] == ' ') --k;
    if (k > 0 && ctx_.text[k - 1] == '(') return true;
    uint32_t t = tok_.At(static_cast<uint32_t>(begin));
    static constexpr std::string_view kLocative[] = {
        "in",   "near", "at",      "around", "outside", "to",    "from",
        "into", "of",   "towards", "toward", "across",  "inside"};
    return t > 0 && OneOf(tok_.words[t - 1].lower, kLocative);
  }

  // A place named by the same words as an actor is the actor ("Yerevan
  // accused Baku"), unless it is used as a place ("in Yerevan").
  bool PlaceIsActor(const PlaceMention& m) const {
    const auto b = static_cast<uint32_t>(m.begin);
    for (const ActorMention* a : x_.actors.StartingIn(b, b + 1))
      if (a->end == m.end) return !UsedAsPlace(m.begin);
    return false;
  }

  // The converse: an actor named by a place's words is no party to an
  // event when the words are used as a place ("a protest in Yerevan").
  bool ActorIsPlace(const ActorMention& a) const {
    const auto b = static_cast<uint32_t>(a.begin);
    for (const PlaceMention* m : x_.places.StartingIn(b, b + 1))
      if (m->end == a.end) return UsedAsPlace(m->begin);
    return false;
  }

  void Sentence(size_t si, std::vector<EventReport>& out) {
    const Span& s = a_.sentences[si];
    std::string_view stext = ctx_.text.substr(s.begin, s.size());
    std::string_view trimmed = TrimAscii(stext);
    if (!trimmed.empty() && trimmed.back() == '?') return;
    for (const CasualtyMention* c : x_.casualties.StartingIn(s.begin, s.end))
      if (c->aggregate) return;
    uint32_t first = tok_.At(s.begin);
    uint32_t last = tok_.At(s.end);
    if (first >= last) return;
    matches_.clear();
    ctx_.lexicon.Match(tok_.words, first, last, matches_);
    // The strongest trigger of each group.
    std::vector<std::pair<std::string, Candidate>> best;
    for (const CueMatch& m : matches_) {
      const EventCue& cue = ctx_.lexicon.cues()[m.cue];
      if (!cue.applies_to.empty()) {
        modifiers_.push_back(m);
        continue;
      }
      uint32_t cue_begin = tok_.words[m.first].begin;
      if (InSomeSpeaker(x_, cue_begin, tok_.words[m.last].end)) continue;
      if (IsIrrealis(ctx_, tok_, x_.places, first, last, m.first, m.last, cue))
        continue;
      if (InDate(cue_begin) || MonthName(m.first)) continue;  // "On March 26"
      if (!cue.required.words.empty() || !cue.required.prefixes.empty()) {
        bool found = false;
        for (uint32_t k = first; k < last && !found; ++k)
          found = cue.required.Matches(tok_.words[k].lower);
        if (!found) continue;
      }
      if (!cue.excluded.words.empty() || !cue.excluded.prefixes.empty()) {
        bool found = false;
        for (uint32_t k = first; k < last && !found; ++k)
          found = cue.excluded.Matches(tok_.words[k].lower);
        if (found) continue;
      }
      const std::string& group = ctx_.lexicon.types()[cue.type].group;
      auto it = std::find_if(best.begin(), best.end(),
                             [&](const auto& b) { return b.first == group; });
      Candidate cand{m.cue, m.first, m.last};
      if (it == best.end())
        best.push_back({group, cand});
      else if (Outranks(cand, it->second, first))
        it->second = cand;
    }
    // A cue inside another group's longer cue is part of that phrase
    // ("a crowd attacked" is mob violence, not an armed attack).
    std::erase_if(best, [&](const auto& x) {
      return std::any_of(best.begin(), best.end(), [&](const auto& y) {
        const Candidate& a = x.second;
        const Candidate& b = y.second;
        return b.cue_first <= a.cue_first && b.cue_last >= a.cue_last &&
               b.cue_last - b.cue_first > a.cue_last - a.cue_first;
      });
    });
    std::sort(best.begin(), best.end(), [](const auto& x, const auto& y) {
      return x.second.cue_first < y.second.cue_first;
    });
    // Violence against protesters names its victims with the word that
    // would otherwise make a second, demonstration event ("attacked
    // protesters"): built first, it claims that word.
    std::stable_partition(best.begin(), best.end(), [&](const auto& x) {
      const EventTypeInfo& t =
          ctx_.lexicon.types()[ctx_.lexicon.cues()[x.second.cue].type];
      return t.acled_event_type != "Protests" && t.acled_event_type != "Riots";
    });
    victims_token_ = kNoToken;
    const size_t before = out.size();
    for (const auto& [group, c] : best) {
      if (victims_token_ >= c.cue_first && victims_token_ <= c.cue_last)
        continue;
      EventReport r;
      if (Build(si, c, r)) out.push_back(std::move(r));
    }
    // Back to text order, each report with its cue's priority.
    std::vector<size_t> order(out.size() - before);
    for (size_t i = 0; i < order.size(); ++i) order[i] = before + i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return out[x].cue_begin < out[y].cue_begin;
    });
    std::vector<EventReport> reports;
    std::vector<int> priorities;
    for (size_t i : order) {
      reports.push_back(std::move(out[i]));
      priorities.push_back(report_priority_[i]);
    }
    for (size_t i = 0; i < order.size(); ++i) {
      out[before + i] = std::move(reports[i]);
      report_priority_[before + i] = priorities[i];
    }
  }

  static constexpr uint32_t kNoToken = ~uint32_t{0};

  // The token of "had", "who" or "which" when the date at token `dt`
  // closes a past-perfect or relative stretch ("the group that had seized
  // a compound in July 2016", "members, who seized it in July 2016"): the
  // word comes before it in its clause (no , ; : ( between) within 12
  // words. kNoToken when not.
  uint32_t PastPerfectStart(uint32_t dt, uint32_t sentence_first) const {
    for (uint32_t k = dt; k > sentence_first && k + 12 > dt; --k) {
      const WordToken& prev = tok_.words[k - 1];
      std::string_view gap =
          ctx_.text.substr(prev.end, tok_.words[k].begin - prev.end);
      if (gap.find_first_of(",;:()") != std::string_view::npos) break;
      if (prev.lower == "had" || prev.lower == "who" || prev.lower == "which")
        return k - 1;
    }
    return kNoToken;
  }

  // Whether cue `a` beats cue `b` of the same group in one sentence: the
  // higher priority, except between two weapons, where the one named first
  // is the main one ("fired with small arms/sniper rifles/artillery" is a
  // clash) unless a word like "primarily" marks the other.
  bool Outranks(const Candidate& a, const Candidate& b,
                uint32_t sentence_first) const {
    const EventCue& ca = ctx_.lexicon.cues()[a.cue];
    const EventCue& cb = ctx_.lexicon.cues()[b.cue];
    if (ca.instrument && cb.instrument) {
      bool ea = Emphasized(a.cue_first, sentence_first);
      bool eb = Emphasized(b.cue_first, sentence_first);
      if (ea != eb) return ea;
      return a.cue_first < b.cue_first;
    }
    return ca.priority > cb.priority;
  }

  // "primarily heavy weapons", "mainly with mortars".
  bool Emphasized(uint32_t t, uint32_t sentence_first) const {
    static constexpr std::string_view kMain[] = {
        "primarily", "mainly", "mostly", "predominantly", "chiefly", "largely"};
    for (uint32_t k = t; k > sentence_first && k + 3 > t; --k)
      if (OneOf(tok_.words[k - 1].lower, kMain)) return true;
    return false;
  }

  bool Build(size_t si, const Candidate& c, EventReport& r) {
    target_decided_ = false;
    const Span& s = a_.sentences[si];
    const EventCue& cue = ctx_.lexicon.cues()[c.cue];
    const EventTypeInfo& type = ctx_.lexicon.types()[cue.type];
    r.type = type.name;
    r.acled_event_type = type.acled_event_type;
    r.acled_sub_event_type = cue.sub_event_type.empty()
                                 ? type.acled_sub_event_type
                                 : cue.sub_event_type;
    r.cue_begin = tok_.words[c.cue_first].begin;
    r.cue_end = tok_.words[c.cue_last].end;
    r.cue = std::string(ctx_.text.substr(r.cue_begin, r.cue_end - r.cue_begin));
    r.sentence_begin = s.begin;
    r.sentence_end = s.end;

    bool anchored = false;  // a date of the text, a place, a figure
    // Date: the sentence's date nearest before the cue, else after it;
    // else the paragraph's latest earlier date; else the publication day.
    // A date in a past-perfect stretch ("the group that had seized a
    // compound in July 2016") dates only the cues inside that stretch.
    const DatedMention* date = nullptr;
    const uint32_t sentence_first = tok_.At(s.begin);
    for (const DatedMention* dp : date_index_.StartingIn(s.begin, s.end)) {
      const DatedMention& d = *dp;
      const size_t i = static_cast<size_t>(dp - dates_.data());
      if (dateline_[i]) continue;
      if (DatesOnlyAgreements(i) && type.name != "agreement") continue;
      const uint32_t dt = tok_.At(d.begin);
      const uint32_t had = PastPerfectStart(dt, sentence_first);
      if (had != kNoToken) {
        if (had <= c.cue_first && c.cue_first < dt) {
          date = &d;
          break;
        }
        continue;
      }
      if (d.future && !type.future_ok) return false;  // not happened yet
      // A "since" window is how long a state has lasted, not when an
      // event happened: any other date of the sentence is preferred.
      bool since = d.rule.find("since") != std::string::npos;
      bool have_since = date && date->rule.find("since") != std::string::npos;
      if (!date || (have_since && !since) ||
          (d.begin <= r.cue_begin && (since == have_since)))
        date = &d;
    }
    if (date && Durative(*date)) return false;  // activity over a period
    if (date) {
      anchored = true;
      SetDate(r, *date, "text");
    } else {
      const Paragraph& p = paragraphs_[ParagraphOf(paragraphs_, s.begin)];
      for (const DatedMention* dp : date_index_.StartingIn(p.begin, s.begin)) {
        const size_t i = static_cast<size_t>(dp - dates_.data());
        if (!dateline_[i] && !dp->future && !DatesOnlyAgreements(i)) date = dp;
      }
      if (date) {
        SetDate(r, *date, "context");
      } else if (reference_.valid()) {
        CivilDay from = CivilDay::FromDays(reference_.ToDays() - 1);
        r.date = from.Iso();
        r.date_end = reference_.Iso();
        r.date_precision = "week";
        r.date_source = "published";
      }
    }
    // "the declaration signed by the presidents", "the pact signed on
    // February 22": an agreement named by its signing is history.
    if (ctx_.lexicon.types()[cue.type].future_ok && cue.slots.size() >= 3) {
      std::string_view verb = tok_.words[c.cue_last].lower;
      static constexpr std::string_view kFinite[] = {
          "was",  "were", "been", "is", "are", "be",   "has",
          "have", "had",  "they", "we", "it",  "will", "would"};
      bool finite = false;
      for (uint32_t k = c.cue_first + 1; k < c.cue_last; ++k)
        finite |= OneOf(tok_.words[k].lower, kFinite);
      if ((verb == "signed" || verb == "ratified") && !finite)
        r.background = true;
      // "after the signing of the statement": named, not reported.
      if (c.cue_first > 0 && tok_.words[c.cue_first - 1].lower == "the" &&
          tok_.words[c.cue_first].lower.ends_with("ing"))
        r.background = true;
    }
    // Undated by its own words, in a sentence that recalls history ("signed
    // a peace agreement to end the war"): history, not news.
    if (r.date_source != "text" &&
        ctx_.lexicon.HasHistoryPhrase(tok_.words, sentence_first,
                                      tok_.At(s.end)))
      r.background = true;
    // A describing clause is history unless it carries its own date
    // ("the village, which was shelled on Monday").
    if (const uint32_t who = DescribingClause(c.cue_first, sentence_first);
        who != kNoToken) {
      size_t clause_end = ctx_.text.find(',', r.cue_end);
      if (clause_end == std::string_view::npos || clause_end > s.end)
        clause_end = s.end;
      const bool dated_inside = r.date_source == "text" && date != nullptr &&
                                date->begin >= tok_.words[who].begin &&
                                date->begin < clause_end;
      if (!dated_inside) r.background = true;
    }
    if (!r.date_end.empty() && ctx_.published.valid()) {
      CivilDay end;
      if (CivilDay::ParseIso(r.date_end, &end) &&
          end.ToDays() < ctx_.published.ToDays() - ctx_.options.background_days)
        r.background = true;
      // Known only to the month or year, and over more than a week before
      // publication ("the last time was in August" in a mid-September
      // article): recalled, not reported. (A precise telling of the same
      // event in the article still makes it news: MergeArticleEvents.)
      if ((r.date_precision == "month" || r.date_precision == "year") &&
          end.valid() &&
          end.ToDays() < ctx_.published.ToDays() - kRecalledAfterDays)
        r.background = true;
    }

    // Places of the sentence (not in a speaker's words), best first.
    std::vector<const PlaceMention*> places;
    for (const PlaceMention* mp : x_.places.StartingIn(s.begin, s.end)) {
      const PlaceMention& m = *mp;
      if (!m.best.place) continue;
      if (InSpeakerNotParty(x_, m.begin, m.end, r.cue_begin) || PlaceIsActor(m))
        continue;
      places.push_back(&m);
    }
    bool fine = std::any_of(places.begin(), places.end(), [](auto* m) {
      return m->best.place->kind != PlaceKind::kCountry;
    });
    // A settlement, route, border, river or mountain, or a small zone:
    // somewhere an event can be placed, unlike "the liberated territories".
    bool specific = std::any_of(places.begin(), places.end(), [](auto* m) {
      const Place& pl = *m->best.place;
      if (pl.kind == PlaceKind::kZone) return pl.radius_km <= 15;
      return !IsAdminArea(pl.kind);
    });
    if (specific) anchored = true;
    if (fine) {
      std::erase_if(places, [](auto* m) {
        return m->best.place->kind == PlaceKind::kCountry;
      });
    }
    if (places.empty()) ContextPlaces(si, places);
    std::stable_sort(places.begin(), places.end(), [&](auto* x, auto* y) {
      if (x->geo_precision != y->geo_precision)
        return x->geo_precision < y->geo_precision;
      return false;
    });
    std::unordered_set<std::string> seen;
    for (const PlaceMention* m : places)
      if (seen.insert(m->best.place->id).second)
        r.places.push_back(MakePlace(ctx_, *m));

    // Actors taking part (not the speakers); after the cue they are acted
    // on, unless "by" introduces them.
    for (const ActorMention* mp : x_.actors.StartingIn(s.begin, s.end)) {
      const ActorMention& m = *mp;
      if (!m.actor) continue;
      if (InSpeakerNotParty(x_, m.begin, m.end, r.cue_begin) || ActorIsPlace(m))
        continue;
      EventActor act = MakeActor(ctx_, m);
      act.role = m.begin < r.cue_begin ? "actor1" : "actor2";
      uint32_t t = tok_.At(static_cast<uint32_t>(m.begin));
      if (t > 0 && tok_.words[t - 1].lower == "by" && m.begin > r.cue_begin)
        act.role = "actor1";
      AddActor(r, std::move(act));
    }
    ForcesOfCountry(s, r);
    if (IsDemonstration(r) || r.acled_sub_event_type == "Arrests" ||
        r.acled_sub_event_type == "Disrupted weapons use")
      PoliceOfPlace(s, r);
    if (r.acled_sub_event_type == "Arrests") ArrestingState(r);
    if (r.acled_event_type == "Battles" &&
        r.acled_sub_event_type == "Non-state actor overtakes territory" &&
        StateForceActs(r))
      r.acled_sub_event_type = "Government regains territory";

    // Casualties of the sentence.
    for (const CasualtyMention* cp : x_.casualties.StartingIn(s.begin, s.end)) {
      const CasualtyMention& c = *cp;
      if (c.aggregate) continue;
      CountRange* range = c.kind == CasualtyMention::kKilled    ? &r.fatalities
                          : c.kind == CasualtyMention::kInjured ? &r.injured
                                                                : nullptr;
      if (!range) continue;
      double high = std::isinf(c.high) ? -1 : c.high;
      if (!range->known) {
        *range = CountRange{true, c.low, high};
      } else {
        range->low += c.low;
        range->high = (range->high < 0 || high < 0) ? -1 : range->high + high;
      }
      anchored = true;
      if (r.type == "armed_clash") Victims(c.who);
    }
    RetypeCivilianTargets(r);

    // The claim: the statement the cue is part of, or the reporter.
    if (const Attribution* q = ClaimOf(x_, r.cue_begin)) {
      r.claims.push_back(MakeClaim(ctx_, *q, SpeakerOf(*q)));
      // Someone's statement is news even when it names no date or place.
      if (q->speaker_begin < q->speaker_end) anchored = true;
    } else {
      EventClaim c;
      c.source_name =
          ctx_.outlet.empty() ? "reporter" : std::string(ctx_.outlet);
      c.source_kind = "media";
      c.stance = "asserts";
      c.text = std::string(TrimAscii(ctx_.text.substr(s.begin, s.size())));
      c.begin = s.begin;
      c.end = s.end;
      r.claims.push_back(std::move(c));
    }
    if (!anchored) return false;
    // A sub-type its target decided is not a modifier's to change.
    report_priority_.push_back(target_decided_ ? kDecided : cue.priority);
    return true;
  }

  void SetDate(EventReport& r, const DatedMention& d, const char* source) {
    r.date = d.from.Iso();
    r.date_end = d.to.Iso();
    r.date_precision = PrecisionName(d.precision);
    r.date_source = source;
    r.date_text = std::string(ctx_.text.substr(d.begin, d.end - d.begin));
  }

  static constexpr int kRecalledAfterDays = 7;

  // "bombed all last week", "fired throughout the month": a week or more
  // of repeated activity is a summary over a period, not an incident (as a
  // casualty total over a period is not).
  bool Durative(const DatedMention& d) const {
    if (!d.from.valid() || !d.to.valid() || d.to.ToDays() - d.from.ToDays() < 6)
      return false;
    const uint32_t t = tok_.At(d.begin);
    if (t == 0 || t >= tok_.words.size()) return false;
    const std::string_view before = tok_.words[t - 1].lower;
    return before == "all" || before == "throughout";
  }

  // `q` points into a_.quotes.
  const ClaimSource& SpeakerOf(const Attribution& q) const {
    return ctx_.speakers[static_cast<size_t>(&q - a_.quotes.data())];
  }

  // Places for a sentence that names none: the nearest earlier sentence of
  // its paragraph that does, else the place the article names most.
  void ContextPlaces(size_t si, std::vector<const PlaceMention*>& out) {
    const Span& s = a_.sentences[si];
    const Paragraph& p = paragraphs_[ParagraphOf(paragraphs_, s.begin)];
    const PlaceMention* nearest = nullptr;
    for (const PlaceMention* m : x_.places.StartingIn(p.begin, s.begin))
      if (m->best.place && m->best.place->kind != PlaceKind::kCountry &&
          !InSomeSpeaker(x_, m->begin, m->end))
        nearest = m;
    if (nearest) {
      out.push_back(nearest);
      return;
    }
    if (const PlaceMention* f = FocusPlace()) out.push_back(f);
  }

  const PlaceMention* FocusPlace() {
    if (focus_done_) return focus_;
    focus_done_ = true;
    std::unordered_map<std::string, int> count;
    int best = 0;
    for (const PlaceMention& m : a_.places) {
      if (!m.best.place || m.best.place->kind == PlaceKind::kCountry) continue;
      int n = ++count[m.best.place->id];
      if (n > best) {
        best = n;
        focus_ = &m;
      }
    }
    return focus_;
  }

  static void AddActor(EventReport& r, EventActor act) {
    for (const EventActor& x : r.actors)
      if (x.actor_id == act.actor_id && x.role == act.role) return;
    r.actors.push_back(std::move(act));
  }

  // "military forces of Azerbaijan", "Police Forces of Armenia": a force
  // word before "of <country>" names that country's forces.
  void ForcesOfCountry(const Span& s, EventReport& r) {
    for (const PlaceMention* mp : x_.places.StartingIn(s.begin, s.end)) {
      const PlaceMention& m = *mp;
      if (!m.best.place || m.best.place->kind != PlaceKind::kCountry) continue;
      uint32_t t = tok_.At(static_cast<uint32_t>(m.begin));
      if (t < 2 || tok_.words[t - 1].lower != "of") continue;
      std::string_view noun = tok_.words[t - 2].lower;
      bool police =
          noun == "police" || (t >= 3 && tok_.words[t - 3].lower == "police");
      static constexpr std::string_view kForces[] = {
          "forces", "troops", "army",       "military", "police",
          "guards", "units",  "servicemen", "soldiers", "positions"};
      if (!OneOf(noun, kForces)) continue;
      Side side;
      if (!ParseSide(m.best.place->country, &side) || side == Side::kOther)
        continue;
      if (InSpeakerNotParty(x_, m.begin, m.end, r.cue_begin)) continue;
      EventActor act;
      const Actor* known = MentionedActorBySideKind(
          ctx_, side, police ? ActorKind::kPolice : ActorKind::kMilitary);
      act.actor_id = known ? known->id : "";
      act.name = known
                     ? known->name
                     : std::string(police ? "Police of " : "Armed forces of ") +
                           m.best.place->name;
      uint32_t begin = tok_.words[t - 2].begin;
      act.mention = std::string(ctx_.text.substr(begin, m.end - begin));
      act.side = std::string(SideName(side));
      act.affiliation = act.side;
      act.kind = police ? "police" : "military";
      act.begin = begin;
      act.end = static_cast<uint32_t>(m.end);
      act.role = begin < r.cue_begin ? "actor1" : "actor2";
      if (t >= 3 && tok_.words[t - 3].lower == "by") act.role = "actor1";
      AddActor(r, std::move(act));
    }
  }

  // A demonstration's parties are the crowd and the forces that act on it
  // (police dispersing it, troops facing it); a government, an official or
  // a parliament named in it is what the crowd addresses ("demanded the
  // resignation of the minister", "in front of the government building").
  // So is any actor named in what the crowd demands or opposes ("demanding
  // to withdraw the Russian base", "a protest against police violence").
  void KeepDemonstrationParties(EventReport& r) const {
    std::erase_if(r.actors, [&](const EventActor& a) {
      return !a.side.empty() &&
             (a.kind == "government" || a.kind == "person" ||
              a.kind == "international_body" || Addressed(a.begin));
    });
  }

  // Whether the words at byte `pos` are what someone demands or opposes:
  // "demand(ing)", "against", "urging", "calling" up to six words before,
  // in the same clause.
  bool Addressed(uint32_t pos) const {
    static constexpr std::string_view kAddress[] = {
        "demand", "demanded", "demanding", "demands", "against",
        "urging", "urged",    "calling",   "called",  "protesting"};
    uint32_t t = tok_.At(pos);
    for (uint32_t k = t; k > 0 && k + 7 > t; --k) {
      const WordToken& prev = tok_.words[k - 1];
      std::string_view gap =
          ctx_.text.substr(prev.end, tok_.words[k].begin - prev.end);
      if (gap.find_first_of(",;:()") != std::string_view::npos) return false;
      if (OneOf(prev.lower, kAddress)) return true;
    }
    return false;
  }

  // "police", "policemen", "law enforcement" named without a country are
  // the police of the country the event's place lies in: police act at
  // home. For events the police are a party to (demonstrations they
  // disperse, arrests, weapons they seize); not "military police", not
  // "the police station", not a police speaker.
  void PoliceOfPlace(const Span& s, EventReport& r) {
    Side side = Side::kOther;
    const EventPlace* where = nullptr;
    for (const EventPlace& p : r.places)
      if (ParseSide(p.country, &side) && side != Side::kOther) {
        where = &p;
        break;
      }
    if (!where) return;
    // The police the article names elsewhere, when of one side only, are
    // the ones meant (a de facto authority's police on land another
    // country claims).
    if (!police_side_) {
      Side named = Side::kOther;
      bool one = true;
      for (const ActorMention& m : a_.actors) {
        if (!m.actor || m.actor->kind != ActorKind::kPolice) continue;
        if (named != Side::kOther && named != m.actor->side) one = false;
        named = m.actor->side;
      }
      police_side_ = one ? named : Side::kOther;
    }
    if (*police_side_ != Side::kOther) side = *police_side_;
    uint32_t first = tok_.At(s.begin);
    uint32_t last = tok_.At(s.end);
    for (uint32_t k = first; k < last; ++k) {
      std::string_view w = tok_.words[k].lower;
      uint32_t end_tok = k;
      if (w == "law" && k + 1 < last &&
          tok_.words[k + 1].lower == "enforcement")
        end_tok = k + 1;
      else if (!(w == "police" || w == "policemen" || w == "policeman" ||
                 w == "policewomen" || w == "policewoman"))
        continue;
      if (k > first && tok_.words[k - 1].lower == "military") continue;
      static constexpr std::string_view kPlaceNoun[] = {
          "station",   "stations",   "headquarters", "department", "building",
          "compound",  "office",     "custody",      "car",        "cars",
          "officials", "barricades", "barriers",     "barricade"};
      if (end_tok + 1 < last &&
          OneOf(tok_.words[end_tok + 1].lower, kPlaceNoun))
        continue;
      uint32_t begin = tok_.words[k].begin;
      uint32_t end = tok_.words[end_tok].end;
      bool named = false;  // by a pack actor or "police of <country>"
      x_.actors.ForTouching(begin, end, [&](const ActorMention& m) {
        named |= m.actor && m.begin <= begin && m.end >= end;
      });
      for (const EventActor& a : r.actors)
        named |= a.begin <= begin && a.end >= end;
      if (named || InSomeSpeaker(x_, begin, end)) continue;
      EventActor act;
      const Actor* known = PoliceOf(side);
      act.actor_id = known ? known->id : "";
      act.name =
          known ? known->name : "Police of " + std::string(SideName(side));
      act.mention = std::string(ctx_.text.substr(begin, end - begin));
      act.side = std::string(SideName(side));
      act.affiliation = act.side;
      act.kind = "police";
      act.begin = begin;
      act.end = end;
      act.role = begin < r.cue_begin ? "actor1" : "actor2";
      if (k > 0 && tok_.words[k - 1].lower == "by") act.role = "actor1";
      if (k > 1 && tok_.words[k - 1].lower == "the" &&
          tok_.words[k - 2].lower == "by")
        act.role = "actor1";
      AddActor(r, std::move(act));
      return;
    }
  }

  // An arrest whose maker the sentence does not name ("X was arrested in
  // Yerevan") was made by the state where it happened: its police, named
  // by the arrest's own words.
  void ArrestingState(EventReport& r) const {
    for (const EventActor& a : r.actors)
      if (a.role == "actor1" && !a.side.empty()) return;
    Side side = Side::kOther;
    const EventPlace* where = nullptr;
    for (const EventPlace& p : r.places)
      if (ParseSide(p.country, &side) && side != Side::kOther) {
        where = &p;
        break;
      }
    if (!where) return;
    const Actor* police = PoliceOf(side);
    EventActor act;
    act.actor_id = police ? police->id : "";
    act.name = police ? police->name : "Police of " + where->country;
    act.mention = r.cue;
    act.side = act.affiliation = std::string(SideName(side));
    act.kind = "police";
    act.role = "actor1";
    act.begin = r.cue_begin;
    act.end = r.cue_end;
    AddActor(r, std::move(act));
  }

  // Whether the report's actor1 includes the armed forces or police of a
  // state of the theatre (the pack's countries): territory such a force
  // takes is, in ACLED's terms, regained by a government.
  bool StateForceActs(const EventReport& r) const {
    if (!ctx_.pack) return false;
    for (const EventActor& a : r.actors) {
      if (a.role != "actor1" || (a.kind != "military" && a.kind != "police"))
        continue;
      for (const std::string& c : ctx_.pack->countries)
        if (a.side == c) return true;
    }
    return false;
  }

  // The police of `side`: the one the article names, else the pack's
  // police actor of that side called "police", else one with "police" in
  // a wording, else its first.
  const Actor* PoliceOf(Side side) const {
    if (const Actor* a =
            MentionedActorBySideKind(ctx_, side, ActorKind::kPolice))
      return a;
    if (!ctx_.pack) return nullptr;
    const Actor* first = nullptr;
    const Actor* worded = nullptr;  // "police" in one of its wordings
    for (const Actor& a : ctx_.pack->actors) {
      if (a.side != side || a.kind != ActorKind::kPolice) continue;
      if (AsciiLowercase(a.name).find("police") != std::string::npos) return &a;
      for (const std::string& n : a.names)
        if (!worded && AsciiLowercase(n).find("police") != std::string::npos)
          worded = &a;
      if (!first) first = &a;
    }
    return worded ? worded : first;
  }

  void Victims(std::string_view who) {
    if (who.empty()) return;
    bool all_civilian = true;
    size_t at = 0;
    while (at <= who.size()) {
      size_t k = who.find(',', at);
      std::string_view w = who.substr(at, k == who.npos ? who.npos : k - at);
      if (!OneOf(w, kCivilianWords)) all_civilian = false;
      if (k == who.npos) break;
      at = k + 1;
    }
    if (all_civilian) civilian_victims_ = true;
  }

  enum class Target { kUnknown, kCivilian, kArmed, kProtesters };

  // What the cue's violence is aimed at, by the first target noun of its
  // clause: after the cue ("attacked the house", "fired on the positions"),
  // or before a passive one ("two persons were attacked").
  // `at` receives the target noun's token (kNoToken when none).
  Target CueTarget(const EventReport& r, uint32_t* at) const {
    *at = kNoToken;
    static constexpr std::string_view kCivilianTarget[] = {
        "civilian",   "civilians",   "house",       "houses",   "home",
        "homes",      "journalist",  "journalists", "activist", "activists",
        "blogger",    "person",      "persons",     "people",   "resident",
        "residents",  "villager",    "villagers",   "family",   "minor",
        "child",      "children",    "woman",       "women",    "truck",
        "car",        "bus",         "farmer",      "farmers",  "shepherd",
        "shepherds",  "school",      "worker",      "workers",  "driver",
        "citizen",    "citizens",    "teacher",     "student",  "students",
        "passers-by", "pedestrians", "office",      "off-duty"};
    static constexpr std::string_view kArmedTarget[] = {
        "position",   "positions", "soldier",  "soldiers", "serviceman",
        "servicemen", "troops",    "forces",   "post",     "posts",
        "army",       "unit",      "units",    "military", "guards",
        "outpost",    "outposts",  "trenches", "base",     "fighters"};
    const uint32_t first = tok_.At(r.sentence_begin);
    const uint32_t last = tok_.At(r.sentence_end);
    const uint32_t cue_first = tok_.At(r.cue_begin);
    const uint32_t cue_last = tok_.At(r.cue_end) - 1;
    static constexpr std::string_view kProtesterTarget[] = {
        "protesters", "protestors", "demonstrators", "picketers", "strikers"};
    auto classify = [&](uint32_t k) {
      std::string_view w = tok_.words[k].lower;
      if (OneOf(w, kProtesterTarget)) return Target::kProtesters;
      if (OneOf(w, kCivilianTarget)) return Target::kCivilian;
      if (OneOf(w, kArmedTarget)) return Target::kArmed;
      return Target::kUnknown;
    };
    auto clause_break = [&](uint32_t k) {  // between tokens k-1 and k
      std::string_view gap = ctx_.text.substr(
          tok_.words[k - 1].end, tok_.words[k].begin - tok_.words[k - 1].end);
      return gap.find_first_of(",;:()") != std::string_view::npos;
    };
    static constexpr std::string_view kPassive[] = {
        "was", "were", "been", "being", "got", "is", "are"};
    if (cue_first > first && OneOf(tok_.words[cue_first - 1].lower, kPassive)) {
      for (uint32_t k = cue_first - 1; k > first && k + 9 > cue_first; --k) {
        if (clause_break(k)) break;
        if (Target t = classify(k - 1); t != Target::kUnknown) {
          *at = k - 1;
          return t;
        }
      }
      return Target::kUnknown;
    }
    for (uint32_t k = cue_last + 1; k < last && k < cue_last + 9; ++k) {
      if (clause_break(k)) break;
      if (Target t = classify(k); t != Target::kUnknown) {
        *at = k;
        return t;
      }
    }
    return Target::kUnknown;
  }

  // Armed violence whose only targets are civilians is an attack on
  // civilians (ACLED's Violence against civilians), not a clash; aimed at
  // protesters, by whoever, it is ACLED's excessive force against
  // protesters.
  void RetypeCivilianTargets(EventReport& r) {
    bool civilians = civilian_victims_;
    civilian_victims_ = false;
    if (r.type != "armed_clash" && r.type != "attack_civilians") return;
    bool armed_target = false;
    uint32_t target = kNoToken;
    Target aim = CueTarget(r, &target);
    // Clashes are mutual: demonstrators clashing with police riot.
    static constexpr std::string_view kMutual[] = {
        "clash",    "clashes",  "clashed",    "fight",  "fights", "fought",
        "fighting", "skirmish", "skirmishes", "brawl",  "brawls", "scuffle",
        "scuffles", "exchange", "exchanged",  "battle", "battles"};
    if (aim == Target::kProtesters &&
        OneOf(tok_.words[tok_.At(r.cue_begin)].lower, kMutual))
      aim = Target::kUnknown;
    switch (aim) {
      case Target::kProtesters:
        victims_token_ = target;
        target_decided_ = true;
        if (int t = ctx_.lexicon.TypeIndex("protest_blockade"); t >= 0) {
          const EventTypeInfo& info = ctx_.lexicon.types()[t];
          r.type = info.name;
          r.acled_event_type = info.acled_event_type;
          r.acled_sub_event_type = "Excessive force against protesters";
        }
        return;
      case Target::kCivilian:
        civilians = true;
        break;
      case Target::kArmed:
        armed_target = true;
        break;
      case Target::kUnknown:
        break;
    }
    for (const EventActor& a : r.actors) {
      if (a.role != "actor2") continue;
      if (a.kind == "civilians" || a.kind == "protesters" || a.kind == "media")
        civilians = true;
      else
        armed_target = true;
    }
    if (!civilians || armed_target || r.type != "armed_clash") return;
    int t = ctx_.lexicon.TypeIndex("attack_civilians");
    if (t < 0) return;
    const EventTypeInfo& info = ctx_.lexicon.types()[t];
    r.type = info.name;
    r.acled_event_type = info.acled_event_type;
    r.acled_sub_event_type = info.acled_sub_event_type;
  }

  // Modifier cues change the sub-event type of events of their paragraph
  // ("police detained" a protest): the strongest one wins.
  // A clash cue that turned a demonstration violent is that riot, not
  // also a battle: such armed_clash reports are dropped.
  void ApplyModifiers(std::vector<EventReport>& out) {
    std::vector<std::pair<uint32_t, uint32_t>> applied;  // byte spans
    for (size_t i = 0; i < out.size(); ++i) {
      EventReport& r = out[i];
      int have = report_priority_[i];
      size_t para = ParagraphOf(paragraphs_, r.sentence_begin);
      for (const CueMatch& m : modifiers_) {
        const EventCue& cue = ctx_.lexicon.cues()[m.cue];
        if (ParagraphOf(paragraphs_, tok_.words[m.first].begin) != para)
          continue;
        // The event's own cue does not modify it ("attacked protesters"
        // is excessive force, not also a protest turned violent).
        if (tok_.words[m.first].begin < r.cue_end &&
            tok_.words[m.last].end > r.cue_begin)
          continue;
        if (ModifierIsElsewhere(m, r)) continue;
        int cur = ctx_.lexicon.TypeIndex(r.type);
        if (std::find(cue.applies_to.begin(), cue.applies_to.end(), cur) ==
            cue.applies_to.end())
          continue;
        if (cue.priority <= have) continue;
        have = cue.priority;
        const EventTypeInfo& info = ctx_.lexicon.types()[cue.type];
        r.type = info.name;
        r.acled_event_type = info.acled_event_type;
        r.acled_sub_event_type = cue.sub_event_type.empty()
                                     ? info.acled_sub_event_type
                                     : cue.sub_event_type;
        applied.push_back({tok_.words[m.first].begin, tok_.words[m.last].end});
        // The force the modifier names ("police dispersed them") is a
        // party to the event it changes.
        if (const Span* ms = SentenceAt(tok_.words[m.first].begin))
          ForcesOf(*ms, r);
      }
    }
    std::vector<int> priorities;
    std::vector<EventReport> kept;
    for (size_t i = 0; i < out.size(); ++i) {
      const EventReport& r = out[i];
      bool absorbed =
          r.type == "armed_clash" &&
          std::any_of(applied.begin(), applied.end(), [&](const auto& span) {
            return span.first < r.cue_end && span.second > r.cue_begin;
          });
      if (absorbed) continue;
      kept.push_back(std::move(out[i]));
      priorities.push_back(report_priority_[i]);
    }
    out = std::move(kept);
    report_priority_ = std::move(priorities);
  }

  // Whether modifier `m` tells of another time than report `r`: it sits in
  // a relative or past-perfect clause ("in support of X, who had been
  // arrested"), or its sentence is dated outside r's window ("They were
  // arrested on 30 September").
  bool ModifierIsElsewhere(const CueMatch& m, const EventReport& r) const {
    const Span* ms = SentenceAt(tok_.words[m.first].begin);
    if (!ms) return false;
    const uint32_t first = tok_.At(ms->begin);
    for (uint32_t k = m.first; k > first && k + 6 > m.first; --k) {
      const WordToken& prev = tok_.words[k - 1];
      std::string_view gap =
          ctx_.text.substr(prev.end, tok_.words[k].begin - prev.end);
      if (gap.find_first_of(",;:()") != std::string_view::npos) break;
      static constexpr std::string_view kElsewhere[] = {"who", "which", "whom",
                                                        "had"};
      if (OneOf(prev.lower, kElsewhere)) return true;
    }
    CivilDay from, to;
    if (!CivilDay::ParseIso(r.date, &from) ||
        !CivilDay::ParseIso(r.date_end, &to))
      return false;
    for (const DatedMention* dp : date_index_.StartingIn(ms->begin, ms->end)) {
      const DatedMention& d = *dp;
      if (dateline_[static_cast<size_t>(dp - dates_.data())]) continue;
      if (d.to.ToDays() < from.ToDays() || d.from.ToDays() > to.ToDays())
        return true;
    }
    return false;
  }

  // Sentences are in text order and do not overlap.
  const Span* SentenceAt(uint32_t pos) const {
    auto it =
        std::upper_bound(a_.sentences.begin(), a_.sentences.end(), pos,
                         [](uint32_t p, const Span& s) { return p < s.begin; });
    if (it == a_.sentences.begin()) return nullptr;
    --it;
    return In(pos, it->begin, it->end) ? &*it : nullptr;
  }

  // The police and military of sentence `s` that are parties to `r`: pack
  // actors of those kinds, "forces of <country>", unqualified police.
  void ForcesOf(const Span& s, EventReport& r) {
    for (const ActorMention* mp : x_.actors.StartingIn(s.begin, s.end)) {
      const ActorMention& m = *mp;
      if (!m.actor || (m.actor->kind != ActorKind::kPolice &&
                       m.actor->kind != ActorKind::kMilitary))
        continue;
      if (InSomeSpeaker(x_, m.begin, m.end) || ActorIsPlace(m)) continue;
      EventActor act = MakeActor(ctx_, m);
      act.role = "actor2";
      AddActor(r, std::move(act));
    }
    ForcesOfCountry(s, r);
    PoliceOfPlace(s, r);
  }

  const ArticleContext& ctx_;
  const TextAnnotation& a_;
  const ArticleIndex x_;
  std::vector<Paragraph> paragraphs_;
  Tokens tok_;
  std::vector<DatedMention> dates_;
  IntervalIndex<DatedMention> date_index_;  // over dates_
  // The side of the police the article names, when of one side only:
  // computed at the first use.
  std::optional<Side> police_side_;
  std::vector<bool> agreement_name_;  // by date: names an agreement
  CivilDay reference_;  // the publication day, or the text's estimate of it
  std::vector<bool> dateline_;
  std::vector<CueMatch> matches_;
  std::vector<CueMatch> modifiers_;
  // The priority of the cue of each report of Run's output, in order.
  std::vector<int> report_priority_;
  bool civilian_victims_ = false;
  // The protesters a violent event of the current sentence was aimed at.
  uint32_t victims_token_ = kNoToken;
  // The report being built has the sub-type its target decided.
  bool target_decided_ = false;
  static constexpr int kDecided = 1 << 20;
  bool focus_done_ = false;
  const PlaceMention* focus_ = nullptr;
};

bool Overlap(const EventReport& x, const EventReport& y, int slack_days) {
  CivilDay a0, a1, b0, b1;
  if (!CivilDay::ParseIso(x.date, &a0) ||
      !CivilDay::ParseIso(x.date_end, &a1) ||
      !CivilDay::ParseIso(y.date, &b0) || !CivilDay::ParseIso(y.date_end, &b1))
    return true;  // an undated report agrees with any date
  return a0.ToDays() <= b1.ToDays() + slack_days &&
         b0.ToDays() <= a1.ToDays() + slack_days;
}

// Whether two reports may be about the same place: one names none or only
// countries ("the border of Azerbaijan"), or two of their places are the
// same or within `km`.
// Whether the reports' places meet: the same place, two within `km`, or
// one inside the extent of an area, zone or route the other names (the
// pack's radius_km: "the Armenian-Azerbaijani border" holds Jermuk).
bool NearPlaces(const EventReport& x, const EventReport& y, double km,
                const TheatrePack* pack) {
  auto vague = [](const EventReport& r) {
    return std::all_of(r.places.begin(), r.places.end(),
                       [](const EventPlace& p) { return p.kind == "country"; });
  };
  if (vague(x) || vague(y)) return true;
  auto extent = [pack](const EventPlace& p) {
    if (pack == nullptr || p.kind == "country") return 0.0;
    const Place* place = pack->FindPlace(p.place_id);
    return place ? place->radius_km : 0.0;
  };
  for (const EventPlace& p : x.places)
    for (const EventPlace& q : y.places)
      if (p.place_id == q.place_id ||
          GreatCircleKm(p.lat, p.lon, q.lat, q.lon) <=
              std::max(km, extent(p) + extent(q)))
        return true;
  return false;
}

bool SameClaim(const EventClaim& a, const EventClaim& b) {
  return a.source_side == b.source_side && a.source_name == b.source_name &&
         a.stance == b.stance;
}

void AddClaim(EventReport& r, const EventClaim& c) {
  for (const EventClaim& x : r.claims)
    if (SameClaim(x, c)) return;
  r.claims.push_back(c);
}

bool Weak(const EventReport& r) {
  return r.date_source == "published" || r.date_source.empty();
}

}  // namespace

void MergeInto(EventReport& into, const EventReport& from) {
  for (const EventClaim& c : from.claims) AddClaim(into, c);
  for (const EventPlace& p : from.places) {
    bool have = std::any_of(
        into.places.begin(), into.places.end(),
        [&](const EventPlace& q) { return q.place_id == p.place_id; });
    if (!have) into.places.push_back(p);
  }
  for (const EventActor& a : from.actors) {
    bool have = std::any_of(
        into.actors.begin(), into.actors.end(), [&](const EventActor& b) {
          return b.actor_id == a.actor_id && b.name == a.name;
        });
    if (!have) into.actors.push_back(a);
  }
  auto merge_count = [](CountRange& a, const CountRange& b) {
    if (!b.known) return;
    if (!a.known) {
      a = b;
      return;
    }
    a.low = std::min(a.low, b.low);
    a.high = (a.high < 0 || b.high < 0) ? -1 : std::max(a.high, b.high);
  };
  merge_count(into.fatalities, from.fatalities);
  merge_count(into.injured, from.injured);
  if (Weak(into) && !Weak(from)) {
    into.date = from.date;
    into.date_end = from.date_end;
    into.date_precision = from.date_precision;
    into.date_source = from.date_source;
    into.date_text = from.date_text;
    into.background = from.background;
  } else if (!Weak(into) && !Weak(from)) {
    // Both dated by the text: keep the narrower common window.
    if (from.date > into.date && from.date <= into.date_end)
      into.date = from.date;
    if (from.date_end < into.date_end && from.date_end >= into.date)
      into.date_end = from.date_end;
  }
}

// Recalled only for want of a precise date (SentenceEventFinder::Build).
bool RecalledByPrecision(const EventReport& r) {
  return r.background &&
         (r.date_precision == "month" || r.date_precision == "year");
}

bool SameEvent(const EventReport& k, const EventReport& r,
               const TheatrePack* pack) {
  if (k.type != r.type) return false;
  // A month-dated recollection and a precise telling of one event are one
  // event; otherwise history and news are kept apart.
  if (k.background != r.background && !RecalledByPrecision(k) &&
      !RecalledByPrecision(r))
    return false;
  // Undated reports are only merged within an article (MergeArticleEvents).
  if (k.date.empty() || r.date.empty()) return false;
  if (!Overlap(k, r, (Weak(k) || Weak(r)) ? 7 : 1)) return false;
  return NearPlaces(k, r, 60, pack);
}

std::vector<ClaimSource> ResolveSpeakers(const ArticleContext& ctx) {
  std::vector<ClaimSource> out;
  out.reserve(ctx.annotation.quotes.size());
  const ArticleIndex index(ctx.annotation);
  for (const Attribution& q : ctx.annotation.quotes)
    out.push_back(ResolveSpeaker(ctx, index, q, out));
  return out;
}

std::vector<EventReport> FindSentenceEvents(const ArticleContext& ctx) {
  return SentenceEventFinder(ctx).Run();
}

namespace {

bool PoliticalViolence(const EventReport& r) {
  return r.acled_event_type == "Battles" ||
         r.acled_event_type == "Explosions/Remote violence" ||
         r.acled_event_type == "Violence against civilians";
}

bool SharesActingSide(const EventReport& a, const EventReport& b) {
  for (const EventActor& x : a.actors)
    for (const EventActor& y : b.actors)
      if (x.role == "actor1" && y.role == "actor1" && !x.side.empty() &&
          x.side == y.side)
        return true;
  return false;
}

// A movement told in the same sentence as political violence by the same
// side is the approach to that violence ("infiltrated the territories and
// planted a mine", "advanced and opened fire"): one event, as ACLED codes
// it, not a movement besides.
bool ApproachToViolence(const EventReport& r,
                        const std::vector<EventReport>& all) {
  if (r.type != "military_movement") return false;
  return std::any_of(all.begin(), all.end(), [&](const EventReport& v) {
    return &v != &r && v.sentence_begin == r.sentence_begin &&
           PoliticalViolence(v) && SharesActingSide(r, v);
  });
}

}  // namespace

void MergeArticleEvents(const ArticleContext& ctx,
                        std::vector<EventReport>& reports) {
  std::vector<bool> approach(reports.size());
  for (size_t i = 0; i < reports.size(); ++i)
    approach[i] = ApproachToViolence(reports[i], reports);
  std::vector<EventReport> kept;
  for (size_t i = 0; i < reports.size(); ++i) {
    if (approach[i]) continue;
    EventReport& r = reports[i];
    EventReport* target = nullptr;
    for (EventReport& k : kept) {
      // Without a stated publication day, a report dated by the day the
      // article was inferred to appear is as good as undated: a telling of
      // an event the article dates elsewhere ("the convoy stopped on 16
      // February ... Armenians again blocked the cars", in one article).
      bool undated = k.date.empty() || r.date.empty() ||
                     (!ctx.published.valid() && (Weak(k) || Weak(r)));
      bool same = undated ? (k.type == r.type && k.background == r.background &&
                             NearPlaces(k, r, 60, ctx.pack))
                          : SameEvent(k, r, ctx.pack);
      if (!same) continue;
      target = &k;
      break;
    }
    if (target) {
      if (target->background != r.background) target->background = false;
      MergeInto(*target, r);
    } else
      kept.push_back(std::move(r));
  }
  reports = std::move(kept);
}

namespace {

// Whether `r` qualifies as the event a denial by `side` answers: told as
// news, in or before the denial, and asserted by another side (any other
// side, or a source of unknown side when the denial's target names sides).
// `named`: one of the asserting sides is among `target_sides`.
bool AnsweredBy(const EventReport& r, uint32_t denial_begin,
                const std::string& side,
                const std::vector<std::string>& target_sides, bool* named) {
  *named = false;
  if (r.sentence_begin > denial_begin || r.background) return false;
  bool other = false;
  for (const EventClaim& c : r.claims) {
    if (c.stance != "asserts" || c.source_side == side) continue;
    if (c.source_side.empty() && target_sides.empty()) continue;
    other = true;
    *named |= std::find(target_sides.begin(), target_sides.end(),
                        c.source_side) != target_sides.end();
  }
  return other;
}

// The report a denial answers: the last qualifying one (in the order of
// `reports`) the target names, when the target names sides and some
// qualifying report is asserted by one of them; else, when the target
// names sides, the first qualifying one; else the last qualifying one.
// Null when none qualifies.
const EventReport* AnsweredReport(const std::vector<EventReport>& reports,
                                  bool in_text_order, uint32_t denial_begin,
                                  const std::string& side,
                                  const std::vector<std::string>& targets) {
  bool named = false;
  if (in_text_order) {
    // Reports after the denial never qualify: start from the last one
    // before it and walk back; the answer is usually a few reports away
    // (a scan from the start made long articles quadratic).
    size_t end = static_cast<size_t>(
        std::upper_bound(reports.begin(), reports.end(), denial_begin,
                         [](uint32_t pos, const EventReport& r) {
                           return pos < r.sentence_begin;
                         }) -
        reports.begin());
    for (size_t i = end; i-- > 0;)
      if (AnsweredBy(reports[i], denial_begin, side, targets, &named) &&
          (targets.empty() || named))
        return &reports[i];
    if (targets.empty()) return nullptr;
    for (size_t i = 0; i < end; ++i)
      if (AnsweredBy(reports[i], denial_begin, side, targets, &named))
        return &reports[i];
    return nullptr;
  }
  const EventReport* chosen = nullptr;
  for (const EventReport& r : reports) {
    if (!AnsweredBy(r, denial_begin, side, targets, &named)) continue;
    if (!targets.empty() && !named && chosen) continue;
    chosen = &r;
  }
  return chosen;
}

}  // namespace

void AttachDenials(const ArticleContext& ctx,
                   std::vector<EventReport>& reports) {
  const TextAnnotation& a = ctx.annotation;
  const bool in_text_order =
      std::is_sorted(reports.begin(), reports.end(),
                     [](const EventReport& x, const EventReport& y) {
                       return x.sentence_begin < y.sentence_begin;
                     });
  // Statements already claims of some event (their content named it).
  std::set<std::pair<uint32_t, std::string>> claimed;
  for (const EventReport& r : reports)
    for (const EventClaim& c : r.claims) claimed.emplace(c.begin, c.stance);
  const ArticleIndex index(a);
  for (size_t qi = 0; qi < a.quotes.size(); ++qi) {
    const Attribution& q = a.quotes[qi];
    if (q.stance == Attribution::kAsserts) continue;
    const ClaimSource& src = ctx.speakers[qi];
    if (src.side.empty()) continue;
    if (claimed.count({q.begin, std::string(StanceName(q.stance))})) continue;
    // Sides the target names ("the Russian statement", "Moscow's version").
    std::vector<std::string> target_sides;
    if (q.target_begin < q.target_end)
      for (const ActorMention* m :
           index.actors.StartingIn(q.target_begin, q.target_end))
        if (m->actor && m->end <= q.target_end)
          target_sides.push_back(ActorSide(*m->actor));
    // The latest earlier event another side asserts (preferring one the
    // target names), and the events told in the same sentence as it.
    const EventReport* chosen =
        AnsweredReport(reports, in_text_order, q.begin, src.side, target_sides);
    if (!chosen) continue;
    uint32_t sentence = chosen->sentence_begin;
    EventClaim claim = MakeClaim(ctx, q, src);
    claimed.emplace(claim.begin, claim.stance);
    auto [first, last] =
        in_text_order
            ? std::equal_range(reports.begin(), reports.end(), *chosen,
                               [](const EventReport& x, const EventReport& y) {
                                 return x.sentence_begin < y.sentence_begin;
                               })
            : std::make_pair(reports.begin(), reports.end());
    for (auto r = first; r != last; ++r)
      if (r->sentence_begin == sentence) AddClaim(*r, claim);
  }
}

std::string DumpReport(const EventReport& r) {
  std::string out = "type=" + r.type + " acled=" + r.acled_event_type + "|" +
                    r.acled_sub_event_type + " date=" + r.date + ".." +
                    r.date_end + " places=";
  for (size_t i = 0; i < r.places.size(); ++i)
    out += (i ? "," : "") + r.places[i].name;
  out += " actors=";
  for (size_t i = 0; i < r.actors.size(); ++i)
    out += (i ? "," : "") +
           (r.actors[i].side.empty() ? "-" : r.actors[i].side) + ":" +
           r.actors[i].role;
  auto count = [](const CountRange& c) -> std::string {
    if (!c.known) return "-";
    char buf[64];
    if (c.high < 0)
      std::snprintf(buf, sizeof buf, "%g+", c.low);
    else
      std::snprintf(buf, sizeof buf, "%g..%g", c.low, c.high);
    return buf;
  };
  out += " killed=" + count(r.fatalities) + " injured=" + count(r.injured);
  out += " claims=";
  for (size_t i = 0; i < r.claims.size(); ++i)
    out +=
        (i ? "," : "") +
        (r.claims[i].source_side.empty() ? "media" : r.claims[i].source_side) +
        ":" + r.claims[i].stance;
  out += " background=" + std::string(r.background ? "1" : "0");
  return out;
}

}  // namespace ceasewatch
