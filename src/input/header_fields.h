// "Name: value" header sections, as in WARC records and HTTP messages.
#ifndef CEASEWATCH_INPUT_HEADER_FIELDS_H_
#define CEASEWATCH_INPUT_HEADER_FIELDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ceasewatch {

struct HeaderField {
  std::string name;   // as written
  std::string value;  // trimmed; continuation lines joined with one space
};

enum class HeaderParse {
  kOk,         // the section ended with an empty line
  kTruncated,  // the data ended first
  kMalformed,  // a line that is not "Name: value" nor a continuation
};

// Parses header lines from the start of `data` up to and including the
// first empty line. Lines end in CRLF (a bare LF is accepted). A line that
// starts with a space or tab continues the previous field.
// On kOk, *end is the offset just past the empty line. On kMalformed,
// *end is the offset of the bad line.
HeaderParse ParseHeaderFields(std::string_view data,
                              std::vector<HeaderField>* fields, size_t* end);

// The value of the first field named `name` (case-insensitive), or null.
const std::string* FindHeader(const std::vector<HeaderField>& fields,
                              std::string_view name);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_HEADER_FIELDS_H_
