#include "export/provisions_json.h"

#include <algorithm>

#include "agreements/incident_views.h"
#include "agreements/links_json.h"
#include "agreements/provision_links.h"

namespace ceasewatch {

Result<nlohmann::json> ProvisionsJson(
    Store& store, const std::vector<Agreement>& agreements) {
  nlohmann::json out = {{"agreements", nlohmann::json::array()}};
  if (agreements.empty()) return out;
  IncidentViewOptions options;
  options.ends_on_or_after = agreements[0].in_force;
  for (const Agreement& a : agreements)
    options.ends_on_or_after = std::min(options.ends_on_or_after, a.in_force);
  Result<std::vector<IncidentView>> views = ReadIncidentViews(store, options);
  if (!views.ok()) return views.status();
  for (const Agreement& a : agreements)
    out["agreements"].push_back(
        AgreementLinksJson(a, LinkIncidents(a, *views)));
  return out;
}

}  // namespace ceasewatch
