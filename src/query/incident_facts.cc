#include "query/incident_facts.h"

#include <algorithm>
#include <string>

namespace ceasewatch {

std::vector<EventActor> IncidentActors(
    const Incident& incident, const std::vector<StoredEventReport>& members) {
  const bool any_of_type = std::any_of(
      members.begin(), members.end(),
      [&](const auto& m) { return m.report.type == incident.type; });
  std::vector<EventActor> out;
  std::vector<std::string> seen;
  for (const StoredEventReport& m : members) {
    if (any_of_type && m.report.type != incident.type) continue;
    for (const EventActor& a : m.report.actors) {
      std::string key = (a.actor_id.empty() ? a.name : a.actor_id) + '\t' +
                        a.side + '\t' + a.role;
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(std::move(key));
      out.push_back(a);
    }
  }
  return out;
}

Result<IncidentFacts> ReadIncidentFacts(Store& store, QueryDb& query,
                                        int64_t incident_id) {
  IncidentFacts facts;
  auto incident = store.ReadIncident(incident_id);
  if (!incident.ok()) return incident.status();
  facts.incident = std::move(*incident);
  auto members = store.ReportsOfIncident(incident_id);
  if (!members.ok()) return members.status();
  if (members->empty())
    return Status::NotFound("incident " + std::to_string(incident_id) +
                            " has no reports left");
  facts.members = std::move(*members);
  std::vector<int64_t> ids;
  for (const StoredEventReport& m : facts.members) ids.push_back(m.article_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (int64_t id : ids) {
    auto a = query.ReadArticle(id, /*with_text=*/false);
    if (!a.ok()) return a.status();
    facts.articles.push_back(std::move(*a));
  }
  facts.actors = IncidentActors(facts.incident, facts.members);
  return facts;
}

}  // namespace ceasewatch
