// Decoding an HTTP/1.1 "Transfer-Encoding: chunked" body.
#ifndef CEASEWATCH_INPUT_HTTP_CHUNKED_H_
#define CEASEWATCH_INPUT_HTTP_CHUNKED_H_

#include <string>
#include <string_view>

#include "ceasewatch/status.h"

namespace ceasewatch {

// Joins the chunks of `in` into *out (replaced): each chunk is a hex size
// line (";extensions" ignored), CRLF, that many bytes, CRLF; a zero size
// ends the body and any trailer fields after it are dropped. Bare LF line
// ends are accepted.
// Returns InvalidInput("malformed chunk size at byte N") or
// InvalidInput("truncated chunked body at byte N") (N an offset in `in`);
// *out then holds the chunks decoded before the fault.
Status DecodeChunked(std::string_view in, std::string* out);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_HTTP_CHUNKED_H_
