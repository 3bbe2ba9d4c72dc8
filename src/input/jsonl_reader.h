// Reading articles out of a JSON-lines file: one JSON object a line.
//
//   JsonlReader reader(contents, path);
//   RawDocument doc;
//   Status error;
//   while (reader.Next(&doc, &error)) {
//     if (!error.ok()) reporter.Reject(path, reader.locator(), error);
//     else sink(std::move(doc));
//   }
#ifndef CEASEWATCH_INPUT_JSONL_READER_H_
#define CEASEWATCH_INPUT_JSONL_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

// One line of a JSON-lines file, without its '\n' (a final '\r' is
// dropped); `line_number` counts from 1. Returns false for a blank line.
// Else fills *doc (as JsonlReader below) and sets *error to OK, or sets
// *error to InvalidInput("line N: <reason>").
bool ParseJsonLine(std::string_view line, size_t line_number,
                   const std::string& path, RawDocument* doc, Status* error);

// Pulls one document a non-blank line from a JSON-lines file held whole in
// memory; nothing is kept between lines. Each line is an object with
//   "text"  (required, a non-empty string): the article, plain or HTML;
//   "id"    (string or number): source_id, a number written as in JSON;
//   "url", "title", "published", "outlet" (strings), "author" (a string or
//   an array of strings, joined with ", "). Absent or null = unknown; other
//   fields are ignored.
// The document: locator "line N" (N counts every line, from 1), format kHtml
// if the text looks like HTML else kText, bytes = text, envelope = the
// line, declared_charset "utf-8" (JSON text is Unicode; a <meta charset>
// copied into the text must not re-decode it).
class JsonlReader {
 public:
  // `data` must outlive the reader. A UTF-8 BOM at its start is skipped.
  JsonlReader(std::string_view data, std::string path);

  // Advances to the next non-blank line. Returns false at the end of the
  // data. Else returns true and either fills *doc (and sets *error to OK)
  // or sets *error to InvalidInput("line N: <reason>") for a line that is
  // not JSON, not an object, or lacks a usable "text"; reading goes on.
  bool Next(RawDocument* doc, Status* error);

  // "line N" for the line Next last returned (document or error).
  const std::string& locator() const { return locator_; }

 private:
  std::string_view data_;
  std::string path_;
  size_t pos_ = 0;
  size_t line_ = 0;
  std::string locator_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_JSONL_READER_H_
