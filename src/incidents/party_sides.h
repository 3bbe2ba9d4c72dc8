// The parties of a conflict as the pack's actors name their sides. Media,
// civilians and protesters have no side (""): they are not parties.
#ifndef CEASEWATCH_INCIDENTS_PARTY_SIDES_H_
#define CEASEWATCH_INCIDENTS_PARTY_SIDES_H_

#include <string_view>

namespace ceasewatch {

inline bool IsPartySide(std::string_view side) {
  for (std::string_view s : {"AZ", "AM", "NK", "RU", "TR", "INTL", "OTHER"})
    if (side == s) return true;
  return false;
}

}  // namespace ceasewatch

#endif  // CEASEWATCH_INCIDENTS_PARTY_SIDES_H_
