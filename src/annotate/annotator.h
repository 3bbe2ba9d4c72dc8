// Annotation: every mention in a text that a conflict report turns on —
// places, actors, dates, numbers, casualty figures and attributed speech —
// each with byte offsets into the text and its resolved value. One call
// runs every layer; the theatre pack supplies what is conflict-specific.
//
//   auto annotator = Annotator::Load("data/theatres/south-caucasus");
//   TextAnnotation a = (*annotator)->Annotate(text, CivilDay{2022, 3, 27});
//   for (const PlaceMention& p : a.places) ...
#ifndef CEASEWATCH_ANNOTATE_ANNOTATOR_H_
#define CEASEWATCH_ANNOTATE_ANNOTATOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ceasewatch/status.h"
#include "dates/civil_day.h"
#include "dates/relative_dates.h"
#include "gazetteer/gazetteer.h"
#include "numbers/casualties.h"
#include "numbers/numbers.h"
#include "quotes/attribution.h"
#include "quotes/sentences.h"

namespace ceasewatch {

struct TextAnnotation {
  std::vector<Span> sentences;
  std::vector<PlaceMention> places;
  std::vector<ActorMention> actors;
  std::vector<ResolvedDate> dates;  // resolved against the publication day
  std::vector<NumberMention> numbers;
  std::vector<CasualtyMention> casualties;
  std::vector<Attribution> quotes;
};

// Immutable after Load; Annotate may be called from several threads, each
// with its own MatchScratch.
class Annotator {
 public:
  static Result<std::unique_ptr<Annotator>> Load(
      const std::string& pack_dir, const GazetteerOptions& options = {});

  // `published` may be invalid (unknown): relative dates then stay
  // unresolved and persons' roles undated.
  TextAnnotation Annotate(std::string_view text, CivilDay published,
                          MatchScratch& scratch) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  explicit Annotator(std::unique_ptr<Gazetteer> g) : gazetteer_(std::move(g)) {}
  std::unique_ptr<Gazetteer> gazetteer_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_ANNOTATE_ANNOTATOR_H_
