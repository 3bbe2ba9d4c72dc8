// A theatre pack in memory: the places and actors of one conflict, read
// from data/theatres/<name>/ (format: doc/theatre-pack.md).
//
//   Result<std::unique_ptr<TheatrePack>> pack =
//       LoadTheatrePack("data/theatres/south-caucasus");
//   if (!pack.ok()) return pack.status();  // "places.tsv:12: ..."
//
// A TheatrePack is immutable once loaded; Place and Actor pointers into it
// stay valid for its lifetime.
#ifndef CEASEWATCH_GAZETTEER_THEATRE_PACK_H_
#define CEASEWATCH_GAZETTEER_THEATRE_PACK_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ceasewatch/status.h"
#include "dates/civil_day.h"

namespace ceasewatch {

enum class PlaceKind : uint8_t {
  kCountry,
  kRegion,    // province (marz), economic region
  kDistrict,  // rayon, city with district status
  kCity,
  kTown,
  kVillage,
  kLocality,
  kZone,   // e.g. the peacekeepers' zone
  kRoute,  // e.g. the Lachin corridor
  kBorder,
  kWater,
  kMountain,
};

// "country", "region", ... as written in places.tsv.
std::string_view PlaceKindName(PlaceKind kind);
bool ParsePlaceKind(std::string_view s, PlaceKind* out);
// Countries, regions, districts and zones: areas named for their extent.
bool IsAdminArea(PlaceKind kind);
// Cities, towns, villages and localities: places people live in.
bool IsSettlement(PlaceKind kind);

struct Place {
  std::string id;    // "wof:1343591669", "cw:lachin-corridor"
  std::string name;  // canonical, neutral
  double lat = 0;
  double lon = 0;
  std::string country;  // ISO alpha-2
  std::string admin1;   // province / economic region ("" if unknown)
  std::string admin2;   // district ("" if unknown)
  PlaceKind kind = PlaceKind::kLocality;
  int64_t population = 0;  // 0 = unknown
  double radius_km = 0;    // extent of areas, zones and routes; 0 = a point
  std::vector<std::string> names;  // every spelling; names[0] == name
  std::string source;              // "wof", "curated"
  // names[inflected_begin..] are inflected forms made by the loader from
  // the pack's inflection rules ("Агдаме" from "Агдам"); the names before
  // it are the ones places.tsv writes. SIZE_MAX (a Place not made by the
  // loader): none is inflected.
  size_t inflected_begin = SIZE_MAX;

  // Whether names[i] is an inflected form rather than a written name.
  bool IsInflected(size_t i) const { return i >= inflected_begin; }
};

// How one language inflects place names (pack.json "inflections", format in
// doc/theatre-pack.md). News in Russian and Armenian writes «в Агдаме»,
// «Ստեփանակերտում»: the loader adds such forms as extra names.
struct InflectionRule {
  // The lower-case ending a name must have, e.g. "ский район". It may start
  // with a set of letters in brackets, one of which must come just before
  // the rest: "[гкхжчшщ]а" is "а" after one of those letters.
  std::string ends;
  // The lower-case ending removed before each of `add` is appended; a
  // suffix of `ends` without its bracket set ("" keeps the whole name).
  std::string drop;
  std::vector<std::string> add;  // one inflected form per ending
  // Names of more words are left to later rules; 0 = the language's.
  int max_words = 0;
};

struct InflectionLanguage {
  std::string lang;  // "ru", "hy": a label for messages and docs
  // Lower-case alphabet: a name is inflected by this language only when
  // every letter of it, lower-cased, is one of these (so Ukrainian or
  // Belarusian Cyrillic names are left alone).
  std::string letters;
  int max_words = 1;    // names of more words are left alone (0 = any)
  int min_letters = 4;  // names of fewer letters are left alone
  std::vector<InflectionRule> rules;  // the first rule that applies is used
};

// The inflected forms of `name` by the first rule of `lang` that applies
// (in `add` order), or none: when a letter of `name` is not in
// lang.letters, when it has fewer than lang.min_letters letters, or no rule
// applies. The kept part of `name` keeps its case: "Агдам" -> "Агдама",
// "Агдаму", ... Words are runs of letters (a hyphen separates words).
std::vector<std::string> InflectName(std::string_view name,
                                     const InflectionLanguage& lang);

enum class Side : uint8_t { kAZ, kAM, kNK, kRU, kTR, kINTL, kOther };
std::string_view SideName(Side side);  // "AZ", ..., "OTHER"
bool ParseSide(std::string_view s, Side* out);

enum class ActorKind : uint8_t {
  kMilitary,
  kPolice,
  kGovernment,
  kPeacekeepers,
  kArmedGroup,
  kCivilians,
  kProtesters,
  kMedia,
  kInternationalBody,
  kPerson,
};
std::string_view ActorKindName(ActorKind kind);  // "international_body"
bool ParseActorKind(std::string_view s, ActorKind* out);

struct Actor {
  std::string id;    // "az-armed-forces"
  std::string name;  // neutral canonical name
  Side side = Side::kOther;
  ActorKind kind = ActorKind::kGovernment;
  std::string parent;                   // id of the actor it speaks for, or ""
  const Actor* parent_actor = nullptr;  // resolved `parent`
  std::string role;                     // people: the office
  CivilDay role_from;                   // !valid() = open
  CivilDay role_to;                     // !valid() = open
  std::vector<std::string> names;       // every wording; names[0] == name
};

// An optional area the theatre is about (pack.json "focus"): candidates
// inside it are preferred when a name is otherwise ambiguous.
struct Focus {
  double lat = 0;
  double lon = 0;
  double radius_km = 0;
};

struct TheatrePack {
  std::string dir;  // as given to LoadTheatrePack
  std::string name;
  std::string title;
  int version = 0;
  std::vector<std::string> countries;
  // pack.json "period": the years the pack covers, inclusive. A date the
  // text gives without its year, in an article whose day is unknown, lies
  // somewhere in it (events/article_dates.h). Invalid when not given.
  CivilDay period_from;
  CivilDay period_to;
  std::vector<Place> places;
  std::vector<Actor> actors;
  // Folded names never matched as places in running text (stop_names.txt).
  std::vector<std::string> stop_names;
  // Country code -> adjectives naming it ("AM" -> "Armenian"), from
  // pack.json "demonyms", else built-in defaults for the region.
  std::map<std::string, std::vector<std::string>> demonyms;
  std::optional<Focus> focus;
  // pack.json "inflections": applied to every place name on loading.
  std::vector<InflectionLanguage> inflections;

  const Place* FindPlace(std::string_view id) const;  // nullptr if absent
  const Actor* FindActor(std::string_view id) const;

  std::unordered_map<std::string, uint32_t> place_index;  // id -> index
  std::unordered_map<std::string, uint32_t> actor_index;
};

// Reads dir/pack.json, then the places and actors files it names (default
// places.tsv, actors.tsv) and dir/stop_names.txt if present. Errors name
// the file and, for a bad row, its line: "dir/places.tsv:12: lat 'x' is not
// a number". Duplicate ids are errors, except that a `curated` row replaces
// an earlier `wof` row with the same id. Parents must name actors in the
// file.
//
// Then each place gains the inflected forms of its names (InflectName, for
// each language of pack.json "inflections") as extra names after the
// written ones, except forms that fold (FoldName) to a written name of any
// place or actor, or to a stop name: an inflected form never changes what
// a written name denotes.
Result<std::unique_ptr<TheatrePack>> LoadTheatrePack(const std::string& dir);

}  // namespace ceasewatch

#endif  // CEASEWATCH_GAZETTEER_THEATRE_PACK_H_
