#include "pipeline/event_pass.h"

#include <algorithm>

#include "dates/civil_day.h"

namespace ceasewatch {

std::vector<EventReport> ExtractArticleEvents(const EventExtractor& extractor,
                                              std::string_view text,
                                              std::string_view published,
                                              std::string_view outlet,
                                              MatchScratch& scratch) {
  CivilDay day;  // invalid: unknown
  if (!CivilDay::ParseIso(published, &day)) day = CivilDay();
  return extractor.Extract(text, day, outlet, scratch);
}

ArticleEventsFn ExtractWith(const EventExtractor& extractor,
                            MatchScratch& scratch) {
  return [&extractor, &scratch](const StoredArticle& a) {
    return ExtractArticleEvents(extractor, a.text, a.published, a.outlet,
                                scratch);
  };
}

Status ReextractEvents(
    Store& store, const ArticleEventsFn& events,
    const std::string& extractor_version, const ReextractOptions& options,
    ReextractStats* stats,
    const std::function<void(const ReextractStats&)>& progress) {
  const int batch = std::max(1, options.batch_articles);
  int64_t after = 0;
  std::vector<std::vector<EventReport>> reports;
  for (;;) {
    auto articles = store.ArticlesAfter(after, batch);
    if (!articles.ok()) return articles.status();
    if (articles->empty()) return Status::Ok();
    // Extract before taking the write lock: other writers wait less.
    reports.clear();
    int64_t count = 0;
    for (const StoredArticle& a : *articles) {
      reports.push_back(events(a));
      count += static_cast<int64_t>(reports.back().size());
    }
    CW_RETURN_IF_ERROR(store.Begin());
    Status st;
    for (size_t i = 0; i < articles->size() && st.ok(); ++i)
      st = store.ReplaceEventReports((*articles)[i].id, reports[i],
                                     extractor_version);
    if (st.ok()) st = store.Commit();
    if (!st.ok()) {
      store.Rollback();
      return st;
    }
    stats->articles += static_cast<int64_t>(articles->size());
    stats->reports += count;
    ++stats->batches;
    if (progress) progress(*stats);
    after = articles->back().id;
  }
}

}  // namespace ceasewatch
