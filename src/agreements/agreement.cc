#include "agreements/agreement.h"

namespace ceasewatch {

const char* RelationName(Relation relation) {
  switch (relation) {
    case Relation::kPossibleBreach:
      return "possible_breach";
    case Relation::kImplementation:
      return "implementation";
    case Relation::kRelevant:
      return "relevant";
  }
  return "relevant";
}

bool IsAreaKind(std::string_view kind) {
  return kind == "country" || kind == "region" || kind == "district" ||
         kind == "zone" || kind == "route" || kind == "border" ||
         kind == "water";
}

}  // namespace ceasewatch
