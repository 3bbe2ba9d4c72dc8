#include "input/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace ceasewatch {
namespace {

// zlib counts in uInt; hand it at most this much at once.
constexpr size_t kMaxZlibChunk = size_t{1} << 30;

bool AllNul(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '\0'; });
}

// Inflates `in` with the given zlib windowBits. `kind` names the format in
// messages. With `members`, a further gzip member after the end of one is
// decoded too, and other trailing bytes are an error (unless all NUL).
Status InflateAll(std::string_view in, int window_bits, bool members,
                  const char* kind, size_t max_out, std::string* out) {
  out->clear();
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    return Status::Internal("zlib inflateInit2 failed");
  }
  struct Ender {
    z_stream* zs;
    ~Ender() { inflateEnd(zs); }
  } ender{&zs};

  const auto* base = reinterpret_cast<const unsigned char*>(in.data());
  // One more byte than allowed, to tell "exactly max_out" from "more".
  const size_t cap =
      max_out == std::numeric_limits<size_t>::max() ? max_out : max_out + 1;
  size_t fed = 0;       // bytes of `in` handed to zlib so far
  size_t produced = 0;  // bytes of *out filled
  auto consumed = [&] { return fed - zs.avail_in; };
  auto fail = [&](Status st) {
    out->resize(std::min(produced, max_out));
    return st;
  };

  for (;;) {
    if (zs.avail_in == 0 && fed < in.size()) {
      const size_t n = std::min(in.size() - fed, kMaxZlibChunk);
      zs.next_in = const_cast<unsigned char*>(base + fed);
      zs.avail_in = static_cast<uInt>(n);
      fed += n;
    }
    if (produced == out->size()) {
      const size_t grow =
          std::min(cap - produced, std::max<size_t>(produced, 16384));
      out->resize(produced + grow);
    }
    const size_t room = std::min(out->size() - produced, kMaxZlibChunk);
    zs.next_out = reinterpret_cast<unsigned char*>(out->data() + produced);
    zs.avail_out = static_cast<uInt>(room);
    const int ret = inflate(&zs, Z_NO_FLUSH);
    produced += room - zs.avail_out;
    if (produced > max_out) {
      return fail(Status::TooLarge(std::string(kind) +
                                   " content is over the limit of " +
                                   std::to_string(max_out) + " bytes"));
    }

    switch (ret) {
      case Z_OK:
        continue;
      case Z_STREAM_END: {
        const std::string_view rest = in.substr(consumed());
        if (members && !rest.empty()) {
          if (IsGzip(rest)) {
            if (inflateReset(&zs) != Z_OK) {
              return fail(Status::Internal("zlib inflateReset failed"));
            }
            continue;
          }
          if (!AllNul(rest)) {
            return fail(Status::InvalidInput(
                std::string("corrupt ") + kind + " stream at compressed byte " +
                std::to_string(consumed()) +
                ": trailing bytes after the last member"));
          }
        }
        out->resize(produced);
        return Status::Ok();
      }
      case Z_BUF_ERROR:
        // No progress: either the output is full (grown next round) or the
        // input ran out inside the stream.
        if (zs.avail_out == 0) continue;
        if (zs.avail_in == 0 && fed == in.size()) {
          return fail(Status::InvalidInput(std::string("truncated ") + kind +
                                           " stream at compressed byte " +
                                           std::to_string(in.size())));
        }
        if (zs.avail_in == 0) continue;  // more input to hand over
        return fail(Status::Internal("zlib made no progress"));
      case Z_NEED_DICT:
        return fail(Status::InvalidInput(
            std::string("corrupt ") + kind + " stream at compressed byte " +
            std::to_string(consumed()) + ": needs a preset dictionary"));
      case Z_DATA_ERROR:
        return fail(Status::InvalidInput(
            std::string("corrupt ") + kind + " stream at compressed byte " +
            std::to_string(consumed()) + ": " +
            (zs.msg != nullptr ? zs.msg : "invalid data")));
      case Z_MEM_ERROR:
        return fail(Status::Internal("zlib ran out of memory"));
      default:
        return fail(
            Status::Internal("zlib inflate returned " + std::to_string(ret)));
    }
  }
}

bool HasZlibHeader(std::string_view in) {
  if (in.size() < 2) return false;
  const auto b0 = static_cast<unsigned char>(in[0]);
  const auto b1 = static_cast<unsigned char>(in[1]);
  return (b0 & 0x0f) == 8 && (b0 >> 4) <= 7 && ((b0 << 8) | b1) % 31 == 0;
}

}  // namespace

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

Status Gunzip(std::string_view in, size_t max_out, std::string* out) {
  return InflateAll(in, 16 + MAX_WBITS, /*members=*/true, "gzip", max_out, out);
}

Status InflateDeflate(std::string_view in, size_t max_out, std::string* out) {
  const int bits = HasZlibHeader(in) ? MAX_WBITS : -MAX_WBITS;
  return InflateAll(in, bits, /*members=*/false, "deflate", max_out, out);
}

}  // namespace ceasewatch
