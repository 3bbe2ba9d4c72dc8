// Finds the names of a theatre pack's places and actors in running text:
// one Hyperscan literal database over every folded spelling.
//
//   Result<std::unique_ptr<NameMatcher>> m = NameMatcher::Build(*pack);
//   MatchScratch scratch;                          // one per thread
//   for (const NameMatch& nm : (*m)->Find(text, scratch)) ...
//
// What is indexed, for each place and actor name (FoldName, name_fold.h):
//   - the folded name; when it contains apostrophes also the spelling with
//     apostrophes as word breaks (text is scanned that way);
//   - with ə/Ə/ǝ and ä/Ä as "e" (they fold to "a");
//   - for places, Azerbaijani Latin spellings also in the English
//     transliteration news uses: ş->sh, ç->ch, ğ->gh, x->kh, q->g, c->j,
//     ı->i and ->y, ə->a and ->e ("Suqovuşan" -> "sugovushan", "Xocalı"
//     -> "khojaly"). A name triggers this when it contains ə ı ş ç ğ, or
//     (x->kh, q->g only) when an Azerbaijani place's name is plain ASCII.
// Names shorter than 3 characters are skipped, except all-capital actor
// acronyms of 2 ("UN", "EU"). Folded names on the pack's stop list, and
// the pack's demonyms ("Armenian"), are not indexed for places (they still
// are for actors).
//
// Matching rules (Find):
//   - a match is on word boundaries of the folded text: "Lachin" is found
//     in "Lachin corridor" and "Lachin’s", not in "Lachinski";
//   - no match spans a hard break (sentence or clause punctuation);
//   - a place name must not start with a lower-case letter in the text
//     ("Top" the village, not "on top of") unless the pack spells it with a
//     lower-case start and two or more words ("peacekeeping zone"); an
//     all-capital acronym spelling ("OSCE") must be all capitals in the
//     text;
//   - overlapping matches are resolved leftmost-longest:
//     "Nagorno-Karabakh" wins over "Karabakh".
//
// Thread safety: a NameMatcher is immutable after Build and may be shared
// by any number of threads. Each thread scans with its own MatchScratch (the
// caller owns it; it is sized for this matcher on first use, and one
// scratch may serve several matchers in turn), or calls the overloads
// without one, which borrow a scratch from a pool inside the matcher
// (guarded by a mutex). There is no global state beyond the folding table,
// built once and immutable.
//
// Build compiles the database (about 1.5 s for the 49k names of the South
// Caucasus pack) unless a serialized copy keyed by a hash of hs_version()
// and the indexed names is found in the cache directory (default
// <pack dir>/.cache/, then about 0.2 s), where a fresh compile is also
// saved (best effort: an unwritable directory, or a copy built for another
// CPU, only costs time). Old copies are not pruned.
#ifndef CEASEWATCH_GAZETTEER_NAME_MATCHER_H_
#define CEASEWATCH_GAZETTEER_NAME_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ceasewatch/status.h"
#include "gazetteer/name_fold.h"
#include "gazetteer/theatre_pack.h"

struct hs_database;
struct hs_scratch;

namespace ceasewatch {

// One occurrence of an indexed name.
struct NameMatch {
  size_t begin = 0;  // byte offsets of the name in the original text
  size_t end = 0;
  size_t folded_begin = 0;  // and in the folded text (FoldForMatching)
  size_t folded_end = 0;
  uint32_t name_id = 0;  // NameMatcher::name(name_id) is the folded name
  // Indices into pack.places / pack.actors of every entry carrying the
  // name (storage owned by the matcher). Both may be non-empty: "Baku" the
  // city and "Baku" the government.
  std::span<const uint32_t> places;
  std::span<const uint32_t> actors;
  bool capitalised = false;  // the first letter in the text is not lower case
  bool all_caps = false;     // the text has no lower-case letter in it
};

// Per-thread scan space for NameMatcher::Find. Movable, not copyable.
class MatchScratch {
 public:
  MatchScratch() = default;
  ~MatchScratch();
  MatchScratch(MatchScratch&& other) noexcept;
  MatchScratch& operator=(MatchScratch&& other) noexcept;
  MatchScratch(const MatchScratch&) = delete;
  MatchScratch& operator=(const MatchScratch&) = delete;

 private:
  friend class NameMatcher;
  friend class Gazetteer;
  hs_scratch* scratch_ = nullptr;
  // The key (hash of the indexed names) of the database it was last sized
  // for; 0 = none. Equal keys mean equal databases.
  uint64_t sized_for_ = 0;
  // Buffers kept between scans so that scanning many texts in turn does
  // not allocate for each: the raw Hyperscan hits (name id, end), and the
  // folded text and matches of the last Gazetteer scan. Their contents
  // mean nothing between calls.
  std::vector<std::pair<uint32_t, uint32_t>> raw_;
  FoldedText folded_;
  std::vector<NameMatch> all_;
  // The gazetteer's place and actor selections (Select) of all_.
  std::vector<NameMatch> places_, actors_;
};

enum class MatchFilter {
  kAll,     // names usable as a place or as an actor
  kPlaces,  // names usable as a place (the capitalisation rule applies)
  kActors,
};

struct MatcherOptions {
  // Where to cache the compiled database. "" = <pack dir>/.cache; "-" = do
  // not cache.
  std::string cache_dir;
  // Minimum length in characters of an indexed name.
  size_t min_name_chars = 3;
};

struct MatcherStats {
  size_t names = 0;         // distinct folded names indexed
  size_t spellings = 0;     // (entry, spelling) pairs they came from
  bool from_cache = false;  // the database was read from the cache
  double build_ms = 0;      // variants + compile or cache read
  std::string cache_path;   // "" when not cached
};

class NameMatcher {
 public:
  // Indexes `pack`, which must outlive the matcher.
  static Result<std::unique_ptr<NameMatcher>> Build(
      const TheatrePack& pack, const MatcherOptions& options = {});
  ~NameMatcher();
  NameMatcher(const NameMatcher&) = delete;
  NameMatcher& operator=(const NameMatcher&) = delete;

  // Matches in `text`, leftmost-longest and non-overlapping among the names
  // `filter` admits, in text order. `text` must be under 4 GiB.
  std::vector<NameMatch> Find(std::string_view text, MatchScratch& scratch,
                              MatchFilter filter = MatchFilter::kAll) const;
  std::vector<NameMatch> Find(std::string_view text,
                              MatchFilter filter = MatchFilter::kAll) const;

  // Every match on word boundaries, overlapping ones included, ordered by
  // begin then longest first; `folded` receives the scanned form. For
  // callers that select by their own rules (the gazetteer selects places
  // and actors from one scan).
  void FindAll(std::string_view text, MatchScratch& scratch, FoldedText* folded,
               std::vector<NameMatch>* out) const;
  void FindAll(std::string_view text, FoldedText* folded,
               std::vector<NameMatch>* out) const;  // pooled scratch
  // Leftmost-longest, non-overlapping selection of `all` (as FindAll
  // returns it) among the matches `filter` admits.
  std::vector<NameMatch> Select(const std::vector<NameMatch>& all,
                                MatchFilter filter) const;
  // The same into `*out` (replaced), whose capacity is reused.
  void Select(const std::vector<NameMatch>& all, MatchFilter filter,
              std::vector<NameMatch>* out) const;
  // Whether `filter` admits `m` (the capitalisation and acronym rules).
  bool Admits(const NameMatch& m, MatchFilter filter) const;

  // The id of a folded name, if indexed.
  std::optional<uint32_t> NameId(std::string_view folded) const;
  std::string_view name(uint32_t id) const { return names_[id]; }
  std::span<const uint32_t> places(uint32_t id) const;
  std::span<const uint32_t> actors(uint32_t id) const;
  size_t name_count() const { return names_.size(); }
  const TheatrePack& pack() const { return pack_; }
  const MatcherStats& stats() const { return stats_; }

 private:
  struct NameInfo {
    uint32_t places_begin = 0;
    uint32_t places_count = 0;
    uint32_t actors_begin = 0;
    uint32_t actors_count = 0;
    bool acronym = false;         // every spelling is an all-capital acronym
    bool place_lower_ok = false;  // a place spelling starts lower case
  };
  explicit NameMatcher(const TheatrePack& pack) : pack_(pack) {}
  Status Compile(const MatcherOptions& options);
  Status PrepareScratch(MatchScratch& scratch) const;
  hs_scratch* Borrow() const;
  void Return(hs_scratch* s) const;
  NameMatch MakeMatch(uint32_t id, size_t from_pad, size_t to_pad,
                      const FoldedText& folded, std::string_view text) const;

  const TheatrePack& pack_;
  std::vector<std::string> names_;  // folded, sorted
  std::vector<NameInfo> info_;
  std::vector<uint32_t> refs_;  // NameInfo ranges point here
  std::unordered_map<std::string_view, uint32_t> ids_;  // views of names_
  hs_database* db_ = nullptr;
  uint64_t key_ = 0;  // hash of hs_version() and the patterns; never 0
  hs_scratch* prototype_ = nullptr;
  mutable std::mutex pool_mu_;
  mutable std::vector<hs_scratch*> pool_;
  MatcherStats stats_;
};

// The folded spellings NameMatcher indexes for one name (see above).
// `azerbaijani_place` enables the ASCII x->kh, q->g rule.
std::vector<std::string> NameVariants(std::string_view name, bool transliterate,
                                      bool azerbaijani_place);

}  // namespace ceasewatch

#endif  // CEASEWATCH_GAZETTEER_NAME_MATCHER_H_
