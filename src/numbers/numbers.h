// Finds the counts a text states, in digits or words, with the hedges news
// puts around them, as an inclusive interval [low, high].
//
//   "49" -> 49..49            "6,500" -> 6500        "1.5 million"
//   "6.5 thousand" -> 6500    "6.5,000" (sic) -> 6500 "25-30 thousand"
//   "three", "twenty-five", "a hundred", "two hundred and ten", "two dozen"
//   vague, approximate: "dozens" 24..99, "hundreds" 200..999, "thousands"
//     2000..9999, "tens of thousands" 20000..99999, "several" 3..9,
//     "a few" 2..5, "a couple" 2, "a handful" 2..5, "several hundred"
//     300..900, "scores of" 40..99
//   hedges (approximate = true):
//     "about|around|approximately|roughly|some|an estimated N", "N or so",
//       "N-odd"                                  -> floor(.9N)..ceil(1.1N)
//     "nearly|almost|close to|just under N"      -> floor(.9N)..N
//     "more than|over|above|in excess of N", "well over N"
//                                                -> N+1..kUnbounded
//     "at least|no fewer than|no less than N", "N or more", "N+"
//                                                -> N..kUnbounded
//     "up to|at most|no more than|as many as N"  -> 0..N (a range after
//       "up to" keeps its ends: "up to 25-30 thousand" -> 25000..30000)
//     "less than|fewer than|under|below N"       -> 0..N-1
//     "between N and M", "N to M", "N-M", "N or M" -> N..M
//
// Not counts, skipped: clock times ("12:59", "UTC+04:00"), ISO and dotted
// dates ("2022-03-27", "27.03.2022"), ordinals ("13th"), "no one".
// Everything else that is a number is reported, years included: deciding
// what a number counts is the caller's business (see casualties.h).
// Mentions are in text order and do not overlap; begin/end are byte
// offsets covering the hedge words too.
#ifndef CEASEWATCH_NUMBERS_NUMBERS_H_
#define CEASEWATCH_NUMBERS_NUMBERS_H_

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace ceasewatch {

// The `high` of an open interval ("more than 100").
inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

struct NumberMention {
  uint32_t begin = 0;  // byte span in the text
  uint32_t end = 0;
  double low = 0;            // inclusive
  double high = 0;           // inclusive; kUnbounded when open
  bool approximate = false;  // hedged or vague ("about", "dozens")
};

std::vector<NumberMention> FindNumbers(std::string_view text);

}  // namespace ceasewatch

#endif  // CEASEWATCH_NUMBERS_NUMBERS_H_
