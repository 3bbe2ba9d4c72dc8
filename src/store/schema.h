// The store's schema as an ordered list of migrations. Migration i (1-based)
// brings the schema from version i-1 to version i; the version lives in
// PRAGMA user_version. Never edit a released migration: append a new one.
// doc/schema.md describes the tables.
#ifndef CEASEWATCH_STORE_SCHEMA_H_
#define CEASEWATCH_STORE_SCHEMA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ceasewatch {

const std::vector<std::string>& SchemaMigrations();

// The incident index's type dimension: an integer code of an incident's
// `type` that SQL (migration 5) and C++ (IncidentTypeCode) compute alike,
// under 2^24 so the R*Tree's 32-bit floats hold it exactly. Different
// types may share a code; fusion still compares the types themselves.
inline constexpr const char* kIncidentTypeCodeSql =
    "((length(type) % 256) * 65536 + (unicode(type) % 256) * 256 + "
    "(unicode(substr(type, -1)) % 256))";
// The same code from C++: characters counted and read as code points.
int64_t IncidentTypeCode(std::string_view type);
inline int LatestSchemaVersion() {
  return static_cast<int>(SchemaMigrations().size());
}

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_SCHEMA_H_
