#include "agreements/agreement_loader.h"

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>

#include "ceasewatch/events.h"
#include "dates/civil_day.h"
#include "util/tsv.h"

namespace ceasewatch {
namespace {

using nlohmann::json;

// YYYY-MM-DD naming a real day of the Gregorian calendar, nothing after.
bool IsIsoDay(const std::string& s) {
  CivilDay day;
  return s.size() == 10 && CivilDay::ParseIso(s, &day);
}

// The fields of one JSON object of an agreement file, read with errors
// that name the file and where in it: `FILE: provisions[2]: "summary" is
// missing`.
class Fields {
 public:
  Fields(const std::string& file, std::string where, const json& object)
      : file_(file), where_(std::move(where)), object_(object) {}

  Status Error(const std::string& msg) const {
    return Status::InvalidInput(file_ + ": " +
                                (where_.empty() ? "" : where_ + ": ") + msg);
  }
  // The path of a member, for nested objects: `provisions[2].places`.
  std::string Where(const std::string& key) const {
    return where_.empty() ? key : where_ + "." + key;
  }

  // It is an object and holds no key outside `allowed` (a misspelt key
  // is an error, not silently ignored).
  Status Check(std::initializer_list<const char*> allowed) const {
    if (!object_.is_object()) return Error("not an object");
    for (const auto& item : object_.items()) {
      // (clang 14 cannot capture a structured binding in a lambda.)
      const std::string& key = item.key();
      if (std::none_of(allowed.begin(), allowed.end(),
                       [&](const char* a) { return key == a; })) {
        return Error("unknown key \"" + key + "\"");
      }
    }
    return Status::Ok();
  }

  // Null when absent; an error status when required and absent.
  const json* Find(const char* key, bool required, Status* st) const {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) {
      if (required) *st = Missing(key);
      return nullptr;
    }
    return &*it;
  }

  Status String(const char* key, bool required, std::string* out) const {
    Status st;
    const json* v = Find(key, required, &st);
    if (v == nullptr) return st;
    if (!v->is_string()) return Error(Quoted(key) + " is not a string");
    *out = v->get<std::string>();
    if (required && out->empty()) return Missing(key);
    return Status::Ok();
  }

  Status Day(const char* key, bool required, std::string* out) const {
    CW_RETURN_IF_ERROR(String(key, required, out));
    if (!out->empty() && !IsIsoDay(*out)) {
      return Error(Quoted(key) + " is not an ISO day (YYYY-MM-DD): \"" + *out +
                   "\"");
    }
    return Status::Ok();
  }

  Status PositiveInt(const char* key, int* out) const {
    Status st;
    const json* v = Find(key, true, &st);
    if (v == nullptr) return st;
    if (!v->is_number_integer() || v->get<int64_t>() < 1 ||
        v->get<int64_t>() > 1000000) {
      return Error(Quoted(key) + " is not a positive integer");
    }
    *out = v->get<int>();
    return Status::Ok();
  }

  // A number in (0, hi]; `*out` unchanged when absent.
  Status PositiveNumber(const char* key, double hi, double* out) const {
    Status st;
    const json* v = Find(key, false, &st);
    if (v == nullptr) return st;
    if (!v->is_number() || !(v->get<double>() > 0) || v->get<double>() > hi) {
      return Error(Quoted(key) + " is not a number in (0, " +
                   std::to_string(static_cast<int>(hi)) + "]");
    }
    *out = v->get<double>();
    return Status::Ok();
  }

  // A list of non-empty strings; required = present and not empty.
  Status Strings(const char* key, bool required,
                 std::vector<std::string>* out) const {
    Status st;
    const json* v = Find(key, required, &st);
    if (v == nullptr) return st;
    if (!v->is_array()) return Error(Quoted(key) + " is not a list");
    if (required && v->empty()) return Error(Quoted(key) + " is empty");
    for (size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      if (!e.is_string() || e.get<std::string>().empty()) {
        return Error(Quoted(key) + "[" + std::to_string(i) +
                     "] is not a non-empty string");
      }
      out->push_back(e.get<std::string>());
    }
    return Status::Ok();
  }

  // Like Strings, each a side.
  Status Sides(const char* key, bool required,
               std::vector<std::string>* out) const {
    CW_RETURN_IF_ERROR(Strings(key, required, out));
    for (const std::string& s : *out) {
      if (!IsPartySide(s)) {
        return Error(Quoted(key) + ": unknown side \"" + s +
                     "\" (AZ, AM, NK, RU, TR, INTL, OTHER)");
      }
    }
    return Status::Ok();
  }

  // A list of objects (null when absent and not required).
  Status Objects(const char* key, bool required, const json** out) const {
    Status st;
    *out = Find(key, required, &st);
    if (*out == nullptr) return st;
    if (!(*out)->is_array()) return Error(Quoted(key) + " is not a list");
    if (required && (*out)->empty()) return Error(Quoted(key) + " is empty");
    return Status::Ok();
  }

 private:
  static std::string Quoted(const char* key) {
    return std::string("\"") + key + "\"";
  }
  Status Missing(const char* key) const {
    return Error(Quoted(key) + " is missing");
  }

  const std::string& file_;
  std::string where_;
  const json& object_;
};

std::string Indexed(const std::string& where, size_t i) {
  return where + "[" + std::to_string(i) + "]";
}

// Ids in `ids` must be among `places`; `what` names the list in errors.
Status CheckPlaceSubset(const Fields& f, const char* what,
                        const std::vector<std::string>& ids,
                        const std::vector<ProvisionPlace>& places) {
  for (const std::string& id : ids) {
    if (std::none_of(places.begin(), places.end(),
                     [&](const ProvisionPlace& p) { return p.id == id; })) {
      return f.Error(std::string("\"") + what + "\": \"" + id +
                     "\" is not one of the provision's places");
    }
  }
  return Status::Ok();
}

Status ParseRelation(const Fields& f, const std::string& s, Relation* out) {
  for (Relation r : {Relation::kPossibleBreach, Relation::kImplementation,
                     Relation::kRelevant}) {
    if (s == RelationName(r)) {
      *out = r;
      return Status::Ok();
    }
  }
  return f.Error("\"as\" is \"" + s +
                 "\", not possible_breach, implementation or relevant");
}

Status ParsePlaces(const std::string& file, const Fields& pf,
                   const AgreementContext& context, Provision* p) {
  const json* list = nullptr;
  CW_RETURN_IF_ERROR(pf.Objects("places", false, &list));
  if (list == nullptr) return Status::Ok();
  const std::string where = pf.Where("places");
  for (size_t i = 0; i < list->size(); ++i) {
    Fields f(file, Indexed(where, i), (*list)[i]);
    CW_RETURN_IF_ERROR(f.Check({"id", "radius_km", "comment"}));
    std::string id;
    CW_RETURN_IF_ERROR(f.String("id", true, &id));
    const ProvisionPlace* found = nullptr;
    if (context.places != nullptr) {
      auto it = context.places->find(id);
      if (it != context.places->end()) found = &it->second;
    }
    if (found == nullptr) {
      return f.Error("unknown place id \"" + id + "\" (not in places.tsv)");
    }
    ProvisionPlace place = *found;
    CW_RETURN_IF_ERROR(f.PositiveNumber("radius_km", 2000, &place.radius_km));
    for (const ProvisionPlace& seen : p->places) {
      if (seen.id == id) return f.Error("place \"" + id + "\" named twice");
    }
    p->places.push_back(std::move(place));
  }
  return Status::Ok();
}

Status ParseRules(const std::string& file, const Fields& pf,
                  const AgreementContext& context, Provision* p) {
  const json* list = nullptr;
  CW_RETURN_IF_ERROR(pf.Objects("incidents", true, &list));
  const std::string where = pf.Where("incidents");
  for (size_t i = 0; i < list->size(); ++i) {
    Fields f(file, Indexed(where, i), (*list)[i]);
    CW_RETURN_IF_ERROR(f.Check({"types", "by", "places", "as", "comment"}));
    IncidentRule rule;
    CW_RETURN_IF_ERROR(f.Strings("types", true, &rule.types));
    for (const std::string& t : rule.types) {
      if (!context.event_types.empty() && !context.event_types.count(t)) {
        return f.Error("unknown event type \"" + t + "\" (not in types.tsv)");
      }
    }
    CW_RETURN_IF_ERROR(f.Sides("by", false, &rule.by));
    CW_RETURN_IF_ERROR(f.Strings("places", false, &rule.place_ids));
    CW_RETURN_IF_ERROR(
        CheckPlaceSubset(f, "places", rule.place_ids, p->places));
    std::string as;
    CW_RETURN_IF_ERROR(f.String("as", true, &as));
    CW_RETURN_IF_ERROR(ParseRelation(f, as, &rule.relation));
    p->rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

Status ParseDeadlines(const std::string& file, const Fields& pf, Provision* p) {
  const json* list = nullptr;
  CW_RETURN_IF_ERROR(pf.Objects("deadlines", false, &list));
  if (list == nullptr) return Status::Ok();
  const std::string where = pf.Where("deadlines");
  for (size_t i = 0; i < list->size(); ++i) {
    Fields f(file, Indexed(where, i), (*list)[i]);
    CW_RETURN_IF_ERROR(f.Check({"day", "text", "places", "comment"}));
    Deadline d;
    CW_RETURN_IF_ERROR(f.Day("day", true, &d.day));
    CW_RETURN_IF_ERROR(f.String("text", true, &d.text));
    CW_RETURN_IF_ERROR(f.Strings("places", false, &d.place_ids));
    CW_RETURN_IF_ERROR(CheckPlaceSubset(f, "places", d.place_ids, p->places));
    p->deadlines.push_back(std::move(d));
  }
  return Status::Ok();
}

Status ParseProvision(const std::string& file, const Fields& f,
                      const AgreementContext& context, Provision* p) {
  CW_RETURN_IF_ERROR(
      f.Check({"number", "id", "summary", "bound", "places", "incidents",
               "deadlines", "until", "notes", "comment"}));
  CW_RETURN_IF_ERROR(f.PositiveInt("number", &p->number));
  CW_RETURN_IF_ERROR(f.String("id", true, &p->id));
  CW_RETURN_IF_ERROR(f.String("summary", true, &p->summary));
  CW_RETURN_IF_ERROR(f.Sides("bound", true, &p->bound));
  CW_RETURN_IF_ERROR(ParsePlaces(file, f, context, p));
  CW_RETURN_IF_ERROR(ParseRules(file, f, context, p));
  CW_RETURN_IF_ERROR(ParseDeadlines(file, f, p));
  CW_RETURN_IF_ERROR(f.Day("until", false, &p->until));
  CW_RETURN_IF_ERROR(f.String("notes", false, &p->notes));
  return Status::Ok();
}

Status ParseAgreementJson(const std::string& path, const json& j,
                          const AgreementContext& context, Agreement* a) {
  Fields f(path, "", j);
  CW_RETURN_IF_ERROR(
      f.Check({"id", "title", "signed", "in_force", "signatories", "notes",
               "provisions", "comment"}));
  CW_RETURN_IF_ERROR(f.String("id", true, &a->id));
  CW_RETURN_IF_ERROR(f.String("title", true, &a->title));
  CW_RETURN_IF_ERROR(f.Day("signed", true, &a->signed_day));
  CW_RETURN_IF_ERROR(f.Day("in_force", true, &a->in_force));
  CW_RETURN_IF_ERROR(f.Sides("signatories", true, &a->signatories));
  CW_RETURN_IF_ERROR(f.String("notes", false, &a->notes));
  const json* list = nullptr;
  CW_RETURN_IF_ERROR(f.Objects("provisions", true, &list));
  std::set<int> numbers;
  std::set<std::string> ids;
  for (size_t i = 0; i < list->size(); ++i) {
    Fields pf(path, Indexed("provisions", i), (*list)[i]);
    Provision p;
    CW_RETURN_IF_ERROR(ParseProvision(path, pf, context, &p));
    if (!numbers.insert(p.number).second) {
      return pf.Error("number " + std::to_string(p.number) + " repeats");
    }
    if (!ids.insert(p.id).second) {
      return pf.Error("id \"" + p.id + "\" repeats");
    }
    a->provisions.push_back(std::move(p));
  }
  return Status::Ok();
}

// pack.json "files"."places", or "places.tsv" when not given. An error
// only when pack.json exists and cannot be read as JSON.
Status PlacesFileName(const std::string& pack_dir, std::string* name) {
  *name = "places.tsv";
  const std::string path = pack_dir + "/pack.json";
  std::string text;
  if (!ReadWholeFile(path, &text).ok()) return Status::Ok();
  try {
    const json j = json::parse(text);
    if (j.is_object() && j.contains("files") && j["files"].is_object() &&
        j["files"].contains("places") && j["files"]["places"].is_string()) {
      *name = j["files"]["places"].get<std::string>();
    }
  } catch (const json::exception& e) {
    return Status::InvalidInput(path + ": " + e.what());
  }
  return Status::Ok();
}

// Our event types from events/types.tsv; none when the pack lacks it.
Status ReadEventTypes(const std::string& pack_dir,
                      std::unordered_set<std::string>* types) {
  const std::string path = pack_dir + "/events/types.tsv";
  std::string text;
  if (!ReadWholeFile(path, &text).ok()) return Status::Ok();
  return ForEachRow(path, text, {"type"}, [&](const TsvRow& row) -> Status {
    types->insert(std::string(row.Get("type")));
    return Status::Ok();
  });
}

}  // namespace

Result<std::unordered_map<std::string, ProvisionPlace>> ReadPackPlaces(
    const std::string& path) {
  std::string text;
  CW_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  std::unordered_map<std::string, ProvisionPlace> places;
  CW_RETURN_IF_ERROR(ForEachRow(
      path, text, {"id", "name", "lat", "lon", "kind"},
      [&](const TsvRow& row) -> Status {
        ProvisionPlace p;
        p.id = row.Get("id");
        p.name = row.Get("name");
        CW_RETURN_IF_ERROR(row.Number("lat", -90, 90, &p.lat));
        CW_RETURN_IF_ERROR(row.Number("lon", -180, 180, &p.lon));
        CW_RETURN_IF_ERROR(row.Number("radius_km", 0, 5000, &p.radius_km));
        p.country = row.Get("country");
        p.admin1 = row.Get("admin1");
        p.admin2 = row.Get("admin2");
        p.kind = row.Get("kind");
        places[p.id] = std::move(p);
        return Status::Ok();
      }));
  return places;
}

Result<Agreement> ParseAgreement(const std::string& path,
                                 const std::string& text,
                                 const AgreementContext& context) {
  Agreement a;
  a.file = path;
  if (context.places != nullptr) {
    for (const auto& [id, place] : *context.places) {
      if (IsAreaKind(place.kind)) a.area_extents_km[id] = place.radius_km;
    }
  }
  try {
    const json j = json::parse(text);
    CW_RETURN_IF_ERROR(ParseAgreementJson(path, j, context, &a));
  } catch (const json::exception& e) {
    // A parse error, or a type error the checks above missed.
    return Status::InvalidInput(path + ": " + e.what());
  }
  return a;
}

Result<std::vector<Agreement>> LoadAgreements(const std::string& pack_dir) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(pack_dir) / "agreements";
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(dir, ec)) {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->path().extension() == ".json")
        files.push_back(it->path().string());
    }
    if (ec) return Status::IOError(dir.string() + ": " + ec.message());
  }
  std::vector<Agreement> out;
  if (files.empty()) return out;
  std::sort(files.begin(), files.end());

  std::string places_name;
  CW_RETURN_IF_ERROR(PlacesFileName(pack_dir, &places_name));
  auto places = ReadPackPlaces(pack_dir + "/" + places_name);
  if (!places.ok()) return places.status();
  AgreementContext context;
  context.places = &*places;
  CW_RETURN_IF_ERROR(ReadEventTypes(pack_dir, &context.event_types));

  std::set<std::string> ids;
  for (const std::string& file : files) {
    std::string text;
    CW_RETURN_IF_ERROR(ReadWholeFile(file, &text));
    auto a = ParseAgreement(file, text, context);
    if (!a.ok()) return a.status();
    if (!ids.insert(a->id).second) {
      return Status::InvalidInput(file + ": agreement id \"" + a->id +
                                  "\" is used by another file");
    }
    out.push_back(std::move(*a));
  }
  return out;
}

}  // namespace ceasewatch
