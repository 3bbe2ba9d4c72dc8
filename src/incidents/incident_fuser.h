// Fusion into incidents, in the store: each new report joins the best
// stored incident it can be the same event as (fusion_rules.h) or opens a
// new one. Candidates come from the store's R*Tree over incident windows
// and places, so the cost of fusing an article depends on how many
// incidents lie near it in time and space, not on the size of the store.
//
// Special cases:
// - two reports of one article never share an incident (the extractor
//   already merged what it saw as one event);
// - a report of a near-duplicate copy first joins an incident of its
//   original of the same type whose window it does not contradict;
// - an undated report joins only an incident of its original article
//   (a copy); otherwise it stands alone.
//
//   auto fuser = IncidentFuser::Load(pack_dir, {});
//   store.Begin(); ... ReplaceEventReports(article, ...);
//   (*fuser)->FuseArticle(store, article); store.Commit();
#ifndef CEASEWATCH_INCIDENTS_INCIDENT_FUSER_H_
#define CEASEWATCH_INCIDENTS_INCIDENT_FUSER_H_

#include <memory>
#include <string>

#include "ceasewatch/status.h"
#include "incidents/fusion_rules.h"
#include "incidents/place_reach.h"
#include "incidents/type_compatibility.h"
#include "store/store.h"

namespace ceasewatch {

struct FuseStats {
  int64_t articles = 0;
  int64_t reports = 0;
  int64_t joined = 0;   // reports that joined an existing incident
  int64_t opened = 0;   // incidents opened
  int64_t rebuilt = 0;  // stale incidents recomputed or removed
};

class IncidentFuser {
 public:
  // Reads the pack's incidents/fusion.tsv (type pairs; optional) and
  // places.tsv (radii).
  static Result<std::unique_ptr<IncidentFuser>> Load(
      const std::string& pack_dir, FusionOptions options = {});
  IncidentFuser(TypeCompatibility types, PlaceReach reach,
                FusionOptions options)
      : types_(std::move(types)), reach_(std::move(reach)), options_(options) {}

  // Fuses the article's reports that belong to no incident yet, after
  // rebuilding incidents that lost members. Call inside the transaction
  // that stored the reports.
  Status FuseArticle(Store& store, int64_t article_id,
                     FuseStats* stats = nullptr) const;

  // Fuses every report not yet in an incident, article by article in id
  // order, `batch` articles per transaction (stores made before fusion
  // existed; after `reextract`).
  Status FusePending(Store& store, int batch, FuseStats* stats) const;

  // Recomputes incidents marked stale from their remaining members and
  // deletes those left without any.
  Status RebuildStale(Store& store, FuseStats* stats) const;

  // The index entry of an incident: null when it is undated.
  bool BoxOf(const Incident& incident, IncidentBox* box) const;

 private:
  Result<int64_t> PickIncident(Store& store, const StoredEventReport& r,
                               const StoredArticle& article,
                               int64_t root) const;
  // The identity of the outlet that carries an article, its copies
  // counted with their original.
  Result<std::string> SourceKey(Store& store, const StoredArticle& article,
                                int64_t root) const;

  TypeCompatibility types_;
  PlaceReach reach_;
  FusionOptions options_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_INCIDENTS_INCIDENT_FUSER_H_
