// Parsing a MIME Content-Type value ("text/html; charset=windows-1251"),
// as found in HTTP headers and <meta http-equiv="Content-Type">.
#ifndef CEASEWATCH_INPUT_CONTENT_TYPE_H_
#define CEASEWATCH_INPUT_CONTENT_TYPE_H_

#include <string>
#include <string_view>

namespace ceasewatch {

struct ContentType {
  std::string media_type;  // lowercased "type/subtype"; "" when absent
  std::string charset;     // the charset parameter, unquoted; "" if none
};

ContentType ParseContentType(std::string_view value);

// The charset named by `charset=...` anywhere in `value` (used for the
// content attribute of <meta http-equiv>), or "".
std::string FindCharsetParameter(std::string_view value);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_CONTENT_TYPE_H_
