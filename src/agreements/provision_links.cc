#include "agreements/provision_links.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "util/geo.h"

namespace ceasewatch {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// The order claims are grouped in: parties first, then media, then the
// rest by name.
std::tuple<int, std::string> SideOrder(const std::string& side) {
  static constexpr const char* kOrder[] = {"AZ", "AM",   "NK",    "RU",
                                           "TR", "INTL", "OTHER", "media"};
  for (int i = 0; i < 8; ++i) {
    if (side == kOrder[i]) return {i, ""};
  }
  return {8, side};
}

// The accused sides: who acts, else everyone involved.
std::vector<std::string> Accused(const IncidentView& v) {
  return v.actor1_sides.empty() ? v.incident.sides : v.actor1_sides;
}

bool RuleMatchesActors(const IncidentRule& rule,
                       const std::vector<std::string>& accused) {
  if (rule.by.empty()) return true;
  return std::any_of(accused.begin(), accused.end(), [&](const std::string& s) {
    return Contains(rule.by, s);
  });
}

// The provision's places (restricted to the rule's, when it names some)
// that one of the incident's places lies in.
std::vector<std::string> MatchedPlaces(const Agreement& a, const Provision& p,
                                       const IncidentRule& rule,
                                       const Incident& incident) {
  std::vector<std::string> out;
  for (const ProvisionPlace& zone : p.places) {
    if (!rule.place_ids.empty() && !Contains(rule.place_ids, zone.id)) {
      continue;
    }
    for (const EventPlace& place : incident.places) {
      auto extent = a.area_extents_km.find(place.place_id);
      if (PlaceLiesIn(place,
                      extent == a.area_extents_km.end() ? 0 : extent->second,
                      zone)) {
        out.push_back(zone.id);
        break;
      }
    }
  }
  return out;
}

std::vector<DeadlineTiming> Timings(const Provision& p, const Incident& i,
                                    const std::vector<std::string>& matched) {
  std::vector<DeadlineTiming> out;
  for (const Deadline& d : p.deadlines) {
    const bool concerns = d.place_ids.empty() ||
                          std::any_of(d.place_ids.begin(), d.place_ids.end(),
                                      [&](const std::string& id) {
                                        return Contains(matched, id);
                                      });
    if (!concerns) continue;
    DeadlineTiming t;
    t.deadline = &d;
    if (WindowEnd(i) <= d.day) {
      t.timing = "by";
    } else if (i.date > d.day) {
      t.timing = "after";
    } else {
      t.timing = "spans";
    }
    out.push_back(std::move(t));
  }
  return out;
}

// The link of `view` to `p`, if it bears on it (the time checks done).
bool LinkTo(const Agreement& a, const Provision& p, const IncidentView& view,
            LinkedIncident* out) {
  const Incident& incident = view.incident;
  std::vector<std::string> accused = Accused(view);
  for (const IncidentRule& rule : p.rules) {
    if (!Contains(rule.types, incident.type)) continue;
    if (!RuleMatchesActors(rule, accused)) continue;
    std::vector<std::string> matched;
    if (!p.places.empty()) {
      matched = MatchedPlaces(a, p, rule, incident);
      if (matched.empty()) continue;
    }
    out->view = &view;
    out->relation = rule.relation;
    out->deadlines = Timings(p, incident, matched);
    out->accused = std::move(accused);
    out->matched_places = std::move(matched);
    return true;
  }
  return false;
}

void GroupClaims(ProvisionLinks* links) {
  std::map<std::tuple<int, std::string>, SideClaims> by_side;
  for (size_t i = 0; i < links->incidents.size(); ++i) {
    for (const IncidentClaim& c : links->incidents[i].view->claims) {
      const std::string side =
          c.claim.source_side.empty() ? "media" : c.claim.source_side;
      SideClaims& group = by_side[SideOrder(side)];
      group.side = side;
      group.claims.push_back({&c, i});
    }
  }
  for (auto& [order, group] : by_side) {
    links->claims_by_side.push_back(std::move(group));
  }
}

}  // namespace

bool PlaceLiesIn(const EventPlace& place, double place_extent_km,
                 const ProvisionPlace& zone) {
  if (!place.place_id.empty() && place.place_id == zone.id) return true;
  if (place.kind == "country") return false;
  const bool area = IsAreaKind(place.kind);
  if (zone.kind == "district" && !zone.admin2.empty()) {
    if (!place.admin2.empty()) {
      return place.country == zone.country && place.admin2 == zone.admin2;
    }
    if (area) return false;
  }
  // A larger area does not lie in a smaller place because its centre does.
  if (area && place_extent_km > zone.radius_km) return false;
  return GreatCircleKm(place.lat, place.lon, zone.lat, zone.lon) <=
         zone.radius_km;
}

IncidentView ViewOfIncident(const Incident& incident,
                            const std::vector<EventReport>& reports,
                            const std::vector<int64_t>& article_ids) {
  IncidentView view;
  view.incident = incident;
  for (size_t r = 0; r < reports.size(); ++r) {
    const EventReport& report = reports[r];
    for (const EventActor& a : report.actors) {
      if (a.role == "actor1" && !a.side.empty() &&
          !Contains(view.actor1_sides, a.side)) {
        view.actor1_sides.push_back(a.side);
      }
    }
    for (const EventClaim& c : report.claims) {
      const bool repeat = std::any_of(
          view.claims.begin(), view.claims.end(), [&](const IncidentClaim& k) {
            return k.claim.source_name == c.source_name &&
                   k.claim.source_side == c.source_side &&
                   k.claim.stance == c.stance && k.claim.text == c.text;
          });
      if (repeat) continue;
      view.claims.push_back(
          {c, r < article_ids.size() ? article_ids[r] : int64_t{0}});
    }
  }
  std::sort(view.actor1_sides.begin(), view.actor1_sides.end());
  return view;
}

std::vector<ProvisionLinks> LinkIncidents(
    const Agreement& agreement, const std::vector<IncidentView>& views) {
  std::vector<ProvisionLinks> out;
  for (const Provision& p : agreement.provisions) {
    ProvisionLinks links;
    links.provision = &p;
    for (const IncidentView& view : views) {
      const Incident& incident = view.incident;
      if (incident.background || incident.date.empty()) continue;
      if (WindowEnd(incident) < agreement.in_force) continue;
      if (!p.until.empty() && incident.date > p.until) continue;
      LinkedIncident link;
      if (LinkTo(agreement, p, view, &link))
        links.incidents.push_back(std::move(link));
    }
    std::stable_sort(links.incidents.begin(), links.incidents.end(),
                     [](const LinkedIncident& a, const LinkedIncident& b) {
                       const Incident& x = a.view->incident;
                       const Incident& y = b.view->incident;
                       return std::tie(x.date, x.id) < std::tie(y.date, y.id);
                     });
    GroupClaims(&links);
    out.push_back(std::move(links));
  }
  return out;
}

}  // namespace ceasewatch
