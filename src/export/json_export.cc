#include "export/json_export.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ceasewatch {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

Json ArticleJson(const ArticleRow& r) {
  Json a;
  a["id"] = r.id;
  a["file"] = r.path;
  a["locator"] = OrNull(r.locator);
  a["source_id"] = r.source_id ? Json(*r.source_id) : Json();
  a["title"] = OrNull(r.title);
  a["published"] = OrNull(r.published);
  a["published_precision"] = OrNull(r.published_precision);
  a["published_reason"] = OrNull(r.published_reason);
  a["author"] = OrNull(r.author);
  a["outlet"] = OrNull(r.outlet);
  a["url"] = OrNull(r.url);
  a["language"] = OrNull(r.language);
  a["language_reliable"] = r.language_reliable;
  a["duplicate_of"] = r.duplicate_of ? Json(*r.duplicate_of) : Json();
  a["similarity"] = r.duplicate_of ? Json(r.similarity) : Json();
  a["document_id"] = r.document_id;
  a["raw_begin"] = r.raw_begin;
  a["raw_end"] = r.raw_end;
  a["text"] = r.text;
  return a;
}

// Counts are whole numbers in practice; print them without ".0".
Json Number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
    return Json(static_cast<int64_t>(v));
  return Json(v);
}

Json CountJson(const CountRange& c) {
  if (!c.known) return Json();
  Json j;
  j["low"] = Number(c.low);
  j["high"] = c.high < 0 ? Json() : Number(c.high);
  return j;
}

// The bytes [begin, end) of `text`, clamped to it.
std::string_view Slice(const std::string& text, uint32_t begin, uint32_t end) {
  const size_t b = std::min<size_t>(begin, text.size());
  const size_t e = std::min<size_t>(std::max(begin, end), text.size());
  return std::string_view(text).substr(b, e - b);
}

Json PlaceJson(const EventPlace& p) {
  Json j;
  j["name"] = p.name;
  j["lat"] = p.lat;
  j["lon"] = p.lon;
  j["country"] = OrNull(p.country);
  j["admin1"] = OrNull(p.admin1);
  j["admin2"] = OrNull(p.admin2);
  j["kind"] = OrNull(p.kind);
  j["geo_precision"] = p.geo_precision;
  j["place_id"] = OrNull(p.place_id);
  j["mention"] = p.mention;
  j["begin"] = p.begin;
  j["end"] = p.end;
  return j;
}

Json ActorJson(const EventActor& a) {
  Json j;
  j["name"] = a.name;
  j["side"] = OrNull(a.side);  // civilians, media: no party
  j["role"] = OrNull(a.role);
  j["affiliation"] = OrNull(a.affiliation);
  j["kind"] = OrNull(a.kind);
  j["actor_id"] = OrNull(a.actor_id);
  j["mention"] = a.mention;
  j["begin"] = a.begin;
  j["end"] = a.end;
  return j;
}

Json ClaimJson(const EventClaim& c, int64_t article_id) {
  Json j;
  j["source"] = {{"name", c.source_name},
                 {"side", OrNull(c.source_side)},
                 {"kind", OrNull(c.source_kind)},
                 {"id", OrNull(c.source_id)}};
  j["stance"] = c.stance;
  j["verb"] = OrNull(c.verb);
  j["text"] = c.text;
  j["article"] = article_id;
  j["begin"] = c.begin;
  j["end"] = c.end;
  return j;
}

}  // namespace

Json ReportEntryJson(const StoredEventReport& r, const StoredArticle& a) {
  Json j;
  j["article"] = a.id;
  j["file"] = a.path;
  j["sentence"] = std::string(
      Slice(a.text, r.report.sentence_begin, r.report.sentence_end));
  j["sentence_begin"] = r.report.sentence_begin;
  j["sentence_end"] = r.report.sentence_end;
  j["cue"] = r.report.cue;
  j["cue_begin"] = r.report.cue_begin;
  j["cue_end"] = r.report.cue_end;
  // What this article says, where the incident's summary may differ.
  j["type"] = r.report.type;
  j["date"] = OrNull(r.report.date);
  j["date_end"] = OrNull(WindowEnd(r.report));
  j["date_source"] = OrNull(r.report.date_source);
  j["background"] = r.report.background;
  j["fatalities"] = CountJson(r.report.fatalities);
  return j;
}

Json EventJson(const StoredEventReport& stored, const StoredArticle& a) {
  const EventReport& r = stored.report;
  Json j;
  j["id"] = stored.id;
  j["type"] = r.type;
  j["acled"] = {{"event_type", OrNull(r.acled_event_type)},
                {"sub_event_type", OrNull(r.acled_sub_event_type)}};
  j["date"] = OrNull(r.date);
  // A window known to the day may come with date_end empty.
  j["date_end"] = OrNull(WindowEnd(r));
  j["date_precision"] = OrNull(r.date_precision);
  j["date_source"] = OrNull(r.date_source);
  j["date_text"] = OrNull(r.date_text);
  j["background"] = r.background;
  j["locations"] = Json::array();
  for (const EventPlace& p : r.places) j["locations"].push_back(PlaceJson(p));
  j["actors"] = Json::array();
  for (const EventActor& x : r.actors) j["actors"].push_back(ActorJson(x));
  j["fatalities"] = CountJson(r.fatalities);
  j["injured"] = CountJson(r.injured);
  j["claims"] = Json::array();
  for (const EventClaim& c : r.claims)
    j["claims"].push_back(ClaimJson(c, a.id));
  j["reports"] = Json::array({ReportEntryJson(stored, a)});
  j["extractor_version"] = stored.extractor_version;
  return j;
}

namespace {

std::string Dump(const Json& j) {
  // Invalid UTF-8 cannot reach the store, but never throw out of here.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The members' articles, read once per incident.
class ArticleCache {
 public:
  explicit ArticleCache(Store& store) : store_(store) {}
  Result<const StoredArticle*> Get(int64_t id) {
    auto it = articles_.find(id);
    if (it != articles_.end()) return &it->second;
    auto a = store_.ReadStoredArticle(id);
    if (!a.ok()) return a.status();
    return &articles_.emplace(id, std::move(*a)).first->second;
  }
  void Clear() { articles_.clear(); }

 private:
  Store& store_;
  std::unordered_map<int64_t, StoredArticle> articles_;
};

Json IncidentJson(const Incident& incident,
                  const std::vector<StoredEventReport>& members,
                  ArticleCache& articles) {
  Json j;
  j["id"] = incident.id;
  j["type"] = incident.type;
  j["acled"] = {{"event_type", OrNull(incident.acled_event_type)},
                {"sub_event_type", OrNull(incident.acled_sub_event_type)}};
  j["date"] = OrNull(incident.date);
  j["date_end"] = OrNull(WindowEnd(incident));
  j["date_precision"] = OrNull(incident.date_precision);
  j["date_source"] = OrNull(incident.date_source);
  // The words of the first member dated the way the incident is.
  std::string date_text;
  for (const StoredEventReport& m : members)
    if (date_text.empty() && m.report.date_source == incident.date_source)
      date_text = m.report.date_text;
  j["date_text"] = OrNull(date_text);
  j["background"] = incident.background;
  j["locations"] = Json::array();
  for (const EventPlace& p : incident.places) {
    Json place = PlaceJson(p);
    place.erase("mention");
    place.erase("begin");
    place.erase("end");
    place["mentions"] = Json::array();
    for (const StoredEventReport& m : members)
      for (const EventPlace& q : m.report.places)
        if (SamePlace(p, q))
          place["mentions"].push_back({{"article", m.article_id},
                                       {"mention", q.mention},
                                       {"begin", q.begin},
                                       {"end", q.end}});
    j["locations"].push_back(std::move(place));
  }
  j["sides"] = incident.sides;
  // Each actor once per (who, side, role), from members of the incident's
  // type (as its `sides`); the first mention kept.
  j["actors"] = Json::array();
  std::vector<std::string> seen_actors;
  for (const StoredEventReport& m : members) {
    if (m.report.type != incident.type && !seen_actors.empty()) continue;
    for (const EventActor& a : m.report.actors) {
      std::string key = (a.actor_id.empty() ? a.name : a.actor_id) + '\t' +
                        a.side + '\t' + a.role;
      if (std::find(seen_actors.begin(), seen_actors.end(), key) !=
          seen_actors.end())
        continue;
      seen_actors.push_back(std::move(key));
      Json actor = ActorJson(a);
      actor["article"] = m.article_id;
      j["actors"].push_back(std::move(actor));
    }
  }
  j["fatalities"] = CountJson(incident.fatalities);
  j["injured"] = CountJson(incident.injured);
  // Every claim of every member, except the same words from the same
  // side said again (a copy of the article repeats its quotes).
  j["claims"] = Json::array();
  std::vector<std::string> seen_claims;
  for (const StoredEventReport& m : members) {
    for (const EventClaim& c : m.report.claims) {
      std::string key = c.source_side + '\t' + c.stance + '\t' + c.text;
      if (std::find(seen_claims.begin(), seen_claims.end(), key) !=
          seen_claims.end())
        continue;
      seen_claims.push_back(std::move(key));
      j["claims"].push_back(ClaimJson(c, m.article_id));
    }
  }
  j["corroboration"] = {{"sources", incident.sources},
                        {"reports", incident.reports}};
  j["reports"] = Json::array();
  for (const StoredEventReport& m : members) {
    auto a = articles.Get(m.article_id);
    if (!a.ok()) continue;  // cannot happen: events reference articles
    j["reports"].push_back(ReportEntryJson(m, **a));
  }
  j["extractor_version"] =
      members.empty() ? Json() : Json(members.front().extractor_version);
  return j;
}

// Incidents in id order, then any report not fused into one (a store
// ingested without fusion) as an event of its own.
Status WriteEvents(Store& store, std::ostream& out) {
  bool first = true;
  auto write = [&](const Json& event) {
    out << (first ? "\n  " : ",\n  ") << Dump(event);
    first = false;
    return out ? Status::Ok() : Status::IOError("writing the export failed");
  };
  ArticleCache articles(store);
  CW_RETURN_IF_ERROR(store.ForEachIncident([&](const Incident& incident) {
    auto members = store.ReportsOfIncident(incident.id);
    if (!members.ok()) return members.status();
    // Every member replaced and the incident not yet rebuilt: it no
    // longer stands for anything.
    if (members->empty()) return Status::Ok();
    articles.Clear();
    return write(IncidentJson(incident, *members, articles));
  }));
  articles.Clear();
  int64_t last_article = -1;
  return store.ForEachEventReport(EventScope::kAll,
                                  [&](const StoredEventReport& r) {
                                    if (r.incident_id) return Status::Ok();
                                    if (r.article_id != last_article)
                                      articles.Clear();  // hold one
                                    last_article = r.article_id;
                                    auto a = articles.Get(r.article_id);
                                    if (!a.ok()) return a.status();
                                    return write(EventJson(r, **a));
                                  });
}

}  // namespace

Result<Json> IncidentEventJson(Store& store, int64_t incident_id) {
  auto incident = store.ReadIncident(incident_id);
  if (!incident.ok()) return incident.status();
  auto members = store.ReportsOfIncident(incident_id);
  if (!members.ok()) return members.status();
  if (members->empty())
    return Status::NotFound("incident " + std::to_string(incident_id) +
                            " has no reports left");
  ArticleCache articles(store);
  return IncidentJson(*incident, *members, articles);
}

Status ExportJsonSelected(Store& store,
                          const std::vector<int64_t>& incident_ids,
                          const std::vector<int64_t>& article_ids,
                          std::ostream& out) {
  out << "{\"articles\": [";
  bool first = true;
  // article_ids is sorted: the store's id order meets it in one pass.
  size_t next = 0;
  Status st = store.ForEachArticle([&](const ArticleRow& r) {
    while (next < article_ids.size() && article_ids[next] < r.id) ++next;
    if (next == article_ids.size() || article_ids[next] != r.id)
      return Status::Ok();
    out << (first ? "\n  " : ",\n  ") << Dump(ArticleJson(r));
    first = false;
    return out ? Status::Ok() : Status::IOError("writing the export failed");
  });
  CW_RETURN_IF_ERROR(st);
  out << "\n],\n\"events\": [";
  first = true;
  for (int64_t id : incident_ids) {
    auto event = IncidentEventJson(store, id);
    if (!event.ok()) {
      if (event.status().code() == Status::Code::kNotFound) continue;
      return event.status();
    }
    out << (first ? "\n  " : ",\n  ") << Dump(*event);
    first = false;
    if (!out) return Status::IOError("writing the export failed");
  }
  out << "\n]}\n";
  out.flush();
  return out ? Status::Ok() : Status::IOError("writing the export failed");
}

Status ExportJson(Store& store, std::ostream& out) {
  out << "{\"articles\": [";
  bool first = true;
  Status st = store.ForEachArticle([&](const ArticleRow& r) {
    out << (first ? "\n  " : ",\n  ");
    first = false;
    out << Dump(ArticleJson(r));
    return out ? Status::Ok() : Status::IOError("writing the export failed");
  });
  if (!st.ok()) return st;
  out << "\n],\n\"events\": [";
  CW_RETURN_IF_ERROR(WriteEvents(store, out));
  out << "\n]}\n";
  out.flush();
  return out ? Status::Ok() : Status::IOError("writing the export failed");
}

}  // namespace ceasewatch
