// Reading the tab-separated files of a data pack (places, actors, event
// cues ...): one header line naming the columns, then rows with as many
// fields; blank lines and lines starting with '#' are skipped. Errors name
// the file and the line.
//
//   std::string text;
//   CW_RETURN_IF_ERROR(ReadWholeFile(path, &text));
//   CW_RETURN_IF_ERROR(ForEachRow(path, text, {"id", "name"},
//       [&](const TsvRow& row) -> Status { ... row.Get("name") ... }));
#ifndef CEASEWATCH_UTIL_TSV_H_
#define CEASEWATCH_UTIL_TSV_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ceasewatch/status.h"

namespace ceasewatch {

// The whole file at `path`, as bytes. NotFound when it cannot be opened.
Status ReadWholeFile(const std::string& path, std::string* out);

// `s` cut at every `sep`; n separators give n + 1 pieces (some empty).
std::vector<std::string_view> SplitString(std::string_view s, char sep);

// One data row of a TSV file, its fields addressed by column name.
class TsvRow {
 public:
  TsvRow(const std::string& file, int line,
         const std::unordered_map<std::string, size_t>* columns,
         std::vector<std::string_view> fields)
      : file_(file),
        line_(line),
        columns_(columns),
        fields_(std::move(fields)) {}

  // The field, trimmed; "" when the column is absent.
  std::string_view Get(const std::string& column) const;
  // "FILE:LINE: msg" as an InvalidInput status.
  Status Error(const std::string& msg) const;
  int line() const { return line_; }

  // The field, which must not be empty.
  Status Required(const std::string& column, std::string_view* out) const;
  // The field as a finite number in [lo, hi]; 0 when empty.
  Status Number(const std::string& column, double lo, double hi,
                double* out) const;
  // `canonical` first, then the '|'-separated names of the "names"
  // column, trimmed, without empty entries or repeats.
  std::vector<std::string> Names(std::string_view canonical) const;

 private:
  const std::string& file_;
  int line_;
  const std::unordered_map<std::string, size_t>* columns_;
  std::vector<std::string_view> fields_;
};

// Calls `on_row` for each data row of `text` (the contents of `path`);
// stops at the first error. `required` columns must be in the header; a
// row with another number of fields than the header is an error.
Status ForEachRow(const std::string& path, std::string_view text,
                  const std::vector<std::string>& required,
                  const std::function<Status(const TsvRow&)>& on_row);

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_TSV_H_
