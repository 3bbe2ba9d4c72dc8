// Internal to the numbers stage: one tokenizer and one word table shared by
// FindNumbers and FindCasualties, so an article is tokenized once and each
// word is classified by a single hash lookup (no regex, no allocation per
// word).
#ifndef CEASEWATCH_NUMBERS_LEXICON_H_
#define CEASEWATCH_NUMBERS_LEXICON_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "util/text_segments.h"

namespace ceasewatch::numbers_internal {

// The word classes the scanners react to. kOther is every other word.
enum class Lex : uint8_t {
  kOther,
  // --- numbers ---
  kCardinal,  // zero .. nineteen; value
  kTens,      // twenty .. ninety; value
  kHundred,   // value = multiplier: hundred, thousand, million, billion
  kThousand,
  kMillion,
  kBillion,
  kDozen,
  kDozens,  // vague plurals: value = low, value2 = high
  kHundreds,
  kThousands,
  kMillions,
  kTensOf,  // "tens" (of thousands)
  kScores,
  kSeveral,
  kFew,
  kCouple,
  kHandful,
  kA,  // a, an
  kAnd,
  kOf,
  kOr,
  kTo,
  kBetween,
  kThe,
  kAbout,  // about, around, approximately, roughly, circa, approx
  kSome,
  kEstimated,
  kNearly,  // nearly, almost, approaching
  kClose,
  kMore,
  kThan,
  kOver,
  kAbove,
  kExcess,
  kUpwards,
  kAt,
  kLeast,
  kMost,
  kUp,
  kAs,
  kMany,
  kLess,   // less, fewer
  kUnder,  // under, below
  kNo,
  kNot,  // not, n't, never
  kJust,
  kWell,
  kPlus,
  kOdd,
  kSo,
  kAnother,  // another, further, additional
  // --- casualties ---
  kKilled,  // killed
  kKill,    // kill, kills, killing
  kDied,    // died, die, dies, dying, perished
  kDead,
  kDeath,
  kDeaths,  // deaths, fatalities
  kToll,
  kLives,
  kLost,
  kMartyred,
  kMartyrs,
  kWounded,   // wounded, injured, hurt
  kWounding,  // wounding, injuring, hurting, wounds? no
  kInjuries,
  kMissing,
  kCaptured,
  kCapturing,  // capture, captures, capturing
  kTaken,
  kPrisoner,  // prisoner(s), captive(s), hostage(s)
  kCasualties,
  kLosses,    // losses, loss
  kBe,        // was, were, is, are, been, be, being, got, get
  kHave,      // had, have, has
  kWent,      // went, go, gone, remain(s/ed), reported (as "reported missing")
  kAdverb,    // seriously, reportedly, also, all, both, ...
  kWho,       // a noun for people; canon = plural
  kRelative,  // who, that, which, whom
  kBoundary,  // said, says, when, while, after, according, ...
  kWithout,
  kNobody,     // nobody, none
  kSuffering,  // suffering, sustaining, suffered, ...
  kIncluding,
  kAmong,
  kLeft,
  kClaimed,  // claimed, took
  kPrep,     // in, on, near, during ... (a count may end before these)
  kFar,
  kDate,
  kTotal,
  kAltogether,  // altogether, overall, cumulatively
  kPast,        // past, last, previous, recent
  kUnit,        // days, weeks, months, years, decades (and singular)
  kTimeWord,    // hours, minutes, km, percent ... (a count of these is not
                // a count of people)
  kWar,         // war, wars, conflict, conflicts
  kPlace,       // zone, area, region, line, side(s), part(ies) after "war"
  kSince,
  kIn,
  kAll,
};

struct Tok {
  enum Kind : uint8_t { kWord, kNumber, kPunct };
  Kind kind = kWord;
  Lex lex = Lex::kOther;
  char punct = 0;           // kPunct: ASCII byte; dashes are '-', quotes '"'
  bool cap = false;         // word starting upper case
  bool line_start = false;  // a line break precedes the token
  int32_t value = 0;        // kCardinal, kTens, multipliers, vague low
  int32_t value2 = 0;       // vague high
  const char* canon = nullptr;  // kWho: the plural ("servicemen")
  uint32_t begin = 0, end = 0;
  std::string_view text;
};

// Tokenizes `text`: words (ASCII letters, or any non-ASCII bytes other than
// the punctuation below), digit runs, and single punctuation bytes. UTF-8
// dashes, quotes and the bullet are punctuation; a no-break space is space.
// A word is split at an apostrophe ("didn't" -> "didn", "'", "t").
std::vector<Tok> Tokenize(std::string_view text);
// The same from `text`'s segments (SegmentText(text)), already computed.
std::vector<Tok> Tokenize(std::string_view text,
                          const std::vector<TextSegment>& segments);

// A capitalised plural naming a people ("Azerbaijanis", "Armenians").
bool LooksLikeDemonym(const Tok& t);

}  // namespace ceasewatch::numbers_internal

#endif  // CEASEWATCH_NUMBERS_LEXICON_H_
