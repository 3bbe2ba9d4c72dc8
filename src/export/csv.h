// RFC 4180 CSV: fields joined by commas, rows ended by CRLF; a field is
// quoted when it holds a comma, a double quote, CR or LF (or starts or
// ends with a space), and a quote inside is doubled.
#ifndef CEASEWATCH_EXPORT_CSV_H_
#define CEASEWATCH_EXPORT_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace ceasewatch {

std::string CsvField(std::string_view value);
// The fields as one row, CRLF included.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_CSV_H_
