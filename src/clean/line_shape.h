// Cheap facts about the shape of one line of page text, shared by cleaning
// and splitting.
#ifndef CEASEWATCH_CLEAN_LINE_SHAPE_H_
#define CEASEWATCH_CLEAN_LINE_SHAPE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dates/date_scanner.h"

namespace ceasewatch {

int CountWords(std::string_view s);
// Lower-cased ASCII, punctuation and white space dropped: the key under
// which two lines count as "the same line".
std::string LineKey(std::string_view s);
uint64_t LineHash(std::string_view s);

// Ends like a sentence: '.', ';', ',' or ':' (quotes after them ignored).
bool EndsLikeSentence(std::string_view s);

// A line that could be a headline: 4..30 words, at most 220 bytes, not
// ending like a sentence, starting with a capital, digit or quote, and not
// a dateline.
bool LooksLikeHeadline(std::string_view s);

// A line that is a person's name: 2..4 capitalised words, no digits.
bool LooksLikeName(std::string_view s);

// A prose paragraph: at least `min_bytes` and holding a sentence end.
bool LooksLikeParagraph(std::string_view s, size_t min_bytes = 150);

// "Home » World » Title", "News > Politics > ...": two or more separators.
bool LooksLikeBreadcrumb(std::string_view s);

// "By Vafa Ismayilova", "Written by A. B. Name": returns the name or "".
std::string BylineName(std::string_view s);

// A line that is a date and little else: "Mar 27, 2022 • 4 hours ago",
// "30 December 2023 12:59 (UTC+04:00)", "Friday May 24 2024". At most 120
// bytes, a full date (day, month, year), and at most one word that is not
// date or time furniture. Fills *date when it is.
bool IsDateline(std::string_view s, DateMention* date);

}  // namespace ceasewatch

#endif  // CEASEWATCH_CLEAN_LINE_SHAPE_H_
