// Resolves the dates a text mentions, absolute and relative, to windows of
// calendar days, against the day the text was published.
//
//   std::vector<ResolvedDate> ds =
//       ResolveDates("an armed incident occurred two days ago",
//                    CivilDay{2022, 3, 7});
//   // ds[0]: 2022-03-05..2022-03-05, kDay, relative, rule "ago"
//
// Forms (P = the publication day):
//   absolute (everything ScanDates finds): a day -> that day; a month and
//     year -> the month; a year -> the year; a month and day without a year
//     ("On March 7") -> that day in P's year, or the year before when that
//     would fall after P (except up to 14 days after P: then it is taken
//     as announced, "on September 16 Putin will meet", and is future);
//   "in February" / "February" after in, since, until ... -> the latest
//     February on or before P; "in February this year", "this February",
//     "February last year", "June 15 last year";
//   parts: "early|mid|late <month|year|decade>", "the end of March",
//     "mid-March", "in the early 1990s", "in late 2020" (early = days
//     1-10 / months 1-4 / years 0-3, mid = 11-20 / 5-8 / 4-6,
//     late = 21-end / 9-12 / 7-9);
//   ranges: "February-May", "from February to May", "between 1992 and
//     1994", "1992-1994", "September 12-13", "12-13 September"; a range
//     without years starts at the latest start month on or before P;
//   "since X" -> [start of X, P];  "until X" / "till X" -> X;
//   "the night of September 13" -> [Sep 12, Sep 13], kDay: a night is
//     named by the morning it ends in, so it also covers the evening
//     before;  "the evening|morning|afternoon of X" -> X;
//   "today", "tonight", "this morning" -> P; "yesterday" -> P-1; "the day
//     before yesterday" -> P-2; "last night", "overnight" -> [P-1, P]
//     (kDay, a night as above); "tomorrow" -> future;
//   "two days ago" -> P-2 (kDay); "3 weeks ago" -> P-21 +-3 days (kWeek);
//     "two months ago" -> that calendar month; "5 years ago" -> that year;
//     "hours ago" -> P; "a few days ago" -> [P-7, P-2] (kWeek);
//   weekdays ("on Saturday", "Saturday", "Saturday night", "last
//     Saturday", only full capitalised names): the latest such weekday on
//     or before P, so when P itself is a Saturday "on Saturday" is P (news
//     reports in the past tense; no tense analysis is done); "last
//     Saturday" is strictly before P; "Saturday night" adds the next day;
//   "last|this|next week|weekend|month|year", "earlier|later this
//     week|month|year": calendar units, weeks Monday..Sunday; "this X"
//     runs from the unit's start to P;
//   "over|in|during the past|last N days|weeks|months|years", "in recent
//     days|weeks|months|years" -> [P - N units, P] (kRange; few = 4,
//     several = 7, recent = 7 days / 4 weeks / 6 months / 3 years);
//   seasons with a year or last/this/next: "in the summer of 2020", "last
//     summer" (= summer of P's year - 1), winter Y = Dec Y .. Feb Y+1;
//   anchored: "a day later", "two days later", "the next|following day",
//     "the previous day", "N days earlier", "the same day": relative to
//     the latest day-precise date resolved before it in the text, when
//     there is one.
//
// Contract:
//   - The window [from, to] is inclusive and always valid (from <= to).
//   - When P is invalid (unknown), only forms that need no P resolve:
//     absolute forms with a year, ranges and decades with years, and the
//     anchored forms after such a day ("On 5 March 2022 ... The next day").
//     Nothing else is returned: unresolved expressions are not in the
//     output.
//   - An event is never dated after its report: a window that lies wholly
//     after P is returned with future = true and its stated window ("next
//     week", "until November 2025"); one that starts on or before P and
//     ends after it is cut at P (clamped = true).
//   - Results are in text order and do not overlap. begin/end are byte
//     offsets into `text`.
//   - Precision is the unit the text states, as in ACLED's scale: kDay for
//     a day (or one night), kWeek for a week or part of one, kMonth for a
//     month or part of one, kYear for a year or part of one (seasons, "late
//     2020"), kRange for a span given by its ends or its length ("since",
//     "from .. to", "over the past 3 years", decades).
// Gaps: no tense analysis ("will meet on Friday" resolves to the past
// Friday); the anchor for "a day later" is simply the previous day-precise
// date in the text; a bare 4-digit number 1900-2099 is a year unless a
// counted noun follows ("2000 soldiers").
#ifndef CEASEWATCH_DATES_RELATIVE_DATES_H_
#define CEASEWATCH_DATES_RELATIVE_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dates/civil_day.h"
#include "util/text_segments.h"

namespace ceasewatch {

struct ResolvedDate {
  enum Precision { kDay, kWeek, kMonth, kYear, kRange };

  uint32_t begin = 0;  // byte span of the expression in the text
  uint32_t end = 0;
  CivilDay from;  // inclusive window
  CivilDay to;
  Precision precision = kDay;
  bool relative = false;  // needed the publication day or an earlier date
  bool future = false;    // wholly after the publication day: not an event
  bool clamped = false;   // `to` was cut back to the publication day
  std::string rule;       // which form matched ("ago", "weekday", ...)
};

// Every date expression of `text` that resolves, in text order. `published`
// may be default-constructed (invalid) when unknown.
std::vector<ResolvedDate> ResolveDates(std::string_view text,
                                       CivilDay published);
// The same from `text`'s segments (SegmentText(text)), already computed:
// the annotator segments once for the dates and the numbers.
std::vector<ResolvedDate> ResolveDates(
    std::string_view text, CivilDay published,
    const std::vector<TextSegment>& segments);

// "day", "week", "month", "year", "range".
const char* PrecisionName(ResolvedDate::Precision p);

// "2022-03-05..2022-03-05 day" plus " future" / " clamped" when set: for
// tests and logs.
std::string DescribeWindow(const ResolvedDate& d);

}  // namespace ceasewatch

#endif  // CEASEWATCH_DATES_RELATIVE_DATES_H_
