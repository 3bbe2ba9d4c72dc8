// Reading the pages out of a WARC 1.0 / 1.1 file.
//
//   WarcReader reader(contents, path);
//   RawDocument doc;
//   Status error;
//   while (reader.Next(&doc, &error)) {
//     if (!error.ok()) reporter.Reject(path, reader.locator(), error);
//     else sink(std::move(doc));
//   }
#ifndef CEASEWATCH_INPUT_WARC_READER_H_
#define CEASEWATCH_INPUT_WARC_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

// Pulls one document at a time from a whole, uncompressed WARC file (gunzip
// a .warc.gz first). A document is made of each `response` record that
// holds an HTTP response with status 2xx and a Content-Type of text/html,
// application/xhtml+xml or text/plain, or none (then the body decides:
// HTML or text; binary bodies are skipped). Chunked transfer encoding and
// gzip / deflate content encoding are undone. Other records (warcinfo,
// request, metadata, revisit, non-HTML or non-2xx responses, empty bodies)
// are skipped silently.
//
// The document: locator "record N" (N counts every record, from 1), format
// kHtml or kText, bytes = the HTTP body, envelope = the WARC header section
// then the HTTP status line and headers, as they were; url =
// WARC-Target-URI, fetched_at = WARC-Date, declared_charset = the charset
// of the HTTP Content-Type.
class WarcReader {
 public:
  // `data` must outlive the reader. `max_body_bytes` bounds a body after
  // content decoding.
  WarcReader(std::string_view data, std::string path,
             size_t max_body_bytes = 256u * 1000 * 1000);

  // Advances to the next document. Returns false at the end of the file,
  // or after a fault in the WARC framing was returned. Else returns true
  // and either fills *doc (and sets *error to OK), or sets *error:
  //   - a record whose HTTP message is broken (bad status line, broken
  //     chunking, undecodable gzip, unsupported Content-Encoding): the
  //     record is skipped and reading goes on;
  //   - a malformed or truncated WARC record (no "WARC/1.x" line, a bad
  //     header line, missing or bad Content-Length, data ending early):
  //     nothing after it can be framed, so the next call returns false.
  // Error messages read "record N at byte B: ..." (B: where the record
  // starts in `data`).
  bool Next(RawDocument* doc, Status* error);

  // "record N" for the record Next last returned (document or error).
  const std::string& locator() const { return locator_; }

 private:
  enum class Outcome { kDocument, kSkip, kError };
  Outcome ReadResponse(std::string_view warc_headers, std::string_view block,
                       const std::string& url, const std::string& date,
                       RawDocument* doc, Status* error) const;
  Status RecordError(Status::Code code, const std::string& what) const;

  std::string_view data_;
  std::string path_;
  size_t max_body_bytes_;
  size_t pos_ = 0;
  size_t record_start_ = 0;
  int record_ = 0;
  bool done_ = false;
  std::string locator_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_WARC_READER_H_
