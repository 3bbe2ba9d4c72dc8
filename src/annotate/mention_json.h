// The JSON form of an annotation, shared by `ceasewatch annotate`, the
// export and the HTTP API: one object per mention, in text order, each with
// "kind" (place, actor, date, number, casualty, quote), "text", "begin",
// "end" (byte offsets into the annotated text) and the resolved value.
// doc/annotate.md lists the fields of each kind.
#ifndef CEASEWATCH_ANNOTATE_MENTION_JSON_H_
#define CEASEWATCH_ANNOTATE_MENTION_JSON_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "annotate/annotator.h"

namespace ceasewatch {

nlohmann::ordered_json MentionsJson(const TextAnnotation& a,
                                    std::string_view text);
nlohmann::ordered_json PlaceCandidateJson(const PlaceCandidate& c);

}  // namespace ceasewatch

#endif  // CEASEWATCH_ANNOTATE_MENTION_JSON_H_
