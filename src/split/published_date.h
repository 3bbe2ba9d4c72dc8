// Choosing an article's publication day from the evidence on its page.
//
// Stated dates come first (page metadata, a dateline under the title). When
// the page states none, a day is inferred only from the page's own words,
// and the reason is kept:
//   - a neighbouring article in the same page (a forum thread pasting
//     several articles) that states its date;
//   - the latest day the article reports as news: a month and day with no
//     year ("On the night of September 13"), in a paragraph that names no
//     year before it, placed in the latest year the article states with a
//     month ("in March 2022"), and only when that needs no roll-over into
//     another year. A date given with its year is history, not news, and
//     never dates the article by itself.
// Otherwise the date stays empty: a wrong date is worse than none.
#ifndef CEASEWATCH_SPLIT_PUBLISHED_DATE_H_
#define CEASEWATCH_SPLIT_PUBLISHED_DATE_H_

#include <optional>
#include <string>
#include <vector>

#include "ceasewatch/records.h"
#include "dates/civil_day.h"

namespace ceasewatch {

struct InferredDay {
  CivilDay day;
  std::string reason;
};

// The latest news day the paragraphs report, per the rule above.
std::optional<InferredDay> InferDayFromReportedEvents(
    const std::vector<Paragraph>& paragraphs);

// Fills `published` of undated articles from the nearest article of the
// same page that has a stated (not inferred) date.
void InferFromNeighbours(std::vector<Article>* articles);

}  // namespace ceasewatch

#endif  // CEASEWATCH_SPLIT_PUBLISHED_DATE_H_
