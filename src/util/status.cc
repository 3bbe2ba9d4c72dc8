#include "ceasewatch/status.h"

namespace ceasewatch {

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case Code::kOk:
      return "ok";
    case Code::kNotFound:
      name = "not found";
      break;
    case Code::kInvalidInput:
      name = "invalid input";
      break;
    case Code::kUnsupported:
      name = "unsupported";
      break;
    case Code::kTooLarge:
      name = "too large";
      break;
    case Code::kIOError:
      name = "I/O error";
      break;
    case Code::kInternal:
      name = "internal error";
      break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace ceasewatch
