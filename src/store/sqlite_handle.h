// A thin RAII layer over the SQLite C API: a connection and prepared
// statements that bind, step and reset. No exceptions: each call returns
// a Status naming the SQL and SQLite's message.
#ifndef CEASEWATCH_STORE_SQLITE_HANDLE_H_
#define CEASEWATCH_STORE_SQLITE_HANDLE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ceasewatch/status.h"

namespace ceasewatch {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) {
    o.stmt_ = nullptr;
  }
  Statement& operator=(Statement&& o) noexcept {
    std::swap(db_, o.db_);
    std::swap(stmt_, o.stmt_);
    return *this;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite. Text and blobs are copied.
  Statement& Bind(int i, std::string_view text);
  Statement& Bind(int i, const char* text) {
    return Bind(i, std::string_view(text));
  }
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v);
  Statement& BindBlob(int i, const void* data, size_t size);
  Statement& BindNull(int i);
  // Binds NULL for an empty string.
  Statement& BindOrNull(int i, std::string_view text);

  // Advances: true with a row, false when done; *status set on error.
  bool Step(Status* status);
  // Runs to completion (for statements without rows).
  Status Run();
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }
  std::string Text(int col) const;
  // False for a default-constructed Statement (nothing prepared yet).
  bool prepared() const { return stmt_ != nullptr; }
  std::string_view Blob(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Steps the bound query `q` to its end, appending one element to `out` per
// row as `read(q, element)` fills it, then resets `q`.
template <typename T, typename ReadFn>
Status CollectRows(Statement& q, std::vector<T>* out, ReadFn read) {
  Status st;
  while (q.Step(&st)) read(q, out->emplace_back());
  q.Reset();
  return st;
}

class Database {
 public:
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                bool read_only);
  Status Exec(const std::string& sql);
  Result<Statement> Prepare(const std::string& sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_SQLITE_HANDLE_H_
