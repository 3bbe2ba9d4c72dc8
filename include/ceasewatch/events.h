// Event reports: what one article says happened, in one sentence (or a
// sentence and the context it leans on), with every argument traced back
// to the words it came from. Reports of the same event in different
// articles are fused into incidents by a later stage; a report belongs to
// exactly one article.
//
// Offsets are bytes into the article's text as Article::Text() builds it
// (paragraphs joined by '\n'), half-open.
#ifndef CEASEWATCH_EVENTS_H_
#define CEASEWATCH_EVENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ceasewatch {

// A count given as a range; known == false when the text gives none.
// high < 0 means open-ended ("more than 100": low 101, high unknown).
struct CountRange {
  bool known = false;
  double low = 0;
  double high = 0;
};

// Whether `side` names a party, as EventActor::side and
// EventClaim::source_side do ("" and "media" are not parties).
inline bool IsPartySide(std::string_view side) {
  for (std::string_view s : {"AZ", "AM", "NK", "RU", "TR", "INTL", "OTHER"})
    if (side == s) return true;
  return false;
}

struct EventPlace {
  std::string place_id;  // the pack's id
  std::string name;      // the pack's canonical name
  std::string mention;   // the words in the text
  double lat = 0;
  double lon = 0;
  std::string country;  // ISO 3166-1 alpha-2
  std::string admin1;
  std::string admin2;
  std::string kind;       // "village", "district", "zone", ...
  int geo_precision = 1;  // ACLED's 1..3
  uint32_t begin = 0;     // the mention
  uint32_t end = 0;
};

// The same place: the same pack id, or the same name when neither has one.
inline bool SamePlace(const EventPlace& a, const EventPlace& b) {
  if (!a.place_id.empty() || !b.place_id.empty())
    return a.place_id == b.place_id;
  return a.name == b.name;
}

struct EventActor {
  std::string actor_id;  // the pack's id, "" for a group the pack lacks
  std::string name;      // canonical, neutral
  std::string mention;   // the words in the text
  // The party the actor belongs to: "AZ", "AM", "NK", "RU", "TR", "INTL",
  // "OTHER"; "" for civilians, protesters and media, who are not parties
  // (their nationality is in `affiliation`).
  std::string side;
  std::string affiliation;
  std::string kind;  // "military", "police", "civilians", ...
  // "actor1" (who acts), "actor2" (who is acted on), "assoc".
  std::string role;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Who says the event happened (or did not), and how.
struct EventClaim {
  std::string source_name;  // canonical actor name, or as written
  std::string source_id;    // the pack's actor id, "" when none
  // A party's side, or "media" for an outlet, an expert or the reporter's
  // own voice.
  std::string source_side;
  // "government", "military", "person", "outlet", "reporter", ...
  std::string source_kind;
  std::string stance;  // "asserts", "denies", "disputes", "confirms"
  std::string verb;    // the reporting verb as written, "" for the reporter
  std::string text;    // the words claimed (the quote or reported clause)
  uint32_t begin = 0;  // the statement
  uint32_t end = 0;
};

struct EventReport {
  std::string type;  // our type: "shelling", "armed_clash", ...
  std::string acled_event_type;
  std::string acled_sub_event_type;
  // Inclusive window of ISO days; empty when the text and the article give
  // no date. date_precision: "day", "week", "month", "year", "range".
  std::string date;
  std::string date_end;
  std::string date_precision;
  // Where the window came from: "text" (a date expression, see date_text),
  // "context" (an earlier sentence), "published" (the article's day).
  std::string date_source;
  std::string date_text;
  // Mentioned as history, not reported as news.
  bool background = false;
  std::vector<EventPlace> places;  // best first
  std::vector<EventActor> actors;
  CountRange fatalities;
  CountRange injured;
  std::vector<EventClaim> claims;
  // The cue that typed the event, as written, and its span.
  std::string cue;
  uint32_t cue_begin = 0;
  uint32_t cue_end = 0;
  // The sentence the report stands on.
  uint32_t sentence_begin = 0;
  uint32_t sentence_end = 0;
};

// The last day of a window: date_end, or date when the window is one day
// given without an end.
inline const std::string& WindowEnd(const EventReport& r) {
  return r.date_end.empty() ? r.date : r.date_end;
}

}  // namespace ceasewatch

#endif  // CEASEWATCH_EVENTS_H_
