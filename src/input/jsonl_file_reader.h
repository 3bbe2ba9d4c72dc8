// Reading a JSON-lines file, plain or gzip-compressed, a line at a time:
// a feed of a million articles needs the memory of one line, not of the
// file, and the size limit applies to each line.
//
//   auto reader = JsonlFileReader::Open(path, max_line_bytes);
//   if (!reader.ok()) ...                     // cannot open: IOError
//   if (LooksLikeJsonLines((*reader)->head(), name)) {
//     RawDocument doc;
//     Status error;
//     while ((*reader)->Next(&doc, &error)) {
//       if (!error.ok()) reporter.Reject(path, (*reader)->locator(), error);
//       else sink(std::move(doc));
//     }
//   }
#ifndef CEASEWATCH_INPUT_JSONL_FILE_READER_H_
#define CEASEWATCH_INPUT_JSONL_FILE_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

class JsonlFileReader {
 public:
  // Opens `path` (zlib reads gzip and plain files alike) and reads its
  // first bytes, up to head_bytes of decompressed data, for head().
  static Result<std::unique_ptr<JsonlFileReader>> Open(
      const std::string& path, size_t max_line_bytes,
      size_t head_bytes = 64 * 1024);
  ~JsonlFileReader();
  JsonlFileReader(const JsonlFileReader&) = delete;
  JsonlFileReader& operator=(const JsonlFileReader&) = delete;

  // The start of the (decompressed) content, to tell the format by.
  std::string_view head() const;

  // As JsonlReader::Next (one document or one error a non-blank line,
  // locator "line N"), and also:
  //   a line over max_line_bytes -> TooLarge("line N: over M bytes (the
  //     --max-bytes limit)"), skipped unread to its end;
  //   a read error or a damaged/truncated gzip stream -> IOError("line N:
  //     ...") once, after the lines before it; then the end.
  bool Next(RawDocument* doc, Status* error);
  const std::string& locator() const { return locator_; }

 private:
  struct Impl;
  explicit JsonlFileReader(std::unique_ptr<Impl> impl);
  // Appends more data to the buffer; false at the end or on an error
  // (then error_ is set).
  bool Fill();

  std::unique_ptr<Impl> impl_;
  std::string locator_;
};

// Whether content starting with `head` (from a file named `name`, without
// a .gz extension) is a JSON-lines file by the rules of DetectFormat, and
// not empty or binary.
bool LooksLikeJsonLines(std::string_view head, std::string_view name);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_JSONL_FILE_READER_H_
