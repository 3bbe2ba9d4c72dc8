// Internal to the numbers stage: FindNumbers over tokens that are already
// made, so FindCasualties tokenizes an article once.
#ifndef CEASEWATCH_NUMBERS_NUMBER_SCAN_H_
#define CEASEWATCH_NUMBERS_NUMBER_SCAN_H_

#include <cstddef>
#include <vector>

#include "numbers/lexicon.h"
#include "numbers/numbers.h"

namespace ceasewatch::numbers_internal {

struct NumberSpan {
  size_t first = 0;  // first and last token of the mention
  size_t last = 0;
  NumberMention m;
  bool year_like = false;  // a bare 1900..2099 (or a range of them)
  bool hedged = false;     // a hedge word or vague count
};

// Every count in `toks`, in order, not overlapping.
std::vector<NumberSpan> ScanNumbers(const std::vector<Tok>& toks);

}  // namespace ceasewatch::numbers_internal

#endif  // CEASEWATCH_NUMBERS_NUMBER_SCAN_H_
