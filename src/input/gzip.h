// Decompressing gzip files and HTTP deflate bodies with zlib.
//
//   std::string text;
//   Status st = Gunzip(file_bytes, options.max_gunzip_bytes, &text);
//   // Even when !st.ok(), `text` holds what was decoded before the fault.
#ifndef CEASEWATCH_INPUT_GZIP_H_
#define CEASEWATCH_INPUT_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "ceasewatch/status.h"

namespace ceasewatch {

// True when `data` starts with the gzip magic bytes 1f 8b.
bool IsGzip(std::string_view data);

// Decompresses `in`, one gzip member or several concatenated ones (as in a
// .warc.gz, one member a record), into *out (replaced). NUL padding after
// the last member is ignored.
// Returns:
//   OK;
//   TooLarge when the output would exceed `max_out` bytes (*out then holds
//     the first `max_out` bytes);
//   InvalidInput("truncated gzip stream at compressed byte N") when `in`
//     ends inside a member (N = in.size());
//   InvalidInput("corrupt gzip stream at compressed byte N: <why>") for bad
//     data, or for trailing bytes that are not another gzip member.
// In every case *out holds all bytes decoded before the fault.
Status Gunzip(std::string_view in, size_t max_out, std::string* out);

// The same for an HTTP "Content-Encoding: deflate" body: a zlib stream, or
// a raw deflate stream as some servers send. Bytes after the end of the
// stream are ignored.
Status InflateDeflate(std::string_view in, size_t max_out, std::string* out);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_GZIP_H_
