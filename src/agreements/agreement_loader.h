// Reading a pack's agreements (doc/agreements.md).
//
//   Result<std::vector<Agreement>> agreements =
//       LoadAgreements("data/theatres/south-caucasus");
//
// Every error is InvalidInput (or NotFound for a missing places file) and
// names the file and the field: `.../2020-11-10-trilateral-statement.json:
// provisions[2].places[0]: unknown place id "cw:nowhere"`.
#ifndef CEASEWATCH_AGREEMENTS_AGREEMENT_LOADER_H_
#define CEASEWATCH_AGREEMENTS_AGREEMENT_LOADER_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "agreements/agreement.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

// What an agreement file is checked against.
struct AgreementContext {
  // The pack's places by id (places.tsv); a provision's places resolve
  // here.
  const std::unordered_map<std::string, ProvisionPlace>* places = nullptr;
  // Our event types (events/types.tsv); empty = not checked.
  std::unordered_set<std::string> event_types;
};

// The rows of a places file (doc/theatre-pack.md), by id.
Result<std::unordered_map<std::string, ProvisionPlace>> ReadPackPlaces(
    const std::string& path);

// One agreement from the JSON `text` of `path`. Pure but for `context`.
Result<Agreement> ParseAgreement(const std::string& path,
                                 const std::string& text,
                                 const AgreementContext& context);

// Every `agreements/*.json` of the pack at `pack_dir`, in file-name order;
// none when the pack has no agreements folder. Places resolve through the
// pack's places file (pack.json "files"."places", else places.tsv), types
// are checked against events/types.tsv when the pack has one. Agreement
// ids must be distinct.
Result<std::vector<Agreement>> LoadAgreements(const std::string& pack_dir);

}  // namespace ceasewatch

#endif  // CEASEWATCH_AGREEMENTS_AGREEMENT_LOADER_H_
