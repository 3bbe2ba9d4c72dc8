#include "agreements/incident_views.h"

namespace ceasewatch {

Result<std::vector<IncidentView>> ReadIncidentViews(
    Store& store, const IncidentViewOptions& options) {
  std::vector<IncidentView> views;
  Status st = store.ForEachIncident([&](const Incident& incident) -> Status {
    if (incident.background || incident.date.empty()) return Status::Ok();
    if (WindowEnd(incident) < options.ends_on_or_after) return Status::Ok();
    auto reports = store.ReportsOfIncident(incident.id);
    if (!reports.ok()) return reports.status();
    std::vector<EventReport> members;
    std::vector<int64_t> articles;
    members.reserve(reports->size());
    articles.reserve(reports->size());
    for (StoredEventReport& r : *reports) {
      members.push_back(std::move(r.report));
      articles.push_back(r.article_id);
    }
    views.push_back(ViewOfIncident(incident, members, articles));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return views;
}

}  // namespace ceasewatch
