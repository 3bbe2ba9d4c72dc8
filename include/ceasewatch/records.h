// The plain records that flow between ceasewatch's stages.
//
//   file / stdin / WARC / JSONL
//     -> RawDocument  (input/)    payload bytes plus where they came from
//     -> Page         (extract/)  decoded UTF-8 blocks, each with its byte
//                                 span in the decoded body; cleaning marks
//                                 site chrome on the blocks (clean/)
//     -> Article[]    (split/)    one page may hold several articles
//
// Offsets: every TextBlock and Paragraph carries [raw_begin, raw_end), a
// byte span in Page::body, the document's payload decoded to UTF-8. When
// the payload was already UTF-8 without a byte order mark (the common case)
// body is byte-identical to RawDocument::bytes, so the spans index the raw
// bytes as well; otherwise the store keeps body beside the raw bytes.
#ifndef CEASEWATCH_RECORDS_H_
#define CEASEWATCH_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ceasewatch {

enum class InputFormat { kUnknown, kText, kHtml, kJsonLines, kWarc };
const char* FormatName(InputFormat f);

// One unit that is stored in one transaction: a page read from a file, one
// WARC response record, or one JSON-lines record.
struct RawDocument {
  std::string path;     // input file as given on the command line; "-" stdin
  std::string locator;  // where inside the file: "" (whole file),
                        // "line 12" (JSON lines), "record 3" (WARC)
  InputFormat format = InputFormat::kUnknown;  // of `bytes`: kText or kHtml
  std::string bytes;                           // the payload as received
  std::string envelope;  // the JSON line or WARC/HTTP headers, kept as-is
  std::string url;       // origin URL when known
  std::string fetched_at;        // ISO 8601 when known (WARC-Date); this is
                                 // never taken as a publication date
  std::string declared_charset;  // from an HTTP Content-Type, if any
  // Stated by a JSON-lines record (empty otherwise).
  std::optional<std::string> source_id;
  std::string title, published, outlet, author;
};

enum class BlockHint { kNone, kHeading, kParagraph, kListItem };

// One line of page text: a paragraph, heading, list item or plain line.
struct TextBlock {
  std::string text;        // whitespace folded, trimmed, no newline
  uint32_t raw_begin = 0;  // byte span in Page::body
  uint32_t raw_end = 0;
  BlockHint hint = BlockHint::kNone;
  int heading_level = 0;  // 1..6 for <h1>..<h6>, else 0
  // Set by cleaning: empty for content, else why the block is chrome.
  std::string chrome;
};

// What the page itself states outright (HTML <meta>, JSON-lines fields).
struct PageMeta {
  std::string title, author, outlet, url, language;
  std::string published;  // as stated: ISO day or date-time, or free text
};

struct Page {
  std::string body;  // the payload decoded to UTF-8; offsets index this
  std::vector<TextBlock> blocks;
  PageMeta meta;
  bool single_article = false;  // a JSON-lines record: never split
};

struct Paragraph {
  std::string text;
  uint32_t raw_begin = 0;  // byte span in Page::body
  uint32_t raw_end = 0;
};

struct Article {
  std::string title, author, outlet, url;
  std::optional<std::string> source_id;
  // Publication day "YYYY-MM-DD", or empty when the page gives no sound
  // evidence (a wrong date is worse than none).
  std::string published;
  std::string published_precision;  // "day", "week", "month", "year" or ""
  std::string published_reason;     // which words gave the date, and how
  std::vector<Paragraph> paragraphs;
  uint32_t raw_begin = 0;  // span of the whole article in Page::body
  uint32_t raw_end = 0;
  std::string language;  // ISO 639-1 code, "un" when unknown
  bool language_reliable = false;

  // The cleaned body, one paragraph a line.
  std::string Text() const;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_RECORDS_H_
