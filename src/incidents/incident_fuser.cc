#include "incidents/incident_fuser.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "incidents/incident_merge.h"

namespace ceasewatch {
namespace {

constexpr double kKmPerDegree = 111.2;

// Grows `box` to hold `p` and `km` around it.
void Cover(const EventPlace& p, double km, IncidentBox* box, bool* first) {
  const double dlat = km / kKmPerDegree;
  const double cos_lat = std::max(0.05, std::cos(p.lat * M_PI / 180));
  const double dlon = km / (kKmPerDegree * cos_lat);
  if (*first) {
    box->lat_lo = p.lat - dlat;
    box->lat_hi = p.lat + dlat;
    box->lon_lo = p.lon - dlon;
    box->lon_hi = p.lon + dlon;
    *first = false;
    return;
  }
  box->lat_lo = std::min(box->lat_lo, p.lat - dlat);
  box->lat_hi = std::max(box->lat_hi, p.lat + dlat);
  box->lon_lo = std::min(box->lon_lo, p.lon - dlon);
  box->lon_hi = std::max(box->lon_hi, p.lon + dlon);
}

void Unplaced(IncidentBox* box) {
  box->lat_lo = box->lat_hi = box->lon_lo = box->lon_hi = kUnplacedBox;
}

// ISO windows overlap; an unknown one contradicts nothing.
bool WindowsMeet(const Incident& i, const EventReport& r) {
  if (i.date.empty() || r.date.empty()) return true;
  return i.date <= WindowEnd(r) && r.date <= WindowEnd(i);
}

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Result<std::unique_ptr<IncidentFuser>> IncidentFuser::Load(
    const std::string& pack_dir, FusionOptions options) {
  auto reach = PlaceReach::Load(pack_dir + "/places.tsv");
  if (!reach.ok()) return reach.status();
  TypeCompatibility types;
  auto loaded = TypeCompatibility::Load(pack_dir + "/incidents/fusion.tsv");
  if (loaded.ok()) {
    types = std::move(*loaded);
  } else if (loaded.status().code() != Status::Code::kNotFound) {
    return loaded.status();  // present but wrong: say so
  }
  return std::make_unique<IncidentFuser>(std::move(types), std::move(*reach),
                                         options);
}

bool IncidentFuser::BoxOf(const Incident& incident, IncidentBox* box) const {
  if (!IsoToDays(incident.date, &box->day_lo) ||
      !IsoToDays(WindowEnd(incident), &box->day_hi))
    return false;
  bool first = true;
  for (const EventPlace& p : incident.places)
    if (!PlaceReach::IsCountry(p)) Cover(p, reach_.ReachKm(p), box, &first);
  if (first) Unplaced(box);
  return true;
}

Result<std::string> IncidentFuser::SourceKey(Store& store,
                                             const StoredArticle& article,
                                             int64_t root) const {
  std::string outlet = article.outlet;
  if (root != article.id) {
    auto original = store.ReadStoredArticle(root);
    if (!original.ok()) return original.status();
    outlet = original->outlet;
  }
  if (outlet.empty()) return "article:" + std::to_string(root);
  return "outlet:" + Lower(outlet);
}

Result<int64_t> IncidentFuser::PickIncident(Store& store,
                                            const StoredEventReport& r,
                                            const StoredArticle& article,
                                            int64_t root) const {
  const EventReport& report = r.report;
  auto free_for = [&](int64_t incident_id) -> Result<bool> {
    auto has = store.IncidentHasArticle(incident_id, article.id);
    if (!has.ok()) return has.status();
    return !*has;
  };
  // A copy's report: its original's incident of the same type.
  if (root != article.id) {
    auto of_root = store.IncidentsOfArticle(root);
    if (!of_root.ok()) return of_root.status();
    for (const Incident& i : *of_root) {
      if (i.type != report.type || !WindowsMeet(i, report)) continue;
      auto free = free_for(i.id);
      if (!free.ok()) return free.status();
      if (*free) return i.id;
    }
  }
  int64_t lo, hi;
  if (!IsoToDays(report.date, &lo) || !IsoToDays(WindowEnd(report), &hi))
    return int64_t{0};  // undated: only with its original (above)
  if (hi - lo >= options_.max_window_days)
    return int64_t{0};  // as good as undated (FusionOptions)

  // The index is asked for everything the rules could accept: the lag
  // slack on the days, each place's reach plus the point radius around it.
  IncidentBox near;
  near.day_lo = lo - options_.report_lag_days;
  near.day_hi = hi + options_.report_lag_days;
  bool first = true;
  for (const EventPlace& p : report.places)
    if (!PlaceReach::IsCountry(p))
      Cover(p, reach_.ReachKm(p) + options_.same_point_km, &near, &first);
  // Where one side has no place, only the report's own type can join
  // (JoinableWithoutPlace): those queries ask for it alone, and are not
  // made when nothing can join. Other types would be read only to be
  // turned down, and they were most of the candidates.
  const std::vector<std::string> compatible =
      types_.CompatibleWith(report.type);
  const std::vector<std::string> own_type = {report.type};
  const bool joinable_unplaced = JoinableWithoutPlace(report);
  std::vector<std::pair<IncidentBox, const std::vector<std::string>*>> asks;
  if (first) {  // no place: anything that day
    near.lat_lo = -90;
    near.lon_lo = -180;
    near.lat_hi = near.lon_hi = kUnplacedBox;
    if (joinable_unplaced) asks.emplace_back(near, &own_type);
  } else {
    asks.emplace_back(near, &compatible);
    IncidentBox unplaced = near;
    Unplaced(&unplaced);
    if (joinable_unplaced) asks.emplace_back(unplaced, &own_type);
  }
  int64_t best = 0;
  double best_score = -1;
  for (const auto& [box, types] : asks) {
    auto candidates =
        store.IncidentCandidates(box, options_.max_candidates, *types);
    if (!candidates.ok()) return candidates.status();
    for (const auto& shared : *candidates) {
      const Incident& i = *shared;
      FusionVerdict v = CompareForFusion(i, report, article.published, types_,
                                         reach_, options_);
      if (!v.same || v.score <= best_score) continue;
      auto free = free_for(i.id);
      if (!free.ok()) return free.status();
      if (!*free) continue;
      best = i.id;
      best_score = v.score;
    }
  }
  return best;
}

Status IncidentFuser::FuseArticle(Store& store, int64_t article_id,
                                  FuseStats* stats) const {
  FuseStats local;
  if (stats == nullptr) stats = &local;
  CW_RETURN_IF_ERROR(RebuildStale(store, stats));
  auto reports = store.EventReportsOf(article_id);
  if (!reports.ok()) return reports.status();
  if (reports->empty()) return Status::Ok();
  auto article = store.ReadStoredArticle(article_id);
  if (!article.ok()) return article.status();
  auto root = store.DuplicateRoot(article_id);
  if (!root.ok()) return root.status();
  auto key = SourceKey(store, *article, *root);
  if (!key.ok()) return key.status();
  ++stats->articles;
  for (const StoredEventReport& r : *reports) {
    if (r.incident_id) continue;
    ++stats->reports;
    auto pick = PickIncident(store, r, *article, *root);
    if (!pick.ok()) return pick.status();
    Incident incident;
    if (*pick != 0) {
      auto stored = store.ReadIncident(*pick);
      if (!stored.ok()) return stored.status();
      incident = std::move(*stored);
      AbsorbReport(r.report, &incident);
      ++stats->joined;
    } else {
      incident = IncidentFromReport(r.report);
      ++stats->opened;
    }
    IncidentBox box;
    const bool dated = BoxOf(incident, &box);
    if (incident.id == 0) {
      incident.sources = 1;
      auto id = store.InsertIncident(incident, dated ? &box : nullptr);
      if (!id.ok()) return id.status();
      incident.id = *id;
      auto added = store.AddIncidentSource(incident.id, *key);
      if (!added.ok()) return added.status();
    } else {
      auto added = store.AddIncidentSource(incident.id, *key);
      if (!added.ok()) return added.status();
      incident.sources += *added ? 1 : 0;
      CW_RETURN_IF_ERROR(
          store.UpdateIncident(incident, dated ? &box : nullptr));
    }
    CW_RETURN_IF_ERROR(store.SetReportIncident(r.id, incident.id));
  }
  return Status::Ok();
}

Status IncidentFuser::RebuildStale(Store& store, FuseStats* stats) const {
  auto stale = store.StaleIncidents();
  if (!stale.ok()) return stale.status();
  for (int64_t id : *stale) {
    ++stats->rebuilt;
    auto members = store.ReportsOfIncident(id);
    if (!members.ok()) return members.status();
    if (members->empty()) {
      CW_RETURN_IF_ERROR(store.DeleteIncident(id));
      continue;
    }
    Incident incident = IncidentFromReport(members->front().report);
    for (size_t i = 1; i < members->size(); ++i)
      AbsorbReport((*members)[i].report, &incident);
    incident.id = id;
    CW_RETURN_IF_ERROR(store.ClearIncidentSources(id));
    incident.sources = 0;
    int64_t last_article = -1;
    for (const StoredEventReport& r : *members) {
      if (r.article_id == last_article) continue;
      last_article = r.article_id;
      auto article = store.ReadStoredArticle(r.article_id);
      if (!article.ok()) return article.status();
      auto root = store.DuplicateRoot(r.article_id);
      if (!root.ok()) return root.status();
      auto key = SourceKey(store, *article, *root);
      if (!key.ok()) return key.status();
      auto added = store.AddIncidentSource(id, *key);
      if (!added.ok()) return added.status();
      incident.sources += *added ? 1 : 0;
    }
    IncidentBox box;
    const bool dated = BoxOf(incident, &box);
    CW_RETURN_IF_ERROR(store.UpdateIncident(incident, dated ? &box : nullptr));
  }
  return Status::Ok();
}

Status IncidentFuser::FusePending(Store& store, int batch,
                                  FuseStats* stats) const {
  batch = std::max(1, batch);
  CW_RETURN_IF_ERROR(store.Begin());
  Status st = RebuildStale(store, stats);
  if (st.ok()) st = store.Commit();
  if (!st.ok()) {
    store.Rollback();
    return st;
  }
  int64_t after = 0;
  for (;;) {
    auto articles = store.ArticlesWithUnfusedReports(after, batch);
    if (!articles.ok()) return articles.status();
    if (articles->empty()) return Status::Ok();
    CW_RETURN_IF_ERROR(store.Begin());
    for (int64_t id : *articles) {
      st = FuseArticle(store, id, stats);
      if (!st.ok()) break;
    }
    if (st.ok()) st = store.Commit();
    if (!st.ok()) {
      store.Rollback();
      return st;
    }
    after = articles->back();
  }
}

}  // namespace ceasewatch
