#include "annotate/annotator.h"

namespace ceasewatch {

Result<std::unique_ptr<Annotator>> Annotator::Load(
    const std::string& pack_dir, const GazetteerOptions& options) {
  auto gazetteer = Gazetteer::Load(pack_dir, options);
  if (!gazetteer.ok()) return gazetteer.status();
  return std::unique_ptr<Annotator>(new Annotator(std::move(*gazetteer)));
}

TextAnnotation Annotator::Annotate(std::string_view text, CivilDay published,
                                   MatchScratch& scratch) const {
  TextAnnotation a;
  a.sentences = SplitSentences(text);
  Annotation names = gazetteer_->Annotate(text, published, scratch);
  a.places = std::move(names.places);
  a.actors = std::move(names.actors);
  // Dates, numbers and casualties read one segmentation of the text.
  std::vector<TextSegment> segments;
  if (text.size() <= UINT32_MAX) segments = SegmentText(text);
  a.dates = ResolveDates(text, published, segments);
  std::vector<NumberMention> numbers;
  FindNumbersAndCasualties(text, segments, &numbers, &a.casualties);
  // A number inside a date expression ("late 2020", "1991 to 1994") is a
  // year, not a count. Both lists are in text order and neither overlaps
  // itself, so one walk finds, for each number, the only date that can
  // hold it: the first one ending at or after it.
  a.numbers.reserve(numbers.size());
  size_t d = 0;
  for (const NumberMention& n : numbers) {
    while (d < a.dates.size() && a.dates[d].end < n.end) ++d;
    const bool in_date = d < a.dates.size() && n.begin >= a.dates[d].begin &&
                         n.end <= a.dates[d].end;
    if (!in_date) a.numbers.push_back(n);
  }
  a.quotes = FindAttributions(text, a.sentences);  // split once
  return a;
}

}  // namespace ceasewatch
