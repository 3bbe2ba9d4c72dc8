// The JSON of `ceasewatch contradictions --json` (and GET
// /api/contradictions): one element per contradiction found among an
// incident's member reports (incidents/contradictions.h), with the
// incident's summary and both claims.
#ifndef CEASEWATCH_EXPORT_CONTRADICTIONS_JSON_H_
#define CEASEWATCH_EXPORT_CONTRADICTIONS_JSON_H_

#include <nlohmann/json.hpp>

#include "ceasewatch/status.h"
#include "incidents/contradictions.h"
#include "store/store.h"

namespace ceasewatch {

nlohmann::ordered_json ClaimRefJson(const ClaimRef& r);
// One element of the array.
nlohmann::ordered_json ContradictionJson(const Incident& incident,
                                         const Contradiction& c);
// Every incident's contradictions, in incident id order.
Result<nlohmann::ordered_json> ContradictionsJson(Store& store);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_CONTRADICTIONS_JSON_H_
