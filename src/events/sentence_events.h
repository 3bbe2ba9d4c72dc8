// The steps of event extraction over one annotated article (internal to
// the events stage; EventExtractor runs them in order):
//
//   FindSentenceEvents   one report per cue group and sentence, with its
//                        arguments (places, actors, date, casualties) and
//                        its claim (the statement the cue sits in, or the
//                        reporter's own voice);
//   MergeArticleEvents   reports of one type in one article whose dates
//                        and places agree are one event told several
//                        times: merged, claims kept;
//   AttachDenials        a denial or dispute that names no event of its
//                        own ("called this information disinformation")
//                        becomes a claim on the event it answers.
#ifndef CEASEWATCH_EVENTS_SENTENCE_EVENTS_H_
#define CEASEWATCH_EVENTS_SENTENCE_EVENTS_H_

#include <string_view>
#include <vector>

#include "annotate/annotator.h"
#include "ceasewatch/events.h"
#include "dates/civil_day.h"
#include "events/event_extractor.h"
#include "events/event_lexicon.h"

namespace ceasewatch {

// Who a statement's speaker is, as a claim names its source.
struct ClaimSource {
  std::string name, id, side, kind;
};

struct ArticleContext {
  std::string_view text;
  CivilDay published;  // may be invalid
  std::string_view outlet;
  const TextAnnotation& annotation;
  const EventLexicon& lexicon;
  const ExtractOptions& options;
  // The theatre pack's actors, for parties the text names without a
  // country ("the police"); may be null.
  const TheatrePack* pack = nullptr;
  // One per annotation.quotes, in the same order (ResolveSpeakers).
  std::vector<ClaimSource> speakers = {};
};

// The source of each statement of the article: a pack actor named in the
// speaker's words, a country named there, the latest earlier speaker with
// a side for "it" or "the ministry", else the words as written (media).
std::vector<ClaimSource> ResolveSpeakers(const ArticleContext& ctx);

std::vector<EventReport> FindSentenceEvents(const ArticleContext& ctx);
void MergeArticleEvents(const ArticleContext& ctx,
                        std::vector<EventReport>& reports);
void AttachDenials(const ArticleContext& ctx,
                   std::vector<EventReport>& reports);

// Whether two reports can tell the same event: same type and background
// flag, date windows that overlap (a day's slack; a week's when one is
// dated only by its publication day), places within 60 km, or within the
// extent of an area, zone or route of `pack` (radius_km) that one of them
// names, or one names only a country or nothing.
bool SameEvent(const EventReport& a, const EventReport& b,
               const TheatrePack* pack);
// Adds what `from` knows to `into`: claims, places and actors not there
// yet, casualty ranges widened (low the smallest, high the largest), the
// date of the text over the publication day, the narrower common window.
void MergeInto(EventReport& into, const EventReport& from);

// One line a report, for tests and debugging:
//   type=shelling acled=Explosions/Remote violence|Shelling/... date=D..E
//   places=Goris,Sotk actors=AZ:actor1,AM:actor2 killed=3..3 injured=-
//   claims=RU:asserts,AZ:denies background=0
std::string DumpReport(const EventReport& r);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EVENTS_SENTENCE_EVENTS_H_
