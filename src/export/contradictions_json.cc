#include "export/contradictions_json.h"

#include <string>

namespace ceasewatch {

using Json = nlohmann::ordered_json;

namespace {

// The incident's places below country level, "(no place)" when none.
std::string PlaceNames(const Incident& incident) {
  std::string out;
  for (const EventPlace& p : incident.places) {
    if (p.kind == "country") continue;
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out.empty() ? "(no place)" : out;
}

}  // namespace

Json ClaimRefJson(const ClaimRef& r) {
  Json j;
  j["side"] = r.claim.source_side;
  j["source"] = r.claim.source_name;
  j["source_kind"] = r.claim.source_kind;
  j["stance"] = r.claim.stance;
  j["verb"] = r.claim.verb;
  j["text"] = r.claim.text;
  j["article"] = r.article_id;
  j["report"] = r.event_id;
  j["begin"] = r.claim.begin;
  j["end"] = r.claim.end;
  if (r.figure.known) {
    j["figure"] = {{"low", r.figure.low},
                   {"high", r.figure.high < 0 ? Json() : Json(r.figure.high)}};
  }
  return j;
}

Json ContradictionJson(const Incident& incident, const Contradiction& c) {
  Json j;
  j["incident"] = {{"id", incident.id},
                   {"type", incident.type},
                   {"date", incident.date},
                   {"date_end", incident.date_end},
                   {"places", PlaceNames(incident)},
                   {"sources", incident.sources}};
  j["kind"] = c.kind;
  j["claims"] = Json::array({ClaimRefJson(c.first), ClaimRefJson(c.second)});
  return j;
}

Result<Json> ContradictionsJson(Store& store) {
  Json all = Json::array();
  Status st = store.ForEachIncident([&](const Incident& incident) {
    auto members = store.ReportsOfIncident(incident.id);
    if (!members.ok()) return members.status();
    for (const Contradiction& c : FindContradictions(*members))
      all.push_back(ContradictionJson(incident, c));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return all;
}

}  // namespace ceasewatch
