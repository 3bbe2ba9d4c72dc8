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
// else, when the pack's period [period_from, period_to] is known, every
// date that needs a reference day ("March 7", "two days ago") becomes the
// range of days it can be within the period: from the period's start to
// its latest possible day (precision kRange, rule suffixed "+period");
// else `annotated` as is. `reference` receives the day used (invalid when
// none: the period gives no day).
std::vector<DatedMention> ArticleDates(
    std::string_view text, CivilDay published,
    const std::vector<ResolvedDate>& annotated, CivilDay* reference,
    CivilDay period_from = {}, CivilDay period_to = {});

}  // namespace ceasewatch

#endif  // CEASEWATCH_EVENTS_ARTICLE_DATES_H_
