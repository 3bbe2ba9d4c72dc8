// The JSON export read by ../shared/eval/score.py and by analysts' scripts:
//   {"articles": [{"id", "file", "source_id", "title", "published", "text",
//                  "duplicate_of", ...}],
//    "events": [...]}
// doc/export.md lists every field. Articles stream out one at a time, so
// the export of a large store needs little memory.
#ifndef CEASEWATCH_EXPORT_JSON_EXPORT_H_
#define CEASEWATCH_EXPORT_JSON_EXPORT_H_

#include <ostream>

#include "ceasewatch/status.h"
#include "store/store.h"

namespace ceasewatch {

Status ExportJson(Store& store, std::ostream& out);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_JSON_EXPORT_H_
