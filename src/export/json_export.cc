#include "export/json_export.h"

#include <nlohmann/json.hpp>

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

}  // namespace

Status ExportJson(Store& store, std::ostream& out) {
  out << "{\"articles\": [";
  bool first = true;
  Status st = store.ForEachArticle([&](const ArticleRow& r) {
    out << (first ? "\n  " : ",\n  ");
    first = false;
    // Invalid UTF-8 cannot reach the store, but never throw out of here.
    out << ArticleJson(r).dump(-1, ' ', false,
                               Json::error_handler_t::replace);
    return out ? Status::Ok() : Status::IOError("writing the export failed");
  });
  if (!st.ok()) return st;
  out << "\n],\n\"events\": []}\n";
  out.flush();
  return out ? Status::Ok() : Status::IOError("writing the export failed");
}

}  // namespace ceasewatch
