// InputWalker: turns command-line inputs (files, folders, "-" for stdin)
// into RawDocuments, one per page, WARC response record or JSON-lines
// record. Formats are detected by content, not only by extension.
//
// Bad input never stops the walk: each rejected file or record is reported
// once to the InputReporter with the file, where in it, and the reason;
// the walk goes on with the rest. Documents found before a fault in the
// same file (the good lines of a JSON-lines file, the WARC records before a
// truncation) are still emitted.
//
// Per file:
//   over max_file_bytes  -> TooLarge("file is N bytes, over the limit of M
//                           (--max-bytes)"), not read
//   cannot open / read   -> IOError naming the path
//   empty                -> InvalidInput("empty file")
//   gzip (1f 8b)         -> gunzipped (limit max_gunzip_bytes: TooLarge);
//                           a truncated or corrupt stream is reported and
//                           what was decoded before the fault goes on
//   binary               -> Unsupported("binary file (NUL bytes), not a
//                           text, HTML, JSON-lines or WARC document")
//   WARC                 -> one document per HTML/text response record
//                           (see warc_reader.h), locator "record N"
//   JSON lines           -> one document per line (see jsonl_reader.h),
//                           locator "line N"
//   HTML / text          -> one document, locator ""
// The format comes from the content (format_detect.h). Bytes are passed on
// as they are: decoding to UTF-8 is the caller's (DecodeToUtf8, charset.h).
// A record-level reject carries the locator, and its message starts with
// it too ("line 7: not a JSON object", "record 3 at byte 1234: ...").
//
//   InputWalker walker(options);
//   walker.Walk({"pages/", "feed.jsonl"}, sink, reporter);
#ifndef CEASEWATCH_INPUT_INPUT_WALKER_H_
#define CEASEWATCH_INPUT_INPUT_WALKER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

struct InputOptions {
  // Files larger than this are rejected unread. Default: 50 MB.
  size_t max_file_bytes = 50u * 1000 * 1000;
  // Decompressed size limit for one .gz file. Default: 1 GB.
  size_t max_gunzip_bytes = 1000u * 1000 * 1000;
};

class InputReporter {
 public:
  virtual ~InputReporter() = default;
  // `path` as given; `locator` is "" for a whole file or e.g. "line 7".
  virtual void Reject(const std::string& path, const std::string& locator,
                      const Status& why) = 0;
};

// Receives each document. Returning a non-OK status stops the walk (used
// when the store itself fails); rejected *input* is never a reason.
using DocumentSink = std::function<Status(RawDocument&&)>;

class InputWalker {
 public:
  explicit InputWalker(InputOptions options) : options_(options) {}

  // Walks every input in order: "-" is stdin (read whole, same limit); a
  // folder is walked recursively in sorted path order, skipping names that
  // start with '.', following symlinks but never into a folder twice.
  // Returns the first non-OK status the sink returned (the walk stops
  // there), else OK. Throws nothing.
  Status Walk(const std::vector<std::string>& inputs, const DocumentSink& sink,
              InputReporter& reporter) const;

 private:
  InputOptions options_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_INPUT_WALKER_H_
