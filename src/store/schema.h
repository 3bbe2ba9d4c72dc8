// The store's schema as an ordered list of migrations. Migration i (1-based)
// brings the schema from version i-1 to version i; the version lives in
// PRAGMA user_version. Never edit a released migration: append a new one.
// doc/schema.md describes the tables.
#ifndef CEASEWATCH_STORE_SCHEMA_H_
#define CEASEWATCH_STORE_SCHEMA_H_

#include <string>
#include <vector>

namespace ceasewatch {

const std::vector<std::string>& SchemaMigrations();
inline int LatestSchemaVersion() {
  return static_cast<int>(SchemaMigrations().size());
}

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_SCHEMA_H_
