// The JSON of `ceasewatch provisions --json` (and GET /api/provisions):
// each agreement's provisions with the stored incidents bearing on them
// (agreements/links_json.h gives each agreement's shape).
#ifndef CEASEWATCH_EXPORT_PROVISIONS_JSON_H_
#define CEASEWATCH_EXPORT_PROVISIONS_JSON_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "agreements/agreement.h"
#include "ceasewatch/status.h"
#include "store/store.h"

namespace ceasewatch {

// {"agreements": [...]} for `agreements` (at least one), reading the
// incidents that end on or after the earliest in_force day.
Result<nlohmann::json> ProvisionsJson(Store& store,
                                      const std::vector<Agreement>& agreements);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_PROVISIONS_JSON_H_
