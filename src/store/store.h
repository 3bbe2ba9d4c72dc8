// The embedded store: one SQLite file in WAL mode holding raw documents,
// articles (with offsets back to the raw text), the near-duplicate index,
// per-site line counts, rejected inputs and an FTS5 index over articles.
//
// Writes happen inside explicit transactions (Begin/Commit/Rollback): the
// pipeline stores one input document per transaction, so a crash or a bad
// input never leaves half a document and never loses what was committed.
// One Store per thread; readers in other processes see only committed
// documents (WAL).
#ifndef CEASEWATCH_STORE_STORE_H_
#define CEASEWATCH_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ceasewatch/events.h"
#include "ceasewatch/incidents.h"
#include "ceasewatch/records.h"
#include "ceasewatch/status.h"
#include "store/incident_box_index.h"
#include "store/incident_cache.h"
#include "store/sqlite_handle.h"

namespace ceasewatch {

struct StoreOptions {
  bool read_only = false;
  // PRAGMA synchronous: NORMAL is durable at each checkpoint and never
  // corrupts in WAL mode; FULL also survives power loss of the last
  // transactions. Default: NORMAL.
  bool full_sync = false;
  // Incidents read while a transaction is open are kept in memory, at most
  // this many (least recently used dropped), so fusion reads each from
  // SQLite about once. About 1 KB each. 0 turns the cache off.
  size_t incident_cache_entries = 1 << 18;
  // SQLite's page size for a store created now (an existing store keeps
  // its own). Small pages, as SQLite's default: fusion and the indexes
  // write all over the file, and each page touched is read whole on a
  // cache miss, copied to the savepoint's journal, and written whole to
  // the WAL and at the checkpoint. Ingesting 1,000 pages into a store of
  // 32,000 moved 2.5 GB through the file system with 16 KB pages, 1.0 GB
  // with 4 KB.
  int page_size = 4096;
  // Fusion's candidate queries are answered from an in-memory copy of the
  // incidents' R*Tree (IncidentBoxIndex, about 100 bytes an incident),
  // loaded at the first query inside a transaction. Same answers; false
  // asks the R*Tree every time.
  bool incident_box_index = true;
};

// A document as the store keeps it.
struct DocumentToStore {
  const RawDocument* raw = nullptr;
  const Page* page = nullptr;  // body and chrome blocks
  std::string content_hash;
  std::string charset;        // "" when the payload was UTF-8
  bool body_differs = false;  // store page->body (decoded) besides raw
  std::string site;
};

struct ArticleToStore {
  const Article* article = nullptr;
  int ordinal = 0;
  std::string text_hash;
  std::optional<int64_t> duplicate_of;
  double similarity = 0;
  int shingles = 0;
  const std::vector<uint64_t>* signature = nullptr;
};

// A stored document's decoded payload (Page::body) and site.
struct SiteDocument {
  int64_t id = 0;
  InputFormat format = InputFormat::kUnknown;  // kHtml or kText
  std::string site;
  std::string body;
};

// One stored article, as read back for export and queries.
struct ArticleRow {
  int64_t id = 0;
  int64_t document_id = 0;
  std::string path, locator, format;
  std::optional<std::string> source_id;
  std::string url, title, author, outlet;
  std::string published, published_precision, published_reason;
  std::string language;
  bool language_reliable = false;
  std::string text;
  int64_t raw_begin = 0, raw_end = 0;
  std::optional<int64_t> duplicate_of;
  double similarity = 0;
};

// An article as event extraction and the event export read it.
struct StoredArticle {
  int64_t id = 0;
  std::string path;       // the input file (documents.path)
  std::string text;       // Article::Text(): offsets of reports point here
  std::string published;  // ISO day or ""
  std::string outlet;
  std::optional<int64_t> duplicate_of;
};

// One stored event report and where it came from.
struct StoredEventReport {
  int64_t id = 0;  // events.id
  int64_t article_id = 0;
  int ordinal = 0;  // its place among the article's reports (text order)
  std::string extractor_version;
  std::optional<int64_t> duplicate_of;  // the article's
  std::optional<int64_t> incident_id;   // unset until fused
  EventReport report;
};

// Which event reports ForEachEventReport visits.
enum class EventScope {
  kAll,
  kOfDuplicates,  // only reports of articles with duplicate_of set
};

// Where and when an incident can be found: days since 1970 (inclusive)
// and a box of degrees. An incident without places has the box
// kUnplacedBox..kUnplacedBox in both axes.
struct IncidentBox {
  int64_t day_lo = 0, day_hi = 0;
  double lat_lo = 0, lat_hi = 0, lon_lo = 0, lon_hi = 0;
};
inline constexpr double kUnplacedBox = 999;

class Store {
 public:
  // Opens or creates the store at `path` and migrates it to the latest
  // schema. A store newer than this program is refused.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             StoreOptions options = {});

  int schema_version() const { return schema_version_; }

  // Incidents read inside a transaction are cached (StoreOptions::
  // incident_cache_entries): Begin drops the cache when another connection
  // committed since, every rollback drops it, and a write of an incident
  // drops its entry. Reads outside a transaction go to SQLite.
  Status Begin();
  Status Commit();
  Status Rollback();
  // A savepoint inside the open transaction, for one unit of work (a
  // document) that can be undone without the work before it.
  Status Savepoint();
  Status ReleaseSavepoint();
  // Undoes the work since Savepoint() and releases it; the transaction
  // stays open.
  Status RollbackToSavepoint();
  // Whether SQLite keeps this connection's temporary files in memory
  // (PRAGMA temp_store). Above all the journal of a savepoint, which gets
  // the prior content of every page written under it (hundreds of KB for
  // a document) and otherwise went to a new temporary file at every
  // transaction. Only for work whose statements and savepoints each touch
  // a bounded number of pages, as the Ingester's documents: a DELETE of a
  // whole table inside a transaction would keep its journal in memory too.
  Status SetTempStoreInMemory(bool in_memory);
  Result<bool> TempStoreInMemory();
  // SQLite's page cache for this connection (PRAGMA cache_size), at most
  // this many MB, allocated as pages are read. Stores open with
  // kDefaultCacheMegabytes; a long ingest asks for more (IngestOptions).
  static constexpr int kDefaultCacheMegabytes = 64;
  Status SetCacheMegabytes(int megabytes);
  Result<int> CacheMegabytes();

  // --- Lookups used while ingesting -------------------------------------
  Result<bool> HasDocument(const std::string& content_hash);
  Result<std::optional<int64_t>> ArticleWithTextHash(const std::string& hash);
  // Articles sharing LSH band keys: one entry per shared key, so an
  // article appears once for each band it shares. A bucket holding more
  // than `max_bucket` articles is skipped: a band that common stems from a
  // stock phrase, not from a copied text.
  Result<std::vector<int64_t>> LshCandidates(
      const std::vector<uint64_t>& band_keys, int max_bucket);
  // Appends to `out` up to `limit` articles filed under one band key.
  Status LshBucket(uint64_t band_key, int limit, std::vector<int64_t>* out);
  // The cleaned text of a stored article, and its publication day ("" if
  // unknown) into `published` when given.
  Result<std::string> ArticleText(int64_t article_id,
                                  std::string* published = nullptr);
  // The MinHash signature and shingle count of a stored article (read from
  // its own small table: dedup reads many and turns most down).
  Status LoadSignature(int64_t article_id, std::vector<uint64_t>* signature,
                       int* shingles);
  // The article a duplicate points to, or the article itself.
  Result<int64_t> DuplicateRoot(int64_t article_id);
  // Per-site line counts: documents seen for the site and, per line hash,
  // how many of them hold it (every line, also those held by one document:
  // an ingest resumed after a stop must count as one run would).
  Status LoadSiteLines(
      const std::string& site, int* documents,
      const std::function<void(uint64_t hash, uint32_t count)>& each);

  // --- Writes (inside a transaction) ---------------------------------------
  Result<int64_t> InsertDocument(const DocumentToStore& doc);
  Result<int64_t> InsertArticle(int64_t document_id, const ArticleToStore& a);
  // Adds `documents` to the site's count and `count` to each line's.
  Status AddSiteLines(const std::string& site, int documents,
                      const std::unordered_map<uint64_t, uint32_t>& lines);

  // --- Derived indexes, written in batches after the documents ---------
  // The LSH bands and the FTS index cover articles up to a watermark kept
  // in the store, the per-site line counts documents up to the "sites"
  // watermark; after a crash the ingester brings them up to date from the
  // stored signatures, texts and pages (IndexFtsThrough, SignaturesAfter,
  // SiteDocumentsAfter).
  Result<int64_t> IndexWatermark(const std::string& index);
  // The watermark, or nullopt when the store has none for `index`.
  Result<std::optional<int64_t>> IndexWatermarkIfSet(const std::string& index);
  Status SetIndexWatermark(const std::string& index, int64_t through);
  Status AddBandKeys(int64_t article_id, const std::vector<uint64_t>& keys);
  // Indexes articles in (watermark, through] for full-text search.
  Status IndexFtsThrough(int64_t through);
  Result<int64_t> MaxArticleId();
  Result<int64_t> MaxDocumentId();
  // Calls `each` for every stored document after `after` with a site, in id
  // order: the per-site line counts ("sites" watermark, document ids) are
  // rebuilt from them after a crash.
  Status SiteDocumentsAfter(
      int64_t after, const std::function<Status(const SiteDocument&)>& each);
  // Calls `each` for every stored signature of an article after `after`.
  Status SignaturesAfter(
      int64_t after,
      const std::function<Status(int64_t, const std::vector<uint64_t>&)>& each);
  Status InsertReject(const std::string& path, const std::string& locator,
                      const std::string& reason);

  // --- Event reports (inside a transaction) ------------------------------
  // Replaces every stored report of the article with `reports` (in their
  // order; none deletes them all), tagged with the extractor's version.
  // Round trip: what EventReportsOf reads back equals `reports`, except
  // that an unknown CountRange reads back as {false, 0, 0} and an
  // open-ended one (high < 0) with high == -1. Incidents that held the
  // replaced reports are marked stale (see StaleIncidents).
  Status ReplaceEventReports(int64_t article_id,
                             const std::vector<EventReport>& reports,
                             const std::string& extractor_version);
  // Deletes every report and every incident.
  Status DeleteAllEventReports();

  // --- Incidents (inside a transaction; see include/ceasewatch/incidents.h)
  // Stores a new incident (its id is assigned) with its places, indexed
  // under `box` when it is dated (`box` null: undated, not indexed).
  Result<int64_t> InsertIncident(const Incident& incident,
                                 const IncidentBox* box);
  // Rewrites a stored incident's summary, places and index entry, and
  // clears its stale mark.
  Status UpdateIncident(const Incident& incident, const IncidentBox* box);
  // Removes an incident that has no reports left, with its places,
  // sources and index entry.
  Status DeleteIncident(int64_t incident_id);
  Status SetReportIncident(int64_t event_id, int64_t incident_id);
  // Records that `source_key` (an outlet) carries the incident; true when
  // it was not yet recorded.
  Result<bool> AddIncidentSource(int64_t incident_id,
                                 const std::string& source_key);
  Status ClearIncidentSources(int64_t incident_id);

  // --- Reading incidents ---------------------------------------------------
  // Dated incidents whose index entry meets `box`, at most `limit`, in id
  // order. Inside a transaction the in-memory box index answers (see
  // StoreOptions::incident_box_index), outside it the R*Tree: the same
  // incidents either way.
  // With `types`, only incidents of those types (by the index's type code:
  // a type sharing a code may come too); empty: any type.
  // Shared and immutable: inside a transaction they come from the
  // incident cache without a copy.
  Result<std::vector<std::shared_ptr<const Incident>>> IncidentCandidates(
      const IncidentBox& box, int limit,
      const std::vector<std::string>& types = {});
  // Incidents holding a report of the article, in id order.
  Result<std::vector<Incident>> IncidentsOfArticle(int64_t article_id);
  Result<bool> IncidentHasArticle(int64_t incident_id, int64_t article_id);
  Result<Incident> ReadIncident(int64_t incident_id);
  Result<std::shared_ptr<const Incident>> ReadSharedIncident(
      int64_t incident_id);
  // Incidents marked stale (a member report was replaced), in id order.
  Result<std::vector<int64_t>> StaleIncidents();
  // Articles, in id order after `after_id`, with a report that belongs to
  // no incident (stored before fusion existed, or not fused yet).
  Result<std::vector<int64_t>> ArticlesWithUnfusedReports(int64_t after_id,
                                                          int limit);
  // The incident's reports in article order, then each article's order.
  Result<std::vector<StoredEventReport>> ReportsOfIncident(int64_t incident_id);
  Result<int64_t> CountIncidents();
  // Hits and misses of the incident cache so far (for benchmarks).
  const IncidentCache& incident_cache() const { return incident_cache_; }
  // Calls `each` for every incident in id order; stops at a non-OK
  // status. `each` may call the other reading methods.
  Status ForEachIncident(const std::function<Status(const Incident&)>& each);

  // --- Reading -------------------------------------------------------------
  Result<int64_t> CountArticles();
  Result<int64_t> CountDocuments();
  // Calls `each` for every article in id order; stops at a non-OK status.
  Status ForEachArticle(const std::function<Status(const ArticleRow&)>& each);
  // Up to `limit` articles with ids above `after_id`, in id order (for
  // batched passes over the store such as re-extraction).
  Result<std::vector<StoredArticle>> ArticlesAfter(int64_t after_id, int limit);
  Result<StoredArticle> ReadStoredArticle(int64_t article_id);

  Result<int64_t> CountEventReports();
  // The article's reports in their order (none when it has none).
  Result<std::vector<StoredEventReport>> EventReportsOf(int64_t article_id);
  // Calls `each` for every report in `scope` in article order, then in
  // each article's order; stops at a non-OK status. `each` may call the
  // other reading methods.
  Status ForEachEventReport(
      EventScope scope,
      const std::function<Status(const StoredEventReport&)>& each);

 private:
  Store(std::unique_ptr<Database> db, const StoreOptions& options)
      : db_(std::move(db)),
        incident_cache_(options.incident_cache_entries),
        box_index_wanted_(options.incident_box_index) {}
  Status Migrate(bool read_only);
  // The first column of the first row of `sql`, 0 when there is no row.
  Result<int64_t> QueryInt(const std::string& sql);
  Status PrepareStatements();
  // Prepares `*slot` on first use: reading statements serve read-only
  // stores too, which PrepareStatements skips.
  Result<Statement*> Lazy(Statement* slot, const char* sql);
  // Reads the report at the current row of `q` (columns as in
  // kEventColumns in store.cc) with its places, actors and claims.
  Status ReadEventRow(const Statement& q, StoredEventReport* out);
  // The reports `where` (a WHERE clause binding `key`) selects, prepared
  // into `slot` on first use.
  Result<std::vector<StoredEventReport>> EventsWhere(Statement* slot,
                                                     const char* where,
                                                     int64_t key);
  Status ReadEventRows(
      Statement& q,
      const std::function<Status(const StoredEventReport&)>& each);

  Status ReadIncidentPlaces(Incident* incident);
  Result<std::vector<Incident>> ReadIncidents(const std::vector<int64_t>& ids);
  Status WriteIncidentPlacesAndBox(const Incident& incident,
                                   const IncidentBox* box);

  bool InTransaction();
  // Whether cached incidents can be trusted: the cache is on and a
  // transaction is open.
  bool CacheUsable();
  // Drops what this connection remembers of incidents (the cache and the
  // box index): after a rollback, or another connection's commit.
  void ForgetIncidents();
  // The box index is kept up to date by every write of incident_boxes
  // from its load until ForgetIncidents(); it is read inside a transaction
  // only (Begin checks for other connections' commits).
  bool BoxIndexUsable() { return box_index_wanted_ && InTransaction(); }
  Status LoadBoxIndex();
  // Reads the row of incident_boxes with `id` into the box index (after
  // an insert: the R*Tree has rounded the coordinates to floats).
  Status ReadBackBox(int64_t id);

  std::unique_ptr<Database> db_;
  int schema_version_ = 0;
  IncidentCache incident_cache_;
  bool box_index_wanted_ = true;
  bool box_index_loaded_ = false;
  IncidentBoxIndex box_index_;
  int64_t data_version_ = -1;  // PRAGMA data_version when last checked
  Statement has_document_, article_with_hash_, article_text_, lsh_lookup_,
      load_signature_, duplicate_of_, insert_document_, insert_chrome_,
      insert_article_, insert_paragraph_, insert_minhash_, insert_band_,
      upsert_site_line_, upsert_site_, insert_reject_;
  // Event reports: writes (prepared with the others) and lazy reads.
  Statement delete_event_places_, delete_event_actors_, delete_event_claims_,
      delete_events_, insert_event_, insert_event_place_, insert_event_actor_,
      insert_event_claim_;
  Statement read_event_places_, read_event_actors_, read_event_claims_,
      events_of_article_, read_stored_article_, articles_after_;
  // Incidents: all prepared on first use.
  Statement insert_incident_, update_incident_, delete_incident_,
      delete_incident_places_, insert_incident_place_, delete_incident_box_,
      insert_incident_box_, delete_incident_sources_, set_report_incident_,
      insert_incident_source_, incident_candidates_, read_incident_box_,
      incidents_of_article_, incident_has_article_, read_incident_,
      read_incident_places_, reports_of_incident_, mark_stale_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_STORE_H_
