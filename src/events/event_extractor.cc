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

namespace {

// Where a window of `text` from `begin` ends: at most `max` bytes on, after
// the last paragraph break in its second half, else the last line break,
// else the last sentence end (". "), else the last space, else at `max`
// (backed up to the start of a UTF-8 character).
size_t WindowEnd(std::string_view text, size_t begin, size_t max) {
  if (text.size() - begin <= max) return text.size();
  std::string_view w = text.substr(begin, max);
  const size_t half = max / 2;
  for (std::string_view sep : {"\n\n", "\n", ". ", " "}) {
    size_t at = w.rfind(sep);
    if (at != std::string_view::npos && at >= half)
      return begin + at + sep.size();
  }
  size_t end = begin + max;
  while (end > begin + 1 &&
         (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return end;
}

void Shift(EventReport& r, uint32_t by) {
  r.cue_begin += by;
  r.cue_end += by;
  r.sentence_begin += by;
  r.sentence_end += by;
  for (EventPlace& p : r.places) p.begin += by, p.end += by;
  for (EventActor& a : r.actors) a.begin += by, a.end += by;
  for (EventClaim& c : r.claims) c.begin += by, c.end += by;
}

}  // namespace

std::vector<EventReport> EventExtractor::Extract(std::string_view text,
                                                 CivilDay published,
                                                 std::string_view outlet,
                                                 MatchScratch& scratch) const {
  const size_t max = std::max<size_t>(options_.max_window_bytes, 1024);
  if (text.size() <= max)
    return ExtractWindow(text, published, outlet, scratch);
  std::vector<EventReport> out;
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = WindowEnd(text, begin, max);
    std::vector<EventReport> reports = ExtractWindow(
        text.substr(begin, end - begin), published, outlet, scratch);
    for (EventReport& r : reports) {
      Shift(r, static_cast<uint32_t>(begin));
      out.push_back(std::move(r));
    }
    begin = end;
  }
  return out;
}

std::vector<EventReport> EventExtractor::ExtractWindow(
    std::string_view text, CivilDay published, std::string_view outlet,
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
