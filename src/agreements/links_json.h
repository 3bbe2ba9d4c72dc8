// The JSON form of an agreement's provisions and their linked incidents,
// as `ceasewatch provisions --json` prints it (shape: doc/agreements.md).
#ifndef CEASEWATCH_AGREEMENTS_LINKS_JSON_H_
#define CEASEWATCH_AGREEMENTS_LINKS_JSON_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "agreements/agreement.h"
#include "agreements/provision_links.h"

namespace ceasewatch {

// One element of "agreements": the agreement, each provision and what
// LinkIncidents linked to it (`links` parallel to agreement.provisions).
nlohmann::json AgreementLinksJson(const Agreement& agreement,
                                  const std::vector<ProvisionLinks>& links);

}  // namespace ceasewatch

#endif  // CEASEWATCH_AGREEMENTS_LINKS_JSON_H_
