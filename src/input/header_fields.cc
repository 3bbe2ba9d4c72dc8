#include "input/header_fields.h"

#include "util/ascii.h"

namespace ceasewatch {

HeaderParse ParseHeaderFields(std::string_view data,
                              std::vector<HeaderField>* fields, size_t* end) {
  fields->clear();
  size_t pos = 0;
  for (;;) {
    const size_t nl = data.find('\n', pos);
    if (nl == data.npos) {
      *end = data.size();
      return HeaderParse::kTruncated;
    }
    std::string_view line = data.substr(pos, nl - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) {
      *end = nl + 1;
      return HeaderParse::kOk;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      if (fields->empty()) {
        *end = pos;
        return HeaderParse::kMalformed;
      }
      const std::string_view more = TrimAscii(line);
      std::string& value = fields->back().value;
      if (!more.empty()) {
        if (!value.empty()) value += ' ';
        value += more;
      }
    } else {
      const size_t colon = line.find(':');
      if (colon == line.npos || colon == 0 ||
          TrimAscii(line.substr(0, colon)).size() != colon) {
        *end = pos;
        return HeaderParse::kMalformed;
      }
      fields->push_back({std::string(line.substr(0, colon)),
                         std::string(TrimAscii(line.substr(colon + 1)))});
    }
    pos = nl + 1;
  }
}

const std::string* FindHeader(const std::vector<HeaderField>& fields,
                              std::string_view name) {
  for (const HeaderField& f : fields) {
    if (EqualsIgnoreCase(f.name, name)) return &f.value;
  }
  return nullptr;
}

}  // namespace ceasewatch
