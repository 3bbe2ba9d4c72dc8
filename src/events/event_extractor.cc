#include "events/event_extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "events/event_lexicon.h"
#include "events/sentence_events.h"

namespace ceasewatch {

EventExtractor::~EventExtractor() = default;

Result<std::unique_ptr<EventExtractor>> EventExtractor::Load(
    const std::string& pack_dir, const ExtractOptions& options) {
  auto lexicon = EventLexicon::Load(pack_dir + "/events");
  if (!lexicon.ok()) return lexicon.status();
  // Reports keep the places chosen, not why: no reasons written.
  GazetteerOptions gazetteer;
  gazetteer.explain = false;
  auto annotator = Annotator::Load(pack_dir, gazetteer);
  if (!annotator.ok()) return annotator.status();
  std::unique_ptr<EventExtractor> x(new EventExtractor());
  x->options_ = options;
  x->annotator_ = std::move(*annotator);
  x->lexicon_ = std::move(*lexicon);
  const TheatrePack& pack = x->annotator_->gazetteer().pack();
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016llx",
                static_cast<unsigned long long>(x->lexicon_->digest()));
  x->version_ = pack.name + "/" + std::to_string(pack.version) + "/" + digest;
  return x;
}

std::vector<EventReport> EventExtractor::Extract(std::string_view text,
                                                 CivilDay published,
                                                 std::string_view outlet,
                                                 MatchScratch& scratch) const {
  TextAnnotation annotation = annotator_->Annotate(text, published, scratch);
  ArticleContext ctx{text,
                     published,
                     outlet,
                     annotation,
                     *lexicon_,
                     options_,
                     &annotator_->gazetteer().pack()};
  ctx.speakers = ResolveSpeakers(ctx);  // once, for claims and denials
  std::vector<EventReport> reports = FindSentenceEvents(ctx);
  MergeArticleEvents(ctx, reports);
  AttachDenials(ctx, reports);
  return reports;
}

}  // namespace ceasewatch
