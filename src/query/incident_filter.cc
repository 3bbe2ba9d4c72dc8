#include "query/incident_filter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "ceasewatch/events.h"
#include "dates/civil_day.h"

namespace ceasewatch {
namespace {

constexpr size_t kMaxListItems = 32;
constexpr size_t kMaxItemBytes = 200;

// At most 40 bytes of `v` for an error message, so that a huge bad value
// does not make a huge answer.
std::string Shown(std::string_view v) {
  std::string s(v.substr(0, 40));
  if (v.size() > 40) s += "...";
  return "'" + s + "'";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitCommas(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    out.push_back(Trim(s.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

Status Bad(std::string_view name, std::string message) {
  return Status::InvalidInput(std::string(name) + ": " + message);
}

Status ParseDay(std::string_view name, std::string_view value,
                std::string* out) {
  value = Trim(value);
  CivilDay day;
  if (value.size() != 10 || !CivilDay::ParseIso(value, &day) || !day.valid())
    return Bad(name, Shown(value) + " is not a day (YYYY-MM-DD)");
  *out = day.Iso();
  return Status::Ok();
}

bool ParseInt64(std::string_view s, int64_t* out) {
  s = Trim(s);
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool ParseDouble(std::string_view s, double* out) {
  s = Trim(s);
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

// Our type names: lowercase ASCII letters and '_'.
bool IsTypeName(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  return true;
}

Status AddList(std::string_view name, std::string_view value,
               std::vector<std::string>* list, auto check) {
  for (std::string_view item : SplitCommas(value)) {
    if (item.empty()) return Bad(name, "an empty item in " + Shown(value));
    if (item.size() > kMaxItemBytes) return Bad(name, "an item is too long");
    std::string v(item);
    CW_RETURN_IF_ERROR(check(&v));
    list->push_back(std::move(v));
    if (list->size() > kMaxListItems)
      return Bad(name, "more than " + std::to_string(kMaxListItems) + " items");
  }
  return Status::Ok();
}

Status ParseBBox(std::string_view value, BBox* box) {
  std::vector<std::string_view> parts = SplitCommas(value);
  double v[4];
  if (parts.size() != 4)
    return Bad("bbox", Shown(value) +
                           " is not four numbers minlon,minlat,maxlon,maxlat");
  for (int k = 0; k < 4; ++k) {
    if (!ParseDouble(parts[k], &v[k]))
      return Bad("bbox", Shown(parts[k]) + " is not a number");
  }
  *box = {v[0], v[1], v[2], v[3]};
  if (box->min_lon < -180 || box->max_lon > 180 || box->min_lat < -90 ||
      box->max_lat > 90)
    return Bad("bbox", "longitudes lie in -180..180, latitudes in -90..90");
  if (box->min_lon > box->max_lon || box->min_lat > box->max_lat)
    return Bad("bbox", "minlon must not exceed maxlon, nor minlat maxlat");
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& FilterParamNames() {
  static const auto* names = new std::vector<std::string>{
      "since", "until", "type", "side", "place", "bbox", "limit", "offset"};
  return *names;
}

Status SetFilterParam(std::string_view name, std::string_view value,
                      const FilterParseOptions& options, IncidentFilter* f) {
  if (name == "since") return ParseDay(name, value, &f->since);
  if (name == "until") return ParseDay(name, value, &f->until);
  if (name == "type") {
    return AddList(name, value, &f->types, [&](std::string* v) {
      if (IsTypeName(*v)) return Status::Ok();
      return Bad(name, Shown(*v) +
                           " is not a type (lowercase letters and '_', "
                           "e.g. shelling)");
    });
  }
  if (name == "side") {
    return AddList(name, value, &f->sides, [&](std::string* v) {
      for (char& c : *v)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (IsPartySide(*v)) return Status::Ok();
      return Bad(
          name, Shown(*v) + " is not a side (AZ, AM, NK, RU, TR, INTL, OTHER)");
    });
  }
  if (name == "place") {
    return AddList(name, value, &f->places,
                   [](std::string*) { return Status::Ok(); });
  }
  if (name == "bbox") {
    BBox box;
    CW_RETURN_IF_ERROR(ParseBBox(value, &box));
    f->bbox = box;
    return Status::Ok();
  }
  if (name == "limit") {
    int64_t n = 0;
    const int64_t max = options.max_limit > 0 ? options.max_limit : INT32_MAX;
    if (!ParseInt64(value, &n) || n < 1 || n > max) {
      return Bad(name, Shown(value) + " is not a whole number from 1 to " +
                           std::to_string(max));
    }
    f->limit = static_cast<int>(n);
    return Status::Ok();
  }
  if (name == "offset") {
    int64_t n = 0;
    if (!ParseInt64(value, &n) || n < 0 || n > INT32_MAX)
      return Bad(name, Shown(value) + " is not a whole number from 0");
    f->offset = n;
    return Status::Ok();
  }
  return Status::InvalidInput("unknown filter " + Shown(name));
}

std::string FilterKey(const IncidentFilter& f) {
  auto list = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    std::string out;
    for (const std::string& s : v) out += s + '\x1f';
    return out;
  };
  std::string key = f.since + '\x1e' + f.until + '\x1e' + list(f.types) +
                    '\x1e' + list(f.sides) + '\x1e' + list(f.places) + '\x1e';
  if (f.bbox) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%.17g,%.17g,%.17g,%.17g", f.bbox->min_lon,
                  f.bbox->min_lat, f.bbox->max_lon, f.bbox->max_lat);
    key += buf;
  }
  key += '\x1e' + std::to_string(f.exclude_background) + '\x1e' +
         std::to_string(f.limit) + '\x1e' + std::to_string(f.offset);
  return key;
}

Status CheckFilter(const IncidentFilter& f) {
  if (!f.since.empty() && !f.until.empty() && f.since > f.until)
    return Status::InvalidInput("since: " + f.since + " is after until " +
                                f.until);
  return Status::Ok();
}

}  // namespace ceasewatch
