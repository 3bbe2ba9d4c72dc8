// Plain text -> Page: one block per non-blank line.
#ifndef CEASEWATCH_EXTRACT_TEXT_EXTRACT_H_
#define CEASEWATCH_EXTRACT_TEXT_EXTRACT_H_

#include <string>
#include <string_view>

#include "ceasewatch/records.h"

namespace ceasewatch {

// Splits `body` (UTF-8) into lines; each non-blank line becomes a block
// whose text has runs of white space (including NBSP and tabs) folded to
// one space and trimmed, and whose span covers the line in `body` minus
// leading and trailing white space. Sets Page::body = body.
Page ExtractText(std::string body);

// Folds white space runs (ASCII space, tab, CR, FF, VT, NBSP U+00A0,
// U+2000..U+200B, U+202F, U+3000) to one ASCII space and trims both ends.
std::string FoldWhitespace(std::string_view s);

// Number of blank lines in body between two byte offsets (used to tell a
// headline standing alone from a wrapped line).
int BlankLinesBetween(std::string_view body, uint32_t from, uint32_t to);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXTRACT_TEXT_EXTRACT_H_
