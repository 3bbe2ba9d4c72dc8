// Read-only queries over a store for the exports, the brief and the HTTP
// API: incidents selected by an IncidentFilter (in SQL, parameterised, the
// period through the incidents' R*Tree), articles by page, full-text
// search over articles (the store's FTS5 index) and the types and sides
// present. It holds its own read-only SQLite connection: one QueryDb per
// thread (a server keeps a pool). Incident and article contents are read
// through Store; this class finds which ones.
#ifndef CEASEWATCH_QUERY_QUERY_DB_H_
#define CEASEWATCH_QUERY_QUERY_DB_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ceasewatch/status.h"
#include "query/incident_filter.h"
#include "store/sqlite_handle.h"

namespace ceasewatch {

struct IncidentPage {
  int64_t total = 0;         // incidents the filter selects, all pages
  std::vector<int64_t> ids;  // this page, in id order
};

// An article's metadata (and, when read one by one, its text).
struct ArticleMeta {
  int64_t id = 0;
  std::string file;  // documents.path
  std::string title, author, outlet, url, published, language;
  std::optional<int64_t> duplicate_of;
  int64_t text_bytes = 0;
  std::string text;  // only from ReadArticle
};

struct ArticlePage {
  int64_t total = 0;
  std::vector<ArticleMeta> articles;
};

struct SearchHit {
  ArticleMeta article;  // without text
  // A passage around the matches, matched words between '[' and ']'.
  std::string snippet;
};

struct Facet {
  std::string value;
  int64_t count = 0;
};

// What the store holds, for filter menus.
struct Facets {
  std::vector<Facet> types;         // incident types, most frequent first
  std::vector<Facet> sides;         // party sides among incidents' sides
  std::string first_day, last_day;  // of dated incidents, "" when none
  int64_t incidents = 0;
};

class QueryDb {
 public:
  static Result<std::unique_ptr<QueryDb>> Open(const std::string& path);

  // The incidents `filter` selects (with its limit and offset), and how
  // many there are in all. Incidents left with no report are skipped.
  Result<IncidentPage> FindIncidents(const IncidentFilter& filter);

  // Articles in id order, without text.
  Result<ArticlePage> ListArticles(int limit, int64_t offset);
  // One article, with its text when `with_text`; NotFound when there is
  // none.
  Result<ArticleMeta> ReadArticle(int64_t id, bool with_text = true);
  // Articles whose title or text hold every word of `query` (words are
  // runs of letters and digits; FTS5 syntax is not interpreted), best
  // first. InvalidInput when `query` has no word.
  Result<std::vector<SearchHit>> SearchArticles(const std::string& query,
                                                int limit);
  // The articles reports of these incidents come from, in id order.
  Result<std::vector<int64_t>> ArticlesOfIncidents(
      const std::vector<int64_t>& incident_ids);

  Result<Facets> ReadFacets();

  // SQLite's PRAGMA data_version of this connection: it changes when
  // another connection commits.
  Result<int64_t> DataVersion();

 private:
  explicit QueryDb(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  // The statement for `sql`, prepared once per connection.
  Result<Statement*> Cached(const std::string& sql);

  std::unique_ptr<Database> db_;
  std::unordered_map<std::string, Statement> cache_;
};

// The FTS5 query for the words of `text`: each word quoted, all required.
// "" when `text` has no word.
std::string FtsQueryOf(const std::string& text);

}  // namespace ceasewatch

#endif  // CEASEWATCH_QUERY_QUERY_DB_H_
