#include "export/acled_csv.h"

#include <algorithm>
#include <cstdio>

#include "dates/civil_day.h"
#include "export/countries.h"
#include "export/csv.h"
#include "export/incident_text.h"

namespace ceasewatch {
namespace {

std::string Degrees(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string WholeOrZero(const CountRange& c) {
  if (!c.known) return "0";
  return std::to_string(static_cast<long long>(c.low));
}

// The first actor with `role`, preferring one of a party.
const EventActor* FirstActor(const std::vector<EventActor>& actors,
                             const std::string& role) {
  const EventActor* any = nullptr;
  for (const EventActor& a : actors) {
    if (a.role != role || a.kind == "media") continue;
    if (!a.side.empty()) return &a;
    if (!any) any = &a;
  }
  return any;
}

// Every other actor of `role` (and, for actor1, the "assoc" ones): ACLED's
// associated actors, joined by "; ".
std::string Associated(const std::vector<EventActor>& actors,
                       const std::string& role, const EventActor* main) {
  std::vector<std::string> names;
  for (const EventActor& a : actors) {
    if (&a == main || a.kind == "media" || a.name.empty()) continue;
    if (a.role != role && !(role == "actor1" && a.role == "assoc")) continue;
    if (main && a.name == main->name) continue;
    if (std::find(names.begin(), names.end(), a.name) == names.end())
      names.push_back(a.name);
  }
  return Join(names, "; ");
}

// The host of an http(s) URL without "www.", "" for anything else.
std::string HostOf(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos || url.compare(0, 4, "http") != 0) return "";
  start += 3;
  size_t end = url.find_first_of("/:?#", start);
  std::string host = url.substr(
      start, end == std::string::npos ? std::string::npos : end - start);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

// An article's source: its outlet, else its URL's host, else "article N".
std::string Outlets(const std::vector<ArticleMeta>& articles) {
  std::vector<std::string> names;
  for (const ArticleMeta& a : articles) {
    std::string name = a.outlet;
    if (name.empty()) name = HostOf(a.url);
    if (name.empty()) name = "article " + std::to_string(a.id);
    if (std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(std::move(name));
  }
  return Join(names, "; ");
}

}  // namespace

const std::vector<std::string>& AcledColumns() {
  static const auto* columns = new std::vector<std::string>{
      "event_id_cnty", "event_date",     "year",          "time_precision",
      "event_type",    "sub_event_type", "actor1",        "assoc_actor_1",
      "inter1",        "actor2",         "assoc_actor_2", "inter2",
      "interaction",   "country",        "admin1",        "admin2",
      "location",      "latitude",       "longitude",     "geo_precision",
      "source",        "source_scale",   "notes",         "fatalities"};
  return *columns;
}

int AcledInter(const EventActor* a, const std::string& event_country,
               const std::string& type) {
  if (a == nullptr) return 0;
  if (a->kind == "civilians") return 7;
  if (a->kind == "protesters") return type == "riot" ? 5 : 6;
  if (a->side == "NK") return 2;
  const std::string state = StateCountryOfSide(a->side);
  if (!state.empty()) return state == event_country ? 1 : 8;
  if (a->side == "INTL" || a->side == "OTHER") return 8;
  return 0;
}

int AcledInteraction(int inter1, int inter2) {
  if (inter1 == 0 || inter2 == 0) return (inter1 + inter2) * 10;
  return std::min(inter1, inter2) * 10 + std::max(inter1, inter2);
}

int AcledTimePrecision(const Incident& i) {
  CivilDay lo, hi;
  if (!CivilDay::ParseIso(i.date, &lo)) return 0;
  if (!CivilDay::ParseIso(WindowEnd(i), &hi)) return 1;
  const int64_t span = hi.ToDays() - lo.ToDays();
  if (span <= 0) return 1;
  return span < 7 ? 2 : 3;
}

std::vector<std::vector<std::string>> AcledRows(const IncidentFacts& f) {
  const Incident& i = f.incident;
  const int precision = AcledTimePrecision(i);
  const EventActor* actor1 = FirstActor(f.actors, "actor1");
  const EventActor* actor2 = FirstActor(f.actors, "actor2");
  const std::string notes = IncidentNotes(f);
  const std::string source = Outlets(f.articles);
  std::vector<const EventPlace*> places;
  for (const EventPlace& p : i.places) places.push_back(&p);
  if (places.empty()) places.push_back(nullptr);
  std::vector<std::vector<std::string>> rows;
  for (size_t k = 0; k < places.size(); ++k) {
    const EventPlace* p = places[k];
    const std::string country = p ? p->country : "";
    const int inter1 = AcledInter(actor1, country, i.type);
    const int inter2 = AcledInter(actor2, country, i.type);
    std::string iso3 = CountryIso3(country);
    if (iso3.empty()) iso3 = "XXX";
    std::string id = iso3 + std::to_string(i.id);
    if (k > 0) id += "-" + std::to_string(k + 1);
    const bool country_level = p && p->kind == "country";
    rows.push_back({
        id,
        precision ? i.date : "",
        precision ? i.date.substr(0, 4) : "",
        precision ? std::to_string(precision) : "",
        i.acled_event_type,
        i.acled_sub_event_type,
        actor1 ? actor1->name : "",
        Associated(f.actors, "actor1", actor1),
        std::to_string(inter1),
        actor2 ? actor2->name : "",
        Associated(f.actors, "actor2", actor2),
        std::to_string(inter2),
        std::to_string(AcledInteraction(inter1, inter2)),
        CountryName(country),
        p && !country_level ? p->admin1 : "",
        p && !country_level ? p->admin2 : "",
        p ? p->name : "",
        p ? Degrees(p->lat) : "",
        p ? Degrees(p->lon) : "",
        p ? std::to_string(std::clamp(p->geo_precision, 1, 3)) : "",
        source,
        "",
        notes,
        k == 0 ? WholeOrZero(i.fatalities) : "0",
    });
  }
  return rows;
}

Status ExportAcledCsv(Store& store, QueryDb& query,
                      const std::vector<int64_t>& incident_ids,
                      std::ostream& out) {
  out << CsvRow(AcledColumns());
  for (int64_t id : incident_ids) {
    auto facts = ReadIncidentFacts(store, query, id);
    if (!facts.ok()) {
      if (facts.status().code() == Status::Code::kNotFound) continue;
      return facts.status();
    }
    for (const auto& row : AcledRows(*facts)) out << CsvRow(row);
    if (!out) return Status::IOError("writing the export failed");
  }
  out.flush();
  return out ? Status::Ok() : Status::IOError("writing the export failed");
}

}  // namespace ceasewatch
