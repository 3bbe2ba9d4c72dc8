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

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"
#include "store/sqlite_handle.h"

namespace ceasewatch {

struct StoreOptions {
  bool read_only = false;
  // PRAGMA synchronous: NORMAL is durable at each checkpoint and never
  // corrupts in WAL mode; FULL also survives power loss of the last
  // transactions. Default: NORMAL.
  bool full_sync = false;
};

// A document as the store keeps it.
struct DocumentToStore {
  const RawDocument* raw = nullptr;
  const Page* page = nullptr;  // body and chrome blocks
  std::string content_hash;
  std::string charset;   // "" when the payload was UTF-8
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

class Store {
 public:
  // Opens or creates the store at `path` and migrates it to the latest
  // schema. A store newer than this program is refused.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             StoreOptions options = {});

  int schema_version() const { return schema_version_; }

  Status Begin();
  Status Commit();
  Status Rollback();

  // --- Lookups used while ingesting -------------------------------------
  Result<bool> HasDocument(const std::string& content_hash);
  Result<std::optional<int64_t>> ArticleWithTextHash(const std::string& hash);
  // Articles sharing LSH band keys: one entry per shared key, so an
  // article appears once for each band it shares. A bucket holding more
  // than `max_bucket` articles is skipped: a band that common stems from a
  // stock phrase, not from a copied text.
  Result<std::vector<int64_t>> LshCandidates(
      const std::vector<uint64_t>& band_keys, int max_bucket);
  // The cleaned text of a stored article.
  Result<std::string> ArticleText(int64_t article_id);
  // The signature, shingle count and publication day ("" if unknown) of a
  // stored article.
  Status LoadSignature(int64_t article_id, std::vector<uint64_t>* signature,
                       int* shingles, std::string* published);
  // The article a duplicate points to, or the article itself.
  Result<int64_t> DuplicateRoot(int64_t article_id);
  // Per-site line counts: documents seen for the site and, per line hash,
  // how many of them hold it.
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
  // in the store; after a crash the ingester brings them up to date from
  // the stored signatures and texts (IndexFtsThrough, SignaturesAfter).
  Result<int64_t> IndexWatermark(const std::string& index);
  Status SetIndexWatermark(const std::string& index, int64_t through);
  Status AddBandKeys(int64_t article_id, const std::vector<uint64_t>& keys);
  // Indexes articles in (watermark, through] for full-text search.
  Status IndexFtsThrough(int64_t through);
  Result<int64_t> MaxArticleId();
  // Calls `each` for every stored signature of an article after `after`.
  Status SignaturesAfter(
      int64_t after,
      const std::function<Status(int64_t, const std::vector<uint64_t>&)>& each);
  Status InsertReject(const std::string& path, const std::string& locator,
                      const std::string& reason);

  // --- Reading -------------------------------------------------------------
  Result<int64_t> CountArticles();
  Result<int64_t> CountDocuments();
  // Calls `each` for every article in id order; stops at a non-OK status.
  Status ForEachArticle(const std::function<Status(const ArticleRow&)>& each);

 private:
  explicit Store(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Status Migrate(bool read_only);
  // The first column of the first row of `sql`, 0 when there is no row.
  Result<int64_t> QueryInt(const std::string& sql);
  Status PrepareStatements();

  std::unique_ptr<Database> db_;
  int schema_version_ = 0;
  Statement has_document_, article_with_hash_, article_text_, lsh_lookup_, load_signature_,
      duplicate_of_, insert_document_, insert_chrome_, insert_article_,
      insert_paragraph_, insert_minhash_, insert_band_, upsert_site_line_,
      upsert_site_, insert_reject_;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_STORE_H_
