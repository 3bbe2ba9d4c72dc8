#include "events/event_extractor.h"

namespace ceasewatch {

class EventLexicon {};

EventExtractor::~EventExtractor() = default;

Result<std::unique_ptr<EventExtractor>> EventExtractor::Load(
    const std::string& pack_dir, const ExtractOptions& options) {
  auto annotator = Annotator::Load(pack_dir);
  if (!annotator.ok()) return annotator.status();
  std::unique_ptr<EventExtractor> x(new EventExtractor());
  x->options_ = options;
  x->annotator_ = std::move(*annotator);
  x->lexicon_ = std::make_unique<EventLexicon>();
  x->version_ = "stub";
  return x;
}

std::vector<EventReport> EventExtractor::Extract(std::string_view,
                                                 CivilDay, std::string_view,
                                                 MatchScratch&) const {
  return {};
}

}  // namespace ceasewatch
