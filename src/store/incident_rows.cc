// Store methods for incidents (schema migration 4): the summary row, its
// places, its sources and its R*Tree entry.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "store/count_columns.h"
#include "store/schema.h"
#include "store/store.h"

namespace ceasewatch {
namespace {

// The columns ReadIncidentRow reads, in order.
constexpr const char kIncidentColumns[] =
    "SELECT id, type, acled_event_type, acled_sub_event_type, date, "
    "date_end, date_precision, date_source, background, sides, "
    "fatalities_low, fatalities_high, injured_low, injured_high, reports, "
    "sources FROM incidents ";

std::string JoinSides(const std::vector<std::string>& sides) {
  std::string out;
  for (const std::string& s : sides) {
    if (!out.empty()) out += ',';
    out += s;
  }
  return out;
}

std::vector<std::string> SplitSides(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Incident ReadIncidentRow(const Statement& q) {
  Incident i;
  i.id = q.Int(0);
  i.type = q.Text(1);
  i.acled_event_type = q.Text(2);
  i.acled_sub_event_type = q.Text(3);
  i.date = q.Text(4);
  i.date_end = q.Text(5);
  i.date_precision = q.Text(6);
  i.date_source = q.Text(7);
  i.background = q.Int(8) != 0;
  i.sides = SplitSides(q.Text(9));
  i.fatalities = ReadCount(q, 10);
  i.injured = ReadCount(q, 12);
  i.reports = static_cast<int>(q.Int(14));
  i.sources = static_cast<int>(q.Int(15));
  return i;
}

// Binds the summary columns 1..15 (everything but the id).
void BindIncidentSummary(Statement& s, const Incident& i) {
  s.Bind(1, i.type).BindOrNull(2, i.acled_event_type);
  s.BindOrNull(3, i.acled_sub_event_type).BindOrNull(4, i.date);
  s.BindOrNull(5, i.date_end).BindOrNull(6, i.date_precision);
  s.BindOrNull(7, i.date_source).Bind(8, i.background ? 1 : 0);
  s.BindOrNull(9, JoinSides(i.sides));
  BindCount(s, 10, i.fatalities);
  BindCount(s, 12, i.injured);
  s.Bind(14, i.reports).Bind(15, i.sources);
}

}  // namespace

Status Store::WriteIncidentPlacesAndBox(const Incident& incident,
                                        const IncidentBox* box) {
  auto del_places = Lazy(&delete_incident_places_,
                         "DELETE FROM incident_places WHERE incident_id=?");
  auto del_box =
      Lazy(&delete_incident_box_, "DELETE FROM incident_boxes WHERE id=?");
  auto ins_place = Lazy(&insert_incident_place_,
                        "INSERT INTO incident_places (incident_id, ordinal, "
                        "place_id, name, lat, lon, country, admin1, admin2, "
                        "kind, geo_precision) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  auto ins_box = Lazy(&insert_incident_box_,
                      "INSERT INTO incident_boxes VALUES (?,?,?,?,?,?,?,?,?)");
  for (auto* r : {&del_places, &del_box, &ins_place, &ins_box})
    if (!r->ok()) return r->status();
  for (Statement* del : {*del_places, *del_box}) {
    del->Bind(1, incident.id);
    CW_RETURN_IF_ERROR(del->Run());
  }
  if (box_index_loaded_) box_index_.Erase(incident.id);
  for (size_t j = 0; j < incident.places.size(); ++j) {
    const EventPlace& p = incident.places[j];
    Statement& q = **ins_place;
    q.Bind(1, incident.id).Bind(2, static_cast<int64_t>(j));
    q.BindOrNull(3, p.place_id).BindOrNull(4, p.name);
    q.Bind(5, p.lat).Bind(6, p.lon).BindOrNull(7, p.country);
    q.BindOrNull(8, p.admin1).BindOrNull(9, p.admin2);
    q.BindOrNull(10, p.kind).Bind(11, p.geo_precision);
    CW_RETURN_IF_ERROR(q.Run());
  }
  if (box == nullptr) return Status::Ok();
  Statement& q = **ins_box;
  // Every extent is stored non-empty (days to the end of the last day,
  // a point's degrees as 0.01, the type code as half a unit): the R*Tree
  // places an entry where it enlarges a node's volume least, and with a
  // zero extent every volume is zero, every choice a tie, and entries of
  // far-apart days end in the same nodes (a query then reads most of the
  // tree; fusion cost grew with the store).
  const auto code = static_cast<double>(IncidentTypeCode(incident.type));
  q.Bind(1, incident.id).Bind(2, box->day_lo).Bind(3, box->day_hi + 1);
  q.Bind(4, box->lat_lo).Bind(5, std::max(box->lat_hi, box->lat_lo + 0.01));
  q.Bind(6, box->lon_lo).Bind(7, std::max(box->lon_hi, box->lon_lo + 0.01));
  q.Bind(8, code).Bind(9, code + 0.5);
  CW_RETURN_IF_ERROR(q.Run());
  return box_index_loaded_ ? ReadBackBox(incident.id) : Status::Ok();
}

namespace {

constexpr char kBoxColumns[] =
    "SELECT id, day_lo, day_hi, lat_lo, lat_hi, lon_lo, lon_hi, type_lo, "
    "type_hi FROM incident_boxes";

// The R*Tree returns its floats widened to doubles: narrowing is exact.
BoxEntry ReadBoxRow(const Statement& q) {
  BoxEntry e;
  e.id = q.Int(0);
  float* coords[] = {&e.day_lo, &e.day_hi, &e.lat_lo,  &e.lat_hi,
                     &e.lon_lo, &e.lon_hi, &e.type_lo, &e.type_hi};
  for (int c = 0; c < 8; ++c) *coords[c] = static_cast<float>(q.Double(c + 1));
  return e;
}

}  // namespace

void Store::ForgetIncidents() {
  incident_cache_.Clear();
  box_index_.Clear();
  box_index_loaded_ = false;
}

Status Store::LoadBoxIndex() {
  box_index_.Clear();
  auto q = db_->Prepare(kBoxColumns);
  if (!q.ok()) return q.status();
  Status st;
  while (q->Step(&st)) box_index_.Put(ReadBoxRow(*q));
  if (!st.ok()) {
    box_index_.Clear();
    return st;
  }
  box_index_loaded_ = true;
  return Status::Ok();
}

Status Store::ReadBackBox(int64_t id) {
  auto q = Lazy(&read_incident_box_,
                (std::string(kBoxColumns) + " WHERE id=?").c_str());
  Status st = q.status();
  if (st.ok()) {
    (*q)->Bind(1, id);
    if ((*q)->Step(&st)) box_index_.Put(ReadBoxRow(**q));
    (*q)->Reset();
  }
  // The box is written but not copied: the copy is no longer whole,
  // whether or not the caller rolls back.
  if (!st.ok()) ForgetIncidents();
  return st;
}

Result<int64_t> Store::InsertIncident(const Incident& incident,
                                      const IncidentBox* box) {
  auto ins = Lazy(&insert_incident_,
                  "INSERT INTO incidents (type, acled_event_type, "
                  "acled_sub_event_type, date, date_end, date_precision, "
                  "date_source, background, sides, fatalities_low, "
                  "fatalities_high, injured_low, injured_high, reports, "
                  "sources) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  BindIncidentSummary(**ins, incident);
  CW_RETURN_IF_ERROR((*ins)->Run());
  Incident stored = incident;
  stored.id = db_->LastInsertId();
  incident_cache_.Erase(stored.id);  // an id freed by a rollback, reused
  CW_RETURN_IF_ERROR(WriteIncidentPlacesAndBox(stored, box));
  return stored.id;
}

Status Store::UpdateIncident(const Incident& incident, const IncidentBox* box) {
  auto upd = Lazy(&update_incident_,
                  "UPDATE incidents SET type=?1, acled_event_type=?2, "
                  "acled_sub_event_type=?3, date=?4, date_end=?5, "
                  "date_precision=?6, date_source=?7, background=?8, "
                  "sides=?9, fatalities_low=?10, fatalities_high=?11, "
                  "injured_low=?12, injured_high=?13, reports=?14, "
                  "sources=?15, stale=0 WHERE id=?16");
  if (!upd.ok()) return upd.status();
  // Dropped rather than replaced: the cache holds what a read returns.
  incident_cache_.Erase(incident.id);
  BindIncidentSummary(**upd, incident);
  (*upd)->Bind(16, incident.id);
  CW_RETURN_IF_ERROR((*upd)->Run());
  if (db_->Changes() != 1)
    return Status::NotFound("no incident " + std::to_string(incident.id));
  return WriteIncidentPlacesAndBox(incident, box);
}

Status Store::ClearIncidentSources(int64_t incident_id) {
  auto del = Lazy(&delete_incident_sources_,
                  "DELETE FROM incident_sources WHERE incident_id=?");
  if (!del.ok()) return del.status();
  (*del)->Bind(1, incident_id);
  return (*del)->Run();
}

Status Store::DeleteIncident(int64_t incident_id) {
  incident_cache_.Erase(incident_id);
  Incident gone;
  gone.id = incident_id;
  CW_RETURN_IF_ERROR(WriteIncidentPlacesAndBox(gone, nullptr));
  CW_RETURN_IF_ERROR(ClearIncidentSources(incident_id));
  auto del = Lazy(&delete_incident_, "DELETE FROM incidents WHERE id=?");
  if (!del.ok()) return del.status();
  (*del)->Bind(1, incident_id);
  return (*del)->Run();
}

Status Store::SetReportIncident(int64_t event_id, int64_t incident_id) {
  auto q =
      Lazy(&set_report_incident_, "UPDATE events SET incident_id=? WHERE id=?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, incident_id).Bind(2, event_id);
  CW_RETURN_IF_ERROR((*q)->Run());
  if (db_->Changes() != 1)
    return Status::NotFound("no event report " + std::to_string(event_id));
  return Status::Ok();
}

Result<bool> Store::AddIncidentSource(int64_t incident_id,
                                      const std::string& source_key) {
  auto q = Lazy(&insert_incident_source_,
                "INSERT OR IGNORE INTO incident_sources VALUES (?,?)");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, incident_id).Bind(2, source_key);
  CW_RETURN_IF_ERROR((*q)->Run());
  return db_->Changes() == 1;
}

Status Store::ReadIncidentPlaces(Incident* incident) {
  auto q = Lazy(&read_incident_places_,
                "SELECT place_id, name, lat, lon, country, admin1, admin2, "
                "kind, geo_precision FROM incident_places WHERE "
                "incident_id=? ORDER BY ordinal");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, incident->id);
  incident->places.clear();
  return CollectRows(**q, &incident->places,
                     [](const Statement& r, EventPlace& p) {
                       p.place_id = r.Text(0);
                       p.name = r.Text(1);
                       p.lat = r.Double(2);
                       p.lon = r.Double(3);
                       p.country = r.Text(4);
                       p.admin1 = r.Text(5);
                       p.admin2 = r.Text(6);
                       p.kind = r.Text(7);
                       p.geo_precision = static_cast<int>(r.Int(8));
                     });
}

bool Store::InTransaction() { return !sqlite3_get_autocommit(db_->raw()); }

bool Store::CacheUsable() {
  return incident_cache_.capacity() > 0 && InTransaction();
}

Result<std::shared_ptr<const Incident>> Store::ReadSharedIncident(
    int64_t incident_id) {
  const bool cached = CacheUsable();
  if (cached) {
    if (auto hit = incident_cache_.Find(incident_id)) return hit;
  }
  // The SQL is only spelled out the first time (it is read per candidate).
  auto q = read_incident_.prepared()
               ? Result<Statement*>(&read_incident_)
               : Lazy(&read_incident_,
                      (std::string(kIncidentColumns) + "WHERE id=?").c_str());
  if (!q.ok()) return q.status();
  (*q)->Bind(1, incident_id);
  Status st;
  std::shared_ptr<Incident> found;
  if ((*q)->Step(&st)) found = std::make_shared<Incident>(ReadIncidentRow(**q));
  (*q)->Reset();
  if (!st.ok()) return st;
  if (!found)
    return Status::NotFound("no incident " + std::to_string(incident_id));
  CW_RETURN_IF_ERROR(ReadIncidentPlaces(found.get()));
  if (cached) incident_cache_.Put(incident_id, found);
  return std::shared_ptr<const Incident>(std::move(found));
}

Result<Incident> Store::ReadIncident(int64_t incident_id) {
  auto shared = ReadSharedIncident(incident_id);
  if (!shared.ok()) return shared.status();
  return Incident(**shared);
}

namespace {

// Runs the bound `q`, whose first column is an id, to its end.
Result<std::vector<int64_t>> CollectIds(Statement& q) {
  std::vector<int64_t> ids;
  CW_RETURN_IF_ERROR(CollectRows(
      q, &ids, [](const Statement& r, int64_t& id) { id = r.Int(0); }));
  return ids;
}

}  // namespace

Result<std::vector<Incident>> Store::ReadIncidents(
    const std::vector<int64_t>& ids) {
  std::vector<Incident> out;
  for (int64_t id : ids) {
    auto i = ReadIncident(id);
    if (!i.ok()) return i.status();
    out.push_back(std::move(*i));
  }
  return out;
}

Result<std::vector<std::shared_ptr<const Incident>>> Store::IncidentCandidates(
    const IncidentBox& box, int limit, const std::vector<std::string>& types) {
  // One query over the span of the wanted type codes (stored as
  // [code, code + 0.5], asked for at code + 0.25); rows of other codes in
  // the span are dropped here. One query, not one a type: the R*Tree walk,
  // not the rows, was the cost. No type: every code.
  std::vector<int64_t> codes;
  for (const std::string& t : types) codes.push_back(IncidentTypeCode(t));
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  const double lo =
      codes.empty() ? 0 : static_cast<double>(codes.front()) + 0.25;
  const double hi =
      codes.empty() ? (1 << 24) : static_cast<double>(codes.back()) + 0.25;
  auto wanted = [&](double type_lo) {
    return codes.empty() || std::binary_search(codes.begin(), codes.end(),
                                               std::llround(type_lo));
  };
  std::vector<int64_t> ids;
  if (BoxIndexUsable()) {
    if (!box_index_loaded_) CW_RETURN_IF_ERROR(LoadBoxIndex());
    const BoxQuery query{static_cast<double>(box.day_lo),
                         static_cast<double>(box.day_hi),
                         box.lat_lo,
                         box.lat_hi,
                         box.lon_lo,
                         box.lon_hi,
                         lo,
                         hi};
    std::vector<BoxEntry> found;
    box_index_.Query(query, &found);
    for (const BoxEntry& e : found)
      if (wanted(e.type_lo)) ids.push_back(e.id);
  } else {
    auto q = Lazy(&incident_candidates_,
                  "SELECT id, type_lo FROM incident_boxes WHERE day_hi>=? "
                  "AND day_lo<=? AND lat_hi>=? AND lat_lo<=? AND lon_hi>=? "
                  "AND lon_lo<=? AND type_hi>=? AND type_lo<=?");
    if (!q.ok()) return q.status();
    (*q)->Bind(1, box.day_lo).Bind(2, box.day_hi).Bind(3, box.lat_lo);
    (*q)->Bind(4, box.lat_hi).Bind(5, box.lon_lo).Bind(6, box.lon_hi);
    (*q)->Bind(7, lo).Bind(8, hi);
    Status st;
    while ((*q)->Step(&st))
      if (wanted((*q)->Double(1))) ids.push_back((*q)->Int(0));
    (*q)->Reset();
    CW_RETURN_IF_ERROR(st);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() > static_cast<size_t>(std::max(limit, 0)))
    ids.resize(static_cast<size_t>(std::max(limit, 0)));
  std::vector<std::shared_ptr<const Incident>> out;
  out.reserve(ids.size());
  for (int64_t id : ids) {
    auto i = ReadSharedIncident(id);
    if (!i.ok()) return i.status();
    out.push_back(std::move(*i));
  }
  return out;
}

Result<std::vector<Incident>> Store::IncidentsOfArticle(int64_t article_id) {
  auto q = Lazy(&incidents_of_article_,
                "SELECT DISTINCT incident_id FROM events WHERE article_id=? "
                "AND incident_id IS NOT NULL ORDER BY incident_id");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, article_id);
  auto ids = CollectIds(**q);
  if (!ids.ok()) return ids.status();
  return ReadIncidents(*ids);
}

Result<bool> Store::IncidentHasArticle(int64_t incident_id,
                                       int64_t article_id) {
  auto q = Lazy(&incident_has_article_,
                "SELECT 1 FROM events WHERE incident_id=? AND article_id=? "
                "LIMIT 1");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, incident_id).Bind(2, article_id);
  auto ids = CollectIds(**q);
  if (!ids.ok()) return ids.status();
  return !ids->empty();
}

Result<std::vector<int64_t>> Store::StaleIncidents() {
  // The partial index holds only stale rows: without it the planner walks
  // the whole table in id order, on every fusion.
  auto q = db_->Prepare(
      "SELECT id FROM incidents INDEXED BY incidents_stale WHERE stale!=0 "
      "ORDER BY id");
  if (!q.ok()) return q.status();
  return CollectIds(*q);
}

Result<std::vector<int64_t>> Store::ArticlesWithUnfusedReports(int64_t after_id,
                                                               int limit) {
  auto q = db_->Prepare(
      "SELECT DISTINCT article_id FROM events WHERE incident_id IS NULL AND "
      "article_id>? ORDER BY article_id LIMIT ?");
  if (!q.ok()) return q.status();
  q->Bind(1, after_id).Bind(2, limit);
  return CollectIds(*q);
}

Result<int64_t> Store::CountIncidents() {
  return QueryInt("SELECT count(*) FROM incidents");
}

Status Store::ForEachIncident(
    const std::function<Status(const Incident&)>& each) {
  // A statement of its own: `each` may read other incidents meanwhile.
  auto q = db_->Prepare(std::string(kIncidentColumns) + "ORDER BY id");
  if (!q.ok()) return q.status();
  Status st;
  while (q->Step(&st)) {
    Incident i = ReadIncidentRow(*q);
    CW_RETURN_IF_ERROR(ReadIncidentPlaces(&i));
    CW_RETURN_IF_ERROR(each(i));
  }
  return st;
}

}  // namespace ceasewatch
