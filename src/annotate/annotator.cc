#include "annotate/annotator.h"

namespace ceasewatch {

Result<std::unique_ptr<Annotator>> Annotator::Load(
    const std::string& pack_dir) {
  auto gazetteer = Gazetteer::Load(pack_dir);
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
  a.dates = ResolveDates(text, published);
  // A number inside a date expression ("late 2020", "1991 to 1994") is a
  // year, not a count.
  for (NumberMention& n : FindNumbers(text)) {
    bool in_date = false;
    for (const ResolvedDate& d : a.dates)
      if (n.begin >= d.begin && n.end <= d.end) in_date = true;
    if (!in_date) a.numbers.push_back(n);
  }
  a.casualties = FindCasualties(text);
  a.quotes = FindAttributions(text);
  return a;
}

}  // namespace ceasewatch
