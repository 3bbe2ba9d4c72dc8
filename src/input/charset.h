// Decoding a payload to UTF-8.
#ifndef CEASEWATCH_INPUT_CHARSET_H_
#define CEASEWATCH_INPUT_CHARSET_H_

#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

// Decodes `bytes` to UTF-8. The charset is taken, in order, from a byte
// order mark, `declared_charset` (an HTTP header), and for kHtml a
// <meta charset> or http-equiv Content-Type in the first 4 KB; else UTF-8
// is assumed. Conversion uses ICU. The BOM is removed.
// Returns InvalidInput naming the byte offset when the bytes are not valid
// in that charset (e.g. broken UTF-8), Unsupported for an unknown charset.
// When the result is byte-identical to the input except for a stripped BOM,
// *identical is set to true (offsets then index the raw bytes + bom_len).
Result<std::string> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 InputFormat format);

// True when `s` is valid UTF-8; else false and *bad_offset is the first
// offending byte.
bool IsValidUtf8(std::string_view s, size_t* bad_offset);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_CHARSET_H_
