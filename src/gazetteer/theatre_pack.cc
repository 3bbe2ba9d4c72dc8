#include "gazetteer/theatre_pack.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_set>
#include <utility>

#include "gazetteer/name_fold.h"
#include "util/ascii.h"
#include "util/tsv.h"

namespace ceasewatch {
namespace {

constexpr std::pair<PlaceKind, std::string_view> kPlaceKinds[] = {
    {PlaceKind::kCountry, "country"},   {PlaceKind::kRegion, "region"},
    {PlaceKind::kDistrict, "district"}, {PlaceKind::kCity, "city"},
    {PlaceKind::kTown, "town"},         {PlaceKind::kVillage, "village"},
    {PlaceKind::kLocality, "locality"}, {PlaceKind::kZone, "zone"},
    {PlaceKind::kRoute, "route"},       {PlaceKind::kBorder, "border"},
    {PlaceKind::kWater, "water"},       {PlaceKind::kMountain, "mountain"},
};

constexpr std::pair<Side, std::string_view> kSides[] = {
    {Side::kAZ, "AZ"},       {Side::kAM, "AM"}, {Side::kNK, "NK"},
    {Side::kRU, "RU"},       {Side::kTR, "TR"}, {Side::kINTL, "INTL"},
    {Side::kOther, "OTHER"},
};

constexpr std::pair<ActorKind, std::string_view> kActorKinds[] = {
    {ActorKind::kMilitary, "military"},
    {ActorKind::kPolice, "police"},
    {ActorKind::kGovernment, "government"},
    {ActorKind::kPeacekeepers, "peacekeepers"},
    {ActorKind::kArmedGroup, "armed_group"},
    {ActorKind::kCivilians, "civilians"},
    {ActorKind::kProtesters, "protesters"},
    {ActorKind::kMedia, "media"},
    {ActorKind::kInternationalBody, "international_body"},
    {ActorKind::kPerson, "person"},
};

template <typename E, size_t N>
std::string_view NameOf(const std::pair<E, std::string_view> (&table)[N], E e) {
  for (const auto& [k, v] : table) {
    if (k == e) return v;
  }
  return "?";
}

template <typename E, size_t N>
bool Parse(const std::pair<E, std::string_view> (&table)[N], std::string_view s,
           E* out) {
  for (const auto& [k, v] : table) {
    if (v == s) {
      *out = k;
      return true;
    }
  }
  return false;
}

template <typename E, size_t N>
std::string AllNames(const std::pair<E, std::string_view> (&table)[N]) {
  std::string s;
  for (const auto& [k, v] : table) {
    if (!s.empty()) s += ", ";
    s += v;
  }
  return s;
}

// The field as an ISO day; invalid when empty.
Status RowDay(const TsvRow& row, const std::string& column, CivilDay* out) {
  const std::string_view s = row.Get(column);
  *out = CivilDay{};
  if (s.empty()) return Status::Ok();
  if (s.size() != 10 || !CivilDay::ParseIso(s, out) || !out->valid()) {
    return row.Error(column + " '" + std::string(s) +
                     "' is not an ISO day (YYYY-MM-DD)");
  }
  return Status::Ok();
}

std::string JoinPath(const std::string& dir, const std::string& file) {
  if (dir.empty()) return file;
  if (!file.empty() && file.front() == '/') return file;
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

Status LoadPlaces(const std::string& path, TheatrePack* pack) {
  std::string text;
  CW_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  std::unordered_map<std::string, int> first_line;
  const Status st = ForEachRow(
      path, text, {"id", "name", "lat", "lon", "country", "kind"},
      [&](const TsvRow& row) -> Status {
        Place p;
        std::string_view v;
        CW_RETURN_IF_ERROR(row.Required("id", &v));
        p.id = v;
        CW_RETURN_IF_ERROR(row.Required("name", &v));
        p.name = v;
        if (row.Get("lat").empty() || row.Get("lon").empty()) {
          return row.Error("lat and lon are required");
        }
        CW_RETURN_IF_ERROR(row.Number("lat", -90, 90, &p.lat));
        CW_RETURN_IF_ERROR(row.Number("lon", -180, 180, &p.lon));
        CW_RETURN_IF_ERROR(row.Required("country", &v));
        p.country = v;
        p.admin1 = row.Get("admin1");
        p.admin2 = row.Get("admin2");
        CW_RETURN_IF_ERROR(row.Required("kind", &v));
        if (!ParsePlaceKind(v, &p.kind)) {
          return row.Error("kind '" + std::string(v) + "' is not one of " +
                           AllNames(kPlaceKinds));
        }
        double pop = 0;
        CW_RETURN_IF_ERROR(row.Number("population", 0, 2e9, &pop));
        if (pop != std::floor(pop)) {
          return row.Error("population '" + std::string(row.Get("population")) +
                           "' is not an integer");
        }
        p.population = static_cast<int64_t>(pop);
        CW_RETURN_IF_ERROR(row.Number("radius_km", 0, 20000, &p.radius_km));
        p.names = row.Names(p.name);
        p.source = row.Get("source");
        auto it = pack->place_index.find(p.id);
        if (it != pack->place_index.end()) {
          Place& old = pack->places[it->second];
          if (p.source == "curated" && old.source != "curated") {
            old = std::move(p);  // a curated row overrides the wof row
            return Status::Ok();
          }
          return row.Error("duplicate id '" + p.id + "' (first on line " +
                           std::to_string(first_line[p.id]) + ")");
        }
        first_line[p.id] = row.line();
        pack->place_index.emplace(p.id,
                                  static_cast<uint32_t>(pack->places.size()));
        pack->places.push_back(std::move(p));
        return Status::Ok();
      });
  return st;
}

Status LoadActors(const std::string& path, TheatrePack* pack) {
  std::string text;
  CW_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  std::unordered_map<std::string, int> lines;
  CW_RETURN_IF_ERROR(ForEachRow(
      path, text, {"id", "name", "side", "kind"},
      [&](const TsvRow& row) -> Status {
        Actor a;
        std::string_view v;
        CW_RETURN_IF_ERROR(row.Required("id", &v));
        a.id = v;
        CW_RETURN_IF_ERROR(row.Required("name", &v));
        a.name = v;
        CW_RETURN_IF_ERROR(row.Required("side", &v));
        if (!ParseSide(v, &a.side)) {
          return row.Error("side '" + std::string(v) + "' is not one of " +
                           AllNames(kSides));
        }
        CW_RETURN_IF_ERROR(row.Required("kind", &v));
        if (!ParseActorKind(v, &a.kind)) {
          return row.Error("kind '" + std::string(v) + "' is not one of " +
                           AllNames(kActorKinds));
        }
        a.parent = row.Get("parent");
        a.role = row.Get("role");
        CW_RETURN_IF_ERROR(RowDay(row, "role_from", &a.role_from));
        CW_RETURN_IF_ERROR(RowDay(row, "role_to", &a.role_to));
        if (a.role_from.valid() && a.role_to.valid() &&
            a.role_to < a.role_from) {
          return row.Error("role_to is before role_from");
        }
        a.names = row.Names(a.name);
        if (pack->actor_index.count(a.id)) {
          return row.Error("duplicate id '" + a.id + "' (first on line " +
                           std::to_string(lines[a.id]) + ")");
        }
        lines[a.id] = row.line();
        pack->actor_index.emplace(a.id,
                                  static_cast<uint32_t>(pack->actors.size()));
        pack->actors.push_back(std::move(a));
        return Status::Ok();
      }));
  for (Actor& a : pack->actors) {
    if (a.parent.empty()) continue;
    auto it = pack->actor_index.find(a.parent);
    if (it == pack->actor_index.end()) {
      return Status::InvalidInput(path + ":" + std::to_string(lines[a.id]) +
                                  ": parent '" + a.parent +
                                  "' is not an actor id");
    }
    if (it->second == pack->actor_index[a.id]) {
      return Status::InvalidInput(path + ":" + std::to_string(lines[a.id]) +
                                  ": actor is its own parent");
    }
    a.parent_actor = &pack->actors[it->second];
  }
  return Status::Ok();
}

Status LoadStopNames(const std::string& path, TheatrePack* pack) {
  std::string text;
  if (!ReadWholeFile(path, &text).ok()) return Status::Ok();  // optional
  for (std::string_view line : SplitString(text, '\n')) {
    line = TrimAscii(line);
    if (line.empty() || line.front() == '#') continue;
    std::string folded = FoldName(line);
    if (!folded.empty()) pack->stop_names.push_back(std::move(folded));
  }
  return Status::Ok();
}

// --- Inflections -----------------------------------------------------------

// A UTF-8 string as code points, with the byte offset of each (and of the
// end), so that a prefix of so many code points can be cut from the bytes.
struct CodePoints {
  std::u32string cps;
  std::vector<size_t> offsets;  // offsets.size() == cps.size() + 1
};

// Invalid bytes decode as U+FFFD (never a letter of an alphabet).
CodePoints Decode(std::string_view s) {
  CodePoints out;
  out.cps.reserve(s.size());
  out.offsets.reserve(s.size() + 1);
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    out.offsets.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    out.cps.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  out.offsets.push_back(s.size());
  return out;
}

std::u32string LowerCodePoints(std::string_view s) {
  std::u32string out = Decode(s).cps;
  for (char32_t& c : out) c = static_cast<char32_t>(u_tolower(c));
  return out;
}

// An InflectionRule ready to apply.
struct CompiledRule {
  std::u32string before;   // sorted letter set; empty = no condition
  std::u32string literal;  // the lower-case ending after the set
  size_t drop = 0;         // code points removed before adding
  const std::vector<std::string>* add = nullptr;
  int max_words = 0;  // 0 = any
};

// An InflectionLanguage ready to apply. Points into the language it was
// compiled from, which must outlive it.
struct CompiledLanguage {
  std::u32string letters;  // sorted
  int min_letters = 0;
  std::vector<CompiledRule> rules;
};

bool InSet(const std::u32string& sorted, char32_t c) {
  return std::binary_search(sorted.begin(), sorted.end(), c);
}

// Checks `lang` and compiles it; `where` prefixes error messages.
Status CompileLanguage(const InflectionLanguage& lang, const std::string& where,
                       CompiledLanguage* out) {
  out->letters = LowerCodePoints(lang.letters);
  std::sort(out->letters.begin(), out->letters.end());
  if (out->letters.empty()) {
    return Status::InvalidInput(where + ": \"letters\" is empty");
  }
  out->min_letters = lang.min_letters;
  out->rules.clear();
  for (size_t i = 0; i < lang.rules.size(); ++i) {
    const InflectionRule& r = lang.rules[i];
    const std::string at = where + ".rules[" + std::to_string(i) + "]";
    CompiledRule c;
    std::u32string ends = LowerCodePoints(r.ends);
    if (!ends.empty() && ends.front() == U'[') {
      const size_t close = ends.find(U']');
      if (close == std::u32string::npos || close == 1) {
        return Status::InvalidInput(at + ": \"ends\" '" + r.ends +
                                    "' has an unclosed or empty [set]");
      }
      c.before = ends.substr(1, close - 1);
      std::sort(c.before.begin(), c.before.end());
      ends = ends.substr(close + 1);
    }
    if (ends.empty() && c.before.empty()) {
      return Status::InvalidInput(at + ": \"ends\" is empty");
    }
    c.literal = ends;
    const std::u32string drop = LowerCodePoints(r.drop);
    if (!c.literal.ends_with(drop)) {
      return Status::InvalidInput(at + ": \"drop\" '" + r.drop +
                                  "' is not an ending of \"ends\" '" + r.ends +
                                  "'");
    }
    c.drop = drop.size();
    if (r.add.empty()) {
      return Status::InvalidInput(at + ": \"add\" is empty");
    }
    for (const std::string& a : r.add) {
      if (a.empty()) {
        return Status::InvalidInput(at + ": \"add\" holds an empty ending");
      }
    }
    c.add = &r.add;
    c.max_words = r.max_words > 0 ? r.max_words : lang.max_words;
    out->rules.push_back(std::move(c));
  }
  return Status::Ok();
}

// `ending` with the first letter of its second and later words upper-cased
// where the same word of `dropped` (the part of the name it replaces) starts
// with a capital: "ный Карабах" -> "ном карабахе" gives "ном Карабахе".
// The first word continues the kept stem and is left as written.
std::string MatchWordCase(std::string_view dropped, std::string_view ending) {
  if (ending.find(' ') == std::string_view::npos) return std::string(ending);
  std::vector<bool> capital;  // per word of `dropped` after the first
  const CodePoints d = Decode(dropped);
  for (size_t i = 0; i + 1 < d.cps.size(); ++i) {
    if (d.cps[i] == U' ') capital.push_back(u_isupper(d.cps[i + 1]));
  }
  std::string out;
  out.reserve(ending.size());
  const CodePoints e = Decode(ending);
  size_t word = 0;
  for (size_t i = 0; i < e.cps.size(); ++i) {
    UChar32 c = static_cast<UChar32>(e.cps[i]);
    if (i > 0 && e.cps[i - 1] == U' ') {
      if (word < capital.size() && capital[word]) c = u_toupper(c);
      ++word;
    }
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, c, error);
    if (error) {
      out.append(ending.substr(e.offsets[i], e.offsets[i + 1] - e.offsets[i]));
    } else {
      out.append(buf, static_cast<size_t>(n));
    }
  }
  return out;
}

// Appends the forms of `name` by `lang` (see InflectName) to `out`.
void Inflect(std::string_view name, const CompiledLanguage& lang,
             std::vector<std::string>* out) {
  const CodePoints cp = Decode(name);
  std::u32string lower = cp.cps;
  int letters = 0, words = 0;
  bool in_word = false;
  for (char32_t& c : lower) {
    const bool alpha = u_isalpha(c);
    if (alpha) {
      c = static_cast<char32_t>(u_tolower(c));
      if (!InSet(lang.letters, c)) return;
      ++letters;
      if (!in_word) ++words;
    }
    in_word = alpha || (in_word && u_getCombiningClass(c) != 0);
  }
  if (letters < lang.min_letters) return;
  for (const CompiledRule& r : lang.rules) {
    if (r.max_words > 0 && words > r.max_words) continue;
    if (!lower.ends_with(r.literal)) continue;
    const size_t at = lower.size() - r.literal.size();
    if (!r.before.empty() && (at == 0 || !InSet(r.before, lower[at - 1]))) {
      continue;
    }
    const size_t keep = cp.offsets[lower.size() - r.drop];
    for (const std::string& ending : *r.add) {
      out->push_back(std::string(name.substr(0, keep)) +
                     MatchWordCase(name.substr(keep), ending));
    }
    return;
  }
}

// Adds the inflected forms of every place's names (see LoadTheatrePack).
Status AddInflectedNames(const std::string& json_path, TheatrePack* pack) {
  std::vector<CompiledLanguage> langs(pack->inflections.size());
  for (size_t i = 0; i < langs.size(); ++i) {
    CW_RETURN_IF_ERROR(CompileLanguage(
        pack->inflections[i],
        json_path + ": \"inflections\"[" + std::to_string(i) + "]", &langs[i]));
  }
  for (Place& p : pack->places) p.inflected_begin = p.names.size();
  if (langs.empty()) return Status::Ok();
  // Folded written names: an inflected form equal to one is not added.
  std::unordered_set<std::string> written;
  for (const Place& p : pack->places) {
    for (const std::string& n : p.names) written.insert(FoldName(n));
  }
  for (const Actor& a : pack->actors) {
    for (const std::string& n : a.names) written.insert(FoldName(n));
  }
  written.insert(pack->stop_names.begin(), pack->stop_names.end());
  std::vector<std::string> forms;
  std::unordered_set<std::string> added;
  for (Place& p : pack->places) {
    forms.clear();
    for (const std::string& n : p.names) {
      for (const CompiledLanguage& lang : langs) Inflect(n, lang, &forms);
    }
    if (forms.empty()) continue;
    added.clear();
    for (std::string& f : forms) {
      std::string folded = FoldName(f);
      if (written.count(folded) || !added.insert(std::move(folded)).second) {
        continue;
      }
      p.names.push_back(std::move(f));
    }
  }
  return Status::Ok();
}

void DefaultDemonyms(TheatrePack* pack) {
  pack->demonyms = {
      {"AM", {"Armenian"}}, {"AZ", {"Azerbaijani", "Azeri"}},
      {"GE", {"Georgian"}}, {"RU", {"Russian"}},
      {"TR", {"Turkish"}},  {"IR", {"Iranian"}},
  };
}

// pack.json "inflections": a list of languages (doc/theatre-pack.md). The
// rules are checked when they are compiled (AddInflectedNames).
Status ParseInflections(const std::string& path, const nlohmann::json& j,
                        std::vector<InflectionLanguage>* out) {
  const std::string top = path + ": \"inflections\"";
  if (!j.is_array()) return Status::InvalidInput(top + " is not an array");
  auto get_string = [](const nlohmann::json& o, const char* key,
                       const std::string& where, std::string* s) -> Status {
    auto it = o.find(key);
    if (it == o.end()) return Status::Ok();
    if (!it->is_string()) {
      return Status::InvalidInput(where + ": \"" + key + "\" is not a string");
    }
    *s = it->get<std::string>();
    return Status::Ok();
  };
  auto get_int = [](const nlohmann::json& o, const char* key,
                    const std::string& where, int* v) -> Status {
    auto it = o.find(key);
    if (it == o.end()) return Status::Ok();
    if (!it->is_number_integer() || it->get<int64_t>() < 0 ||
        it->get<int64_t>() > 1000) {
      return Status::InvalidInput(where + ": \"" + key +
                                  "\" is not an integer in [0, 1000]");
    }
    *v = it->get<int>();
    return Status::Ok();
  };
  for (size_t i = 0; i < j.size(); ++i) {
    const nlohmann::json& lj = j[i];
    const std::string at = top + "[" + std::to_string(i) + "]";
    if (!lj.is_object()) return Status::InvalidInput(at + " is not an object");
    InflectionLanguage lang;
    CW_RETURN_IF_ERROR(get_string(lj, "lang", at, &lang.lang));
    CW_RETURN_IF_ERROR(get_string(lj, "letters", at, &lang.letters));
    CW_RETURN_IF_ERROR(get_int(lj, "max_words", at, &lang.max_words));
    CW_RETURN_IF_ERROR(get_int(lj, "min_letters", at, &lang.min_letters));
    auto rules = lj.find("rules");
    if (rules == lj.end() || !rules->is_array()) {
      return Status::InvalidInput(at + ": \"rules\" is not an array");
    }
    for (size_t k = 0; k < rules->size(); ++k) {
      const nlohmann::json& rj = (*rules)[k];
      const std::string rat = at + ".rules[" + std::to_string(k) + "]";
      if (!rj.is_object()) {
        return Status::InvalidInput(rat + " is not an object");
      }
      InflectionRule r;
      CW_RETURN_IF_ERROR(get_string(rj, "ends", rat, &r.ends));
      CW_RETURN_IF_ERROR(get_string(rj, "drop", rat, &r.drop));
      CW_RETURN_IF_ERROR(get_int(rj, "max_words", rat, &r.max_words));
      auto add = rj.find("add");
      if (add == rj.end() || !add->is_array()) {
        return Status::InvalidInput(rat + ": \"add\" is not an array");
      }
      for (const auto& a : *add) {
        if (!a.is_string()) {
          return Status::InvalidInput(rat + ": \"add\" holds a non-string");
        }
        r.add.push_back(a.get<std::string>());
      }
      lang.rules.push_back(std::move(r));
    }
    out->push_back(std::move(lang));
  }
  return Status::Ok();
}

Status ParsePackJson(const std::string& path, const std::string& text,
                     TheatrePack* pack, std::string* places_file,
                     std::string* actors_file, std::string* stop_file) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(path + ": " + e.what());
  }
  if (!j.is_object()) return Status::InvalidInput(path + ": not an object");
  auto str = [&](const char* key, std::string* out) -> Status {
    auto it = j.find(key);
    if (it == j.end()) return Status::Ok();
    if (!it->is_string()) {
      return Status::InvalidInput(path + ": \"" + key + "\" is not a string");
    }
    *out = it->get<std::string>();
    return Status::Ok();
  };
  CW_RETURN_IF_ERROR(str("name", &pack->name));
  if (pack->name.empty()) {
    return Status::InvalidInput(path + ": \"name\" is missing");
  }
  CW_RETURN_IF_ERROR(str("title", &pack->title));
  if (auto it = j.find("version"); it != j.end()) {
    if (!it->is_number_integer()) {
      return Status::InvalidInput(path + ": \"version\" is not an integer");
    }
    pack->version = it->get<int>();
  }
  if (auto it = j.find("countries"); it != j.end()) {
    if (!it->is_array()) {
      return Status::InvalidInput(path + ": \"countries\" is not an array");
    }
    for (const auto& c : *it) {
      if (!c.is_string()) {
        return Status::InvalidInput(path +
                                    ": \"countries\" holds a non-string");
      }
      pack->countries.push_back(c.get<std::string>());
    }
  }
  if (auto it = j.find("period"); it != j.end()) {
    auto day = [&](const char* key, CivilDay* out) -> Status {
      auto d = it->find(key);
      if (d == it->end() || !d->is_string() ||
          !CivilDay::ParseIso(d->get<std::string>(), out))
        return Status::InvalidInput(path + ": \"period\"." + key +
                                    " is not an ISO day");
      return Status::Ok();
    };
    if (!it->is_object())
      return Status::InvalidInput(path + ": \"period\" is not an object");
    CW_RETURN_IF_ERROR(day("from", &pack->period_from));
    CW_RETURN_IF_ERROR(day("to", &pack->period_to));
    if (pack->period_to.ToDays() < pack->period_from.ToDays())
      return Status::InvalidInput(path + ": \"period\" ends before it begins");
  }
  if (auto it = j.find("files"); it != j.end()) {
    if (!it->is_object()) {
      return Status::InvalidInput(path + ": \"files\" is not an object");
    }
    for (auto [key, out] :
         {std::pair<const char*, std::string*>{"places", places_file},
          {"actors", actors_file},
          {"stop_names", stop_file}}) {
      auto f = it->find(key);
      if (f == it->end()) continue;
      if (!f->is_string()) {
        return Status::InvalidInput(path + ": \"files\"." + key +
                                    " is not a string");
      }
      *out = f->get<std::string>();
    }
  }
  if (auto it = j.find("demonyms"); it != j.end()) {
    if (!it->is_object()) {
      return Status::InvalidInput(path + ": \"demonyms\" is not an object");
    }
    pack->demonyms.clear();
    for (auto& [cc, list] : it->items()) {
      if (!list.is_array()) {
        return Status::InvalidInput(path + ": \"demonyms\"." + cc +
                                    " is not an array");
      }
      for (const auto& d : list) {
        if (d.is_string()) pack->demonyms[cc].push_back(d.get<std::string>());
      }
    }
  }
  if (auto it = j.find("focus"); it != j.end()) {
    Focus f;
    if (!it->is_object() || !(*it)["lat"].is_number() ||
        !(*it)["lon"].is_number() || !(*it)["radius_km"].is_number()) {
      return Status::InvalidInput(
          path + ": \"focus\" needs numbers lat, lon, radius_km");
    }
    f.lat = (*it)["lat"].get<double>();
    f.lon = (*it)["lon"].get<double>();
    f.radius_km = (*it)["radius_km"].get<double>();
    pack->focus = f;
  }
  if (auto it = j.find("inflections"); it != j.end()) {
    CW_RETURN_IF_ERROR(ParseInflections(path, *it, &pack->inflections));
  }
  return Status::Ok();
}

}  // namespace

std::string_view PlaceKindName(PlaceKind kind) {
  return NameOf(kPlaceKinds, kind);
}
bool ParsePlaceKind(std::string_view s, PlaceKind* out) {
  return Parse(kPlaceKinds, s, out);
}
bool IsAdminArea(PlaceKind k) {
  return k == PlaceKind::kCountry || k == PlaceKind::kRegion ||
         k == PlaceKind::kDistrict || k == PlaceKind::kZone;
}
bool IsSettlement(PlaceKind k) {
  return k == PlaceKind::kCity || k == PlaceKind::kTown ||
         k == PlaceKind::kVillage || k == PlaceKind::kLocality;
}
std::string_view SideName(Side side) { return NameOf(kSides, side); }
bool ParseSide(std::string_view s, Side* out) { return Parse(kSides, s, out); }
std::string_view ActorKindName(ActorKind kind) {
  return NameOf(kActorKinds, kind);
}
bool ParseActorKind(std::string_view s, ActorKind* out) {
  return Parse(kActorKinds, s, out);
}

std::vector<std::string> InflectName(std::string_view name,
                                     const InflectionLanguage& lang) {
  std::vector<std::string> out;
  CompiledLanguage compiled;
  if (!CompileLanguage(lang, "inflections", &compiled).ok()) return out;
  Inflect(name, compiled, &out);
  return out;
}

const Place* TheatrePack::FindPlace(std::string_view id) const {
  auto it = place_index.find(std::string(id));
  return it == place_index.end() ? nullptr : &places[it->second];
}

const Actor* TheatrePack::FindActor(std::string_view id) const {
  auto it = actor_index.find(std::string(id));
  return it == actor_index.end() ? nullptr : &actors[it->second];
}

Result<std::unique_ptr<TheatrePack>> LoadTheatrePack(const std::string& dir) {
  auto pack = std::make_unique<TheatrePack>();
  pack->dir = dir;
  DefaultDemonyms(pack.get());
  const std::string json_path = JoinPath(dir, "pack.json");
  std::string text;
  CW_RETURN_IF_ERROR(ReadWholeFile(json_path, &text));
  std::string places_file = "places.tsv", actors_file = "actors.tsv",
              stop_file = "stop_names.txt";
  CW_RETURN_IF_ERROR(ParsePackJson(json_path, text, pack.get(), &places_file,
                                   &actors_file, &stop_file));
  CW_RETURN_IF_ERROR(LoadPlaces(JoinPath(dir, places_file), pack.get()));
  CW_RETURN_IF_ERROR(LoadActors(JoinPath(dir, actors_file), pack.get()));
  CW_RETURN_IF_ERROR(LoadStopNames(JoinPath(dir, stop_file), pack.get()));
  CW_RETURN_IF_ERROR(AddInflectedNames(json_path, pack.get()));
  return pack;
}

}  // namespace ceasewatch
