#include "annotate/mention_json.h"

#include <algorithm>
#include <cmath>

namespace ceasewatch {
namespace {

using Json = nlohmann::ordered_json;

// Open-ended counts ("more than 100") have an infinite bound: null in JSON.
Json Bound(double v) {
  if (!std::isfinite(v)) return Json();
  if (v == std::floor(v) && std::fabs(v) < 9e15)
    return Json(static_cast<int64_t>(v));
  return Json(v);
}

Json Base(const char* kind, std::string_view text, size_t begin, size_t end) {
  Json j;
  j["kind"] = kind;
  j["text"] = std::string(text.substr(begin, end - begin));
  j["begin"] = begin;
  j["end"] = end;
  return j;
}

Json Words(std::string_view text, uint32_t begin, uint32_t end) {
  if (end <= begin) return Json();
  return Json(std::string(text.substr(begin, end - begin)));
}

}  // namespace

Json PlaceCandidateJson(const PlaceCandidate& c) {
  Json j;
  const Place& p = *c.place;
  j["id"] = p.id;
  j["name"] = p.name;
  j["lat"] = p.lat;
  j["lon"] = p.lon;
  j["country"] = p.country;
  j["admin1"] = p.admin1;
  j["admin2"] = p.admin2;
  j["feature"] = std::string(PlaceKindName(p.kind));
  j["score"] = std::round(c.score * 1000) / 1000;
  j["confidence"] = std::round(c.confidence * 1000) / 1000;
  j["reason"] = c.reason;
  return j;
}

Json MentionsJson(const TextAnnotation& a, std::string_view text) {
  std::vector<std::pair<size_t, Json>> all;
  for (const PlaceMention& m : a.places) {
    Json j = Base("place", text, m.begin, m.end);
    Json best = PlaceCandidateJson(m.best);
    for (auto& [k, v] : best.items()) j[k] = v;
    j["precision"] = m.geo_precision;
    j["precision_reason"] = m.precision_reason;
    j["candidates"] = m.candidate_count;
    Json alts = Json::array();
    for (const PlaceCandidate& c : m.runners_up)
      alts.push_back(PlaceCandidateJson(c));
    j["alternatives"] = alts;
    all.emplace_back(m.begin, std::move(j));
  }
  for (const ActorMention& m : a.actors) {
    Json j = Base("actor", text, m.begin, m.end);
    j["id"] = m.actor->id;
    j["name"] = m.actor->name;
    j["side"] = std::string(SideName(m.side));
    j["actor_kind"] = std::string(ActorKindName(m.actor->kind));
    j["role"] = m.role.empty() ? Json() : Json(std::string(m.role));
    if (m.actor->parent_actor) j["speaks_for"] = m.actor->parent_actor->name;
    if (!m.reason.empty()) j["reason"] = m.reason;
    all.emplace_back(m.begin, std::move(j));
  }
  for (const ResolvedDate& d : a.dates) {
    Json j = Base("date", text, d.begin, d.end);
    j["date"] = d.from.Iso();
    j["date_end"] = d.to.Iso();
    j["precision"] = PrecisionName(d.precision);
    j["relative"] = d.relative;
    j["future"] = d.future;
    j["rule"] = d.rule;
    all.emplace_back(d.begin, std::move(j));
  }
  for (const NumberMention& n : a.numbers) {
    Json j = Base("number", text, n.begin, n.end);
    j["low"] = Bound(n.low);
    j["high"] = Bound(n.high);
    j["approximate"] = n.approximate;
    all.emplace_back(n.begin, std::move(j));
  }
  for (const CasualtyMention& c : a.casualties) {
    Json j = Base("casualty", text, c.begin, c.end);
    j["casualty"] = CasualtyKindName(c.kind);
    j["low"] = Bound(c.low);
    j["high"] = Bound(c.high);
    j["who"] = c.who;
    j["aggregate"] = c.aggregate;
    if (!c.period_text.empty()) j["period"] = c.period_text;
    all.emplace_back(c.begin, std::move(j));
  }
  for (const Attribution& q : a.quotes) {
    Json j = Base("quote", text, q.begin, q.end);
    j["speaker"] = Words(text, q.speaker_begin, q.speaker_end);
    j["stance"] = std::string(StanceName(q.stance));
    j["quote_kind"] = std::string(KindName(q.kind));
    j["verb"] = q.verb;
    j["content"] = Words(text, q.content_begin, q.content_end);
    j["content_begin"] = q.content_begin;
    j["content_end"] = q.content_end;
    j["target"] = Words(text, q.target_begin, q.target_end);
    all.emplace_back(q.begin, std::move(j));
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
    return x.first < y.first;
  });
  Json out = Json::array();
  for (auto& [pos, j] : all) out.push_back(std::move(j));
  return out;
}

}  // namespace ceasewatch
