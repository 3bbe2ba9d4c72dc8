#include "export/csv.h"

namespace ceasewatch {

std::string CsvField(std::string_view v) {
  bool quote = !v.empty() && (v.front() == ' ' || v.back() == ' ');
  for (char c : v) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      quote = true;
      break;
    }
  }
  if (!quote) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) row += ',';
    row += CsvField(fields[k]);
  }
  row += "\r\n";
  return row;
}

}  // namespace ceasewatch
