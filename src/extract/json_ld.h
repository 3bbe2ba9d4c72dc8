// A light scan of JSON-LD (<script type="application/ld+json">) for the
// two facts ExtractHtml wants: datePublished and author.name. No full
// parse: the first occurrence of the key is found, and only its value is
// read (strings unescaped, \uXXXX and surrogate pairs to UTF-8). Malformed
// or truncated JSON yields empty strings, never a crash; nesting is
// skipped with a counter, not recursion.
#ifndef CEASEWATCH_EXTRACT_JSON_LD_H_
#define CEASEWATCH_EXTRACT_JSON_LD_H_

#include <string>
#include <string_view>

namespace ceasewatch {

// The string value of the first "datePublished" key, or "".
std::string JsonLdDatePublished(std::string_view json);

// The first "author" key's value: a string, {"name": ...}, or an array of
// those (names joined with ", ", at most 5). "" when none.
std::string JsonLdAuthor(std::string_view json);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXTRACT_JSON_LD_H_
