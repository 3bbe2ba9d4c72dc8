// Which incidents an export, the brief or the HTTP API asks for: a period,
// types, party sides, places, a box of longitude/latitude, and a page.
// One set of parameters with one parser, so that `export --type shelling`
// and `/api/incidents?type=shelling` mean the same thing and reject the
// same bad values with the same message.
//
//   IncidentFilter f;
//   Status st = SetFilterParam("bbox", "44.5,39.0,47.0,41.5", {}, &f);
//   if (!st.ok()) ...  // st.message(): "bbox: ..."
#ifndef CEASEWATCH_QUERY_INCIDENT_FILTER_H_
#define CEASEWATCH_QUERY_INCIDENT_FILTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ceasewatch/status.h"

namespace ceasewatch {

// A box of degrees, edges included.
struct BBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

struct IncidentFilter {
  // Inclusive ISO days; an incident is kept when its window meets
  // [since, until]. Either bound set drops undated incidents.
  std::string since, until;
  // Any of these types (our types: shelling, armed_clash, ...).
  std::vector<std::string> types;
  // Any of these party sides (AZ, AM, NK, RU, TR, INTL, OTHER) among the
  // incident's sides.
  std::vector<std::string> sides;
  // Any of these places: a place's name, admin1, admin2, country code or
  // pack id, compared without regard to ASCII case.
  std::vector<std::string> places;
  // One of the incident's places lies in the box.
  std::optional<BBox> bbox;
  // Drop incidents every report mentions as history.
  bool exclude_background = false;
  // Paging in id order: at most `limit` (0 = all) after skipping `offset`.
  int limit = 0;
  int64_t offset = 0;

  // True when nothing but paging is set: every incident is selected.
  bool SelectsAll() const {
    return since.empty() && until.empty() && types.empty() && sides.empty() &&
           places.empty() && !bbox && !exclude_background;
  }
};

struct FilterParseOptions {
  // `limit` must lie in 1..max_limit; 0: any positive number.
  int max_limit = 0;
};

// Sets the parameter `name` ("since", "until", "type", "side", "place",
// "bbox", "limit", "offset") of `filter` from its text. Lists are
// comma-separated; a repeated parameter adds to the list. Sides are
// upper-cased. Errors (InvalidInput) name the parameter and say what is
// expected, e.g. "limit: 'abc' is not a whole number from 1 to 1000".
// An unknown name is InvalidInput too ("unknown filter 'x'").
Status SetFilterParam(std::string_view name, std::string_view value,
                      const FilterParseOptions& options,
                      IncidentFilter* filter);

// Checks what holds across parameters: since <= until. Call after the
// last SetFilterParam.
Status CheckFilter(const IncidentFilter& filter);

// A canonical text of `filter`: equal for filters that select the same
// page (a cache key).
std::string FilterKey(const IncidentFilter& filter);

// The parameter names SetFilterParam knows (for help texts and the API).
const std::vector<std::string>& FilterParamNames();

}  // namespace ceasewatch

#endif  // CEASEWATCH_QUERY_INCIDENT_FILTER_H_
