#include "store/sqlite_handle.h"

namespace ceasewatch {

Statement& Statement::Bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::BindBlob(int i, const void* data, size_t size) {
  sqlite3_bind_blob64(stmt_, i, data, size, SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}
Statement& Statement::BindOrNull(int i, std::string_view text) {
  return text.empty() ? BindNull(i) : Bind(i, text);
}

bool Statement::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE)
    *status = Status::IOError(std::string("sqlite: ") + sqlite3_errmsg(db_) +
                              " in: " + sqlite3_sql(stmt_));
  return false;
}

Status Statement::Run() {
  Status st;
  while (Step(&st)) {
  }
  Reset();
  return st;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return "";
  return std::string(reinterpret_cast<const char*>(p),
                     sqlite3_column_bytes(stmt_, col));
}

std::string_view Statement::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (!p) return {};
  return std::string_view(static_cast<const char*>(p),
                          sqlite3_column_bytes(stmt_, col));
}

Database::~Database() { sqlite3_close_v2(db_); }

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 bool read_only) {
  sqlite3* db = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY
                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IOError("cannot open store " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  return std::unique_ptr<Database>(new Database(db));
}

Status Database::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IOError("sqlite: " + msg + " in: " + sql.substr(0, 200));
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK)
    return Status::IOError(std::string("sqlite: ") + sqlite3_errmsg(db_) +
                           " preparing: " + sql.substr(0, 200));
  return Statement(db_, stmt);
}

}  // namespace ceasewatch
