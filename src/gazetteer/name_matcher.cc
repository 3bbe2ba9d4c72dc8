#include "gazetteer/name_matcher.h"

#include <hs/hs.h>
#include <unicode/unistr.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

namespace ceasewatch {
namespace {

constexpr char kCacheMagic[8] = {'C', 'W', 'H', 'S', 'D', 'B', '1', '\n'};

// Calls f(cp) for each code point of `s`; f returns a replacement or
// nullptr to keep the character.
template <typename F>
std::string MapChars(std::string_view s, F f) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (const char* r = f(c)) {
      out += r;
    } else {
      icu::UnicodeString(c).toUTF8String(out);
    }
  }
  return out;
}

bool HasAny(std::string_view s, std::initializer_list<UChar32> cps) {
  bool found = false;
  MapChars(s, [&](UChar32 c) -> const char* {
    for (UChar32 x : cps) found |= (c == x);
    return nullptr;
  });
  return found;
}

bool IsSchwa(UChar32 c) {
  return c == 0x259 || c == 0x18F || c == 0x1DD || c == 0x18E;
}

// Azerbaijani Latin -> the English transliteration. `i` is what dotless ı
// becomes, `e` what ə becomes; `full` enables ş ç ğ c, else only x and q.
std::string Transliterate(std::string_view name, const char* i, const char* e,
                          bool full) {
  return MapChars(name, [&](UChar32 c) -> const char* {
    switch (c) {
      case 'x':
      case 'X':
        return "kh";
      case 'q':
      case 'Q':
        return "g";
      default:
        break;
    }
    if (!full) return nullptr;
    switch (c) {
      case 0x15F:
      case 0x15E:
        return "sh";  // ş Ş
      case 0xE7:
      case 0xC7:
        return "ch";  // ç Ç
      case 0x11F:
      case 0x11E:
        return "gh";  // ğ Ğ
      case 'c':
      case 'C':
        return "j";
      case 0x131:
        return i;  // ı
      case 0x130:
        return "i";  // İ
      default:
        return IsSchwa(c) ? e : nullptr;
    }
  });
}

// An all-capital ASCII acronym of 2 to 5 letters: "UN", "OSCE".
bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 5) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(v));
  return buf;
}

struct ScanContext {
  std::vector<std::pair<uint32_t, uint32_t>>* raw;  // (name id, end)
};

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to,
            unsigned int /*flags*/, void* ctx) {
  static_cast<ScanContext*>(ctx)->raw->emplace_back(id,
                                                    static_cast<uint32_t>(to));
  return 0;
}

}  // namespace

std::vector<std::string> NameVariants(std::string_view name, bool transliterate,
                                      bool azerbaijani_place) {
  std::vector<std::string> out;
  auto add = [&](const std::string& s) {
    std::string f = FoldName(s);
    if (!f.empty() && std::find(out.begin(), out.end(), f) == out.end()) {
      out.push_back(std::move(f));
    }
  };
  std::vector<std::string> bases = {std::string(name)};
  std::string split = MapChars(name, [](UChar32 c) -> const char* {
    return IsApostropheChar(static_cast<uint32_t>(c)) ? " " : nullptr;
  });
  if (split != name) bases.push_back(std::move(split));
  const bool schwa =
      HasAny(name, {0x259, 0x18F, 0x1DD, 0x18E, 0xE4, 0xC4});  // ə Ə ǝ Ǝ ä Ä
  for (const std::string& base : bases) {
    add(base);
    if (schwa) {
      add(MapChars(base, [](UChar32 c) -> const char* {
        return (IsSchwa(c) || c == 0xE4 || c == 0xC4) ? "e" : nullptr;
      }));
    }
    if (!transliterate) continue;
    const bool full = HasAny(base, {0x259, 0x18F, 0x1DD, 0x18E, 0x131, 0x15F,
                                    0x15E, 0xE7, 0xC7, 0x11F, 0x11E});
    bool ascii = true;
    for (char c : base) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (full) {
      for (const char* i : {"i", "y"}) {
        for (const char* e : {"a", "e"}) add(Transliterate(base, i, e, true));
      }
    } else if (ascii && azerbaijani_place) {
      add(Transliterate(base, "i", "a", false));
    }
  }
  return out;
}

MatchScratch::~MatchScratch() {
  if (scratch_ != nullptr) hs_free_scratch(scratch_);
}

MatchScratch::MatchScratch(MatchScratch&& other) noexcept
    : scratch_(std::exchange(other.scratch_, nullptr)),
      sized_for_(std::exchange(other.sized_for_, 0)),
      raw_(std::move(other.raw_)),
      folded_(std::move(other.folded_)),
      all_(std::move(other.all_)),
      places_(std::move(other.places_)),
      actors_(std::move(other.actors_)) {}

MatchScratch& MatchScratch::operator=(MatchScratch&& other) noexcept {
  if (this != &other) {
    if (scratch_ != nullptr) hs_free_scratch(scratch_);
    scratch_ = std::exchange(other.scratch_, nullptr);
    sized_for_ = std::exchange(other.sized_for_, 0);
    raw_ = std::move(other.raw_);
    folded_ = std::move(other.folded_);
    all_ = std::move(other.all_);
    places_ = std::move(other.places_);
    actors_ = std::move(other.actors_);
  }
  return *this;
}

NameMatcher::~NameMatcher() {
  for (hs_scratch* s : pool_) hs_free_scratch(s);
  if (prototype_ != nullptr) hs_free_scratch(prototype_);
  if (db_ != nullptr) hs_free_database(db_);
}

Result<std::unique_ptr<NameMatcher>> NameMatcher::Build(
    const TheatrePack& pack, const MatcherOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<NameMatcher> m(new NameMatcher(pack));
  struct Pending {
    std::vector<uint32_t> places, actors;
    bool all_acronym = true;
    bool place_lower_ok = false;
  };
  std::unordered_map<std::string, Pending> pending;
  size_t spellings = 0;
  for (uint32_t i = 0; i < pack.places.size(); ++i) {
    const Place& p = pack.places[i];
    const bool az = p.country == "AZ";
    for (const std::string& name : p.names) {
      const bool acronym = IsAcronym(name);
      const bool lower_ok = !name.empty() && IsLowercaseAt(name, 0) &&
                            FoldName(name).find(' ') != std::string::npos;
      for (std::string& v : NameVariants(name, /*transliterate=*/true, az)) {
        if (Utf8Length(v) < options.min_name_chars) continue;
        Pending& e = pending[std::move(v)];
        if (e.places.empty() || e.places.back() != i) e.places.push_back(i);
        e.all_acronym &= acronym;
        e.place_lower_ok |= lower_ok;
        ++spellings;
      }
    }
  }
  for (uint32_t i = 0; i < pack.actors.size(); ++i) {
    for (const std::string& name : pack.actors[i].names) {
      const bool acronym = IsAcronym(name);
      const size_t min_chars = acronym ? 2 : options.min_name_chars;
      for (std::string& v : NameVariants(name, /*transliterate=*/false,
                                         /*azerbaijani_place=*/false)) {
        if (Utf8Length(v) < min_chars) continue;
        Pending& e = pending[std::move(v)];
        if (e.actors.empty() || e.actors.back() != i) e.actors.push_back(i);
        e.all_acronym &= acronym;
        ++spellings;
      }
    }
  }
  std::vector<std::string> stops = pack.stop_names;
  for (const auto& [country, words] : pack.demonyms) {
    for (const std::string& w : words) stops.push_back(FoldName(w));
  }
  for (const std::string& stop : stops) {
    auto it = pending.find(stop);
    if (it != pending.end()) it->second.places.clear();
  }
  m->names_.reserve(pending.size());
  for (const auto& [name, e] : pending) {
    if (!e.places.empty() || !e.actors.empty()) m->names_.push_back(name);
  }
  std::sort(m->names_.begin(), m->names_.end());
  m->info_.resize(m->names_.size());
  for (uint32_t id = 0; id < m->names_.size(); ++id) {
    const Pending& e = pending[m->names_[id]];
    NameInfo& ni = m->info_[id];
    ni.places_begin = static_cast<uint32_t>(m->refs_.size());
    ni.places_count = static_cast<uint32_t>(e.places.size());
    m->refs_.insert(m->refs_.end(), e.places.begin(), e.places.end());
    ni.actors_begin = static_cast<uint32_t>(m->refs_.size());
    ni.actors_count = static_cast<uint32_t>(e.actors.size());
    m->refs_.insert(m->refs_.end(), e.actors.begin(), e.actors.end());
    ni.acronym = e.all_acronym;
    ni.place_lower_ok = e.place_lower_ok;
  }
  for (uint32_t id = 0; id < m->names_.size(); ++id) {
    m->ids_.emplace(m->names_[id], id);
  }
  m->stats_.names = m->names_.size();
  m->stats_.spellings = spellings;
  if (m->names_.empty()) {
    return Status::InvalidInput(pack.dir + ": the pack has no usable names");
  }
  CW_RETURN_IF_ERROR(m->Compile(options));
  m->stats_.build_ms = std::chrono::duration<double, std::milli>(
                           std::chrono::steady_clock::now() - t0)
                           .count();
  return m;
}

Status NameMatcher::Compile(const MatcherOptions& options) {
  std::vector<std::string> patterns;
  patterns.reserve(names_.size());
  XXH3_state_t* hash = XXH3_createState();
  XXH3_64bits_reset(hash);
  const char* version = hs_version();
  XXH3_64bits_update(hash, version, std::strlen(version));
  for (const std::string& n : names_) {
    patterns.push_back(" " + n + " ");
    XXH3_64bits_update(hash, patterns.back().data(), patterns.back().size());
    XXH3_64bits_update(hash, "\n", 1);
  }
  const uint64_t key = XXH3_64bits_digest(hash);
  XXH3_freeState(hash);
  key_ = key == 0 ? 1 : key;

  std::string cache_dir = options.cache_dir;
  if (cache_dir.empty() && !pack_.dir.empty()) {
    cache_dir = (std::filesystem::path(pack_.dir) / ".cache").string();
  }
  if (cache_dir == "-") cache_dir.clear();
  std::string cache_path;
  if (!cache_dir.empty()) {
    cache_path =
        (std::filesystem::path(cache_dir) / ("names-" + Hex64(key) + ".hsdb"))
            .string();
    std::ifstream in(cache_path, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      const std::string bytes = std::move(ss).str();
      if (bytes.size() > sizeof(kCacheMagic) &&
          std::equal(kCacheMagic, kCacheMagic + sizeof(kCacheMagic),
                     bytes.begin()) &&
          hs_deserialize_database(bytes.data() + sizeof(kCacheMagic),
                                  bytes.size() - sizeof(kCacheMagic),
                                  &db_) == HS_SUCCESS) {
        stats_.from_cache = true;
      }
    }
  }
  if (db_ == nullptr) {
    std::vector<const char*> exprs;
    std::vector<size_t> lens;
    std::vector<unsigned> ids, flags(patterns.size(), 0);
    for (size_t i = 0; i < patterns.size(); ++i) {
      exprs.push_back(patterns[i].data());
      lens.push_back(patterns[i].size());
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(),
                             lens.data(), static_cast<unsigned>(exprs.size()),
                             HS_MODE_BLOCK, nullptr, &db_,
                             &err) != HS_SUCCESS) {
      std::string msg = err != nullptr ? err->message : "unknown error";
      if (err != nullptr) hs_free_compile_error(err);
      return Status::Internal("Hyperscan compile of " +
                              std::to_string(patterns.size()) +
                              " names failed: " + msg);
    }
    if (!cache_path.empty()) {
      char* bytes = nullptr;
      size_t len = 0;
      if (hs_serialize_database(db_, &bytes, &len) == HS_SUCCESS) {
        std::error_code ec;
        std::filesystem::create_directories(cache_dir, ec);
        const std::string tmp =
            cache_path + ".tmp" + std::to_string(::getpid());
        {
          std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
          out.write(kCacheMagic, sizeof(kCacheMagic));
          out.write(bytes, static_cast<std::streamsize>(len));
          if (!out) ec = std::make_error_code(std::errc::io_error);
        }
        if (!ec) std::filesystem::rename(tmp, cache_path, ec);
        if (ec) {
          std::filesystem::remove(tmp, ec);
          cache_path.clear();
        }
        std::free(bytes);
      }
    }
  }
  stats_.cache_path = cache_path;
  if (hs_alloc_scratch(db_, &prototype_) != HS_SUCCESS) {
    return Status::Internal("Hyperscan scratch allocation failed");
  }
  return Status::Ok();
}

std::optional<uint32_t> NameMatcher::NameId(std::string_view folded) const {
  auto it = ids_.find(folded);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

std::span<const uint32_t> NameMatcher::places(uint32_t id) const {
  const NameInfo& ni = info_[id];
  return {refs_.data() + ni.places_begin, ni.places_count};
}

std::span<const uint32_t> NameMatcher::actors(uint32_t id) const {
  const NameInfo& ni = info_[id];
  return {refs_.data() + ni.actors_begin, ni.actors_count};
}

Status NameMatcher::PrepareScratch(MatchScratch& scratch) const {
  if (scratch.scratch_ != nullptr && scratch.sized_for_ == key_) {
    return Status::Ok();
  }
  // Allocates, or grows a scratch sized for another database (keeping it
  // large enough for that one too).
  if (hs_alloc_scratch(db_, &scratch.scratch_) != HS_SUCCESS) {
    scratch.sized_for_ = 0;
    return Status::Internal("Hyperscan scratch allocation failed");
  }
  scratch.sized_for_ = key_;
  return Status::Ok();
}

hs_scratch* NameMatcher::Borrow() const {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      hs_scratch* s = pool_.back();
      pool_.pop_back();
      return s;
    }
  }
  hs_scratch* s = nullptr;
  if (hs_clone_scratch(prototype_, &s) != HS_SUCCESS) return nullptr;
  return s;
}

void NameMatcher::Return(hs_scratch* s) const {
  if (s == nullptr) return;
  std::lock_guard<std::mutex> lock(pool_mu_);
  pool_.push_back(s);
}

NameMatch NameMatcher::MakeMatch(uint32_t id, size_t from_pad, size_t to_pad,
                                 const FoldedText& folded,
                                 std::string_view text) const {
  NameMatch m;
  m.name_id = id;
  m.folded_begin = from_pad + 1;
  m.folded_end = to_pad - 1;
  m.begin = folded.offsets[m.folded_begin];
  m.end = folded.OriginalEnd(text, m.folded_end);
  m.places = places(id);
  m.actors = actors(id);
  m.capitalised = m.begin < text.size() && !IsLowercaseAt(text, m.begin);
  m.all_caps = !HasLowercase(text.substr(m.begin, m.end - m.begin));
  return m;
}

void NameMatcher::FindAll(std::string_view text, MatchScratch& scratch,
                          FoldedText* folded,
                          std::vector<NameMatch>* out) const {
  out->clear();
  FoldForMatching(text, folded);
  std::vector<std::pair<uint32_t, uint32_t>>& raw = scratch.raw_;
  raw.clear();
  ScanContext ctx{&raw};
  if (!PrepareScratch(scratch).ok()) return;
  if (hs_scan(db_, folded->text.data(),
              static_cast<unsigned int>(folded->text.size()), 0,
              scratch.scratch_, OnMatch, &ctx) != HS_SUCCESS) {
    return;
  }
  // The hits' name rows are scattered over megabytes; start loading them
  // now so that the misses overlap instead of stalling MakeMatch in turn.
  for (const auto& hit : raw) {
    __builtin_prefetch(&info_[hit.first]);
    __builtin_prefetch(&names_[hit.first]);
  }
  // Order the hits (8 bytes each) before building the matches: by begin,
  // longest first. Two hits with the same begin and end are the same name,
  // so the order is total and equals sorting the matches.
  std::sort(raw.begin(), raw.end(),
            [this](const std::pair<uint32_t, uint32_t>& a,
                   const std::pair<uint32_t, uint32_t>& b) {
              const size_t a_begin = a.second - names_[a.first].size();
              const size_t b_begin = b.second - names_[b.first].size();
              if (a_begin != b_begin) return a_begin < b_begin;
              return a.second > b.second;
            });
  out->reserve(raw.size());
  for (const auto& [id, to] : raw) {
    const size_t len = names_[id].size() + 2;
    out->push_back(MakeMatch(id, to - len, to, *folded, text));
  }
}

bool NameMatcher::Admits(const NameMatch& m, MatchFilter filter) const {
  const NameInfo& ni = info_[m.name_id];
  if (ni.acronym && !m.all_caps) return false;
  const bool place =
      ni.places_count > 0 && (m.capitalised || ni.place_lower_ok);
  const bool actor = ni.actors_count > 0;
  switch (filter) {
    case MatchFilter::kAll:
      return place || actor;
    case MatchFilter::kPlaces:
      return place;
    case MatchFilter::kActors:
      return actor;
  }
  return false;
}

std::vector<NameMatch> NameMatcher::Select(const std::vector<NameMatch>& all,
                                           MatchFilter filter) const {
  std::vector<NameMatch> out;
  Select(all, filter, &out);
  return out;
}

void NameMatcher::Select(const std::vector<NameMatch>& all, MatchFilter filter,
                         std::vector<NameMatch>* out) const {
  out->clear();
  size_t taken_end = 0;
  for (const NameMatch& m : all) {
    if (m.folded_begin < taken_end || !Admits(m, filter)) continue;
    out->push_back(m);
    taken_end = m.folded_end;
  }
}

std::vector<NameMatch> NameMatcher::Find(std::string_view text,
                                         MatchScratch& scratch,
                                         MatchFilter filter) const {
  FoldedText folded;
  std::vector<NameMatch> all;
  FindAll(text, scratch, &folded, &all);
  return Select(all, filter);
}

void NameMatcher::FindAll(std::string_view text, FoldedText* folded,
                          std::vector<NameMatch>* out) const {
  MatchScratch scratch;
  scratch.scratch_ = Borrow();
  scratch.sized_for_ = scratch.scratch_ != nullptr ? key_ : 0;
  FindAll(text, scratch, folded, out);
  Return(std::exchange(scratch.scratch_, nullptr));
}

std::vector<NameMatch> NameMatcher::Find(std::string_view text,
                                         MatchFilter filter) const {
  MatchScratch scratch;
  scratch.scratch_ = Borrow();
  scratch.sized_for_ = scratch.scratch_ != nullptr ? key_ : 0;
  std::vector<NameMatch> out = Find(text, scratch, filter);
  Return(std::exchange(scratch.scratch_, nullptr));
  return out;
}

}  // namespace ceasewatch
