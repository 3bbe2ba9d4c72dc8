#include "events/article_dates.h"

#include <cmath>
#include <string>

#include "numbers/numbers.h"
#include "util/ascii.h"

namespace ceasewatch {
namespace {

// Adds `n` units to `day`; months and years keep the day of the month
// (clipped to the month's length).
CivilDay AddUnits(CivilDay day, int n, char unit) {
  if (unit == 'd') return CivilDay::FromDays(day.ToDays() + n);
  if (unit == 'w') return CivilDay::FromDays(day.ToDays() + 7 * n);
  int months = unit == 'y' ? 12 * n : n;
  int total = day.year * 12 + (day.month - 1) + months;
  CivilDay out{total / 12, total % 12 + 1, day.day};
  out.day = std::min(out.day, DaysInMonth(out.year, out.month));
  return out;
}

}  // namespace

CivilDay EstimateWritingDay(std::string_view text,
                            const std::vector<ResolvedDate>& dates) {
  std::string lower = AsciiLowercase(text);
  for (std::string_view verb : {"passed since", "elapsed since"}) {
    size_t at = 0;
    while ((at = lower.find(verb, at)) != std::string::npos) {
      size_t since_end = at + verb.size();
      // "<N> <unit>s (have|has) " before the verb.
      size_t head = at > 60 ? at - 60 : 0;
      std::string_view before = std::string_view(lower).substr(head, at - head);
      char unit = 0;
      size_t unit_pos = std::string_view::npos;
      for (auto [word, u] : {std::pair{"days", 'd'},
                             {"weeks", 'w'},
                             {"months", 'm'},
                             {"years", 'y'}}) {
        size_t k = before.rfind(word);
        if (k != std::string_view::npos &&
            (unit_pos == std::string_view::npos || k > unit_pos)) {
          unit_pos = k;
          unit = u;
        }
      }
      at = since_end;
      if (!unit) continue;
      std::string_view count_text = before.substr(0, unit_pos);
      std::vector<NumberMention> numbers = FindNumbers(count_text);
      if (numbers.empty()) continue;
      const NumberMention& n = numbers.back();
      if (n.end + 2 < count_text.size()) continue;  // not right before
      // "more than 15" reads as at least 16: the estimate is that bound.
      int count = static_cast<int>(std::ceil(n.low));
      if (count <= 0 || count > 1000) continue;
      for (const ResolvedDate& d : dates) {
        if (d.relative || d.begin < since_end || d.begin > since_end + 80)
          continue;
        return AddUnits(d.to, count, unit);
      }
    }
  }
  return CivilDay{};
}

std::vector<DatedMention> ArticleDates(
    std::string_view text, CivilDay published,
    const std::vector<ResolvedDate>& annotated, CivilDay* reference,
    CivilDay period_from, CivilDay period_to) {
  *reference = published;
  if (published.valid()) return annotated;
  CivilDay estimate = EstimateWritingDay(text, annotated);
  if (estimate.valid()) {
    *reference = estimate;
    return ResolveDates(text, estimate);
  }
  if (!period_from.valid() || !period_to.valid()) return annotated;
  // Resolved as if written on the period's last day, a date needing a
  // reference lands on its latest possible day; it may be any earlier one
  // back to the period's start. Dates of the text that stand alone ("7
  // March 2022") keep their own window.
  std::vector<DatedMention> out = ResolveDates(text, period_to);
  for (DatedMention& d : out) {
    if (!d.relative) continue;
    if (d.to.ToDays() < period_from.ToDays()) continue;
    d.from = period_from;
    d.precision = ResolvedDate::kRange;
    d.rule += "+period";
  }
  return out;
}

}  // namespace ceasewatch
