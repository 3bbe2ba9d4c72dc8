// Finds absolute calendar dates in text, in the forms news uses:
//   "27 March 2022", "Mar 27, 2022", "March 27th, 2022", "Friday May 24 2024",
//   "Friday, 24 May 2024", "2022-03-27", "2022-03-27T19:16:00Z",
//   "27.03.2022", "On 28 June" (no year), "September 13" (no year),
//   "March 2022" (month), "in 2020" (year).
// Relative expressions ("on Saturday", "two days ago") are resolved later,
// against a publication day, by the annotator; they are not found here.
//
// Month names must be capitalised ("may" and "march" are verbs) and, unless
// a year stands beside them, next to a day number.
#ifndef CEASEWATCH_DATES_DATE_SCANNER_H_
#define CEASEWATCH_DATES_DATE_SCANNER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace ceasewatch {

struct DateMention {
  uint32_t begin = 0;  // byte span in the scanned text
  uint32_t end = 0;
  int year = 0;   // 0 when the text gives none
  int month = 0;  // 0 when the text gives none (a bare year)
  int day = 0;    // 0 when the text gives none
  int weekday = -1;       // 0 = Monday, when a weekday name is attached
  bool has_time = false;  // a clock time follows ("12:59", "T19:16")

  bool full() const { return year && month && day; }
};

// Every date in `text`, in order of position, non-overlapping.
std::vector<DateMention> ScanDates(std::string_view text);

// Month number 1..12 of an English month name or abbreviation ("Sept",
// "Dec"), any case; 0 when `word` is not one.
int MonthFromName(std::string_view word);
// 0 = Monday .. 6 = Sunday for an English weekday name or abbreviation;
// -1 when `word` is not one.
int WeekdayFromName(std::string_view word);

}  // namespace ceasewatch

#endif  // CEASEWATCH_DATES_DATE_SCANNER_H_
