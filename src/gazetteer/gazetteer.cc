#include "gazetteer/gazetteer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <span>
#include <type_traits>
#include <utility>

#include "gazetteer/name_fold.h"

namespace ceasewatch {
namespace gazetteer_internal {

constexpr uint32_t kNoName = std::numeric_limits<uint32_t>::max();

enum class KindCue : uint8_t { kNone, kSettlement, kArea, kWater, kMountain };

struct Cues {
  KindCue before_kind = KindCue::kNone;
  KindCue after_kind = KindCue::kNone;
  std::string_view before_kind_word, after_kind_word;
  std::string before_near;  // "direction of", "near"
  std::string after_near;   // "directions", "outskirts"
  bool area_after = false;  // "X region": the area only

  KindCue kind() const {
    return after_kind != KindCue::kNone ? after_kind : before_kind;
  }
  std::string_view kind_word() const {
    return after_kind != KindCue::kNone ? after_kind_word : before_kind_word;
  }
};

enum class TermCode : uint8_t {
  kPrior,
  kPrimary,
  kCurated,
  kFocus,
  kAreaWithoutCue,
  kKindCue,
  kNearCue,
  kAdminNamed,
  kInsideArea,
  kNearLocal,
  kCountryNamed,
  kDemonym,
  kNearestAnchor,
  kDocCountry,
  kSpelling,
};

struct Term {
  TermCode code = TermCode::kPrior;
  float points = 0;
  uint32_t ref = 0;   // a place index
  int32_t bytes = 0;  // >0: named that many bytes after; <0: before
  float km = 0;
  std::string_view word;  // a cue word, phrase or country code
};

inline Term MakeTerm(TermCode code, double points) {
  Term t;
  t.code = code;
  t.points = static_cast<float>(points);
  return t;
}

struct Cand {
  static constexpr uint8_t kMaxTerms = 12;
  uint32_t place = 0;
  double score = 0;
  uint8_t n = 0;
  // Only terms[0, n) are ever read. The slots are left uninitialised: a
  // mention may have hundreds of candidates, and zeroing half a KB for
  // each was the largest cost of scoring them.
  union {
    Term terms[kMaxTerms];
  };
  Cand() {}  // NOLINT: leaves `terms` uninitialised (see above)
  Cand(const Cand& o) : place(o.place), score(o.score), n(o.n) {
    std::copy(o.terms, o.terms + o.n, terms);
  }
  Cand& operator=(const Cand& o) {
    place = o.place;
    score = o.score;
    n = o.n;
    std::copy(o.terms, o.terms + o.n, terms);
    return *this;
  }
  void Add(const Term& t) {
    score += t.points;
    if (n < kMaxTerms) terms[n++] = t;
  }
};
static_assert(std::is_trivially_copyable_v<Term> &&
              std::is_trivially_destructible_v<Term>);

// One place mention being resolved.
struct PlaceWork {
  size_t begin = 0, end = 0;    // original bytes
  size_t fbegin = 0, fend = 0;  // folded bytes
  uint32_t name_id = kNoName;
  size_t sentence = 0;
  bool query = false;  // Lookup's name: every other work is its context
  std::span<const uint32_t> cands;  // place indices (matcher storage)
  std::vector<uint32_t> own_cands;  // Lookup fallback: cands points here
  std::string_view spelling;        // Lookup fallback: the near spelling used
  Cues cues;
  // Index of the coordinated list ("Goris, Sotk and Jermuk") it is part
  // of, or -1. Members of one list are peers: none contains another.
  int group = -1;
  std::vector<Cand> scored;
  double margin = 0;
};

}  // namespace gazetteer_internal

using gazetteer_internal::Cand;
using gazetteer_internal::Cues;
using gazetteer_internal::KindCue;
using gazetteer_internal::kNoName;
using gazetteer_internal::Term;
using gazetteer_internal::TermCode;
using gazetteer_internal::WordMap;
using Work = gazetteer_internal::PlaceWork;
// Demonym phrases of a sentence: (country code, "armenian settlements").
using DemonymHits = std::vector<std::pair<std::string_view, std::string_view>>;

namespace {
constexpr size_t kQuerySentence = std::numeric_limits<size_t>::max();

// Scoring weights (see gazetteer.h for what each term means).
constexpr double kImportanceWeight = 0.8;  // per decade of population
constexpr double kPrimaryName = 0.5;
constexpr double kCurated = 0.5;
constexpr double kFocusBonus = 1.0;
constexpr double kAreaWithoutCue = -1.5;
constexpr double kKindCueFits = 2.0;
constexpr double kAreaCueFits = 2.5;
constexpr double kFeatureCueFits = 3.0;
constexpr double kKindCueMisfits = -1.0;
constexpr double kNearPrefersSettlement = 0.5;
constexpr double kAdminNamed = 4.0;
constexpr double kInsideArea = 3.0;
constexpr double kNearArea = 1.5;
constexpr double kNearLocalMax = 2.0;
constexpr double kNearLocalKm = 25.0;
constexpr double kCountryNamed = 1.0;
constexpr double kCountryAdjacent = 1.0;
constexpr double kDemonym = 1.5;
constexpr double kAnchorMax = 3.0;
constexpr double kAnchorFullKm = 30.0;
constexpr double kAnchorZeroKm = 120.0;
constexpr double kDocCountry = 0.5;
constexpr double kSpelling = -1.0;
// A mention is an anchor for the rest of the text when its best candidate
// leads by this much (or is alone) and is point-like.
constexpr double kAnchorMargin = 2.0;
constexpr double kAnchorMaxRadiusKm = 30.0;
constexpr size_t kAnchorWindowBytes = 20000;
constexpr size_t kAnchorsPerSide = 64;
constexpr size_t kMaxAnchors = 24;
// Mentions farther apart than this are not "in the same sentence".
constexpr size_t kLocalBytes = 400;

constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
constexpr double kKmPerDegree = 6371.0 * kDegToRad;

// Distance in km by the equirectangular approximation: within a fraction
// of a percent of the great circle at the distances that matter here
// (under a few hundred km), and far cheaper. `cos_lat` is the cosine of
// either latitude.
inline double FastKm(double lat1, double lon1, double lat2, double lon2,
                     double cos_lat) {
  const double dy = lat2 - lat1, dx = (lon2 - lon1) * cos_lat;
  return kKmPerDegree * std::sqrt(dx * dx + dy * dy);
}

double DefaultPopulation(PlaceKind k) {
  switch (k) {
    case PlaceKind::kCountry:
      return 3e6;
    case PlaceKind::kRegion:
      return 3e5;
    case PlaceKind::kDistrict:
      return 5e4;
    case PlaceKind::kCity:
      return 2e4;
    case PlaceKind::kTown:
      return 3e3;
    case PlaceKind::kVillage:
      return 400;
    case PlaceKind::kLocality:
      return 100;
    case PlaceKind::kZone:
      return 5e4;
    case PlaceKind::kRoute:
      return 3e4;
    case PlaceKind::kBorder:
      return 3e4;
    case PlaceKind::kWater:
      return 1e4;
    case PlaceKind::kMountain:
      return 2e3;
  }
  return 100;
}

// The extent of a place: its radius, else a default by kind.
double EffectiveRadius(const Place& p) {
  if (p.radius_km > 0) return p.radius_km;
  switch (p.kind) {
    case PlaceKind::kCountry:
      return 300;
    case PlaceKind::kRegion:
      return 60;
    case PlaceKind::kDistrict:
      return 25;
    case PlaceKind::kZone:
      return 30;
    case PlaceKind::kRoute:
      return 10;
    case PlaceKind::kBorder:
      return 20;
    case PlaceKind::kWater:
      return 15;
    case PlaceKind::kMountain:
      return 10;
    case PlaceKind::kCity:
      return 5;
    default:
      return 2;
  }
}

bool HasExtent(PlaceKind k) {
  return IsAdminArea(k) || k == PlaceKind::kWater ||
         k == PlaceKind::kMountain || k == PlaceKind::kRoute ||
         k == PlaceKind::kBorder;
}

bool In(std::string_view t, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (t == s) return true;
  }
  return false;
}

// What a word says about a place name beside it (folded, English).
enum WordFlag : uint32_t {
  kFiller = 1 << 0,  // skipped between a cue and the name
  kSettlementWord = 1 << 1,
  kAreaWord = 1 << 2,
  kPlaceNounWord = 1 << 3,  // "territory", "lands": after a demonym
  kWaterWord = 1 << 4,
  kMountainBefore = 1 << 5,  // "Mount X"
  kNearOf = 1 << 6,          // "outskirts of X", "district of X"
  kDistance = 1 << 7,        // "16 km of X", "km from X"
  kRegionOf = 1 << 8,        // "region of X"
  kNearWord = 1 << 9,        // "near X"
  kProximity = 1 << 10,      // "close to X"
  kNearAfter = 1 << 11,      // "X directions", "X corridor"
  kMountainAfter = 1 << 12,  // "X heights"
};

uint32_t WordFlags(std::string_view w) {
  struct Table {
    std::unordered_map<std::string_view, uint32_t> flags;
    bool first[256] = {};  // first bytes of the words, a filter
    size_t longest = 0;
  };
  static const Table* table = [] {
    auto* table = new Table;
    auto* t = &table->flags;
    auto add = [&](uint32_t flag, std::initializer_list<std::string_view> ws) {
      for (std::string_view x : ws) (*t)[x] |= flag;
    };
    add(kFiller,
        {"the",          "a",           "an",        "of",        "from",
         "border",       "frontier",    "bordering", "frontline", "number",
         "several",      "some",        "other",     "two",       "three",
         "four",         "five",        "its",       "their",     "populated",
         "neighbouring", "neighboring", "adjacent",  "occupied",  "liberated"});
    add(kSettlementWord,
        {"village", "villages", "town", "towns", "city", "cities", "settlement",
         "settlements", "community", "communities", "hamlet", "township"});
    add(kAreaWord, {"region", "regions", "district", "districts", "rayon",
                    "rayons", "raion", "province", "provinces", "marz",
                    "oblast", "governorate", "zone"});
    add(kPlaceNounWord, {"territory", "territories", "land", "lands", "soil",
                         "border", "frontier"});
    add(kWaterWord, {"lake", "river", "reservoir"});
    add(kMountainBefore, {"mount", "mt", "mountain"});
    add(kNearOf,
        {"district",  "districts", "suburb",   "suburbs",   "outskirts",
         "outskirt",  "vicinity",  "environs", "direction", "directions",
         "area",      "areas",     "part",     "parts",     "north",
         "south",     "east",      "west",     "northeast", "northwest",
         "southeast", "southwest"});
    add(kDistance, {"km", "kms", "kilometers", "kilometres", "miles"});
    add(kRegionOf, {"region", "regions", "province", "provinces"});
    add(kNearWord, {"near", "nearby", "outside", "around", "towards", "toward",
                    "beside", "approaching", "surrounding"});
    add(kProximity, {"close", "next", "adjacent"});
    add(kNearAfter, {"direction", "directions", "outskirts", "vicinity", "area",
                     "areas", "sector", "environs", "suburbs", "corridor",
                     "road", "highway", "front"});
    add(kMountainAfter, {"mountain", "mountains", "heights", "ridge", "pass",
                         "hill", "hills", "peak"});
    for (const auto& [word, flags] : *t) {
      table->first[static_cast<unsigned char>(word[0])] = true;
      table->longest = std::max(table->longest, word.size());
    }
    return table;
  }();
  if (w.empty() || w.size() > table->longest ||
      !table->first[static_cast<unsigned char>(w[0])]) {
    return 0;
  }
  auto it = table->flags.find(w);
  return it == table->flags.end() ? 0 : it->second;
}

bool IsSettlementWord(std::string_view t) {
  return WordFlags(t) & kSettlementWord;
}
bool IsAreaWord(std::string_view t) { return WordFlags(t) & kAreaWord; }
bool IsPlaceNoun(std::string_view t) {
  return WordFlags(t) & (kSettlementWord | kAreaWord | kPlaceNounWord);
}

// Up to 8 tokens of folded text.
struct Tokens {
  std::string_view t[8];
  size_t n = 0;
  size_t size() const { return n; }
  bool empty() const { return n == 0; }
  std::string_view operator[](size_t i) const { return t[i]; }
};

// Tokens of folded text before `pos` (a mention's start), nearest first,
// up to `max` (<= 8), not crossing a hard break.
void TokensBefore(std::string_view f, size_t pos, size_t max, Tokens* out) {
  out->n = 0;
  size_t end = pos;  // f[end - 1] == ' '
  while (out->n < max && end >= 2) {
    const size_t stop = end - 1;  // the space after the token
    size_t k = stop;
    while (k > 0 && f[k - 1] != ' ') --k;
    if (k == stop) break;
    std::string_view t = f.substr(k, stop - k);
    if (t == "|") break;
    out->t[out->n++] = t;
    end = k;
  }
}

// Tokens after `pos` (a mention's end), nearest first.
void TokensAfter(std::string_view f, size_t pos, size_t max, Tokens* out) {
  out->n = 0;
  size_t j = pos + 1;
  while (out->n < max && j < f.size()) {
    const size_t k = f.find(' ', j);
    if (k == std::string_view::npos) break;
    std::string_view t = f.substr(j, k - j);
    if (t == "|") break;
    out->t[out->n++] = t;
    j = k + 1;
  }
}

// `demonym_min`..`demonym_max`: the demonyms' shortest and longest
// lengths, a cheap filter before hashing a token.
Cues CuesAround(std::string_view f, size_t fbegin, size_t fend,
                const WordMap& demonyms, size_t demonym_min,
                size_t demonym_max) {
  Cues c;
  Tokens t;
  TokensBefore(f, fbegin, 8, &t);
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string_view w = t[i];
    const uint32_t flags = WordFlags(w);
    const bool after_of = i > 0 && t[i - 1] == "of";
    if ((flags & kFiller) || (w.size() >= demonym_min &&
                              w.size() <= demonym_max && demonyms.count(w))) {
      continue;
    }
    if (flags & kSettlementWord) {
      if (c.before_kind == KindCue::kNone) {
        c.before_kind = KindCue::kSettlement;
        c.before_kind_word = w;
      }
      continue;
    }
    if (flags & (kWaterWord | kMountainBefore)) {
      if (i == 0) {
        c.before_kind =
            (flags & kWaterWord) ? KindCue::kWater : KindCue::kMountain;
        c.before_kind_word = w;
      }
      continue;
    }
    if (flags & (kNearOf | kDistance)) {
      if (after_of || ((flags & kDistance) && i > 0 && t[i - 1] == "from")) {
        c.before_near = std::string(w) + " " + std::string(t[i - 1]);
      }
      break;
    }
    if (flags & kRegionOf) {
      if (after_of && c.before_kind == KindCue::kNone) {
        c.before_kind = KindCue::kArea;
        c.before_kind_word = w;
      }
      break;
    }
    if (flags & kNearWord) {
      c.before_near = w;
      break;
    }
    if (w == "to" && i + 1 < t.size() && (WordFlags(t[i + 1]) & kProximity)) {
      c.before_near = std::string(t[i + 1]) + " to";
      break;
    }
    break;
  }
  TokensAfter(f, fend, 1, &t);
  if (!t.empty()) {
    const std::string_view w = t[0];
    const uint32_t flags = WordFlags(w);
    if (flags & kSettlementWord) {
      c.after_kind = KindCue::kSettlement;
      c.after_kind_word = w;
    } else if (flags & kAreaWord) {
      c.after_kind = KindCue::kArea;
      c.after_kind_word = w;
      c.area_after = true;
    } else if (flags & kNearAfter) {
      c.after_near = w;
    } else if (flags & kWaterWord) {
      c.after_kind = KindCue::kWater;
      c.after_kind_word = w;
    } else if (flags & kMountainAfter) {
      c.after_kind = KindCue::kMountain;
      c.after_kind_word = w;
    }
  }
  return c;
}

// Whether the bytes between two mentions only coordinate them:
// "Goris, Sotk and Jermuk", "Kalbajar or Lachin".
bool Coordinates(std::string_view gap) {
  if (gap.size() > 24) return false;
  std::string g;
  for (char c : gap) {
    if (c == ',') {
      if (!g.empty() && g.back() != ' ') g += ' ';
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!g.empty() && g.back() != ' ') g += ' ';
      continue;
    }
    g += static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  while (!g.empty() && g.back() == ' ') g.pop_back();
  return g.empty() || g == "and" || g == "or" || g == "&" ||
         g == "as well as" || g == "and the" || g == "or the";
}

// Bytes that may end a sentence: \n . ! ?
constexpr std::array<bool, 256> kMayEndSentence = [] {
  std::array<bool, 256> t{};
  t['\n'] = t['.'] = t['!'] = t['?'] = true;
  return t;
}();

// Whether a sentence ends at text[i]: a newline, or . ! ? after a word of
// three or more bytes and before white space.
inline bool SentenceEndsAt(std::string_view text, size_t i) {
  const char c = text[i];
  // The common case: a letter, digit, space or comma.
  if (!kMayEndSentence[static_cast<unsigned char>(c)]) return false;
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 >= text.size() || i < 3) return false;
  const char n = text[i + 1];
  return (n == ' ' || n == '\n' || n == '\t' || n == '\r') &&
         text[i - 1] != ' ' && text[i - 2] != ' ' && text[i - 3] != ' ';
}

// Whether a sentence ends in text[begin, end).
bool SentenceEndsIn(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (SentenceEndsAt(text, i)) return true;
  }
  return false;
}

// The sentence around text[begin, end), at most `max` bytes each side.
std::pair<size_t, size_t> SentenceAround(std::string_view text, size_t begin,
                                         size_t end, size_t max) {
  size_t b = begin;
  while (b > 0 && begin - b < max && !SentenceEndsAt(text, b - 1)) --b;
  size_t e = end;
  while (e < text.size() && e - end < max && !SentenceEndsAt(text, e)) ++e;
  return {b, e};
}

// The text of a reason, built in a stack buffer (reasons are short: a
// few hundred bytes) and copied to a string once; std::string appends of
// a few bytes each were a good part of rendering.
class ReasonBuf {
 public:
  ReasonBuf& operator+=(std::string_view s) {
    if (n_ + s.size() <= sizeof(buf_)) {
      std::memcpy(buf_ + n_, s.data(), s.size());
      n_ += s.size();
    } else {
      Spill(s);
    }
    return *this;
  }
  ReasonBuf& operator+=(char c) {
    if (n_ < sizeof(buf_)) {
      buf_[n_++] = c;
    } else {
      Spill(std::string_view(&c, 1));
    }
    return *this;
  }
  void append(const char* b, const char* e) {
    *this += std::string_view(b, static_cast<size_t>(e - b));
  }
  bool empty() const { return n_ == 0 && big_.empty(); }
  std::string Take() {
    if (!big_.empty()) return std::move(big_);
    return std::string(buf_, n_);
  }

 private:
  // Past the buffer: continue in big_ (which then holds everything).
  void Spill(std::string_view s) {
    if (big_.empty()) big_.assign(buf_, n_);
    big_ += s;
    n_ = sizeof(buf_);  // every later append spills too
  }
  char buf_[1024];
  size_t n_ = 0;
  std::string big_;
};

void AppendInt(ReasonBuf& r, long v) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  r.append(buf, end);
}

// " (8 km)"
void AppendKm(ReasonBuf& r, double km) {
  r += " (";
  AppendInt(r, std::lround(km));
  r += " km)";
}

// "named 12 bytes before"
void AppendNamed(ReasonBuf& r, const Term& t) {
  if (t.bytes == std::numeric_limits<int32_t>::min()) {
    r += "named in the context";
    return;
  }
  r += "named ";
  AppendInt(r, std::abs(t.bytes));
  r += t.bytes < 0 ? " bytes before" : " bytes after";
}

// " +2.5", " -1.0".
void AppendSigned(ReasonBuf& r, double points) {
  const long tenths = std::lround(std::fabs(points) * 10);
  r += points < 0 ? " -" : " +";
  AppendInt(r, tenths / 10);
  r += '.';
  r += static_cast<char>('0' + tenths % 10);
}

}  // namespace

Gazetteer::Gazetteer(std::unique_ptr<TheatrePack> pack)
    : pack_(std::move(pack)) {}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(
    const std::string& pack_dir, const GazetteerOptions& options) {
  Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(pack_dir);
  if (!pack.ok()) return pack.status();
  return Create(std::move(*pack), options);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Create(
    std::unique_ptr<TheatrePack> pack, const GazetteerOptions& options) {
  std::unique_ptr<Gazetteer> g(new Gazetteer(std::move(pack)));
  Result<std::unique_ptr<NameMatcher>> m =
      NameMatcher::Build(*g->pack_, options.matcher);
  if (!m.ok()) return m.status();
  g->matcher_ = std::move(*m);
  g->explain_ = options.explain;
  g->Prepare();
  return g;
}

void Gazetteer::Prepare() {
  const std::vector<Place>& places = pack_->places;
  facts_.resize(places.size());
  {
    std::unordered_map<std::string_view, uint16_t> country_ids;
    for (size_t i = 0; i < places.size(); ++i) {
      const Place& p = places[i];
      gazetteer_internal::PlaceFacts& f = facts_[i];
      f.lat = p.lat;
      f.lon = p.lon;
      f.cos_lat = std::cos(p.lat * kDegToRad);
      f.radius = EffectiveRadius(p);
      const double pop = p.population > 0 ? static_cast<double>(p.population)
                                          : DefaultPopulation(p.kind);
      f.prior = static_cast<float>(kImportanceWeight * std::log10(pop));
      f.population = p.population;
      f.country =
          country_ids
              .try_emplace(p.country, static_cast<uint16_t>(country_ids.size()))
              .first->second;
      f.kind = p.kind;
      f.settlement = IsSettlement(p.kind);
      f.admin_area = IsAdminArea(p.kind);
      f.has_extent = HasExtent(p.kind);
      f.curated = p.source == "curated";
      f.in_focus = pack_->focus &&
                   FastKm(p.lat, p.lon, pack_->focus->lat, pack_->focus->lon,
                          f.cos_lat) <= pack_->focus->radius_km;
    }
  }
  admin_of_.resize(places.size());
  canonical_id_.assign(places.size(), kNoName);
  for (uint32_t i = 0; i < places.size(); ++i) {
    const Place& p = places[i];
    if (auto id = matcher_->NameId(FoldName(p.name))) canonical_id_[i] = *id;
    for (const std::string* admin : {&p.admin1, &p.admin2}) {
      if (admin->empty()) continue;
      auto id = matcher_->NameId(FoldName(*admin));
      if (!id) continue;
      for (uint32_t a : matcher_->places(*id)) {
        const Place& ap = places[a];
        if (a != i && ap.country == p.country &&
            (ap.kind == PlaceKind::kRegion || ap.kind == PlaceKind::kDistrict ||
             ap.kind == PlaceKind::kCity)) {
          admin_of_[i].push_back(a);
        }
      }
    }
  }
  area_suffix_.assign(matcher_->name_count(), 0);
  for (uint32_t id = 0; id < matcher_->name_count(); ++id) {
    const std::string_view name = matcher_->name(id);
    const size_t last_space = name.rfind(' ');
    if (last_space != std::string_view::npos &&
        IsAreaWord(name.substr(last_space + 1))) {
      area_suffix_[id] = static_cast<uint32_t>(last_space + 1);
    }
    if (matcher_->places(id).empty()) continue;
    skeletons_.emplace(NameSkeleton(name), id);
  }
  demonym_min_ = std::numeric_limits<size_t>::max();
  for (const auto& [country, words] : pack_->demonyms) {
    for (const std::string& w : words) {
      const std::string f = FoldName(w);
      if (f.empty()) continue;
      demonyms_[f] = country;
      demonym_min_ = std::min(demonym_min_, f.size());
      demonym_max_ = std::max(demonym_max_, f.size());
    }
  }
  // Words naming a country, for actor wordings ("Defense Ministry of
  // Russia"): the pack's countries' names, then common ones it may lack.
  for (const Place& p : places) {
    if (p.kind != PlaceKind::kCountry) continue;
    for (const std::string& n : p.names)
      country_words_.emplace(FoldName(n), p.country);
  }
  for (const auto& [word, country] :
       {std::pair<const char*, const char*>{"armenia", "AM"},
        {"azerbaijan", "AZ"},
        {"russia", "RU"},
        {"russian federation", "RU"},
        {"turkey", "TR"},
        {"turkiye", "TR"},
        {"georgia", "GE"},
        {"iran", "IR"}}) {
    country_words_.emplace(word, country);
  }
  for (const auto& [word, country] : demonyms_) {
    country_words_.emplace(word, country);
  }
}

std::string NameSkeleton(std::string_view f) {
  std::string out;
  auto is_vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  };
  for (size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    const char next = i + 1 < f.size() ? f[i + 1] : '\0';
    if (c == 'd' && next == 'z' && i + 2 < f.size() && f[i + 2] == 'h') {
      c = 'j';
      i += 2;
    } else if (next == 'h' &&
               (c == 'k' || c == 'g' || c == 's' || c == 'c' || c == 'z')) {
      // kh -> x, zh -> j; gh sh ch keep their first letter.
      if (c == 'k') c = 'x';
      if (c == 'z') c = 'j';
      ++i;
    } else if (c == 'd' && next == 'j') {
      c = 'j';
      ++i;
    } else if (c == 'q') {
      c = 'g';
    }
    const bool word_start = out.empty() || out.back() == ' ';
    if (c != ' ' && !word_start && is_vowel(c)) continue;
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

namespace {

void AddPriorAndCues(const std::vector<gazetteer_internal::PlaceFacts>& facts,
                     const std::vector<uint32_t>& canonical_id,
                     uint32_t name_id, const Cues& cues,
                     bool settlement_candidate, Cand& c) {
  const gazetteer_internal::PlaceFacts& p = facts[c.place];
  Term prior;
  prior.code = TermCode::kPrior;
  prior.points = p.prior;
  c.Add(prior);
  if (name_id != kNoName && canonical_id[c.place] == name_id) {
    c.Add(MakeTerm(TermCode::kPrimary, kPrimaryName));
  }
  if (p.curated) {
    c.Add(MakeTerm(TermCode::kCurated, kCurated));
  }
  if (p.in_focus) {
    c.Add(MakeTerm(TermCode::kFocus, kFocusBonus));
  }
  const KindCue kc = cues.kind();
  double points = 0;
  switch (kc) {
    case KindCue::kNone:
      if (settlement_candidate &&
          (p.kind == PlaceKind::kRegion || p.kind == PlaceKind::kDistrict)) {
        c.Add(MakeTerm(TermCode::kAreaWithoutCue, kAreaWithoutCue));
      }
      break;
    case KindCue::kSettlement:
      points = p.settlement ? kKindCueFits : kKindCueMisfits;
      break;
    case KindCue::kArea:
      points = p.admin_area ? kAreaCueFits : p.settlement ? kKindCueMisfits : 0;
      break;
    case KindCue::kWater:
      points = p.kind == PlaceKind::kWater ? kFeatureCueFits : kKindCueMisfits;
      break;
    case KindCue::kMountain:
      points =
          p.kind == PlaceKind::kMountain ? kFeatureCueFits : kKindCueMisfits;
      break;
  }
  if (points != 0) {
    Term t = MakeTerm(TermCode::kKindCue, points);
    t.word = cues.kind_word();
    c.Add(t);
  }
  if (!cues.before_near.empty() || !cues.after_near.empty()) {
    if (p.settlement) {
      c.Add(MakeTerm(TermCode::kNearCue, kNearPrefersSettlement));
    } else if (p.kind == PlaceKind::kWater || p.kind == PlaceKind::kMountain) {
      c.Add(MakeTerm(TermCode::kNearCue, -kNearPrefersSettlement));
    }
  }
}

// Higher score first; the pack's order breaks ties.
bool BetterCand(const Cand& a, const Cand& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.place < b.place;
}

// Sorts `v` by BetterCand. A Cand carries its terms (about half a KB), so
// the order is found on (score, place, index) keys and each Cand is moved
// once. BetterCand is a strict total order (a name's candidates are
// distinct places), so the result equals std::sort's.
void SortCands(std::vector<Cand>* v, std::vector<Cand>* spare) {
  const size_t n = v->size();
  if (n < 2) return;
  struct Key {
    double score;
    uint32_t place;
    uint32_t index;
  };
  Key small[32];
  std::vector<Key> large;
  Key* keys = small;
  if (n > std::size(small)) {
    large.resize(n);
    keys = large.data();
  }
  bool sorted = true;
  for (size_t i = 0; i < n; ++i) {
    keys[i] = {(*v)[i].score, (*v)[i].place, static_cast<uint32_t>(i)};
    if (i > 0 && BetterCand((*v)[i], (*v)[i - 1])) sorted = false;
  }
  if (sorted) return;
  std::sort(keys, keys + n, [](const Key& a, const Key& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.place < b.place;
  });
  spare->resize(n);
  for (size_t i = 0; i < n; ++i) (*spare)[i] = (*v)[keys[i].index];
  v->swap(*spare);
}

int32_t BytesBetween(const Work& w, const Work& o) {
  if (w.query || o.query) return std::numeric_limits<int32_t>::min();
  if (o.begin >= w.end) return static_cast<int32_t>(o.begin - w.end);
  return -static_cast<int32_t>(w.begin >= o.end ? w.begin - o.end : 0);
}

// Adds the prior, cue and same-sentence terms of every candidate of `w`;
// `local` are the other mentions of its sentence.
void ScoreLocal(const TheatrePack& pack,
                const std::vector<gazetteer_internal::PlaceFacts>& facts,
                const std::vector<std::vector<uint32_t>>& admin_of,
                const std::vector<uint32_t>& canonical_id,
                const DemonymHits* demonyms,
                const std::vector<const Work*>& local, Work& w,
                std::vector<Cand>* spare) {
  w.scored.clear();
  w.scored.reserve(w.cands.size());
  bool settlement_candidate = false;
  for (uint32_t pi : w.cands) settlement_candidate |= facts[pi].settlement;
  for (uint32_t pi : w.cands) {
    w.scored.emplace_back();
    Cand& c = w.scored.back();
    c.place = pi;
    AddPriorAndCues(facts, canonical_id, w.name_id, w.cues,
                    settlement_candidate, c);
    if (!w.spelling.empty()) {
      Term t = MakeTerm(TermCode::kSpelling, kSpelling);
      t.word = w.spelling;
      c.Add(t);
    }
    const gazetteer_internal::PlaceFacts& p = facts[pi];
    if (w.cands.size() > 1 && p.kind != PlaceKind::kCountry) {
      Term best_area, best_country;
      const std::vector<uint32_t>& admins = admin_of[pi];
      for (const Work* o : local) {
        if (o == &w || o->name_id == w.name_id) continue;
        // A settlement name with many candidates is too vague to place
        // another by distance; an area must still contain the candidate.
        const bool vague = o->cands.size() > 3 && !o->query;
        const int32_t bytes = BytesBetween(w, *o);
        const bool adjacent = bytes != std::numeric_limits<int32_t>::min() &&
                              std::abs(bytes) <= 4;
        const bool peers = w.group >= 0 && w.group == o->group;
        for (uint32_t ai : o->cands) {
          if (ai == pi) continue;
          const gazetteer_internal::PlaceFacts& a = facts[ai];
          if (a.kind == PlaceKind::kCountry) {
            if (a.country != p.country) continue;
            const float points = static_cast<float>(
                kCountryNamed + (adjacent ? kCountryAdjacent : 0));
            if (points > best_country.points) {
              best_country = Term();
              best_country.code = TermCode::kCountryNamed;
              best_country.points = points;
              best_country.ref = ai;
              best_country.bytes = bytes;
            }
            continue;
          }
          if (peers && a.has_extent) continue;
          Term t;
          t.ref = ai;
          t.bytes = bytes;
          if (std::find(admins.begin(), admins.end(), ai) != admins.end()) {
            t.code = TermCode::kAdminNamed;
            t.points = static_cast<float>(kAdminNamed);
          } else if (a.has_extent) {
            const double d = FastKm(p.lat, p.lon, a.lat, a.lon, p.cos_lat);
            const double r = a.radius;
            if (d > 1.5 * r) continue;
            t.code = TermCode::kInsideArea;
            t.points = static_cast<float>(d <= r ? kInsideArea : kNearArea);
            t.km = static_cast<float>(d);
          } else {
            if (vague) continue;
            const double d = FastKm(p.lat, p.lon, a.lat, a.lon, p.cos_lat);
            if (d > kNearLocalKm) continue;
            t.code = TermCode::kNearLocal;
            t.points = static_cast<float>(kNearLocalMax *
                                          (1 - d / (2 * kNearLocalKm)));
            t.km = static_cast<float>(d);
          }
          if (t.points > best_area.points) best_area = t;
        }
      }
      if (best_area.points > 0) c.Add(best_area);
      if (best_country.points > 0) c.Add(best_country);
      if (demonyms != nullptr && !demonyms->empty()) {
        const std::string_view country = pack.places[pi].country;
        for (const auto& [code, phrase] : *demonyms) {
          if (code != country) continue;
          Term t = MakeTerm(TermCode::kDemonym, kDemonym);
          t.word = phrase;
          c.Add(t);
          break;
        }
      }
    }
  }
  SortCands(&w.scored, spare);
  w.margin = w.scored.size() > 1 ? w.scored[0].score - w.scored[1].score
                                 : std::numeric_limits<double>::infinity();
}

// `facts` spare the candidate's own Place row (a cache miss) for the prior.
std::string Render(const TheatrePack& pack,
                   const std::vector<gazetteer_internal::PlaceFacts>& facts,
                   const Cand& c) {
  const gazetteer_internal::PlaceFacts& p = facts[c.place];
  ReasonBuf r;
  for (uint8_t i = 0; i < c.n; ++i) {
    const Term& t = c.terms[i];
    if (!r.empty()) r += "; ";
    const Place& ref = pack.places[t.ref];
    switch (t.code) {
      case TermCode::kPrior:
        r += PlaceKindName(p.kind);
        if (p.population > 0) {
          r += ", pop ";
          AppendInt(r, static_cast<long>(p.population));
        }
        break;
      case TermCode::kPrimary:
        r += "canonical name";
        break;
      case TermCode::kCurated:
        r += "curated";
        break;
      case TermCode::kFocus:
        r += "in the theatre's focus";
        break;
      case TermCode::kAreaWithoutCue:
        r += "no 'district' or 'region' after the name";
        break;
      case TermCode::kKindCue:
        r += '\'';
        r += t.word;
        r += t.points > 0 ? "' fits" : "' does not fit";
        break;
      case TermCode::kNearCue:
        r += t.points > 0 ? "a settlement near" : "a feature near";
        break;
      case TermCode::kAdminNamed:
        r += PlaceKindName(ref.kind);
        r += ' ';
        r += ref.name;
        r += ' ';
        AppendNamed(r, t);
        break;
      case TermCode::kInsideArea:
        r += t.points >= kInsideArea ? "within " : "near ";
        r += PlaceKindName(ref.kind);
        r += ' ';
        r += ref.name;
        r += ' ';
        AppendNamed(r, t);
        AppendKm(r, t.km);
        break;
      case TermCode::kNearLocal:
        AppendInt(r, std::lround(t.km));
        r += " km from ";
        r += ref.name;
        r += ' ';
        AppendNamed(r, t);
        break;
      case TermCode::kCountryNamed:
        r += "country ";
        r += ref.name;
        r += ' ';
        AppendNamed(r, t);
        break;
      case TermCode::kDemonym:
        r += '\'';
        r += t.word;
        r += "' in the sentence";
        break;
      case TermCode::kNearestAnchor:
        r += "nearest to ";
        r += ref.name;
        AppendKm(r, t.km);
        break;
      case TermCode::kDocCountry:
        r += "most places in the text are in ";
        r += t.word;
        break;
      case TermCode::kSpelling:
        r += "spelling close to '";
        r += t.word;
        r += '\'';
        break;
    }
    AppendSigned(r, t.points);
  }
  return r.Take();
}

void Finish(const TheatrePack& pack,
            const std::vector<gazetteer_internal::PlaceFacts>& facts,
            const Cand& c, double max_score, double denom, bool explain,
            PlaceCandidate* out) {
  out->place = &pack.places[c.place];
  out->score = c.score;
  out->confidence = std::exp(c.score - max_score) / denom;
  if (explain) out->reason = Render(pack, facts, c);
}

}  // namespace

std::vector<PlaceMention> Gazetteer::ResolvePlaces(std::string_view text,
                                                   const FoldedText& folded,
                                                   std::vector<Work>* works,
                                                   bool keep_all) const {
  const std::vector<Place>& places = pack_->places;
  // Sentences: consecutive mentions share one unless a sentence ends
  // between them. Demonym phrases ("armenian settlements") are found per
  // sentence, on demand.
  size_t sentences = 0;
  {
    const Work* prev = nullptr;
    for (Work& w : *works) {
      if (w.query) continue;
      if (prev != nullptr && SentenceEndsIn(text, prev->end, w.begin)) {
        ++sentences;
      }
      w.sentence = sentences;
      prev = &w;
    }
    ++sentences;  // the last slot is the query's: all of the context
  }
  std::vector<DemonymHits> sentence_demonyms(sentences + 1);
  std::vector<uint8_t> sentence_done(sentences + 1, 0);
  auto demonyms_of = [&](const Work& w) -> const DemonymHits* {
    if (demonyms_.empty()) return nullptr;
    const size_t id = w.query ? sentences : w.sentence;
    DemonymHits& found = sentence_demonyms[id];
    if (sentence_done[id]) return &found;
    sentence_done[id] = 1;
    size_t fb = 0, fe = folded.text.size();
    if (!w.query) {
      const auto [b, e] = SentenceAround(text, w.begin, w.end, kLocalBytes);
      fb = static_cast<size_t>(
          std::lower_bound(folded.offsets.begin(), folded.offsets.end(), b) -
          folded.offsets.begin());
      fe = static_cast<size_t>(
          std::lower_bound(folded.offsets.begin(), folded.offsets.end(), e) -
          folded.offsets.begin());
      fe = std::min(fe, folded.text.size());
    }
    const std::string_view f =
        std::string_view(folded.text).substr(fb, fe - fb);
    auto token_end = [&](size_t i) {
      const size_t k = f.find(' ', i);
      return k == std::string_view::npos ? f.size() : k;
    };
    for (size_t i = 0; i < f.size();) {
      const size_t end = token_end(i);
      const std::string_view token = f.substr(i, end - i);
      auto d = token.size() >= demonym_min_ && token.size() <= demonym_max_
                   ? demonyms_.find(token)
                   : demonyms_.end();
      if (d != demonyms_.end()) {
        // A place noun within the next two words: "armenian border
        // settlements".
        size_t noun_end = std::string_view::npos;
        for (size_t j = end + 1, k = 0; k < 2 && j < f.size(); ++k) {
          const size_t e2 = token_end(j);
          const std::string_view t = f.substr(j, e2 - j);
          if (t == "|") break;
          if (IsPlaceNoun(t)) noun_end = e2;
          j = e2 + 1;
        }
        if (noun_end != std::string_view::npos) {
          found.emplace_back(d->second, f.substr(i, noun_end - i));
        }
      }
      i = end + 1;
    }
    return &found;
  };

  // The candidates' facts are scattered over the pack: start loading them
  // all now so that the cache misses overlap (a prefetch changes nothing
  // else).
  for (const Work& w : *works) {
    for (uint32_t pi : w.cands) __builtin_prefetch(&facts_[pi]);
  }

  // Pass 1: priors, cues and the same sentence (within kLocalBytes).
  std::vector<const Work*> local;
  std::vector<Cand> spare;  // SortCands' buffer
  const size_t n = works->size();
  for (size_t i = 0; i < n; ++i) {
    Work& w = (*works)[i];
    local.clear();
    if (w.query) {
      for (const Work& o : *works) {
        if (&o != &w) local.push_back(&o);
      }
    } else {
      for (size_t k = i; k-- > 0;) {
        const Work& o = (*works)[k];
        if (o.query) continue;
        if (o.sentence != w.sentence || w.begin - o.end > kLocalBytes) break;
        local.push_back(&o);
      }
      for (size_t k = i + 1; k < n; ++k) {
        const Work& o = (*works)[k];
        if (o.query) {
          local.push_back(&o);
          continue;
        }
        if (o.sentence != w.sentence || o.begin - w.end > kLocalBytes) break;
        local.push_back(&o);
      }
    }
    const auto* dem = w.cands.size() > 1 ? demonyms_of(w) : nullptr;
    ScoreLocal(*pack_, facts_, admin_of_, canonical_id_, dem, local, w, &spare);
  }

  // Anchors: mentions resolved without doubt to a point-like place.
  struct Anchor {
    size_t pos;
    uint32_t place;
    uint32_t name_id;
  };
  std::vector<Anchor> anchors;
  // Votes per country (PlaceFacts::country), with a place of each. Which
  // of two equal counts wins does not matter: a winner needs two thirds.
  std::vector<std::pair<int, uint32_t>> country_votes;
  for (const Work& w : *works) {
    if (w.scored.empty() || w.query) continue;
    const uint32_t best = w.scored[0].place;
    const gazetteer_internal::PlaceFacts& bf = facts_[best];
    if (w.margin < kAnchorMargin || bf.admin_area ||
        bf.radius > kAnchorMaxRadiusKm) {
      continue;
    }
    anchors.push_back({w.begin, best, w.name_id});
    if (country_votes.size() <= bf.country) {
      country_votes.resize(bf.country + 1, {0, 0});
    }
    country_votes[bf.country].first++;
    country_votes[bf.country].second = best;
  }
  std::string_view doc_country;
  int votes = 0, total_votes = 0;
  uint16_t doc_country_id = 0;
  for (size_t cc = 0; cc < country_votes.size(); ++cc) {
    const int n = country_votes[cc].first;
    total_votes += n;
    if (n > votes) {
      votes = n;
      doc_country = places[country_votes[cc].second].country;
      doc_country_id = static_cast<uint16_t>(cc);
    }
  }
  if (votes < 2 || votes * 3 < total_votes * 2) doc_country = {};

  // Pass 2: the rest of the text, for names still ambiguous.
  std::vector<const Anchor*> near;
  for (Work& w : *works) {
    if (w.scored.size() < 2) continue;
    // Anchors within the window, nearest in the text first.
    const size_t lo =
        w.begin > kAnchorWindowBytes ? w.begin - kAnchorWindowBytes : 0;
    const size_t hi = w.begin + kAnchorWindowBytes;
    auto first = std::lower_bound(
        anchors.begin(), anchors.end(), w.begin,
        [](const Anchor& a, size_t pos) { return a.pos < pos; });
    // Distinct anchors (place and name), nearest in the text first.
    near.clear();
    auto add = [&](const Anchor* a) {
      for (const Anchor* u : near) {
        if (u->place == a->place && u->name_id == a->name_id) return;
      }
      near.push_back(a);
    };
    auto left = first, right = first;
    bool go_left = true, go_right = true;
    for (size_t k = 0; k < kAnchorsPerSide && near.size() < kMaxAnchors &&
                       (go_left || go_right);
         ++k) {
      if (go_left) {
        if (left == anchors.begin() || (!w.query && (left - 1)->pos < lo)) {
          go_left = false;
        } else {
          add(&*--left);
        }
      }
      if (go_right) {
        if (right == anchors.end() || (!w.query && right->pos > hi)) {
          go_right = false;
        } else {
          add(&*right++);
        }
      }
    }
    for (Cand& c : w.scored) {
      const gazetteer_internal::PlaceFacts& p = facts_[c.place];
      if (p.kind == PlaceKind::kCountry) continue;
      const double cos_lat = p.cos_lat;
      double best_km = std::numeric_limits<double>::infinity();
      uint32_t best_ref = 0;
      for (const Anchor* a : near) {
        if (a->name_id == w.name_id || a->place == c.place) continue;
        const gazetteer_internal::PlaceFacts& ap = facts_[a->place];
        const double d = FastKm(p.lat, p.lon, ap.lat, ap.lon, cos_lat);
        if (d < best_km) {
          best_km = d;
          best_ref = a->place;
        }
      }
      const double bonus =
          kAnchorMax * std::clamp((kAnchorZeroKm - best_km) /
                                      (kAnchorZeroKm - kAnchorFullKm),
                                  0.0, 1.0);
      if (bonus > 0) {
        Term t = MakeTerm(TermCode::kNearestAnchor, bonus);
        t.ref = best_ref;
        t.km = static_cast<float>(best_km);
        c.Add(t);
      }
      if (!doc_country.empty() && p.country == doc_country_id) {
        Term t = MakeTerm(TermCode::kDocCountry, kDocCountry);
        t.word = doc_country;
        c.Add(t);
      }
    }
    SortCands(&w.scored, &spare);
  }

  // Output.
  std::vector<PlaceMention> out;
  out.reserve(works->size());
  for (const Work& w : *works) {
    if (w.scored.empty()) continue;
    PlaceMention m;
    m.begin = w.begin;
    m.end = w.end;
    m.name_id = w.name_id;
    m.candidate_count = w.scored.size();
    const double max_score = w.scored[0].score;
    double denom = 0;
    for (const Cand& c : w.scored) denom += std::exp(c.score - max_score);
    // A lookup by name (keep_all) always explains itself.
    const bool explain = explain_ || keep_all;
    Finish(*pack_, facts_, w.scored[0], max_score, denom, explain, &m.best);
    const size_t keep =
        keep_all ? w.scored.size() : std::min<size_t>(w.scored.size(), 4);
    if (keep > 1) m.runners_up.reserve(keep - 1);
    for (size_t i = 1; i < keep; ++i) {
      m.runners_up.emplace_back();
      Finish(*pack_, facts_, w.scored[i], max_score, denom, explain,
             &m.runners_up.back());
    }
    const gazetteer_internal::PlaceFacts& b = facts_[w.scored[0].place];
    if (b.admin_area) {
      m.geo_precision = 3;
      m.precision_reason = PlaceKindName(b.kind);
    } else if (w.cues.area_after) {
      m.geo_precision = 3;
      m.precision_reason =
          "'" + std::string(w.cues.after_kind_word) + "' after";
    } else if (!w.cues.before_near.empty()) {
      m.geo_precision = 2;
      m.precision_reason = "'" + w.cues.before_near + "' before";
    } else if (!w.cues.after_near.empty()) {
      m.geo_precision = 2;
      m.precision_reason = "'" + w.cues.after_near + "' after";
    } else if (b.has_extent) {
      m.geo_precision = 2;
      m.precision_reason = PlaceKindName(b.kind);
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<PlaceMention> Gazetteer::PlacesFromScan(
    std::string_view text, const FoldedText& folded,
    const std::vector<NameMatch>& all,
    const std::vector<NameMatch>& actor_matches,
    std::vector<NameMatch>* place_matches) const {
  matcher_->Select(all, MatchFilter::kPlaces, place_matches);
  std::vector<Work> works;
  works.reserve(place_matches->size());
  size_t a = 0;
  for (const NameMatch& m : *place_matches) {
    // Not a place when inside a longer actor wording. Actor matches do not
    // overlap, so only the last one starting at or before m can hold it.
    while (a + 1 < actor_matches.size() &&
           actor_matches[a + 1].folded_begin <= m.folded_begin) {
      ++a;
    }
    bool inside_actor = false;
    if (a < actor_matches.size()) {
      const NameMatch& am = actor_matches[a];
      inside_actor =
          am.folded_begin <= m.folded_begin && am.folded_end >= m.folded_end &&
          am.folded_end - am.folded_begin > m.folded_end - m.folded_begin;
    }
    if (inside_actor) continue;
    Work w;
    w.begin = m.begin;
    w.end = m.end;
    w.fbegin = m.folded_begin;
    w.fend = m.folded_end;
    w.name_id = m.name_id;
    w.cands = m.places;
    __builtin_prefetch(w.cands.data());  // read in ResolvePlaces
    w.cues = CuesAround(folded.text, m.folded_begin, m.folded_end, demonyms_,
                        demonym_min_, demonym_max_);
    // A kind word inside the name itself ("Khojaly region").
    if (const uint32_t suffix = area_suffix_[m.name_id]; suffix != 0) {
      w.cues.after_kind = KindCue::kArea;
      w.cues.after_kind_word = matcher_->name(m.name_id).substr(suffix);
      w.cues.area_after = true;
    }
    // "Heyvali village of Aghdara", "the Sugovushan settlement of Tartar":
    // the second place holds the first, so it is an area.
    if (!works.empty()) {
      const Work& prev = works.back();
      Tokens between;
      TokensAfter(folded.text, prev.fend, 4, &between);
      const size_t gap = m.folded_begin - prev.fend;
      if (between.size() >= 2 && IsSettlementWord(between[0]) &&
          between[1] == "of" &&
          (gap == between[0].size() + 5 ||
           (between.size() >= 3 && between[2] == "the" &&
            gap == between[0].size() + 9))) {
        w.cues.before_kind = KindCue::kArea;
        w.cues.before_kind_word = between[0];
      }
    }
    works.push_back(std::move(w));
  }
  // Coordinated lists share the cues of their ends. A run joined by
  // commas only is a list from three members on ("Goris, Sotk, Jermuk");
  // two ("Aygedzor, Tavush") are a place and where it is.
  int groups = 0;
  for (size_t i = 0; i < works.size();) {
    size_t j = i;
    bool conjunction = false;
    while (j + 1 < works.size() && works[j + 1].begin >= works[j].end) {
      const std::string_view gap =
          text.substr(works[j].end, works[j + 1].begin - works[j].end);
      if (!Coordinates(gap)) break;
      conjunction |=
          gap.find_first_not_of(" ,\t\r\n") != std::string_view::npos;
      ++j;
    }
    if (j > i && (conjunction || j - i >= 2)) {
      for (size_t k = i; k <= j; ++k) {
        works[k].group = groups;
        Cues& c = works[k].cues;
        if (k > i && c.before_kind == KindCue::kNone && c.before_near.empty()) {
          c.before_kind = works[i].cues.before_kind;
          c.before_kind_word = works[i].cues.before_kind_word;
          c.before_near = works[i].cues.before_near;
        }
        if (k < j && c.after_kind == KindCue::kNone && c.after_near.empty()) {
          c.after_kind = works[j].cues.after_kind;
          c.after_kind_word = works[j].cues.after_kind_word;
          c.after_near = works[j].cues.after_near;
          c.area_after = works[j].cues.area_after;
        }
      }
      ++groups;
    }
    i = j + 1;
  }
  return ResolvePlaces(text, folded, &works, /*keep_all=*/false);
}

std::vector<PlaceMention> Gazetteer::FindPlaces(std::string_view text,
                                                MatchScratch& scratch) const {
  FoldedText& folded = scratch.folded_;  // reused across calls
  std::vector<NameMatch>& all = scratch.all_;
  matcher_->FindAll(text, scratch, &folded, &all);
  matcher_->Select(all, MatchFilter::kActors, &scratch.actors_);
  return PlacesFromScan(text, folded, all, scratch.actors_, &scratch.places_);
}

std::vector<PlaceMention> Gazetteer::FindPlaces(std::string_view text) const {
  FoldedText folded;
  std::vector<NameMatch> all, place_matches;
  matcher_->FindAll(text, &folded, &all);
  return PlacesFromScan(text, folded, all,
                        matcher_->Select(all, MatchFilter::kActors),
                        &place_matches);
}

std::vector<PlaceCandidate> Gazetteer::Lookup(std::string_view name,
                                              std::string_view context) const {
  const std::string full = FoldName(name);
  // Kind words around the name.
  std::vector<std::string_view> tokens;
  {
    std::string_view f = full;
    for (size_t i = 0; i < f.size();) {
      const size_t k = f.find(' ', i);
      const size_t end = k == std::string_view::npos ? f.size() : k;
      tokens.push_back(f.substr(i, end - i));
      i = end + 1;
    }
  }
  Work q;
  q.query = true;
  q.sentence = kQuerySentence;
  size_t first = 0, last = tokens.size();
  while (last - first > 1 &&
         (IsSettlementWord(tokens[last - 1]) || IsAreaWord(tokens[last - 1]))) {
    --last;
    q.cues.after_kind =
        IsAreaWord(tokens[last]) ? KindCue::kArea : KindCue::kSettlement;
    q.cues.after_kind_word = tokens[last];
    q.cues.area_after = q.cues.after_kind == KindCue::kArea;
  }
  while (last - first > 1 &&
         (In(tokens[first], {"the", "of"}) || IsSettlementWord(tokens[first]) ||
          IsAreaWord(tokens[first]))) {
    if (IsSettlementWord(tokens[first]) || IsAreaWord(tokens[first])) {
      q.cues.before_kind =
          IsAreaWord(tokens[first]) ? KindCue::kArea : KindCue::kSettlement;
      q.cues.before_kind_word = tokens[first];
    }
    ++first;
  }
  std::string core;
  for (size_t i = first; i < last; ++i) {
    if (!core.empty()) core += ' ';
    core += tokens[i];
  }
  std::optional<uint32_t> id = matcher_->NameId(full);
  if (!id || matcher_->places(*id).empty()) {
    id = matcher_->NameId(core);
  } else {
    q.cues = Cues();  // the kind word is part of the name itself
  }
  if (id && !matcher_->places(*id).empty()) {
    q.name_id = *id;
    q.cands = matcher_->places(*id);
  } else {
    auto [lo, hi] = skeletons_.equal_range(NameSkeleton(core));
    for (auto it = lo; it != hi; ++it) {
      for (uint32_t p : matcher_->places(it->second)) {
        if (std::find(q.own_cands.begin(), q.own_cands.end(), p) ==
            q.own_cands.end()) {
          q.own_cands.push_back(p);
        }
      }
      q.spelling = matcher_->name(it->second);
    }
    q.cands = q.own_cands;
  }
  if (q.cands.empty()) return {};

  FoldedText folded;
  std::vector<NameMatch> all;
  matcher_->FindAll(context, &folded, &all);
  std::vector<Work> works;
  for (const NameMatch& m : matcher_->Select(all, MatchFilter::kPlaces)) {
    Work w;
    w.begin = m.begin;
    w.end = m.end;
    w.fbegin = m.folded_begin;
    w.fend = m.folded_end;
    w.name_id = m.name_id;
    w.cands = m.places;
    w.cues = CuesAround(folded.text, m.folded_begin, m.folded_end, demonyms_,
                        demonym_min_, demonym_max_);
    works.push_back(std::move(w));
  }
  works.push_back(std::move(q));
  std::vector<PlaceMention> resolved =
      ResolvePlaces(context, folded, &works, /*keep_all=*/true);
  // The query is the last work and the last output.
  PlaceMention& m = resolved.back();
  std::vector<PlaceCandidate> out;
  out.reserve(1 + m.runners_up.size());
  out.push_back(std::move(m.best));
  for (PlaceCandidate& c : m.runners_up) out.push_back(std::move(c));
  return out;
}

std::vector<ActorMention> Gazetteer::ResolveActors(
    std::string_view text, const FoldedText& folded,
    const std::vector<NameMatch>& actor_matches, CivilDay when) const {
  std::vector<ActorMention> out;
  out.reserve(actor_matches.size());
  Tokens tokens;
  std::vector<const Actor*> cands;  // reused for each match
  for (const NameMatch& m : actor_matches) {
    cands.clear();
    for (uint32_t i : m.actors) cands.push_back(&pack_->actors[i]);
    const std::string_view name = matcher_->name(m.name_id);
    // A bare surname after another capitalised word: someone else.
    bool all_people = true;
    for (const Actor* a : cands) all_people &= a->kind == ActorKind::kPerson;
    if (all_people && name.find(' ') == std::string_view::npos) {
      TokensBefore(folded.text, m.folded_begin, 1, &tokens);
      if (!tokens.empty() && tokens[0] != "s") {
        const size_t word_start = m.folded_begin - 1 - tokens[0].size();
        const size_t prev_end = folded.OriginalEnd(text, m.folded_begin - 1);
        const std::string_view between =
            text.substr(prev_end, m.begin - std::min(prev_end, m.begin));
        if (between.find_first_not_of(" \t") == std::string_view::npos &&
            !IsLowercaseAt(text, folded.offsets[word_start]) &&
            !In(tokens[0],
                {"president", "prime",       "minister",   "premier",
                 "mr",        "mrs",         "ms",         "dr",
                 "general",   "gen",         "colonel",    "col",
                 "lt",        "major",       "captain",    "sergeant",
                 "commander", "chairman",    "speaker",    "secretary",
                 "spokesman", "spokeswoman", "ambassador", "envoy",
                 "leader",    "deputy",      "chief",      "defense",
                 "defence",   "foreign",     "said",       "says",
                 "by",        "that",        "when",       "and",
                 "but",       "as",          "with",       "according",
                 "head",      "chancellor",  "king",       "senator",
                 "mp",        "the",         "in",         "on",
                 "at",        "for",         "to",         "of",
                 "from",      "after",       "while",      "if",
                 "then",      "meanwhile",   "also"})) {
          continue;
        }
      }
    }
    ActorMention am;
    am.begin = m.begin;
    am.end = m.end;
    const Actor* chosen = cands[0];
    if (cands.size() > 1) {
      bool decided = false;
      // The same actor named last before it.
      for (auto it = out.rbegin(); it != out.rend() && !decided; ++it) {
        if (std::find(cands.begin(), cands.end(), it->actor) != cands.end()) {
          chosen = it->actor;
          decided = true;
          am.reason = "as '" +
                      std::string(text.substr(it->begin, it->end - it->begin)) +
                      "' " + std::to_string(m.begin - it->end) +
                      " bytes before";
        }
      }
      // A country named beside it.
      if (!decided) {
        std::vector<std::string_view> around;
        TokensAfter(folded.text, m.folded_end, 2, &tokens);
        if (tokens.size() == 2 && tokens[0] == "of")
          around.push_back(tokens[1]);
        TokensBefore(folded.text, m.folded_begin, 2, &tokens);
        if (!tokens.empty()) around.push_back(tokens[0]);
        if (tokens.size() == 2 && tokens[0] == "s") around.push_back(tokens[1]);
        for (std::string_view word : around) {
          auto cw = country_words_.find(word);
          const std::string country =
              cw == country_words_.end() ? std::string() : cw->second;
          if (country.empty()) continue;
          for (const Actor* a : cands) {
            if (SideName(a->side) == country) {
              chosen = a;
              decided = true;
              am.reason = "'" + std::string(word) + "' beside it";
              break;
            }
          }
          if (decided) break;
        }
      }
      if (!decided) {
        am.reason = "ambiguous: the first of " + std::to_string(cands.size()) +
                    " actors with this wording";
      }
      for (const Actor* a : cands) {
        if (a != chosen) am.alternatives.push_back(a);
      }
    }
    am.actor = chosen;
    am.side = chosen->side;
    if (!chosen->role.empty()) {
      if (!when.valid()) {
        am.role_status = RoleStatus::kDateUnknown;
        am.role = chosen->role;
      } else if ((!chosen->role_from.valid() || chosen->role_from <= when) &&
                 (!chosen->role_to.valid() || when <= chosen->role_to)) {
        am.role_status = RoleStatus::kInOffice;
        am.role = chosen->role;
      } else {
        am.role_status = RoleStatus::kNotInOffice;
      }
    }
    out.push_back(std::move(am));
  }
  return out;
}

std::vector<ActorMention> Gazetteer::FindActors(std::string_view text,
                                                CivilDay when,
                                                MatchScratch& scratch) const {
  FoldedText& folded = scratch.folded_;  // reused across calls
  std::vector<NameMatch>& all = scratch.all_;
  matcher_->FindAll(text, scratch, &folded, &all);
  return ResolveActors(text, folded,
                       matcher_->Select(all, MatchFilter::kActors), when);
}

std::vector<ActorMention> Gazetteer::FindActors(std::string_view text,
                                                CivilDay when) const {
  FoldedText folded;
  std::vector<NameMatch> all;
  matcher_->FindAll(text, &folded, &all);
  return ResolveActors(text, folded,
                       matcher_->Select(all, MatchFilter::kActors), when);
}

Annotation Gazetteer::Annotate(std::string_view text, CivilDay when,
                               MatchScratch& scratch) const {
  // The scratch's buffers, reused across calls.
  FoldedText& folded = scratch.folded_;
  std::vector<NameMatch>& all = scratch.all_;
  matcher_->FindAll(text, scratch, &folded, &all);
  Annotation a;
  // One actor selection serves both: places inside an actor wording are
  // dropped, and the actors are resolved.
  std::vector<NameMatch>& actor_matches = scratch.actors_;
  matcher_->Select(all, MatchFilter::kActors, &actor_matches);
  a.places = PlacesFromScan(text, folded, all, actor_matches, &scratch.places_);
  a.actors = ResolveActors(text, folded, actor_matches, when);
  return a;
}

Annotation Gazetteer::Annotate(std::string_view text, CivilDay when) const {
  FoldedText folded;
  std::vector<NameMatch> all, place_matches;
  matcher_->FindAll(text, &folded, &all);
  Annotation a;
  // One actor selection serves both: places inside an actor wording are
  // dropped, and the actors are resolved.
  const std::vector<NameMatch> actor_matches =
      matcher_->Select(all, MatchFilter::kActors);
  a.places = PlacesFromScan(text, folded, all, actor_matches, &place_matches);
  a.actors = ResolveActors(text, folded, actor_matches, when);
  return a;
}

}  // namespace ceasewatch
