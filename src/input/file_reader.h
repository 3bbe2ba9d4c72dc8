// Reading a whole input file, or stdin, into memory under a size limit.
#ifndef CEASEWATCH_INPUT_FILE_READER_H_
#define CEASEWATCH_INPUT_FILE_READER_H_

#include <cstddef>
#include <cstdio>
#include <string>

#include "ceasewatch/status.h"

namespace ceasewatch {

// Reads `path` (a regular file, or a pipe / device such as /dev/stdin) into
// *out. A regular file over `max_bytes` is rejected unread with
// TooLarge("file is N bytes, over the limit of M (--max-bytes)"); a stream
// is read up to the limit and rejected past it. IOError names the path when
// it cannot be opened or read.
Status ReadFileLimited(const std::string& path, size_t max_bytes,
                       std::string* out);

// Reads `stream` to its end (e.g. stdin), at most `max_bytes` bytes.
// `name` is used in messages.
Status ReadStreamLimited(std::FILE* stream, const std::string& name,
                         size_t max_bytes, std::string* out);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_FILE_READER_H_
