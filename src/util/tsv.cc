#include "util/tsv.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "util/ascii.h"

namespace ceasewatch {

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  *out = std::move(ss).str();
  return Status::Ok();
}

std::vector<std::string_view> SplitString(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::string_view TsvRow::Get(const std::string& column) const {
  auto it = columns_->find(column);
  if (it == columns_->end()) return {};
  return TrimAscii(fields_[it->second]);
}

Status TsvRow::Error(const std::string& msg) const {
  return Status::InvalidInput(file_ + ":" + std::to_string(line_) + ": " + msg);
}

Status TsvRow::Required(const std::string& column,
                        std::string_view* out) const {
  *out = Get(column);
  if (out->empty()) return Error(column + " is empty");
  return Status::Ok();
}

Status TsvRow::Number(const std::string& column, double lo, double hi,
                      double* out) const {
  const std::string_view s = Get(column);
  if (s.empty()) {
    *out = 0;
    return Status::Ok();
  }
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(*out)) {
    return Error(column + " '" + std::string(s) + "' is not a number");
  }
  if (*out < lo || *out > hi) {
    return Error(column + " " + std::string(s) + " is out of range [" +
                 std::to_string(static_cast<int>(lo)) + ", " +
                 std::to_string(static_cast<int>(hi)) + "]");
  }
  return Status::Ok();
}

std::vector<std::string> TsvRow::Names(std::string_view canonical) const {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  auto add = [&](std::string_view n) {
    n = TrimAscii(n);
    if (!n.empty() && seen.insert(n).second) out.emplace_back(n);
  };
  add(canonical);
  for (std::string_view n : SplitString(Get("names"), '|')) add(n);
  return out;
}

Status ForEachRow(const std::string& path, std::string_view text,
                  const std::vector<std::string>& required,
                  const std::function<Status(const TsvRow&)>& on_row) {
  std::unordered_map<std::string, size_t> columns;
  bool have_header = false;
  size_t header_fields = 0;
  int line_no = 0;
  for (std::string_view line : SplitString(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (TrimAscii(line).empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields = SplitString(line, '\t');
    if (!have_header) {
      have_header = true;
      header_fields = fields.size();
      for (size_t i = 0; i < fields.size(); ++i) {
        std::string name(TrimAscii(fields[i]));
        if (!columns.emplace(name, i).second) {
          return Status::InvalidInput(path + ":" + std::to_string(line_no) +
                                      ": column '" + name + "' repeated");
        }
      }
      for (const std::string& r : required) {
        if (!columns.count(r)) {
          return Status::InvalidInput(path + ":" + std::to_string(line_no) +
                                      ": header lacks column '" + r + "'");
        }
      }
      continue;
    }
    if (fields.size() != header_fields) {
      return Status::InvalidInput(
          path + ":" + std::to_string(line_no) + ": " +
          std::to_string(fields.size()) + " fields, the header has " +
          std::to_string(header_fields) + " (tab-separated)");
    }
    CW_RETURN_IF_ERROR(
        on_row(TsvRow(path, line_no, &columns, std::move(fields))));
  }
  if (!have_header) return Status::InvalidInput(path + ": no header line");
  return Status::Ok();
}

}  // namespace ceasewatch
