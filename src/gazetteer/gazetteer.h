// The gazetteer: places and actors of a theatre pack found in text and
// resolved to one entry each, with the reason for the choice.
//
//   Result<std::unique_ptr<Gazetteer>> g =
//       Gazetteer::Load("data/theatres/south-caucasus");
//   for (const PlaceMention& m : (*g)->FindPlaces(text))
//     Use(m.best.place->id, m.best.place->lat, m.geo_precision);
//
// Thread safety: a Gazetteer is immutable after Load/Create; every method
// is const and may be called from many threads at once. The overloads
// without a MatchScratch borrow one from a pool inside the matcher; a
// caller scanning many documents on one thread may keep its own scratch.
//
// How a name with several places is resolved (FindPlaces): each candidate
// gets a score, the sum of
//   - a prior: 0.8 x log10 of the population (or of a default by kind),
//     +0.5 when the name is the place's canonical name, +0.5 for curated
//     rows, +1 inside the pack's focus area (pack.json "focus"); a
//     district or region loses 1.5 when a settlement bears the same name
//     and no kind word follows it (a bare "Aghdam" is the town);
//   - cue words around the mention: "village of X", "X village" favour
//     settlements; "X region/district/rayon/province", "region of X" and
//     "Y village of X" (X holds Y) favour areas; "Lake X", "X river"
//     water; "Mount X", "X heights" mountains. Coordinated lists share
//     their cues ("the Kalbajar and Lachin regions", "the settlements of
//     Goris, Sotk and Jermuk");
//   - the same sentence (mentions at most 400 bytes apart): a district,
//     region or other area named there that contains the candidate, by the
//     pack's admin1/admin2 (+4) or else within its radius (+3, +1.5 within
//     1.5 radii): "Heyvali village of Aghdara", "Aygedzor, Tavush",
//     "Martuni on Lake Sevan"; members of one list do not contain each
//     other. Another settlement named within 25 km (up to +2; not when that
//     name has more than 3 candidates); the candidate's country named (+1,
//     +2 right beside it: "Azerbaijan's Farrukh village", "Tovuz,
//     Azerbaijan"); a demonym with a place noun ("Armenian border
//     settlements", "Azerbaijani territory": +1.5);
//   - the rest of the text (within 20 KB): closeness to the nearest
//     settlement or feature resolved without doubt (alone, or ahead by 2):
//     +3 within 30 km down to 0 at 120 km; +0.5 for the country two thirds
//     of those lie in.
// `reason` spells the terms out with their points: "town, pop 10167 +3.2;
// canonical name +0.5; district Tartar named 2 bytes before +4.0; nearest
// to Sugovushan (12 km) +3.0".
//
// Precision (ACLED geo_precision): 1 the place itself; 2 "near",
// "in the direction of", "outskirts of", "district(s) of", "16 km of",
// "X direction(s)/area/corridor/road", or a water body, mountain, route or
// border; 3 a country, region, district or zone, or a name followed by
// "region"/"district"/"rayon"/"province".
#ifndef CEASEWATCH_GAZETTEER_GAZETTEER_H_
#define CEASEWATCH_GAZETTEER_GAZETTEER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ceasewatch/status.h"
#include "dates/civil_day.h"
#include "gazetteer/name_matcher.h"
#include "gazetteer/theatre_pack.h"

namespace ceasewatch {

namespace gazetteer_internal {
struct PlaceWork;  // a place mention being resolved (gazetteer.cc)

// string -> string map searchable by string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>()(s);
  }
};
using WordMap =
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

// What scoring reads of a Place, precomputed once per place and packed
// densely: a mention's candidates are scattered over the pack, and the
// full Place rows (strings, vectors) cost a cache miss each. Every field
// holds exactly the value the scoring formula would compute from the
// Place, so scores are bit-identical.
struct PlaceFacts {
  double lat = 0, lon = 0;
  double cos_lat = 1;      // std::cos(lat in radians), for FastKm
  double radius = 0;       // EffectiveRadius
  int64_t population = 0;  // Place::population
  float prior = 0;         // the population prior term's points
  uint16_t country = 0;    // equal iff the Places' country codes are equal
  PlaceKind kind = PlaceKind::kLocality;
  bool settlement = false;  // IsSettlement(kind)
  bool admin_area = false;  // IsAdminArea(kind)
  bool has_extent = false;  // HasExtent(kind)
  bool curated = false;     // source == "curated"
  bool in_focus = false;    // within the pack's focus area
};
}  // namespace gazetteer_internal

struct PlaceCandidate {
  const Place* place = nullptr;
  double score = 0;       // higher is better; comparable within one mention
  double confidence = 0;  // softmax share among the mention's candidates
  std::string reason;
};

struct PlaceMention {
  size_t begin = 0;  // byte offsets of the name in the text
  size_t end = 0;
  uint32_t name_id = 0;  // NameMatcher::name(name_id): the folded name
  PlaceCandidate best;
  std::vector<PlaceCandidate> runners_up;  // up to 3, best first
  size_t candidate_count = 0;              // 1 = the name is unambiguous
  int geo_precision = 1;                   // 1, 2 or 3 (see above)
  std::string precision_reason;  // "'direction of' before", "district", ...
};

enum class RoleStatus {
  kNoRole,       // not a person, or no role in the pack
  kInOffice,     // `when` lies in role_from..role_to
  kNotInOffice,  // `when` lies outside it
  kDateUnknown,  // no `when` given: the role is reported as is
};

struct ActorMention {
  size_t begin = 0;  // byte offsets of the wording in the text
  size_t end = 0;
  const Actor* actor = nullptr;
  Side side = Side::kOther;
  // actor->role when in office (or the date is unknown), else "".
  std::string_view role;
  RoleStatus role_status = RoleStatus::kNoRole;
  // Other actors the same wording names ("the Ministry of Defense").
  std::vector<const Actor*> alternatives;
  // How an ambiguous wording was resolved, "" when it was not ambiguous.
  std::string reason;
};

struct Annotation {
  std::vector<PlaceMention> places;
  std::vector<ActorMention> actors;
};

struct GazetteerOptions {
  MatcherOptions matcher;
  // Write each candidate's `reason` (why it scored as it did) for running
  // text. The words cost some 5% of event extraction, which never reads
  // them; Lookup (the `place` command) always explains.
  bool explain = true;
};

class Gazetteer {
 public:
  // LoadTheatrePack(pack_dir), then Create.
  static Result<std::unique_ptr<Gazetteer>> Load(
      const std::string& pack_dir, const GazetteerOptions& options = {});
  static Result<std::unique_ptr<Gazetteer>> Create(
      std::unique_ptr<TheatrePack> pack, const GazetteerOptions& options = {});

  // The places a name may denote, best first, all of them. `name` may
  // carry a kind word ("Khojaly district", "village of Farrukh") and any
  // case; a spelling not in the pack falls back to one with the same
  // consonant skeleton ("Kelbajar" ~ "Kalbajar"). `context` is text around
  // the name (an article, "Gegharkunik", "Armenia"): places, demonyms and
  // countries named there count as in the same sentence. Empty when
  // nothing matches.
  std::vector<PlaceCandidate> Lookup(std::string_view name,
                                     std::string_view context = {}) const;

  // Place mentions in running text, in text order. Names that are part of
  // a longer actor wording ("Nagorno-Karabakh army") are not places.
  std::vector<PlaceMention> FindPlaces(std::string_view text) const;
  std::vector<PlaceMention> FindPlaces(std::string_view text,
                                       MatchScratch& scratch) const;

  // Actor mentions in running text, in text order. `when` (the article's
  // date) decides a person's role; when it is not valid the role is given
  // with kDateUnknown. A wording shared by several actors goes to the one
  // named last before it in the text, else to the one whose country is
  // named beside it ("Ministry of Defense of Azerbaijan"), else to the
  // first in the pack. A person's bare surname right after another
  // capitalised word that is not a title ("Asim Aliyev") is not matched.
  std::vector<ActorMention> FindActors(std::string_view text,
                                       CivilDay when = {}) const;
  std::vector<ActorMention> FindActors(std::string_view text, CivilDay when,
                                       MatchScratch& scratch) const;

  // Places and actors from one scan of `text`.
  Annotation Annotate(std::string_view text, CivilDay when = {}) const;
  Annotation Annotate(std::string_view text, CivilDay when,
                      MatchScratch& scratch) const;

  const TheatrePack& pack() const { return *pack_; }
  const NameMatcher& matcher() const { return *matcher_; }

 private:
  using Work = gazetteer_internal::PlaceWork;
  explicit Gazetteer(std::unique_ptr<TheatrePack> pack);
  void Prepare();
  // Scores the candidates of `works` (text order; a Lookup query last).
  std::vector<PlaceMention> ResolvePlaces(std::string_view text,
                                          const FoldedText& folded,
                                          std::vector<Work>* works,
                                          bool keep_all) const;
  // `actor_matches`: Select(all, kActors) of the scan.
  std::vector<ActorMention> ResolveActors(
      std::string_view text, const FoldedText& folded,
      const std::vector<NameMatch>& actor_matches, CivilDay when) const;
  // `all`: the scan (FindAll); `actor_matches`: Select(all, kActors);
  // `place_matches`: a buffer for Select(all, kPlaces).
  std::vector<PlaceMention> PlacesFromScan(
      std::string_view text, const FoldedText& folded,
      const std::vector<NameMatch>& all,
      const std::vector<NameMatch>& actor_matches,
      std::vector<NameMatch>* place_matches) const;

  std::unique_ptr<TheatrePack> pack_;
  std::unique_ptr<NameMatcher> matcher_;
  bool explain_ = true;  // GazetteerOptions::explain
  // Per place: the region/district/city places its admin1/admin2 name.
  std::vector<std::vector<uint32_t>> admin_of_;
  // Per place: the facts scoring reads (see PlaceFacts).
  std::vector<gazetteer_internal::PlaceFacts> facts_;
  // Per place: the folded canonical name's id (UINT32_MAX if not indexed).
  std::vector<uint32_t> canonical_id_;
  // Per name id: where its last word starts when that word is an area word
  // ("khojaly region" -> 8), else 0. Spares reading the name itself (a
  // cache miss) for every match.
  std::vector<uint32_t> area_suffix_;
  // Consonant skeleton of each place name -> name ids (Lookup fallback).
  std::unordered_multimap<std::string, uint32_t> skeletons_;
  // Folded demonym -> country code, and the demonyms' shortest and longest
  // lengths (a cheap filter before hashing).
  gazetteer_internal::WordMap demonyms_;
  size_t demonym_min_ = 0, demonym_max_ = 0;
  // Folded country names and demonyms -> country code.
  gazetteer_internal::WordMap country_words_;
};

// The consonant skeleton used by Lookup's fallback: digraphs kh gh sh ch zh
// dzh dj collapsed, vowels after the first letter dropped, doubled letters
// single. "Kelbajar" and "Kalbajar" -> "klbjr".
std::string NameSkeleton(std::string_view folded);

}  // namespace ceasewatch

#endif  // CEASEWATCH_GAZETTEER_GAZETTEER_H_
