// Telling the input formats apart by content, the file name only breaking
// ties.
#ifndef CEASEWATCH_INPUT_FORMAT_DETECT_H_
#define CEASEWATCH_INPUT_FORMAT_DETECT_H_

#include <string_view>

#include "ceasewatch/records.h"

namespace ceasewatch {

// The format of a file from its first bytes `head` (the whole content
// when at hand; at least the first 64 KB) and its `path`:
//   "WARC/1." at the start                      -> kWarc
//   first non-blank char '{' and the first line
//     parses as a JSON object                   -> kJsonLines
//   HTML markup near the start (LooksLikeHtml)  -> kHtml
//   otherwise                                   -> kText
// A gzip head (1f 8b) is judged by its decompressed start, with ".gz" cut
// from the path (so ".warc.gz" -> kWarc); kUnknown if that cannot be read
// and the name says nothing. A UTF-16 head (with BOM) is kHtml or kText.
// The extension decides only when content does not: ".html", ".htm" ...
// give kHtml, ".warc" kWarc, ".jsonl"/".ndjson" with a leading '{'
// kJsonLines (its first line may be broken).
InputFormat DetectFormat(std::string_view head, std::string_view path);

// The format the file name alone suggests (by extension, case-insensitive;
// without a ".gz" to cut), or kUnknown.
InputFormat FormatFromExtension(std::string_view path);

// True when `head` looks like markup: after a BOM, whitespace, comments and
// an <?xml?> declaration, the first tag is <!doctype html>, <html>, <head>,
// <body>, <p>, <div> or another common HTML element; or "<html", "<body" or
// "<!doctype html" occurs in the first 1 KB. Case-insensitive.
bool LooksLikeHtml(std::string_view head);

// True when `head` is binary, not text: it holds NUL bytes, or more than
// 1 in 16 bytes are control characters other than \t \n \r \f and ESC
// (ESC is used by ISO-2022 text). Text with a UTF-16 BOM is judged by its
// 16-bit code units instead.
bool LooksBinary(std::string_view head);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_FORMAT_DETECT_H_
