// Finding the charset an HTML document declares in its own markup.
#ifndef CEASEWATCH_INPUT_META_CHARSET_H_
#define CEASEWATCH_INPUT_META_CHARSET_H_

#include <string>
#include <string_view>

namespace ceasewatch {

// How far into a document the declaration is looked for.
inline constexpr size_t kMetaCharsetScanBytes = 4096;

// The charset an HTML document declares in its first 4 KB, as written:
// <meta charset="...">, <meta http-equiv="Content-Type"
// content="text/html; charset=...">, or the encoding of a leading
// <?xml ... encoding="..."?>. Comments are skipped, and '>' inside quoted
// attribute values does not end a tag (the HTML "prescan", simplified).
// Returns "" when there is none.
std::string SniffHtmlCharset(std::string_view html);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_META_CHARSET_H_
