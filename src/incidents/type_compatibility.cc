#include "incidents/type_compatibility.h"

#include <algorithm>

#include "util/tsv.h"

namespace ceasewatch {

Result<TypeCompatibility> TypeCompatibility::Load(
    const std::string& fusion_tsv) {
  std::string text;
  CW_RETURN_IF_ERROR(ReadWholeFile(fusion_tsv, &text));
  TypeCompatibility types;
  Status st = ForEachRow(fusion_tsv, text, {"type_a", "type_b"},
                         [&](const TsvRow& row) -> Status {
                           std::string_view a, b;
                           CW_RETURN_IF_ERROR(row.Required("type_a", &a));
                           CW_RETURN_IF_ERROR(row.Required("type_b", &b));
                           if (a == b)
                             return row.Error(
                                 "a type is always compatible "
                                 "with itself: " +
                                 std::string(a));
                           types.Allow(std::string(a), std::string(b));
                           return Status::Ok();
                         });
  if (!st.ok()) return st;
  return types;
}

void TypeCompatibility::Allow(const std::string& a, const std::string& b) {
  pairs_.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
}

std::vector<std::string> TypeCompatibility::CompatibleWith(
    const std::string& type) const {
  std::vector<std::string> out = {type};
  for (const auto& [a, b] : pairs_) {
    if (a == type) out.push_back(b);
    if (b == type) out.push_back(a);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool TypeCompatibility::Compatible(const std::string& a,
                                   const std::string& b) const {
  if (a == b) return true;
  return pairs_.count(a < b ? std::make_pair(a, b) : std::make_pair(b, a)) > 0;
}

}  // namespace ceasewatch
