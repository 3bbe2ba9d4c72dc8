#include "server/api.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "agreements/agreement_loader.h"
#include "events/event_extractor.h"
#include "export/contradictions_json.h"
#include "export/json_export.h"
#include "export/provisions_json.h"
#include "incidents/incident_fuser.h"
#include "input/format_detect.h"
#include "pipeline/ingester.h"

namespace ceasewatch {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 1000;
constexpr int kDefaultSearchLimit = 20;
constexpr int kMaxSearchLimit = 100;

std::string Dump(const Json& j) {
  // Stored text is valid UTF-8; never throw on a stray byte all the same.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

ApiResponse JsonResponse(const Json& j, int status = 200) {
  return {status, "application/json", Dump(j)};
}

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

Json ArticleJson(const ArticleMeta& a, bool with_text) {
  Json j;
  j["id"] = a.id;
  j["file"] = a.file;
  j["title"] = OrNull(a.title);
  j["author"] = OrNull(a.author);
  j["outlet"] = OrNull(a.outlet);
  j["url"] = OrNull(a.url);
  j["published"] = OrNull(a.published);
  j["language"] = OrNull(a.language);
  j["duplicate_of"] = a.duplicate_of ? Json(*a.duplicate_of) : Json();
  j["text_bytes"] = a.text_bytes;
  if (with_text) j["text"] = a.text;
  return j;
}

// A whole number in [min, max] from parameter `name`, `fallback` when
// absent; a 400 message otherwise.
Status IntParam(const ApiRequest& r, const char* name, int64_t min, int64_t max,
                int64_t fallback, int64_t* out) {
  auto it = r.params.find(name);
  if (it == r.params.end()) {
    *out = fallback;
    return Status::Ok();
  }
  const std::string& v = it->second;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < min ||
      n > max) {
    return Status::InvalidInput(std::string(name) + ": '" + v.substr(0, 40) +
                                "' is not a whole number from " +
                                std::to_string(min) + " to " +
                                std::to_string(max));
  }
  *out = n;
  return Status::Ok();
}

bool ParseId(const std::string& s, int64_t* id) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *id);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size() &&
         *id > 0;
}

int HttpStatusOf(const Status& st) {
  switch (st.code()) {
    case Status::Code::kInvalidInput:
      return 400;
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kTooLarge:
      return 413;
    default:
      return 500;
  }
}

ApiResponse FromStatus(const Status& st) {
  return ErrorResponse(HttpStatusOf(st), st.message());
}

// Compares without stopping at the first difference, so that response
// times do not reveal how much of a guessed token was right.
bool SameSecret(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i)
    diff |=
        static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
  return diff == 0 && !b.empty();
}

class CollectingReporter : public InputReporter {
 public:
  void Reject(const std::string&, const std::string&,
              const Status& why) override {
    reasons.push_back(why.message());
  }
  std::vector<std::string> reasons;
};

}  // namespace

ApiResponse ErrorResponse(int status, const std::string& message) {
  return JsonResponse(Json{{"error", message}}, status);
}

struct Api::Writer {
  std::unique_ptr<Store> store;
  std::unique_ptr<EventExtractor> extractor;
  std::unique_ptr<IncidentFuser> fuser;
  std::unique_ptr<Ingester> ingester;
};

Api::Api(const ApiOptions& options)
    : options_(options), readers_(options.db, std::max(1, options.readers)) {}

Api::~Api() = default;

Result<std::unique_ptr<Api>> Api::Open(const ApiOptions& options) {
  std::unique_ptr<Api> api(new Api(options));
  {
    auto reader = api->Read();
    if (!reader.ok()) return reader.status();
  }
  auto agreements = LoadAgreements(options.pack_dir);
  if (agreements.ok())
    api->agreements_ = std::move(*agreements);
  else
    api->agreements_status_ = agreements.status();
  return api;
}

Result<ReaderPool::Lease> Api::Read() {
  auto lease = readers_.Acquire();
  if (!lease.ok()) return lease.status();
  Reader& reader = **lease;
  auto version = reader.query->DataVersion();
  if (!version.ok()) return version.status();
  // A connection opened now cannot tell what changed before: a new
  // generation then too (it happens once per pooled connection).
  if (*version != reader.data_version) {
    events_.Invalidate();
    pages_.Invalidate();
  }
  reader.data_version = *version;
  return lease;
}

Result<std::string> Api::EventText(Reader& reader, int64_t id, uint64_t gen) {
  const std::string key = "incident:" + std::to_string(id);
  if (auto hit = events_.Get(key, gen)) return std::move(*hit);
  auto event = IncidentEventJson(*reader.store, id);
  if (!event.ok()) return event.status();
  std::string text = Dump(*event);
  events_.Put(key, gen, text);
  return text;
}

ApiResponse Api::Handle(const ApiRequest& r) {
  const std::string& p = r.path;
  const bool get = r.method == "GET" || r.method == "HEAD";
  auto only_get = [&](auto handler) {
    return get ? handler()
               : ErrorResponse(405, r.method + " not allowed on " + p);
  };
  if (p == "/api/ingest") {
    if (r.method != "POST")
      return ErrorResponse(405, "use POST on /api/ingest");
    return Ingest(r);
  }
  if (p == "/api/incidents") return only_get([&] { return Incidents(r); });
  if (p.rfind("/api/incidents/", 0) == 0)
    return only_get([&] { return GetIncident(p.substr(15)); });
  if (p == "/api/contradictions")
    return only_get([&] { return Contradictions(); });
  if (p == "/api/provisions") return only_get([&] { return Provisions(); });
  if (p == "/api/articles") return only_get([&] { return Articles(r); });
  if (p.rfind("/api/articles/", 0) == 0)
    return only_get([&] { return GetArticle(p.substr(14)); });
  if (p == "/api/search") return only_get([&] { return Search(r); });
  if (p == "/api/types") return only_get([&] { return Types(); });
  return ErrorResponse(404, "no such endpoint: " + p);
}

ApiResponse Api::Incidents(const ApiRequest& r) {
  IncidentFilter filter;
  filter.limit = kDefaultLimit;
  FilterParseOptions parse;
  parse.max_limit = kMaxLimit;
  // Unknown parameters (a cache-buster, say) are ignored.
  for (const std::string& name : FilterParamNames()) {
    auto [lo, hi] = r.params.equal_range(name);
    for (auto it = lo; it != hi; ++it) {
      Status st = SetFilterParam(name, it->second, parse, &filter);
      if (!st.ok()) return ErrorResponse(400, st.message());
    }
  }
  Status st = CheckFilter(filter);
  if (!st.ok()) return ErrorResponse(400, st.message());
  auto reader = Read();
  if (!reader.ok()) return FromStatus(reader.status());
  const uint64_t gen = events_.generation();
  const uint64_t page_gen = pages_.generation();
  const std::string key = FilterKey(filter);
  if (auto hit = pages_.Get(key, page_gen))
    return {200, "application/json", std::move(*hit)};
  auto page = (*reader)->query->FindIncidents(filter);
  if (!page.ok()) return FromStatus(page.status());
  // Built by hand so that each event is dumped once.
  std::string body = "{\"total\":" + std::to_string(page->total) +
                     ",\"limit\":" + std::to_string(filter.limit) +
                     ",\"offset\":" + std::to_string(filter.offset) +
                     ",\"incidents\":[";
  bool first = true;
  for (int64_t id : page->ids) {
    auto event = EventText(**reader, id, gen);
    if (!event.ok()) {
      if (event.status().code() == Status::Code::kNotFound) continue;
      return FromStatus(event.status());
    }
    if (!first) body += ',';
    body += *event;
    first = false;
  }
  body += "]}";
  pages_.Put(key, page_gen, body);
  return {200, "application/json", std::move(body)};
}

ApiResponse Api::GetIncident(const std::string& id_text) {
  int64_t id = 0;
  if (!ParseId(id_text, &id))
    return ErrorResponse(
        400, "id: '" + id_text.substr(0, 40) + "' is not an incident id");
  auto reader = Read();
  if (!reader.ok()) return FromStatus(reader.status());
  auto event = EventText(**reader, id, events_.generation());
  if (!event.ok()) return FromStatus(event.status());
  return {200, "application/json", std::move(*event)};
}

ApiResponse Api::Contradictions() {
  auto reader = Read();
  if (!reader.ok()) return FromStatus(reader.status());
  const uint64_t gen = events_.generation();
  if (auto hit = events_.Get("contradictions", gen))
    return {200, "application/json", std::move(*hit)};
  auto all = ContradictionsJson(*(*reader)->store);
  if (!all.ok()) return FromStatus(all.status());
  ApiResponse out = JsonResponse(*all);
  events_.Put("contradictions", gen, out.body);
  return out;
}

ApiResponse Api::Provisions() {
  if (!agreements_status_.ok())
    return ErrorResponse(500, "no agreements: " + agreements_status_.message());
  auto reader = Read();
  if (!reader.ok()) return FromStatus(reader.status());
  const uint64_t gen = events_.generation();
  if (auto hit = events_.Get("provisions", gen))
    return {200, "application/json", std::move(*hit)};
  auto out = ProvisionsJson(*(*reader)->store, agreements_);
  if (!out.ok()) return FromStatus(out.status());
  std::string body =
      out->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  events_.Put("provisions", gen, body);
  return {200, "application/json", std::move(body)};
}

ApiResponse Api::Articles(const ApiRequest& r) {
  int64_t limit = 0, offset = 0;
  Status st = IntParam(r, "limit", 1, kMaxLimit, kDefaultLimit, &limit);
  if (st.ok()) st = IntParam(r, "offset", 0, INT32_MAX, 0, &offset);
  if (!st.ok()) return ErrorResponse(400, st.message());
  auto reader = Read();
  if (!reader.ok()) return FromStatus(reader.status());
  auto page = (*reader)->query->ListArticles(static_cast<int>(limit), offset);
  if (!page.ok()) return FromStatus(page.status());
  Json j;
  j["total"] = page->total;
  j["limit"] = limit;
  j["offset"] = offset;
  j["articles"] = Json::array();
  for (const ArticleMeta& a : page->articles)
    j["articles"].push_back(ArticleJson(a, false));
  return JsonResponse(j);
}

ApiResponse Api::GetArticle(const std::string& id_text) {
  int64_t id = 0;
  if (!ParseId(id_text, &id))
    return ErrorResponse(
        400, "id: '" + id_text.substr(0, 40) + "' is not an article id");
  auto reader = Read();
  if (!reader.ok()) return FromStatus(reader.status());
  auto a = (*reader)->query->ReadArticle(id);
  if (!a.ok()) return FromStatus(a.status());
  return JsonResponse(ArticleJson(*a, true));
}

ApiResponse Api::Search(const ApiRequest& r) {
  int64_t limit = 0;
  Status st =
      IntParam(r, "limit", 1, kMaxSearchLimit, kDefaultSearchLimit, &limit);
  if (!st.ok()) return ErrorResponse(400, st.message());
  auto q = r.params.find("q");
  if (q == r.params.end() || q->second.empty())
    return ErrorResponse(400, "q: give the words to search for");
  if (q->second.size() > 1000) return ErrorResponse(400, "q: too long");
  auto reader = Read();
  if (!reader.ok()) return FromStatus(reader.status());
  auto hits =
      (*reader)->query->SearchArticles(q->second, static_cast<int>(limit));
  if (!hits.ok()) return FromStatus(hits.status());
  Json j;
  j["q"] = q->second;
  j["results"] = Json::array();
  for (const SearchHit& h : *hits) {
    Json a = ArticleJson(h.article, false);
    a["snippet"] = h.snippet;
    j["results"].push_back(std::move(a));
  }
  return JsonResponse(j);
}

ApiResponse Api::Types() {
  auto reader = Read();
  if (!reader.ok()) return FromStatus(reader.status());
  const uint64_t gen = events_.generation();
  if (auto hit = events_.Get("types", gen))
    return {200, "application/json", std::move(*hit)};
  auto facets = (*reader)->query->ReadFacets();
  if (!facets.ok()) return FromStatus(facets.status());
  Json j;
  j["incidents"] = facets->incidents;
  j["first_day"] = OrNull(facets->first_day);
  j["last_day"] = OrNull(facets->last_day);
  j["types"] = Json::array();
  for (const Facet& f : facets->types)
    j["types"].push_back({{"type", f.value}, {"count", f.count}});
  j["sides"] = Json::array();
  for (const Facet& f : facets->sides)
    j["sides"].push_back({{"side", f.value}, {"count", f.count}});
  ApiResponse out = JsonResponse(j);
  events_.Put("types", gen, out.body);
  return out;
}

ApiResponse Api::Ingest(const ApiRequest& r) {
  if (options_.token.empty())
    return ErrorResponse(403,
                         "this server is read-only (start it with --token)");
  const std::string prefix = "Bearer ";
  if (r.authorization.rfind(prefix, 0) != 0 ||
      !SameSecret(r.authorization.substr(prefix.size()), options_.token))
    return ErrorResponse(401,
                         "POST /api/ingest needs Authorization: Bearer "
                         "<token>");
  if (r.body.empty()) return ErrorResponse(400, "the body holds no page");
  if (r.body.size() > options_.max_ingest_bytes)
    return ErrorResponse(413, "the page is larger than " +
                                  std::to_string(options_.max_ingest_bytes) +
                                  " bytes");
  std::string name = "api-upload";
  if (auto it = r.params.find("name");
      it != r.params.end() && !it->second.empty())
    name = it->second.substr(0, 200);

  std::lock_guard<std::mutex> lock(write_mu_);
  if (!writer_) {
    auto w = std::make_unique<Writer>();
    auto store = Store::Open(options_.db);
    if (!store.ok()) return FromStatus(store.status());
    w->store = std::move(*store);
    w->ingester = std::make_unique<Ingester>(w->store.get(), IngestOptions{});
    auto extractor = EventExtractor::Load(options_.pack_dir);
    if (extractor.ok()) {
      w->extractor = std::move(*extractor);
      w->ingester->set_event_extractor(w->extractor.get());
      auto fuser = IncidentFuser::Load(options_.pack_dir);
      if (fuser.ok()) {
        w->fuser = std::move(*fuser);
        w->ingester->set_incident_fuser(w->fuser.get());
      }
    }
    writer_ = std::move(w);
  }
  auto before = writer_->store->MaxArticleId();
  if (!before.ok()) return FromStatus(before.status());
  RawDocument doc;
  doc.path = name;
  doc.bytes = r.body;
  if (r.content_type.rfind("text/html", 0) == 0)
    doc.format = InputFormat::kHtml;
  else if (r.content_type.rfind("text/plain", 0) == 0)
    doc.format = InputFormat::kText;
  else
    doc.format = DetectFormat(doc.bytes, name) == InputFormat::kHtml
                     ? InputFormat::kHtml
                     : InputFormat::kText;
  const IngestStats old = writer_->ingester->stats();
  CollectingReporter reporter;
  Status st = writer_->ingester->IngestDocument(std::move(doc), reporter);
  if (st.ok()) st = writer_->ingester->Finish();  // search index, fusion
  if (!st.ok()) return FromStatus(st);
  const IngestStats& now = writer_->ingester->stats();
  events_.Invalidate();  // the readers would notice; say it at once
  pages_.Invalidate();
  auto after = writer_->store->MaxArticleId();
  if (!after.ok()) return FromStatus(after.status());
  Json j;
  j["stored"] = now.stored - old.stored;
  j["unchanged"] = now.unchanged - old.unchanged;
  j["rejected"] = reporter.reasons.empty() ? Json() : Json(reporter.reasons);
  j["events"] = now.events - old.events;
  j["articles"] = Json::array();
  Json incidents = Json::array();
  for (int64_t id = *before + 1; id <= *after; ++id) {
    j["articles"].push_back(id);
    auto of = writer_->store->IncidentsOfArticle(id);
    if (!of.ok()) return FromStatus(of.status());
    for (const ceasewatch::Incident& i : *of)
      if (std::find(incidents.begin(), incidents.end(), Json(i.id)) ==
          incidents.end())
        incidents.push_back(i.id);
  }
  j["incidents"] = std::move(incidents);
  return JsonResponse(j, reporter.reasons.empty() ? 200 : 422);
}

}  // namespace ceasewatch
