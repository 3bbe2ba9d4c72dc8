// The dates an article's events can take: the annotated dates, resolved
// against the publication day, or, when the article's day is unknown,
// against a day the text itself gives away ("more than 15 months have
// passed since the end of the war on 10 November 2020").
#ifndef CEASEWATCH_EVENTS_ARTICLE_DATES_H_
#define CEASEWATCH_EVENTS_ARTICLE_DATES_H_

#include <string_view>
#include <vector>

#include "dates/civil_day.h"
#include "dates/relative_dates.h"

namespace ceasewatch {

using DatedMention = ResolvedDate;

// The day the text was written, estimated from an elapsed-time phrase:
// "N days|weeks|months|years (have) passed|elapsed since <dated>", where
// <dated> is an absolute date within 80 bytes after "since". The estimate
// is that date plus N units ("more than 15" counts as 16, a lower bound).
// Invalid when there is none.
CivilDay EstimateWritingDay(std::string_view text,
                            const std::vector<ResolvedDate>& dates);

// `annotated` resolved against `published` (the annotation's dates) when
// it is valid; else against EstimateWritingDay when the text gives one;
// else `annotated` as is. `reference` receives the day used (invalid when
// none).
std::vector<DatedMention> ArticleDates(
    std::string_view text, CivilDay published,
    const std::vector<ResolvedDate>& annotated, CivilDay* reference);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EVENTS_ARTICLE_DATES_H_
