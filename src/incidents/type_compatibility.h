// Which event types may be the same incident told two ways (the pack's
// incidents/fusion.tsv): "advanced into the village" and "captured the
// village", artillery fire and a clash. A type is always compatible with
// itself.
#ifndef CEASEWATCH_INCIDENTS_TYPE_COMPATIBILITY_H_
#define CEASEWATCH_INCIDENTS_TYPE_COMPATIBILITY_H_

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ceasewatch/status.h"

namespace ceasewatch {

class TypeCompatibility {
 public:
  // A missing file is NotFound; a bad row names its line.
  static Result<TypeCompatibility> Load(const std::string& fusion_tsv);

  void Allow(const std::string& a, const std::string& b);
  bool Compatible(const std::string& a, const std::string& b) const;
  // `type` and every type allowed with it, sorted.
  std::vector<std::string> CompatibleWith(const std::string& type) const;

 private:
  std::set<std::pair<std::string, std::string>> pairs_;  // a < b
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_INCIDENTS_TYPE_COMPATIBILITY_H_
