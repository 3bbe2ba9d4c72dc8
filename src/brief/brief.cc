#include "brief/brief.h"

#include <algorithm>
#include <map>

#include "agreements/incident_views.h"
#include "agreements/provision_links.h"
#include "dates/civil_day.h"

namespace ceasewatch {
namespace {

// Groups in order of count, then key.
std::vector<BriefGroup> Sorted(std::map<std::string, BriefGroup> groups) {
  std::vector<BriefGroup> out;
  for (auto& [key, g] : groups) out.push_back(std::move(g));
  std::stable_sort(out.begin(), out.end(),
                   [](const BriefGroup& a, const BriefGroup& b) {
                     return a.incidents.size() > b.incidents.size();
                   });
  return out;
}

void Count(std::map<std::string, BriefGroup>& groups, const std::string& key,
           const std::string& detail, const Incident& i) {
  BriefGroup& g = groups[key];
  g.key = key;
  if (g.detail.empty()) g.detail = detail;
  if (!g.incidents.empty() && g.incidents.back() == i.id) return;
  g.incidents.push_back(i.id);
  AddRange(i.fatalities, &g.killed);
  AddRange(i.injured, &g.injured);
}

std::string PlaceDetail(const EventPlace& p) {
  std::string d = p.admin1;
  if (!p.country.empty()) d += (d.empty() ? "" : ", ") + p.country;
  return d;
}

Status AddProvisions(Store& store, const std::vector<Agreement>& agreements,
                     const BriefOptions& options, Brief* brief) {
  IncidentViewOptions view_options;
  view_options.ends_on_or_after = options.since;
  auto views = ReadIncidentViews(store, view_options);
  if (!views.ok()) return views.status();
  std::vector<int64_t> period;
  for (const BriefIncident& b : brief->incidents)
    period.push_back(b.facts.incident.id);
  std::sort(period.begin(), period.end());
  for (const Agreement& a : agreements) {
    for (const ProvisionLinks& links : LinkIncidents(a, *views)) {
      BriefProvision p;
      p.agreement_id = a.id;
      p.agreement_title = a.title;
      p.number = links.provision->number;
      p.provision_id = links.provision->id;
      p.summary = links.provision->summary;
      for (const LinkedIncident& l : links.incidents) {
        const int64_t id = l.view->incident.id;
        if (!std::binary_search(period.begin(), period.end(), id)) continue;
        p.incidents.push_back({id, RelationName(l.relation), l.accused});
      }
      if (!p.incidents.empty()) brief->provisions.push_back(std::move(p));
    }
  }
  return Status::Ok();
}

// Days from `a` to `b` (ISO days); -1 when either is not one.
int64_t DaysBetween(const std::string& a, const std::string& b) {
  CivilDay x, y;
  if (!CivilDay::ParseIso(a, &x) || !CivilDay::ParseIso(b, &y)) return -1;
  return y.ToDays() - x.ToDays();
}

// A window longer than the period that meets it necessarily reaches
// outside it.
bool LooselyDated(const Incident& i, const std::string& since,
                  const std::string& until) {
  const int64_t window = DaysBetween(i.date, WindowEnd(i));
  const int64_t period = DaysBetween(since, until);
  return window >= kLooseWindowDays && (period < 0 || window > period);
}

}  // namespace

void AddRange(const CountRange& c, CountRange* sum) {
  if (!c.known) return;
  if (!sum->known) *sum = {true, 0, 0};
  sum->low += c.low;
  if (sum->high >= 0) sum->high = c.high < 0 ? -1 : sum->high + c.high;
}

Result<Brief> BuildBrief(Store& store, QueryDb& query,
                         const std::vector<Agreement>& agreements,
                         const BriefOptions& options) {
  IncidentFilter filter;
  CW_RETURN_IF_ERROR(SetFilterParam("since", options.since, {}, &filter));
  CW_RETURN_IF_ERROR(SetFilterParam("until", options.until, {}, &filter));
  CW_RETURN_IF_ERROR(CheckFilter(filter));
  filter.exclude_background = true;
  auto page = query.FindIncidents(filter);
  if (!page.ok()) return page.status();
  Brief brief;
  brief.since = filter.since;
  brief.until = filter.until;
  for (int64_t id : page->ids) {
    auto facts = ReadIncidentFacts(store, query, id);
    if (!facts.ok()) {
      if (facts.status().code() == Status::Code::kNotFound) continue;
      return facts.status();
    }
    if (LooselyDated(facts->incident, filter.since, filter.until)) {
      brief.loosely_dated.push_back(id);
      continue;
    }
    BriefIncident b;
    b.contradictions = FindContradictions(facts->members);
    b.facts = std::move(*facts);
    brief.incidents.push_back(std::move(b));
  }
  std::stable_sort(brief.incidents.begin(), brief.incidents.end(),
                   [](const BriefIncident& a, const BriefIncident& b) {
                     return a.facts.incident.date < b.facts.incident.date;
                   });
  std::map<std::string, BriefGroup> types, places, sides;
  std::map<int64_t, ArticleMeta> articles;
  for (const BriefIncident& b : brief.incidents) {
    const Incident& i = b.facts.incident;
    Count(types, i.type, i.acled_event_type, i);
    bool placed = false;
    for (const EventPlace& p : i.places) {
      if (p.kind == "country") continue;
      Count(places, p.name, PlaceDetail(p), i);
      placed = true;
    }
    if (!placed) {
      for (const EventPlace& p : i.places) Count(places, p.name, p.country, i);
      if (i.places.empty()) Count(places, "(no place)", "", i);
    }
    for (const std::string& s : i.sides) Count(sides, s, "", i);
    if (i.sides.empty()) Count(sides, "(no party named)", "", i);
    AddRange(i.fatalities, &brief.killed);
    AddRange(i.injured, &brief.injured);
    brief.reports += static_cast<int64_t>(b.facts.members.size());
    for (const ArticleMeta& a : b.facts.articles) articles.emplace(a.id, a);
  }
  brief.by_type = Sorted(std::move(types));
  brief.by_place = Sorted(std::move(places));
  brief.by_side = Sorted(std::move(sides));
  for (auto& [id, a] : articles) brief.articles.push_back(std::move(a));
  if (!agreements.empty()) {
    brief.agreements = true;
    CW_RETURN_IF_ERROR(AddProvisions(store, agreements, options, &brief));
  }
  return brief;
}

}  // namespace ceasewatch
