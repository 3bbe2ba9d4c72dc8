// Status and Result<T>: the error values returned at every stage boundary.
//
// No exception crosses a stage boundary. A stage that can fail returns a
// Status (no value) or a Result<T> (a value or a Status). Both are cheap
// to move; an OK Status holds no allocation.
//
//   Result<Page> page = ExtractHtml(body);
//   if (!page.ok()) return page.status();
//   Use(*page);
#ifndef CEASEWATCH_STATUS_H_
#define CEASEWATCH_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace ceasewatch {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidInput,  // the input is malformed (bad UTF-8, broken JSON ...)
    kUnsupported,   // the input is of a kind we do not read (binary ...)
    kTooLarge,      // the input is over a configured limit
    kIOError,       // the file system or the store failed
    kInternal,      // a bug: an invariant did not hold
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) { return {Code::kNotFound, msg}; }
  static Status InvalidInput(std::string msg) {
    return {Code::kInvalidInput, std::move(msg)};
  }
  static Status Unsupported(std::string msg) {
    return {Code::kUnsupported, std::move(msg)};
  }
  static Status TooLarge(std::string msg) {
    return {Code::kTooLarge, std::move(msg)};
  }
  static Status IOError(std::string msg) {
    return {Code::kIOError, std::move(msg)};
  }
  static Status Internal(std::string msg) {
    return {Code::kInternal, std::move(msg)};
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok", or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string message)
      : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
// REQUIRES for value()/operator*: ok().
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

#define CW_RETURN_IF_ERROR(expr)        \
  do {                                  \
    ::ceasewatch::Status _st = (expr);  \
    if (!_st.ok()) return _st;          \
  } while (0)

}  // namespace ceasewatch

#endif  // CEASEWATCH_STATUS_H_
