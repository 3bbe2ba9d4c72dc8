#include "export/geojson_export.h"

#include <cmath>

#include "export/countries.h"
#include "export/incident_text.h"

namespace ceasewatch {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

Json Low(const CountRange& c) {
  return c.known ? Json(static_cast<int64_t>(c.low)) : Json();
}
Json High(const CountRange& c) {
  return c.known && c.high >= 0 ? Json(static_cast<int64_t>(c.high)) : Json();
}

// Coordinates rounded to 6 decimals (about 0.1 m).
double Round6(double v) { return std::round(v * 1e6) / 1e6; }

}  // namespace

std::vector<Json> GeoJsonFeatures(const IncidentFacts& f) {
  const Incident& i = f.incident;
  std::vector<std::string> article_ids;
  for (const ArticleMeta& a : f.articles)
    article_ids.push_back(std::to_string(a.id));
  int claims = 0;
  for (const StoredEventReport& m : f.members)
    claims += static_cast<int>(m.report.claims.size());
  std::vector<Json> out;
  for (size_t k = 0; k < i.places.size(); ++k) {
    const EventPlace& p = i.places[k];
    Json props;
    props["id"] = i.id;
    props["location_index"] = static_cast<int>(k);
    props["type"] = i.type;
    props["event_type"] = OrNull(i.acled_event_type);
    props["sub_event_type"] = OrNull(i.acled_sub_event_type);
    props["date"] = OrNull(i.date);
    props["date_end"] = OrNull(WindowEnd(i));
    props["date_precision"] = OrNull(i.date_precision);
    props["background"] = i.background;
    props["sides"] = Join(i.sides, ",");
    props["actor1"] = Join(ActorNames(f.actors, "actor1"), "; ");
    props["actor2"] = Join(ActorNames(f.actors, "actor2"), "; ");
    props["fatalities_low"] = Low(i.fatalities);
    props["fatalities_high"] = High(i.fatalities);
    props["injured_low"] = Low(i.injured);
    props["injured_high"] = High(i.injured);
    props["place"] = p.name;
    props["place_id"] = OrNull(p.place_id);
    props["place_kind"] = OrNull(p.kind);
    props["admin1"] = OrNull(p.admin1);
    props["admin2"] = OrNull(p.admin2);
    props["country"] = OrNull(CountryName(p.country));
    props["geo_precision"] = p.geo_precision;
    props["locations"] = static_cast<int>(i.places.size());
    props["reports"] = i.reports;
    props["sources"] = i.sources;
    props["claims"] = claims;
    props["claim_sides"] = ClaimSummary(f.members);
    props["articles"] = Join(article_ids, ",");
    Json feature;
    feature["type"] = "Feature";
    feature["id"] = std::to_string(i.id) + "-" + std::to_string(k);
    feature["geometry"] = {
        {"type", "Point"},
        {"coordinates", Json::array({Round6(p.lon), Round6(p.lat)})}};
    feature["properties"] = std::move(props);
    out.push_back(std::move(feature));
  }
  return out;
}

Status ExportGeoJson(Store& store, QueryDb& query,
                     const std::vector<int64_t>& incident_ids,
                     std::ostream& out) {
  out << "{\"type\": \"FeatureCollection\", \"features\": [";
  bool first = true;
  for (int64_t id : incident_ids) {
    auto facts = ReadIncidentFacts(store, query, id);
    if (!facts.ok()) {
      if (facts.status().code() == Status::Code::kNotFound) continue;
      return facts.status();
    }
    for (const Json& feature : GeoJsonFeatures(*facts)) {
      out << (first ? "\n  " : ",\n  ")
          << feature.dump(-1, ' ', false, Json::error_handler_t::replace);
      first = false;
    }
    if (!out) return Status::IOError("writing the export failed");
  }
  out << "\n]}\n";
  out.flush();
  return out ? Status::Ok() : Status::IOError("writing the export failed");
}

}  // namespace ceasewatch
