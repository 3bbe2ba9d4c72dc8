#include "input/http_chunked.h"

#include "util/ascii.h"

namespace ceasewatch {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Status Truncated(size_t at) {
  return Status::InvalidInput("truncated chunked body at byte " +
                              std::to_string(at));
}

}  // namespace

Status DecodeChunked(std::string_view in, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    const size_t nl = in.find('\n', pos);
    if (nl == in.npos) return Truncated(in.size());
    std::string_view line = in.substr(pos, nl - pos);
    const size_t semi = line.find(';');
    line = TrimAscii(line.substr(0, semi));
    if (line.empty() || line.size() > 15) {
      return Status::InvalidInput("malformed chunk size at byte " +
                                  std::to_string(pos));
    }
    size_t size = 0;
    for (char c : line) {
      const int v = HexValue(c);
      if (v < 0) {
        return Status::InvalidInput("malformed chunk size at byte " +
                                    std::to_string(pos));
      }
      size = size * 16 + static_cast<size_t>(v);
    }
    pos = nl + 1;
    if (size == 0) return Status::Ok();  // trailers, if any, are dropped
    if (size > in.size() - pos) {
      out->append(in.substr(pos));
      return Truncated(in.size());
    }
    out->append(in.substr(pos, size));
    pos += size;
    // The CRLF after the data.
    if (in.substr(pos).starts_with("\r\n")) {
      pos += 2;
    } else if (in.substr(pos).starts_with("\n")) {
      pos += 1;
    } else if (pos == in.size()) {
      return Truncated(pos);
    } else {
      return Status::InvalidInput("malformed chunk size at byte " +
                                  std::to_string(pos));
    }
  }
}

}  // namespace ceasewatch
