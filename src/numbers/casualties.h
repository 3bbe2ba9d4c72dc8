// Finds casualty counts in news text: how many were killed, injured, went
// missing or were captured, and who they were.
//
//   "nearly 50 soldiers were killed"        -> kKilled 45..50 "soldiers"
//   "the drones had killed three people and wounded another 15"
//                                           -> kKilled 3 "people",
//                                              kInjured 15 "people"
//   "seven Azerbaijani policemen and a civilian working at a construction
//    site were killed"                      -> kKilled 8 "policemen,civilians"
//                                              (groups 7 policemen, 1 civilian)
//   "one serviceman was seriously wounded"  -> kInjured 1 "servicemen"
//   "Yerevan confirmed the losses: 49 soldiers" -> kKilled 49 "soldiers"
//   "up to 25-30 thousand people died"      -> kKilled 25000..30000
//   "6.5,000 people died" (sic)             -> kKilled 6500
//   "without suffering any casualties"      -> kKilled 0 and kInjured 0
//   "61 Azerbaijanis were killed ... over the past 3 years"
//                                           -> aggregate, period_text
//                                              "over the past 3 years"
//
// Patterns, over tokens (one pass, no regex):
//   passive / intransitive, the count before the verb: "N <who> were
//     (seriously) killed|wounded|injured|hurt|captured|martyred|taken
//     prisoner", "N <who> died|perished|lost their lives", "N <who> went
//     missing", "N <who> who were killed"; counts joined by "and" or a comma
//     are summed ("seven policemen and a civilian"); after "including" they
//     are a part of the first and are not added; the verb may follow the
//     subject's last noun by up to 6 words ("a civilian working at a
//     construction site were killed");
//   bare participles and nouns right after the count: "3 killed, 5
//     wounded", "12 dead", "49 deaths|fatalities|casualties|martyrs";
//   active, the count after the verb: "killed|wounded|injured|captured
//     (another) N (<who>)", "killing N", "lost N soldiers", "claimed the
//     lives of N"; a count with no noun after it counts people only when
//     the clause ends or a preposition follows ("killed 3 and wounded 5";
//     not "captured 5 tanks", "killed 3 days ago");
//   forward nouns: "death toll (rose to) N", "losses: N soldiers",
//     "losses of N servicemen";
//   one: "a|an|the|another <singular person noun>" ("killed the soldier",
//     "another man was wounded"; not "the soldiers");
//   zero: "no one|nobody|none|no <who> was killed", "no|without (suffering)
//     (any) casualties|losses|deaths|injuries", "did not suffer any
//     losses".
// Kinds: killed, died, dead, deaths, fatalities, lost their lives, martyred,
// martyrs and military "losses" are kKilled; wounded, injured, hurt and
// injuries kInjured; missing kMissing; captured and taken prisoner
// kCaptured. A positive count of "casualties" (killed or wounded, not told
// apart) is kCasualties; zero casualties or losses yield one kKilled and
// one kInjured mention, both 0.
//
// who: the plural of the counted noun ("serviceman" -> "servicemen",
// "police officers" -> "policemen"), a demonym as written ("Azerbaijanis"),
// several joined by ',' in text order; "" when the text names none (then
// taken from the mention before it in the same sentence, as in "killed
// three people and wounded another 15").
//
// aggregate: the sentence presents the count as a total over a period or a
// war, not one incident: "over|in|during the past|last N units", "in
// recent months", "since ...", "so far", "to date", "in total", "a total
// of", "altogether", "overall", or "in|during|throughout|following|after
// <a|the> ... war|conflict". period_text is that phrase as written.
//
// Mentions are in text order (by begin); begin/end are byte offsets from
// the first count to the verb or noun, whichever comes last. A count is
// never reported without a number: "losses among personnel" is nothing.
// Gaps: negated verbs ("were not killed"), counts split over sentences,
// "of whom N were killed" (reported as N, not as a part), and ages or unit
// names as nouns are not understood.
#ifndef CEASEWATCH_NUMBERS_CASUALTIES_H_
#define CEASEWATCH_NUMBERS_CASUALTIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "numbers/numbers.h"
#include "util/text_segments.h"

namespace ceasewatch {

// One counted group of a mention ("7 policemen").
struct CasualtyGroup {
  double low = 0;
  double high = 0;  // kUnbounded when open ("more than 100")
  std::string who;
};

struct CasualtyMention {
  enum Kind { kKilled, kInjured, kMissing, kCaptured, kCasualties };

  uint32_t begin = 0;  // byte span in the text
  uint32_t end = 0;
  Kind kind = kKilled;
  double low = 0;   // the sum over groups, inclusive
  double high = 0;  // kUnbounded when open
  bool approximate = false;
  std::string who;  // e.g. "soldiers", "policemen,civilians", ""
  std::vector<CasualtyGroup> groups;  // at least one
  bool aggregate = false;             // a total over a period, not one incident
  std::string period_text;            // the phrase that makes it one, or ""
};

std::vector<CasualtyMention> FindCasualties(std::string_view text);

// FindNumbers(text) into *numbers and FindCasualties(text) into
// *casualties (both replaced), from one tokenization and one number scan
// of the text: the same results as the two calls, at the cost of one.
void FindNumbersAndCasualties(std::string_view text,
                              std::vector<NumberMention>* numbers,
                              std::vector<CasualtyMention>* casualties);
// The same from `text`'s segments (SegmentText(text)), already computed.
void FindNumbersAndCasualties(std::string_view text,
                              const std::vector<TextSegment>& segments,
                              std::vector<NumberMention>* numbers,
                              std::vector<CasualtyMention>* casualties);

// "killed", "injured", "missing", "captured", "casualties".
const char* CasualtyKindName(CasualtyMention::Kind kind);

}  // namespace ceasewatch

#endif  // CEASEWATCH_NUMBERS_CASUALTIES_H_
