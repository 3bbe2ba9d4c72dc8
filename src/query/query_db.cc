#include "query/query_db.h"

#include <algorithm>
#include <functional>
#include <map>

#include "dates/civil_day.h"

namespace ceasewatch {
namespace {

// Prepared statements kept per connection; the filter's lists make the SQL
// vary, so the cache is bounded.
constexpr size_t kMaxCachedStatements = 128;

// A WHERE clause over `incidents i` and the values its '?' take, in order.
struct Where {
  std::string sql;
  std::vector<std::function<void(Statement&, int)>> binds;

  void Add(const std::string& clause) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += clause;
  }
  template <typename T>
  void Bind(T value) {
    binds.push_back([value](Statement& q, int i) { q.Bind(i, value); });
  }
  void BindAll(Statement& q) const {
    for (size_t k = 0; k < binds.size(); ++k)
      binds[k](q, static_cast<int>(k + 1));
  }
};

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t k = 0; k < n; ++k) s += k == 0 ? "?" : ",?";
  return s;
}

int64_t DaysOf(const std::string& iso) {
  CivilDay d;
  CivilDay::ParseIso(iso, &d);
  return d.ToDays();
}

// `s` with LIKE's wildcards escaped by '\'.
std::string LikeLiteral(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

Where WhereOf(const IncidentFilter& f) {
  Where w;
  // Incidents whose every report was replaced stand for nothing.
  w.Add("EXISTS (SELECT 1 FROM events e WHERE e.incident_id = i.id)");
  if (!f.since.empty() || !f.until.empty()) {
    // The R*Tree finds the dated incidents of the period; the ISO
    // comparison keeps the answer exact whatever its float rounding.
    std::string rtree = "i.id IN (SELECT id FROM incident_boxes WHERE 1";
    w.Add("i.date IS NOT NULL");
    if (!f.since.empty()) {
      rtree += " AND day_hi >= ?";
      w.Bind(DaysOf(f.since) - 1);
    }
    if (!f.until.empty()) {
      rtree += " AND day_lo <= ?";
      w.Bind(DaysOf(f.until) + 1);
    }
    w.Add(rtree + ")");
    if (!f.since.empty()) {
      w.Add("coalesce(i.date_end, i.date) >= ?");
      w.Bind(f.since);
    }
    if (!f.until.empty()) {
      w.Add("i.date <= ?");
      w.Bind(f.until);
    }
  }
  if (!f.types.empty()) {
    w.Add("i.type IN (" + Placeholders(f.types.size()) + ")");
    for (const std::string& t : f.types) w.Bind(t);
  }
  if (!f.sides.empty()) {
    std::string any;
    for (const std::string& s : f.sides) {
      any += any.empty() ? "(" : " OR ";
      any += "(',' || coalesce(i.sides, '') || ',') LIKE ? ESCAPE '\\'";
      w.Bind("%," + LikeLiteral(s) + ",%");
    }
    w.Add(any + ")");
  }
  if (!f.places.empty()) {
    std::string any;
    for (const std::string& p : f.places) {
      any += any.empty() ? "(" : " OR ";
      any +=
          "p.name LIKE ? ESCAPE '\\' OR p.admin1 LIKE ? ESCAPE '\\' OR "
          "p.admin2 LIKE ? ESCAPE '\\' OR p.country LIKE ? ESCAPE '\\' OR "
          "p.place_id = ?";
      const std::string like = LikeLiteral(p);
      for (int k = 0; k < 4; ++k) w.Bind(like);
      w.Bind(p);
    }
    w.Add(
        "EXISTS (SELECT 1 FROM incident_places p WHERE p.incident_id = i.id "
        "AND " +
        any + "))");
  }
  if (f.bbox) {
    w.Add(
        "EXISTS (SELECT 1 FROM incident_places p WHERE p.incident_id = i.id "
        "AND p.lon BETWEEN ? AND ? AND p.lat BETWEEN ? AND ?)");
    w.Bind(f.bbox->min_lon);
    w.Bind(f.bbox->max_lon);
    w.Bind(f.bbox->min_lat);
    w.Bind(f.bbox->max_lat);
  }
  if (f.exclude_background) w.Add("NOT i.background");
  return w;
}

constexpr const char kArticleMetaColumns[] =
    "SELECT a.id, d.path, a.title, a.author, a.outlet, a.url, a.published, "
    "a.language, a.duplicate_of, length(CAST(a.text AS BLOB)) FROM articles a "
    "JOIN documents d ON d.id = a.document_id ";

void ReadMetaInto(const Statement& q, ArticleMeta* m) {
  m->id = q.Int(0);
  m->file = q.Text(1);
  m->title = q.Text(2);
  m->author = q.Text(3);
  m->outlet = q.Text(4);
  m->url = q.Text(5);
  m->published = q.Text(6);
  m->language = q.Text(7);
  if (!q.IsNull(8)) m->duplicate_of = q.Int(8);
  m->text_bytes = q.Int(9);
}

void ReadMeta(const Statement& q, ArticleMeta& m) { ReadMetaInto(q, &m); }

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::string FtsQueryOf(const std::string& text) {
  std::string out;
  size_t i = 0;
  int words = 0;
  while (i < text.size() && words < 16) {
    while (i < text.size() && !IsWordByte(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    if (i == start) break;
    // A word holds no '"', so quoting it is enough to make it a literal.
    out += (out.empty() ? "\"" : " \"") + text.substr(start, i - start) + "\"";
    ++words;
  }
  return out;
}

Result<std::unique_ptr<QueryDb>> QueryDb::Open(const std::string& path) {
  auto db = Database::Open(path, /*read_only=*/true);
  if (!db.ok()) return db.status();
  // Fails early on a file that is not a store.
  auto probe = (*db)->Prepare("SELECT count(*) FROM incidents");
  if (!probe.ok())
    return Status::IOError(path +
                           " is not a ceasewatch store with incidents (" +
                           probe.status().message() + ")");
  return std::unique_ptr<QueryDb>(new QueryDb(std::move(*db)));
}

Result<Statement*> QueryDb::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return &it->second;
  if (cache_.size() >= kMaxCachedStatements) cache_.clear();
  auto q = db_->Prepare(sql);
  if (!q.ok()) return q.status();
  return &cache_.emplace(sql, std::move(*q)).first->second;
}

Result<IncidentPage> QueryDb::FindIncidents(const IncidentFilter& filter) {
  const Where w = WhereOf(filter);
  IncidentPage page;
  Status st;
  {
    auto q = Cached("SELECT count(*) FROM incidents i" + w.sql);
    if (!q.ok()) return q.status();
    w.BindAll(**q);
    if ((*q)->Step(&st)) page.total = (*q)->Int(0);
    (*q)->Reset();
    CW_RETURN_IF_ERROR(st);
  }
  auto q = Cached("SELECT i.id FROM incidents i" + w.sql +
                  " ORDER BY i.id LIMIT ? OFFSET ?");
  if (!q.ok()) return q.status();
  w.BindAll(**q);
  const int n = static_cast<int>(w.binds.size());
  (*q)->Bind(n + 1, static_cast<int64_t>(filter.limit > 0 ? filter.limit : -1));
  (*q)->Bind(n + 2, filter.offset);
  CW_RETURN_IF_ERROR(CollectRows(
      **q, &page.ids, [](const Statement& s, int64_t& id) { id = s.Int(0); }));
  return page;
}

Result<ArticlePage> QueryDb::ListArticles(int limit, int64_t offset) {
  ArticlePage page;
  Status st;
  auto count = Cached("SELECT count(*) FROM articles");
  if (!count.ok()) return count.status();
  if ((*count)->Step(&st)) page.total = (*count)->Int(0);
  (*count)->Reset();
  CW_RETURN_IF_ERROR(st);
  auto q = Cached(std::string(kArticleMetaColumns) +
                  "ORDER BY a.id LIMIT ? OFFSET ?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, limit).Bind(2, offset);
  CW_RETURN_IF_ERROR(CollectRows(**q, &page.articles, ReadMeta));
  return page;
}

Result<ArticleMeta> QueryDb::ReadArticle(int64_t id, bool with_text) {
  auto meta = Cached(std::string(kArticleMetaColumns) + "WHERE a.id = ?");
  if (!meta.ok()) return meta.status();
  std::vector<ArticleMeta> found;
  (*meta)->Bind(1, id);
  CW_RETURN_IF_ERROR(CollectRows(**meta, &found, ReadMeta));
  if (found.empty())
    return Status::NotFound("no article " + std::to_string(id));
  if (!with_text) return std::move(found[0]);
  auto text = Cached("SELECT text FROM articles WHERE id = ?");
  if (!text.ok()) return text.status();
  Status st;
  (*text)->Bind(1, id);
  if ((*text)->Step(&st)) found[0].text = (*text)->Text(0);
  (*text)->Reset();
  CW_RETURN_IF_ERROR(st);
  return std::move(found[0]);
}

Result<std::vector<SearchHit>> QueryDb::SearchArticles(const std::string& query,
                                                       int limit) {
  const std::string fts = FtsQueryOf(query);
  if (fts.empty())
    return Status::InvalidInput("q: give at least one word to search for");
  auto q = Cached(
      "SELECT a.id, d.path, a.title, a.author, a.outlet, a.url, a.published, "
      "a.language, a.duplicate_of, length(CAST(a.text AS BLOB)), "
      "snippet(articles_fts, 1, '[', ']', '...', 24) FROM articles_fts "
      "JOIN articles a ON a.id = articles_fts.rowid "
      "JOIN documents d ON d.id = a.document_id "
      "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, fts).Bind(2, limit);
  std::vector<SearchHit> hits;
  CW_RETURN_IF_ERROR(
      CollectRows(**q, &hits, [](const Statement& s, SearchHit& h) {
        ReadMetaInto(s, &h.article);
        h.snippet = s.Text(10);
      }));
  return hits;
}

Result<std::vector<int64_t>> QueryDb::ArticlesOfIncidents(
    const std::vector<int64_t>& incident_ids) {
  std::vector<int64_t> out;
  // In chunks, to stay far below SQLite's parameter limit.
  for (size_t start = 0; start < incident_ids.size(); start += 256) {
    const size_t n = std::min<size_t>(256, incident_ids.size() - start);
    auto q = Cached(
        "SELECT DISTINCT article_id FROM events WHERE incident_id "
        "IN (" +
        Placeholders(n) + ")");
    if (!q.ok()) return q.status();
    for (size_t k = 0; k < n; ++k)
      (*q)->Bind(static_cast<int>(k + 1), incident_ids[start + k]);
    CW_RETURN_IF_ERROR(CollectRows(
        **q, &out, [](const Statement& s, int64_t& id) { id = s.Int(0); }));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<int64_t> QueryDb::DataVersion() {
  auto q = Cached("PRAGMA data_version");
  if (!q.ok()) return q.status();
  Status st;
  int64_t v = 0;
  if ((*q)->Step(&st)) v = (*q)->Int(0);
  (*q)->Reset();
  CW_RETURN_IF_ERROR(st);
  return v;
}

Result<Facets> QueryDb::ReadFacets() {
  Facets facets;
  IncidentFilter all;
  const Where w = WhereOf(all);
  auto types = Cached("SELECT i.type, count(*) FROM incidents i" + w.sql +
                      " GROUP BY i.type ORDER BY count(*) DESC, i.type");
  if (!types.ok()) return types.status();
  CW_RETURN_IF_ERROR(
      CollectRows(**types, &facets.types, [](const Statement& s, Facet& f) {
        f.value = s.Text(0);
        f.count = s.Int(1);
      }));
  auto sides =
      Cached("SELECT coalesce(i.sides, ''), count(*) FROM incidents i" + w.sql +
             " GROUP BY 1");
  if (!sides.ok()) return sides.status();
  std::map<std::string, int64_t> by_side;
  Status st;
  while ((*sides)->Step(&st)) {
    const std::string list = (*sides)->Text(0);
    const int64_t n = (*sides)->Int(1);
    size_t start = 0;
    while (start < list.size()) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      if (comma > start) by_side[list.substr(start, comma - start)] += n;
      start = comma + 1;
    }
  }
  (*sides)->Reset();
  CW_RETURN_IF_ERROR(st);
  for (const auto& [side, n] : by_side) facets.sides.push_back({side, n});
  std::stable_sort(
      facets.sides.begin(), facets.sides.end(),
      [](const Facet& a, const Facet& b) { return a.count > b.count; });
  auto span = Cached(
      "SELECT min(i.date), max(coalesce(i.date_end, i.date)), count(*) FROM "
      "incidents i" +
      w.sql);
  if (!span.ok()) return span.status();
  if ((*span)->Step(&st)) {
    facets.first_day = (*span)->Text(0);
    facets.last_day = (*span)->Text(1);
    facets.incidents = (*span)->Int(2);
  }
  (*span)->Reset();
  CW_RETURN_IF_ERROR(st);
  return facets;
}

}  // namespace ceasewatch
