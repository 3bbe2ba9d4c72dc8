#include "agreements/links_json.h"

namespace ceasewatch {
namespace {

using nlohmann::json;

// "" as null: an absent value, not an empty one.
json StringOrNull(const std::string& s) { return s.empty() ? json() : json(s); }

json CountJson(const CountRange& c) {
  if (!c.known) return json();
  return {{"low", c.low}, {"high", c.high < 0 ? json() : json(c.high)}};
}

json ProvisionHeadJson(const Provision& p) {
  json places = json::array();
  for (const ProvisionPlace& z : p.places) {
    places.push_back({{"id", z.id},
                      {"name", z.name},
                      {"kind", z.kind},
                      {"lat", z.lat},
                      {"lon", z.lon},
                      {"radius_km", z.radius_km}});
  }
  json deadlines = json::array();
  for (const Deadline& d : p.deadlines) {
    deadlines.push_back(
        {{"day", d.day}, {"text", d.text}, {"places", d.place_ids}});
  }
  return {{"number", p.number},
          {"id", p.id},
          {"summary", p.summary},
          {"bound", p.bound},
          {"places", std::move(places)},
          {"deadlines", std::move(deadlines)},
          {"until", StringOrNull(p.until)},
          {"notes", StringOrNull(p.notes)}};
}

json LinkedIncidentJson(const LinkedIncident& link) {
  const Incident& i = link.view->incident;
  json places = json::array();
  for (const EventPlace& p : i.places) {
    places.push_back({{"id", StringOrNull(p.place_id)}, {"name", p.name}});
  }
  json deadlines = json::array();
  for (const DeadlineTiming& t : link.deadlines) {
    deadlines.push_back({{"day", t.deadline->day}, {"timing", t.timing}});
  }
  return {{"id", i.id},
          {"type", i.type},
          {"date", i.date},
          {"date_end", WindowEnd(i)},
          {"places", std::move(places)},
          {"sides", i.sides},
          {"relation", RelationName(link.relation)},
          {"accused", link.accused},
          {"in_places", link.matched_places},
          {"deadlines", std::move(deadlines)},
          {"fatalities", CountJson(i.fatalities)},
          {"reports", i.reports},
          {"sources", i.sources}};
}

json ClaimsBySideJson(const ProvisionLinks& links) {
  json out = json::array();
  for (const SideClaims& group : links.claims_by_side) {
    json claims = json::array();
    for (const ProvisionClaim& pc : group.claims) {
      const LinkedIncident& link = links.incidents[pc.incident];
      const EventClaim& c = pc.claim->claim;
      claims.push_back({{"incident", link.view->incident.id},
                        {"relation", RelationName(link.relation)},
                        {"source",
                         {{"name", c.source_name},
                          {"id", StringOrNull(c.source_id)},
                          {"kind", c.source_kind}}},
                        {"stance", c.stance},
                        {"verb", StringOrNull(c.verb)},
                        {"text", c.text},
                        {"article", pc.claim->article_id}});
    }
    out.push_back({{"side", group.side}, {"claims", std::move(claims)}});
  }
  return out;
}

}  // namespace

json AgreementLinksJson(const Agreement& agreement,
                        const std::vector<ProvisionLinks>& links) {
  json provisions = json::array();
  for (const ProvisionLinks& pl : links) {
    json p = ProvisionHeadJson(*pl.provision);
    json incidents = json::array();
    json counts = {{"incidents", pl.incidents.size()},
                   {"possible_breach", 0},
                   {"implementation", 0},
                   {"relevant", 0}};
    for (const LinkedIncident& link : pl.incidents) {
      incidents.push_back(LinkedIncidentJson(link));
      counts[RelationName(link.relation)] =
          counts[RelationName(link.relation)].get<int>() + 1;
    }
    p["counts"] = std::move(counts);
    p["incidents"] = std::move(incidents);
    p["claims_by_side"] = ClaimsBySideJson(pl);
    provisions.push_back(std::move(p));
  }
  return {{"id", agreement.id},
          {"title", agreement.title},
          {"signed", agreement.signed_day},
          {"in_force", agreement.in_force},
          {"signatories", agreement.signatories},
          {"notes", StringOrNull(agreement.notes)},
          {"provisions", std::move(provisions)}};
}

}  // namespace ceasewatch
