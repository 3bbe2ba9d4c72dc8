// Reading the incidents the provisions are linked against from the store.
#ifndef CEASEWATCH_AGREEMENTS_INCIDENT_VIEWS_H_
#define CEASEWATCH_AGREEMENTS_INCIDENT_VIEWS_H_

#include <string>
#include <vector>

#include "agreements/provision_links.h"
#include "ceasewatch/status.h"
#include "store/store.h"

namespace ceasewatch {

struct IncidentViewOptions {
  // Skip incidents whose window ends before this ISO day ("" = keep all):
  // the earliest in_force day of the agreements asked about. Background
  // and undated incidents are always skipped (they never link).
  std::string ends_on_or_after;
};

// The store's incidents in id order, each with its member reports' claims
// and actor1 sides (ViewOfIncident). Store errors pass through.
Result<std::vector<IncidentView>> ReadIncidentViews(
    Store& store, const IncidentViewOptions& options);

}  // namespace ceasewatch

#endif  // CEASEWATCH_AGREEMENTS_INCIDENT_VIEWS_H_
