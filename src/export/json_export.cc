#include "export/json_export.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace ceasewatch {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

Json ArticleJson(const ArticleRow& r) {
  Json a;
  a["id"] = r.id;
  a["file"] = r.path;
  a["locator"] = OrNull(r.locator);
  a["source_id"] = r.source_id ? Json(*r.source_id) : Json();
  a["title"] = OrNull(r.title);
  a["published"] = OrNull(r.published);
  a["published_precision"] = OrNull(r.published_precision);
  a["published_reason"] = OrNull(r.published_reason);
  a["author"] = OrNull(r.author);
  a["outlet"] = OrNull(r.outlet);
  a["url"] = OrNull(r.url);
  a["language"] = OrNull(r.language);
  a["language_reliable"] = r.language_reliable;
  a["duplicate_of"] = r.duplicate_of ? Json(*r.duplicate_of) : Json();
  a["similarity"] = r.duplicate_of ? Json(r.similarity) : Json();
  a["document_id"] = r.document_id;
  a["raw_begin"] = r.raw_begin;
  a["raw_end"] = r.raw_end;
  a["text"] = r.text;
  return a;
}

// Counts are whole numbers in practice; print them without ".0".
Json Number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
    return Json(static_cast<int64_t>(v));
  return Json(v);
}

Json CountJson(const CountRange& c) {
  if (!c.known) return Json();
  Json j;
  j["low"] = Number(c.low);
  j["high"] = c.high < 0 ? Json() : Number(c.high);
  return j;
}

// The bytes [begin, end) of `text`, clamped to it.
std::string_view Slice(const std::string& text, uint32_t begin, uint32_t end) {
  const size_t b = std::min<size_t>(begin, text.size());
  const size_t e = std::min<size_t>(std::max(begin, end), text.size());
  return std::string_view(text).substr(b, e - b);
}

Json PlaceJson(const EventPlace& p) {
  Json j;
  j["name"] = p.name;
  j["lat"] = p.lat;
  j["lon"] = p.lon;
  j["country"] = OrNull(p.country);
  j["admin1"] = OrNull(p.admin1);
  j["admin2"] = OrNull(p.admin2);
  j["kind"] = OrNull(p.kind);
  j["geo_precision"] = p.geo_precision;
  j["place_id"] = OrNull(p.place_id);
  j["mention"] = p.mention;
  j["begin"] = p.begin;
  j["end"] = p.end;
  return j;
}

Json ActorJson(const EventActor& a) {
  Json j;
  j["name"] = a.name;
  j["side"] = OrNull(a.side);  // civilians, media: no party
  j["role"] = OrNull(a.role);
  j["affiliation"] = OrNull(a.affiliation);
  j["kind"] = OrNull(a.kind);
  j["actor_id"] = OrNull(a.actor_id);
  j["mention"] = a.mention;
  j["begin"] = a.begin;
  j["end"] = a.end;
  return j;
}

Json ClaimJson(const EventClaim& c, int64_t article_id) {
  Json j;
  j["source"] = {{"name", c.source_name},
                 {"side", OrNull(c.source_side)},
                 {"kind", OrNull(c.source_kind)},
                 {"id", OrNull(c.source_id)}};
  j["stance"] = c.stance;
  j["verb"] = OrNull(c.verb);
  j["text"] = c.text;
  j["article"] = article_id;
  j["begin"] = c.begin;
  j["end"] = c.end;
  return j;
}

}  // namespace

Json ReportEntryJson(const StoredEventReport& r, const StoredArticle& a) {
  Json j;
  j["article"] = a.id;
  j["file"] = a.path;
  j["sentence"] = std::string(
      Slice(a.text, r.report.sentence_begin, r.report.sentence_end));
  j["sentence_begin"] = r.report.sentence_begin;
  j["sentence_end"] = r.report.sentence_end;
  j["cue"] = r.report.cue;
  j["cue_begin"] = r.report.cue_begin;
  j["cue_end"] = r.report.cue_end;
  return j;
}

Json EventJson(const StoredEventReport& stored, const StoredArticle& a) {
  const EventReport& r = stored.report;
  Json j;
  j["id"] = stored.id;
  j["type"] = r.type;
  j["acled"] = {{"event_type", OrNull(r.acled_event_type)},
                {"sub_event_type", OrNull(r.acled_sub_event_type)}};
  j["date"] = OrNull(r.date);
  // A window known to the day may come with date_end empty.
  j["date_end"] = OrNull(r.date_end.empty() ? r.date : r.date_end);
  j["date_precision"] = OrNull(r.date_precision);
  j["date_source"] = OrNull(r.date_source);
  j["date_text"] = OrNull(r.date_text);
  j["background"] = r.background;
  j["locations"] = Json::array();
  for (const EventPlace& p : r.places) j["locations"].push_back(PlaceJson(p));
  j["actors"] = Json::array();
  for (const EventActor& x : r.actors) j["actors"].push_back(ActorJson(x));
  j["fatalities"] = CountJson(r.fatalities);
  j["injured"] = CountJson(r.injured);
  j["claims"] = Json::array();
  for (const EventClaim& c : r.claims)
    j["claims"].push_back(ClaimJson(c, a.id));
  j["reports"] = Json::array({ReportEntryJson(stored, a)});
  j["extractor_version"] = stored.extractor_version;
  return j;
}

namespace {

// An inclusive window of ISO days; empty strings when unknown.
struct Window {
  std::string_view begin, end;
};
Window WindowOf(const EventReport& r) {
  return {r.date, r.date_end.empty() ? std::string_view(r.date)
                                     : std::string_view(r.date_end)};
}

// Whether two reports of copies of one story tell the same event. ISO days
// compare as strings. An unknown window contradicts nothing.
bool SameEvent(const EventReport& original, const EventReport& copy) {
  if (original.type != copy.type) return false;
  const Window a = WindowOf(original), b = WindowOf(copy);
  if (a.begin.empty() || b.begin.empty()) return true;
  return a.begin <= b.end && b.begin <= a.end;
}

// What a folded report of a near-duplicate adds to its original's event.
struct FoldedReport {
  Json report;               // an entry of `reports`
  std::vector<Json> claims;  // ClaimJson of each of its claims
};

struct Folding {
  // Original event id -> the reports folded into it, in article order.
  std::unordered_map<int64_t, std::vector<FoldedReport>> into;
  // Ids of the folded reports: they are not events of their own.
  std::unordered_set<int64_t> folded;
};

// First pass: pairs each report of a near-duplicate article with an unused
// report of the same event in the original article. Holds only the
// reports of near-duplicate articles.
Status FoldDuplicates(Store& store, Folding* folding) {
  int64_t article = -1;
  StoredArticle copy;
  std::vector<StoredEventReport> originals;
  std::vector<bool> used;
  return store.ForEachEventReport(
      EventScope::kOfDuplicates, [&](const StoredEventReport& r) {
        if (r.article_id != article) {
          article = r.article_id;
          auto a = store.ReadStoredArticle(r.article_id);
          if (!a.ok()) return a.status();
          copy = std::move(*a);
          auto o = store.EventReportsOf(*r.duplicate_of);
          if (!o.ok()) return o.status();
          originals = std::move(*o);
          used.assign(originals.size(), false);
        }
        for (size_t i = 0; i < originals.size(); ++i) {
          // Only into an event that is exported as its own.
          if (used[i] || originals[i].duplicate_of ||
              !SameEvent(originals[i].report, r.report))
            continue;
          used[i] = true;
          FoldedReport f{ReportEntryJson(r, copy), {}};
          for (const EventClaim& c : r.report.claims)
            f.claims.push_back(ClaimJson(c, copy.id));
          folding->into[originals[i].id].push_back(std::move(f));
          folding->folded.insert(r.id);
          break;
        }
        return Status::Ok();
      });
}

void AddFolded(const std::vector<FoldedReport>& folded, Json* event) {
  Json& claims = (*event)["claims"];
  for (const FoldedReport& f : folded) {
    (*event)["reports"].push_back(f.report);
    for (const Json& c : f.claims) {
      bool known = false;
      for (const Json& have : claims)
        known |= have["source"]["side"] == c["source"]["side"] &&
                 have["stance"] == c["stance"];
      if (!known) claims.push_back(c);
    }
  }
}

std::string Dump(const Json& j) {
  // Invalid UTF-8 cannot reach the store, but never throw out of here.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Status WriteEvents(Store& store, std::ostream& out) {
  Folding folding;
  CW_RETURN_IF_ERROR(FoldDuplicates(store, &folding));
  StoredArticle article;
  article.id = -1;
  bool first = true;
  return store.ForEachEventReport(
      EventScope::kAll, [&](const StoredEventReport& r) {
        if (folding.folded.count(r.id)) return Status::Ok();
        if (r.article_id != article.id) {
          auto a = store.ReadStoredArticle(r.article_id);
          if (!a.ok()) return a.status();
          article = std::move(*a);
        }
        Json event = EventJson(r, article);
        auto it = folding.into.find(r.id);
        if (it != folding.into.end()) AddFolded(it->second, &event);
        out << (first ? "\n  " : ",\n  ") << Dump(event);
        first = false;
        return out ? Status::Ok()
                   : Status::IOError("writing the export failed");
      });
}

}  // namespace

Status ExportJson(Store& store, std::ostream& out) {
  out << "{\"articles\": [";
  bool first = true;
  Status st = store.ForEachArticle([&](const ArticleRow& r) {
    out << (first ? "\n  " : ",\n  ");
    first = false;
    out << Dump(ArticleJson(r));
    return out ? Status::Ok() : Status::IOError("writing the export failed");
  });
  if (!st.ok()) return st;
  out << "\n],\n\"events\": [";
  CW_RETURN_IF_ERROR(WriteEvents(store, out));
  out << "\n]}\n";
  out.flush();
  return out ? Status::Ok() : Status::IOError("writing the export failed");
}

}  // namespace ceasewatch
