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

  // Walks every input in order; folders recursively in sorted path order.
  // Returns the first non-OK status the sink returned, else OK.
  Status Walk(const std::vector<std::string>& inputs, const DocumentSink& sink,
              InputReporter& reporter) const;

 private:
  InputOptions options_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_INPUT_WALKER_H_
