// Decoding a payload to UTF-8.
//
//   Result<std::string> body = DecodeToUtf8(doc.bytes, doc.declared_charset,
//                                           doc.format);
//   if (!body.ok()) reporter.Reject(doc.path, doc.locator, body.status());
#ifndef CEASEWATCH_INPUT_CHARSET_H_
#define CEASEWATCH_INPUT_CHARSET_H_

#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

// Decodes `bytes` to UTF-8. The charset is taken, in order, from a byte
// order mark (UTF-8, UTF-16LE, UTF-16BE), `declared_charset` (an HTTP
// header), and for kHtml a <meta charset>, an http-equiv Content-Type or an
// <?xml encoding?> declaration in the first 4 KB; else UTF-8 is assumed.
// Labels are read as browsers read them (WHATWG): "iso-8859-1", "latin1"
// and "us-ascii" mean windows-1252, "gb2312" means GBK, and so on.
// Conversion uses ICU. The BOM is removed.
//
// UTF-8 is validated, not converted: when the bytes are valid UTF-8 with no
// BOM the result is byte-identical to the input (the common, fast case).
// Returns InvalidInput naming the byte offset (into `bytes`, BOM included)
// of the first ill-formed sequence, e.g. "invalid UTF-8 at byte 17".
// A byte that is well-formed but unassigned in a legacy charset becomes
// U+FFFD. An unknown charset label is Unsupported, unless the bytes are
// valid UTF-8 anyway (then they are returned as they are).
Result<std::string> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 InputFormat format);

// True when `s` is valid UTF-8 (no overlong forms, surrogates or code
// points above U+10FFFF); else false and *bad_offset (if not null) is the
// offset of the first byte of the first ill-formed sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_CHARSET_H_
