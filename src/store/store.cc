#include "store/store.h"

#include <algorithm>
#include <string_view>

#include "store/count_columns.h"
#include "store/schema.h"

namespace ceasewatch {
namespace {

// Band keys and hashes are unsigned 64-bit; SQLite stores signed integers.
int64_t AsSigned(uint64_t v) { return static_cast<int64_t>(v); }

// A stored MinHash signature: the blob holds native-order uint64 values.
void SignatureFromBlob(std::string_view blob, std::vector<uint64_t>* sig) {
  sig->resize(blob.size() / sizeof(uint64_t));
  std::copy(blob.begin(), blob.begin() + sig->size() * sizeof(uint64_t),
            reinterpret_cast<char*>(sig->data()));
}

int64_t Offset(uint32_t v) { return static_cast<int64_t>(v); }
uint32_t ReadOffset(const Statement& q, int col) {
  return static_cast<uint32_t>(q.Int(col));
}

// The columns ReadEventRow reads, in order; FROM events e JOIN articles a.
constexpr const char kEventColumns[] =
    "SELECT e.id, e.article_id, e.ordinal, e.extractor_version, "
    "a.duplicate_of, e.type, e.acled_event_type, e.acled_sub_event_type, "
    "e.date, e.date_end, e.date_precision, e.date_source, e.date_text, "
    "e.background, e.fatalities_low, e.fatalities_high, e.injured_low, "
    "e.injured_high, e.cue, e.cue_begin, e.cue_end, e.sentence_begin, "
    "e.sentence_end, e.incident_id FROM events e JOIN articles a ON "
    "a.id=e.article_id ";

constexpr const char kStoredArticleColumns[] =
    "SELECT a.id, d.path, a.text, a.published, a.outlet, a.duplicate_of "
    "FROM articles a JOIN documents d ON d.id=a.document_id ";

StoredArticle ReadStoredArticleRow(const Statement& q) {
  StoredArticle a;
  a.id = q.Int(0);
  a.path = q.Text(1);
  a.text = q.Text(2);
  a.published = q.Text(3);
  a.outlet = q.Text(4);
  if (!q.IsNull(5)) a.duplicate_of = q.Int(5);
  return a;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           StoreOptions options) {
  auto db = Database::Open(path, options.read_only);
  if (!db.ok()) return db.status();
  std::unique_ptr<Store> store(new Store(std::move(*db), options));
  if (!options.read_only) {
    // A new file only: no effect once the file has pages, nor in WAL
    // mode (see StoreOptions::page_size for the size chosen).
    CW_RETURN_IF_ERROR(store->db_->Exec("PRAGMA page_size=" +
                                        std::to_string(options.page_size)));
    CW_RETURN_IF_ERROR(store->db_->Exec("PRAGMA journal_mode=WAL"));
    CW_RETURN_IF_ERROR(store->db_->Exec(options.full_sync
                                            ? "PRAGMA synchronous=FULL"
                                            : "PRAGMA synchronous=NORMAL"));
  }
  CW_RETURN_IF_ERROR(store->db_->Exec("PRAGMA foreign_keys=ON"));
  CW_RETURN_IF_ERROR(store->SetCacheMegabytes(kDefaultCacheMegabytes));
  if (!options.read_only)  // fewer, larger checkpoints (~64 MB of WAL)
    CW_RETURN_IF_ERROR(store->db_->Exec("PRAGMA wal_autocheckpoint=16384"));
  CW_RETURN_IF_ERROR(store->Migrate(options.read_only));
  if (!options.read_only) CW_RETURN_IF_ERROR(store->PrepareStatements());
  return store;
}

Status Store::Migrate(bool read_only) {
  auto st = db_->Prepare("PRAGMA user_version");
  if (!st.ok()) return st.status();
  Status status;
  if (st->Step(&status)) schema_version_ = static_cast<int>(st->Int(0));
  CW_RETURN_IF_ERROR(status);
  const auto& migrations = SchemaMigrations();
  if (schema_version_ > static_cast<int>(migrations.size()))
    return Status::Unsupported("store schema version " +
                               std::to_string(schema_version_) +
                               " is newer than this program understands (" +
                               std::to_string(migrations.size()) + ")");
  if (schema_version_ == static_cast<int>(migrations.size()))
    return Status::Ok();
  if (read_only)
    return Status::Unsupported(
        "store needs a schema migration; open it "
        "read-write once (e.g. with ingest)");
  for (size_t v = schema_version_; v < migrations.size(); ++v) {
    CW_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
    Status s = db_->Exec(migrations[v]);
    if (s.ok()) s = db_->Exec("PRAGMA user_version=" + std::to_string(v + 1));
    if (!s.ok()) {
      db_->Exec("ROLLBACK");
      return s;
    }
    CW_RETURN_IF_ERROR(db_->Exec("COMMIT"));
    schema_version_ = static_cast<int>(v + 1);
  }
  return Status::Ok();
}

Status Store::PrepareStatements() {
  struct Entry {
    Statement* stmt;
    const char* sql;
  };
  const Entry entries[] = {
      {&has_document_, "SELECT 1 FROM documents WHERE content_hash=?"},
      {&article_with_hash_,
       "SELECT id FROM articles WHERE text_hash=? ORDER BY id LIMIT 1"},
      {&lsh_lookup_,
       "SELECT article_id FROM lsh_bands WHERE band_key=? LIMIT ?"},
      {&article_text_, "SELECT text, published FROM articles WHERE id=?"},
      {&load_signature_,
       "SELECT signature, shingles FROM minhash WHERE article_id=?"},
      {&duplicate_of_, "SELECT duplicate_of FROM articles WHERE id=?"},
      {&insert_document_,
       "INSERT INTO documents(path, locator, format, url, fetched_at, "
       "content_hash, raw, envelope, body, charset, site) "
       "VALUES(?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_chrome_,
       "INSERT INTO chrome_lines(document_id, raw_begin, raw_end, reason) "
       "VALUES(?,?,?,?)"},
      {&insert_article_,
       "INSERT INTO articles(document_id, ordinal, source_id, url, title, "
       "author, outlet, published, published_precision, published_reason, "
       "language, language_reliable, text, raw_begin, raw_end, text_hash, "
       "duplicate_of, similarity) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_paragraph_,
       "INSERT INTO paragraphs(article_id, ordinal, raw_begin, raw_end) "
       "VALUES(?,?,?,?)"},
      {&insert_minhash_,
       "INSERT INTO minhash(article_id, shingles, signature) VALUES(?,?,?)"},
      {&insert_band_,
       "INSERT OR IGNORE INTO lsh_bands(band_key, article_id) VALUES(?,?)"},
      {&upsert_site_line_,
       "INSERT INTO site_lines(site, line_hash, documents) VALUES(?,?,?) "
       "ON CONFLICT(site, line_hash) DO UPDATE SET "
       "documents=documents+excluded.documents"},
      {&upsert_site_,
       "INSERT INTO sites(site, documents) VALUES(?,?) "
       "ON CONFLICT(site) DO UPDATE SET "
       "documents=documents+excluded.documents"},
      {&insert_reject_,
       "INSERT INTO rejects(path, locator, reason) VALUES(?,?,?)"},
      {&delete_event_places_,
       "DELETE FROM event_places WHERE event_id IN "
       "(SELECT id FROM events WHERE article_id=?)"},
      {&delete_event_actors_,
       "DELETE FROM event_actors WHERE event_id IN "
       "(SELECT id FROM events WHERE article_id=?)"},
      {&delete_event_claims_,
       "DELETE FROM event_claims WHERE event_id IN "
       "(SELECT id FROM events WHERE article_id=?)"},
      {&delete_events_, "DELETE FROM events WHERE article_id=?"},
      {&insert_event_,
       "INSERT INTO events(article_id, ordinal, type, acled_event_type, "
       "acled_sub_event_type, date, date_end, date_precision, date_source, "
       "date_text, background, fatalities_low, fatalities_high, "
       "injured_low, injured_high, cue, cue_begin, cue_end, sentence_begin, "
       "sentence_end, extractor_version) "
       "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_event_place_,
       "INSERT INTO event_places(event_id, ordinal, place_id, name, mention, "
       "lat, lon, country, admin1, admin2, kind, geo_precision, "
       "mention_begin, mention_end) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_event_actor_,
       "INSERT INTO event_actors(event_id, ordinal, actor_id, name, mention, "
       "side, affiliation, kind, role, mention_begin, mention_end) "
       "VALUES(?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_event_claim_,
       "INSERT INTO event_claims(event_id, ordinal, source_name, source_id, "
       "source_side, source_kind, stance, verb, text, statement_begin, "
       "statement_end) VALUES(?,?,?,?,?,?,?,?,?,?,?)"},
  };
  for (const Entry& e : entries) {
    auto st = db_->Prepare(e.sql);
    if (!st.ok()) return st.status();
    *e.stmt = std::move(*st);
  }
  return Status::Ok();
}

Status Store::Begin() {
  CW_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  // data_version changes when another connection commits to the file:
  // what this one cached may then be out of date. Holding the write lock
  // from here on, nobody else can change it before Commit.
  auto version = QueryInt("PRAGMA data_version");
  if (!version.ok()) {
    ForgetIncidents();
    return Status::Ok();  // the cache is an optimisation; Begin succeeded
  }
  if (*version != data_version_) ForgetIncidents();
  data_version_ = *version;
  return Status::Ok();
}
Status Store::Commit() { return db_->Exec("COMMIT"); }
// Rolling back un-writes incidents the cache may hold as written.
Status Store::Rollback() {
  ForgetIncidents();
  return db_->Exec("ROLLBACK");
}
Status Store::SetTempStoreInMemory(bool in_memory) {
  return db_->Exec(in_memory ? "PRAGMA temp_store=MEMORY"
                             : "PRAGMA temp_store=DEFAULT");
}
Status Store::SetCacheMegabytes(int megabytes) {
  // A negative cache_size is in KiB.
  return db_->Exec("PRAGMA cache_size=" +
                   std::to_string(-1024 * static_cast<int64_t>(megabytes)));
}
Result<int> Store::CacheMegabytes() {
  auto kib = QueryInt("PRAGMA cache_size");
  if (!kib.ok()) return kib.status();
  return static_cast<int>(-*kib / 1024);
}
Result<bool> Store::TempStoreInMemory() {
  auto mode = QueryInt("PRAGMA temp_store");
  if (!mode.ok()) return mode.status();
  return *mode == 2;
}
Status Store::Savepoint() { return db_->Exec("SAVEPOINT unit"); }
Status Store::ReleaseSavepoint() { return db_->Exec("RELEASE unit"); }
Status Store::RollbackToSavepoint() {
  ForgetIncidents();
  CW_RETURN_IF_ERROR(db_->Exec("ROLLBACK TO unit"));
  return db_->Exec("RELEASE unit");
}

Result<bool> Store::HasDocument(const std::string& content_hash) {
  Status st;
  has_document_.Bind(1, content_hash);
  bool found = has_document_.Step(&st);
  has_document_.Reset();
  if (!st.ok()) return st;
  return found;
}

Result<std::optional<int64_t>> Store::ArticleWithTextHash(
    const std::string& hash) {
  Status st;
  article_with_hash_.Bind(1, hash);
  std::optional<int64_t> id;
  if (article_with_hash_.Step(&st)) id = article_with_hash_.Int(0);
  article_with_hash_.Reset();
  if (!st.ok()) return st;
  return id;
}

Result<std::vector<int64_t>> Store::LshCandidates(
    const std::vector<uint64_t>& band_keys, int max_bucket) {
  std::vector<int64_t> out;
  Status st;
  for (uint64_t key : band_keys) {
    const size_t before = out.size();
    lsh_lookup_.Bind(1, AsSigned(key)).Bind(2, max_bucket + 1);
    while (lsh_lookup_.Step(&st)) out.push_back(lsh_lookup_.Int(0));
    lsh_lookup_.Reset();
    if (!st.ok()) return st;
    if (out.size() - before > static_cast<size_t>(max_bucket))
      out.resize(before);
  }
  return out;
}

Status Store::LshBucket(uint64_t band_key, int limit,
                        std::vector<int64_t>* out) {
  Status st;
  lsh_lookup_.Bind(1, AsSigned(band_key)).Bind(2, limit);
  while (lsh_lookup_.Step(&st)) out->push_back(lsh_lookup_.Int(0));
  lsh_lookup_.Reset();
  return st;
}

Result<std::string> Store::ArticleText(int64_t article_id,
                                       std::string* published) {
  Status st;
  article_text_.Bind(1, article_id);
  std::string text;
  bool found = article_text_.Step(&st);
  if (found) {
    text = article_text_.Text(0);
    if (published != nullptr) *published = article_text_.Text(1);
  }
  article_text_.Reset();
  if (!st.ok()) return st;
  if (!found)
    return Status::NotFound("no article " + std::to_string(article_id));
  return text;
}

Status Store::LoadSignature(int64_t article_id,
                            std::vector<uint64_t>* signature, int* shingles) {
  Status st;
  load_signature_.Bind(1, article_id);
  if (load_signature_.Step(&st)) {
    SignatureFromBlob(load_signature_.Blob(0), signature);
    *shingles = static_cast<int>(load_signature_.Int(1));
  } else if (st.ok()) {
    st = Status::NotFound("no signature for article " +
                          std::to_string(article_id));
  }
  load_signature_.Reset();
  return st;
}

Result<int64_t> Store::DuplicateRoot(int64_t article_id) {
  Status st;
  duplicate_of_.Bind(1, article_id);
  int64_t root = article_id;
  if (duplicate_of_.Step(&st) && !duplicate_of_.IsNull(0))
    root = duplicate_of_.Int(0);
  duplicate_of_.Reset();
  if (!st.ok()) return st;
  return root;
}

Status Store::LoadSiteLines(
    const std::string& site, int* documents,
    const std::function<void(uint64_t, uint32_t)>& each) {
  *documents = 0;
  auto q = db_->Prepare("SELECT documents FROM sites WHERE site=?");
  if (!q.ok()) return q.status();
  Status st;
  q->Bind(1, site);
  if (q->Step(&st)) *documents = static_cast<int>(q->Int(0));
  CW_RETURN_IF_ERROR(st);
  auto lines =
      db_->Prepare("SELECT line_hash, documents FROM site_lines WHERE site=?");
  if (!lines.ok()) return lines.status();
  lines->Bind(1, site);
  while (lines->Step(&st))
    each(static_cast<uint64_t>(lines->Int(0)),
         static_cast<uint32_t>(lines->Int(1)));
  return st;
}

Result<int64_t> Store::InsertDocument(const DocumentToStore& doc) {
  const RawDocument& raw = *doc.raw;
  Statement& s = insert_document_;
  s.Bind(1, raw.path).Bind(2, raw.locator).Bind(3, FormatName(raw.format));
  s.BindOrNull(4, raw.url).BindOrNull(5, raw.fetched_at);
  s.Bind(6, doc.content_hash);
  s.BindBlob(7, raw.bytes.data(), raw.bytes.size());
  if (raw.envelope.empty())
    s.BindNull(8);
  else
    s.BindBlob(8, raw.envelope.data(), raw.envelope.size());
  if (doc.body_differs)
    s.Bind(9, doc.page->body);
  else
    s.BindNull(9);
  s.BindOrNull(10, doc.charset).BindOrNull(11, doc.site);
  CW_RETURN_IF_ERROR(s.Run());
  int64_t id = db_->LastInsertId();
  for (const TextBlock& b : doc.page->blocks) {
    if (b.chrome.empty()) continue;
    insert_chrome_.Bind(1, id)
        .Bind(2, static_cast<int64_t>(b.raw_begin))
        .Bind(3, static_cast<int64_t>(b.raw_end))
        .Bind(4, b.chrome);
    CW_RETURN_IF_ERROR(insert_chrome_.Run());
  }
  return id;
}

Result<int64_t> Store::InsertArticle(int64_t document_id,
                                     const ArticleToStore& in) {
  const Article& a = *in.article;
  const std::string text = a.Text();
  Statement& s = insert_article_;
  s.Bind(1, document_id).Bind(2, in.ordinal);
  if (a.source_id)
    s.Bind(3, *a.source_id);
  else
    s.BindNull(3);
  s.BindOrNull(4, a.url).BindOrNull(5, a.title).BindOrNull(6, a.author);
  s.BindOrNull(7, a.outlet).BindOrNull(8, a.published);
  s.BindOrNull(9, a.published_precision).BindOrNull(10, a.published_reason);
  s.BindOrNull(11, a.language).Bind(12, a.language_reliable ? 1 : 0);
  s.Bind(13, text).Bind(14, static_cast<int64_t>(a.raw_begin));
  s.Bind(15, static_cast<int64_t>(a.raw_end)).Bind(16, in.text_hash);
  if (in.duplicate_of) {
    s.Bind(17, *in.duplicate_of).Bind(18, in.similarity);
  } else {
    s.BindNull(17).BindNull(18);
  }
  CW_RETURN_IF_ERROR(s.Run());
  const int64_t id = db_->LastInsertId();
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    insert_paragraph_.Bind(1, id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, static_cast<int64_t>(a.paragraphs[i].raw_begin))
        .Bind(4, static_cast<int64_t>(a.paragraphs[i].raw_end));
    CW_RETURN_IF_ERROR(insert_paragraph_.Run());
  }
  if (in.signature) {
    insert_minhash_.Bind(1, id).Bind(2, in.shingles);
    insert_minhash_.BindBlob(3, in.signature->data(),
                             in.signature->size() * sizeof(uint64_t));
    CW_RETURN_IF_ERROR(insert_minhash_.Run());
  }
  return id;
}

Status Store::AddSiteLines(
    const std::string& site, int documents,
    const std::unordered_map<uint64_t, uint32_t>& lines) {
  upsert_site_.Bind(1, site).Bind(2, documents);
  CW_RETURN_IF_ERROR(upsert_site_.Run());
  for (const auto& [hash, count] : lines) {
    upsert_site_line_.Bind(1, site)
        .Bind(2, AsSigned(hash))
        .Bind(3, static_cast<int64_t>(count));
    CW_RETURN_IF_ERROR(upsert_site_line_.Run());
  }
  return Status::Ok();
}

Result<int64_t> Store::IndexWatermark(const std::string& index) {
  auto through = IndexWatermarkIfSet(index);
  if (!through.ok()) return through.status();
  return through->value_or(0);
}

Result<std::optional<int64_t>> Store::IndexWatermarkIfSet(
    const std::string& index) {
  auto q = db_->Prepare("SELECT through FROM index_state WHERE name=?");
  if (!q.ok()) return q.status();
  q->Bind(1, index);
  Status st;
  std::optional<int64_t> through;
  if (q->Step(&st)) through = q->Int(0);
  if (!st.ok()) return st;
  return through;
}

Status Store::SetIndexWatermark(const std::string& index, int64_t through) {
  auto q = db_->Prepare(
      "INSERT INTO index_state(name, through) VALUES(?,?) "
      "ON CONFLICT(name) DO UPDATE SET through=excluded.through");
  if (!q.ok()) return q.status();
  q->Bind(1, index).Bind(2, through);
  return q->Run();
}

Status Store::AddBandKeys(int64_t article_id,
                          const std::vector<uint64_t>& keys) {
  for (uint64_t key : keys) {
    insert_band_.Bind(1, AsSigned(key)).Bind(2, article_id);
    CW_RETURN_IF_ERROR(insert_band_.Run());
  }
  return Status::Ok();
}

Status Store::IndexFtsThrough(int64_t through) {
  auto from = IndexWatermark("fts");
  if (!from.ok()) return from.status();
  if (*from >= through) return Status::Ok();
  auto q = db_->Prepare(
      "INSERT INTO articles_fts(rowid, title, text) SELECT id, "
      "coalesce(title, ''), text FROM articles WHERE id > ? AND id <= ?");
  if (!q.ok()) return q.status();
  q->Bind(1, *from).Bind(2, through);
  CW_RETURN_IF_ERROR(q->Run());
  return SetIndexWatermark("fts", through);
}

Result<int64_t> Store::MaxArticleId() {
  return QueryInt("SELECT coalesce(max(id), 0) FROM articles");
}

Result<int64_t> Store::MaxDocumentId() {
  return QueryInt("SELECT coalesce(max(id), 0) FROM documents");
}

Status Store::SiteDocumentsAfter(
    int64_t after, const std::function<Status(const SiteDocument&)>& each) {
  auto q = db_->Prepare(
      "SELECT id, format, site, coalesce(body, raw) FROM documents "
      "WHERE id > ? AND coalesce(site, '') != '' ORDER BY id");
  if (!q.ok()) return q.status();
  q->Bind(1, after);
  Status st;
  SiteDocument doc;
  while (q->Step(&st)) {
    doc.id = q->Int(0);
    doc.format = q->Text(1) == FormatName(InputFormat::kHtml)
                     ? InputFormat::kHtml
                     : InputFormat::kText;
    doc.site = q->Text(2);
    doc.body = std::string(q->Blob(3));
    CW_RETURN_IF_ERROR(each(doc));
  }
  return st;
}

Status Store::SignaturesAfter(
    int64_t after,
    const std::function<Status(int64_t, const std::vector<uint64_t>&)>& each) {
  auto q = db_->Prepare(
      "SELECT article_id, signature FROM minhash WHERE article_id > ? "
      "ORDER BY article_id");
  if (!q.ok()) return q.status();
  q->Bind(1, after);
  Status st;
  std::vector<uint64_t> sig;
  while (q->Step(&st)) {
    SignatureFromBlob(q->Blob(1), &sig);
    CW_RETURN_IF_ERROR(each(q->Int(0), sig));
  }
  return st;
}

Status Store::InsertReject(const std::string& path, const std::string& locator,
                           const std::string& reason) {
  insert_reject_.Bind(1, path).Bind(2, locator).Bind(3, reason);
  return insert_reject_.Run();
}

Status Store::ReplaceEventReports(int64_t article_id,
                                  const std::vector<EventReport>& reports,
                                  const std::string& extractor_version) {
  // The incidents the old reports belong to lose members: mark them for
  // recomputation (the fuser deletes those left empty).
  auto stale = Lazy(&mark_stale_,
                    "UPDATE incidents SET stale=1 WHERE id IN (SELECT "
                    "incident_id FROM events WHERE article_id=? AND "
                    "incident_id IS NOT NULL)");
  if (!stale.ok()) return stale.status();
  (*stale)->Bind(1, article_id);
  CW_RETURN_IF_ERROR((*stale)->Run());
  // Children first: their rows reference the events being replaced.
  for (Statement* del : {&delete_event_places_, &delete_event_actors_,
                         &delete_event_claims_, &delete_events_}) {
    del->Bind(1, article_id);
    CW_RETURN_IF_ERROR(del->Run());
  }
  for (size_t i = 0; i < reports.size(); ++i) {
    const EventReport& r = reports[i];
    Statement& s = insert_event_;
    s.Bind(1, article_id).Bind(2, static_cast<int64_t>(i)).Bind(3, r.type);
    s.BindOrNull(4, r.acled_event_type).BindOrNull(5, r.acled_sub_event_type);
    s.BindOrNull(6, r.date).BindOrNull(7, r.date_end);
    s.BindOrNull(8, r.date_precision).BindOrNull(9, r.date_source);
    s.BindOrNull(10, r.date_text).Bind(11, r.background ? 1 : 0);
    BindCount(s, 12, r.fatalities);
    BindCount(s, 14, r.injured);
    s.BindOrNull(16, r.cue).Bind(17, Offset(r.cue_begin));
    s.Bind(18, Offset(r.cue_end)).Bind(19, Offset(r.sentence_begin));
    s.Bind(20, Offset(r.sentence_end)).Bind(21, extractor_version);
    CW_RETURN_IF_ERROR(s.Run());
    const int64_t event_id = db_->LastInsertId();
    for (size_t j = 0; j < r.places.size(); ++j) {
      const EventPlace& p = r.places[j];
      Statement& q = insert_event_place_;
      q.Bind(1, event_id).Bind(2, static_cast<int64_t>(j));
      q.BindOrNull(3, p.place_id).BindOrNull(4, p.name);
      q.BindOrNull(5, p.mention).Bind(6, p.lat).Bind(7, p.lon);
      q.BindOrNull(8, p.country).BindOrNull(9, p.admin1);
      q.BindOrNull(10, p.admin2).BindOrNull(11, p.kind);
      q.Bind(12, p.geo_precision).Bind(13, Offset(p.begin));
      q.Bind(14, Offset(p.end));
      CW_RETURN_IF_ERROR(q.Run());
    }
    for (size_t j = 0; j < r.actors.size(); ++j) {
      const EventActor& a = r.actors[j];
      Statement& q = insert_event_actor_;
      q.Bind(1, event_id).Bind(2, static_cast<int64_t>(j));
      q.BindOrNull(3, a.actor_id).BindOrNull(4, a.name);
      q.BindOrNull(5, a.mention).BindOrNull(6, a.side);
      q.BindOrNull(7, a.affiliation).BindOrNull(8, a.kind);
      q.BindOrNull(9, a.role).Bind(10, Offset(a.begin));
      q.Bind(11, Offset(a.end));
      CW_RETURN_IF_ERROR(q.Run());
    }
    for (size_t j = 0; j < r.claims.size(); ++j) {
      const EventClaim& c = r.claims[j];
      Statement& q = insert_event_claim_;
      q.Bind(1, event_id).Bind(2, static_cast<int64_t>(j));
      q.BindOrNull(3, c.source_name).BindOrNull(4, c.source_id);
      q.BindOrNull(5, c.source_side).BindOrNull(6, c.source_kind);
      q.BindOrNull(7, c.stance).BindOrNull(8, c.verb);
      q.BindOrNull(9, c.text).Bind(10, Offset(c.begin));
      q.Bind(11, Offset(c.end));
      CW_RETURN_IF_ERROR(q.Run());
    }
  }
  return Status::Ok();
}

Status Store::DeleteAllEventReports() {
  ForgetIncidents();
  return db_->Exec(
      "DELETE FROM event_places; DELETE FROM event_actors; "
      "DELETE FROM event_claims; DELETE FROM events; "
      "DELETE FROM incident_places; DELETE FROM incident_sources; "
      "DELETE FROM incident_boxes; DELETE FROM incidents;");
}

Result<Statement*> Store::Lazy(Statement* slot, const char* sql) {
  if (!slot->prepared()) {
    auto st = db_->Prepare(sql);
    if (!st.ok()) return st.status();
    *slot = std::move(*st);
  }
  return slot;
}

Status Store::ReadEventRow(const Statement& q, StoredEventReport* out) {
  out->id = q.Int(0);
  out->article_id = q.Int(1);
  out->ordinal = static_cast<int>(q.Int(2));
  out->extractor_version = q.Text(3);
  out->duplicate_of.reset();
  if (!q.IsNull(4)) out->duplicate_of = q.Int(4);
  EventReport& r = out->report;
  r = EventReport();
  r.type = q.Text(5);
  r.acled_event_type = q.Text(6);
  r.acled_sub_event_type = q.Text(7);
  r.date = q.Text(8);
  r.date_end = q.Text(9);
  r.date_precision = q.Text(10);
  r.date_source = q.Text(11);
  r.date_text = q.Text(12);
  r.background = q.Int(13) != 0;
  r.fatalities = ReadCount(q, 14);
  r.injured = ReadCount(q, 16);
  r.cue = q.Text(18);
  r.cue_begin = ReadOffset(q, 19);
  r.cue_end = ReadOffset(q, 20);
  r.sentence_begin = ReadOffset(q, 21);
  r.sentence_end = ReadOffset(q, 22);
  out->incident_id.reset();
  if (!q.IsNull(23)) out->incident_id = q.Int(23);

  // Each child query runs to completion and is reset before returning, so
  // `each` callbacks may read events again.
  auto places = Lazy(&read_event_places_,
                     "SELECT place_id, name, mention, lat, lon, country, "
                     "admin1, admin2, kind, geo_precision, mention_begin, "
                     "mention_end FROM event_places WHERE event_id=? "
                     "ORDER BY ordinal");
  if (!places.ok()) return places.status();
  (*places)->Bind(1, out->id);
  CW_RETURN_IF_ERROR(
      CollectRows(**places, &r.places, [](const Statement& p, EventPlace& x) {
        x.place_id = p.Text(0);
        x.name = p.Text(1);
        x.mention = p.Text(2);
        x.lat = p.Double(3);
        x.lon = p.Double(4);
        x.country = p.Text(5);
        x.admin1 = p.Text(6);
        x.admin2 = p.Text(7);
        x.kind = p.Text(8);
        x.geo_precision = static_cast<int>(p.Int(9));
        x.begin = ReadOffset(p, 10);
        x.end = ReadOffset(p, 11);
      }));

  auto actors = Lazy(&read_event_actors_,
                     "SELECT actor_id, name, mention, side, affiliation, "
                     "kind, role, mention_begin, mention_end FROM "
                     "event_actors WHERE event_id=? ORDER BY ordinal");
  if (!actors.ok()) return actors.status();
  (*actors)->Bind(1, out->id);
  CW_RETURN_IF_ERROR(
      CollectRows(**actors, &r.actors, [](const Statement& a, EventActor& x) {
        x.actor_id = a.Text(0);
        x.name = a.Text(1);
        x.mention = a.Text(2);
        x.side = a.Text(3);
        x.affiliation = a.Text(4);
        x.kind = a.Text(5);
        x.role = a.Text(6);
        x.begin = ReadOffset(a, 7);
        x.end = ReadOffset(a, 8);
      }));

  auto claims = Lazy(&read_event_claims_,
                     "SELECT source_name, source_id, source_side, "
                     "source_kind, stance, verb, text, statement_begin, "
                     "statement_end FROM event_claims WHERE event_id=? "
                     "ORDER BY ordinal");
  if (!claims.ok()) return claims.status();
  (*claims)->Bind(1, out->id);
  return CollectRows(**claims, &r.claims,
                     [](const Statement& c, EventClaim& x) {
                       x.source_name = c.Text(0);
                       x.source_id = c.Text(1);
                       x.source_side = c.Text(2);
                       x.source_kind = c.Text(3);
                       x.stance = c.Text(4);
                       x.verb = c.Text(5);
                       x.text = c.Text(6);
                       x.begin = ReadOffset(c, 7);
                       x.end = ReadOffset(c, 8);
                     });
}

Status Store::ReadEventRows(
    Statement& q, const std::function<Status(const StoredEventReport&)>& each) {
  Status st;
  StoredEventReport row;
  while (q.Step(&st)) {
    CW_RETURN_IF_ERROR(ReadEventRow(q, &row));
    CW_RETURN_IF_ERROR(each(row));
  }
  return st;
}

Result<std::vector<StoredEventReport>> Store::EventsWhere(Statement* slot,
                                                          const char* where,
                                                          int64_t key) {
  const std::string sql = std::string(kEventColumns) + where;
  auto q = Lazy(slot, sql.c_str());
  if (!q.ok()) return q.status();
  std::vector<StoredEventReport> out;
  (*q)->Bind(1, key);
  Status st = ReadEventRows(**q, [&](const StoredEventReport& r) {
    out.push_back(r);
    return Status::Ok();
  });
  (*q)->Reset();
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<StoredEventReport>> Store::EventReportsOf(
    int64_t article_id) {
  return EventsWhere(&events_of_article_,
                     "WHERE e.article_id=? ORDER BY e.ordinal", article_id);
}

Result<std::vector<StoredEventReport>> Store::ReportsOfIncident(
    int64_t incident_id) {
  return EventsWhere(&reports_of_incident_,
                     "WHERE e.incident_id=? ORDER BY e.article_id, e.ordinal",
                     incident_id);
}

Status Store::ForEachEventReport(
    EventScope scope,
    const std::function<Status(const StoredEventReport&)>& each) {
  // A statement of its own: `each` may call EventReportsOf meanwhile.
  std::string sql = kEventColumns;
  if (scope == EventScope::kOfDuplicates)
    sql += "WHERE a.duplicate_of IS NOT NULL ";
  sql += "ORDER BY e.article_id, e.ordinal";
  auto q = db_->Prepare(sql);
  if (!q.ok()) return q.status();
  return ReadEventRows(*q, each);
}

Result<int64_t> Store::CountEventReports() {
  return QueryInt("SELECT count(*) FROM events");
}

Result<std::vector<StoredArticle>> Store::ArticlesAfter(int64_t after_id,
                                                        int limit) {
  const std::string sql = std::string(kStoredArticleColumns) +
                          "WHERE a.id > ? ORDER BY a.id LIMIT ?";
  auto q = Lazy(&articles_after_, sql.c_str());
  if (!q.ok()) return q.status();
  (*q)->Bind(1, after_id).Bind(2, limit);
  std::vector<StoredArticle> out;
  Status st;
  while ((*q)->Step(&st)) out.push_back(ReadStoredArticleRow(**q));
  (*q)->Reset();
  if (!st.ok()) return st;
  return out;
}

Result<StoredArticle> Store::ReadStoredArticle(int64_t article_id) {
  const std::string sql = std::string(kStoredArticleColumns) + "WHERE a.id=?";
  auto q = Lazy(&read_stored_article_, sql.c_str());
  if (!q.ok()) return q.status();
  (*q)->Bind(1, article_id);
  Status st;
  std::optional<StoredArticle> a;
  if ((*q)->Step(&st)) a = ReadStoredArticleRow(**q);
  (*q)->Reset();
  if (!st.ok()) return st;
  if (!a) return Status::NotFound("no article " + std::to_string(article_id));
  return std::move(*a);
}

Result<int64_t> Store::QueryInt(const std::string& sql) {
  auto q = db_->Prepare(sql);
  if (!q.ok()) return q.status();
  Status st;
  int64_t n = q->Step(&st) ? q->Int(0) : 0;
  if (!st.ok()) return st;
  return n;
}

Result<int64_t> Store::CountArticles() {
  return QueryInt("SELECT count(*) FROM articles");
}

Result<int64_t> Store::CountDocuments() {
  return QueryInt("SELECT count(*) FROM documents");
}

Status Store::ForEachArticle(
    const std::function<Status(const ArticleRow&)>& each) {
  auto q = db_->Prepare(
      "SELECT a.id, a.document_id, d.path, d.locator, d.format, a.source_id, "
      "a.url, a.title, a.author, a.outlet, a.published, "
      "a.published_precision, a.published_reason, a.language, "
      "a.language_reliable, a.text, a.raw_begin, a.raw_end, a.duplicate_of, "
      "a.similarity FROM articles a JOIN documents d ON d.id=a.document_id "
      "ORDER BY a.id");
  if (!q.ok()) return q.status();
  Status st;
  while (q->Step(&st)) {
    ArticleRow r;
    r.id = q->Int(0);
    r.document_id = q->Int(1);
    r.path = q->Text(2);
    r.locator = q->Text(3);
    r.format = q->Text(4);
    if (!q->IsNull(5)) r.source_id = q->Text(5);
    r.url = q->Text(6);
    r.title = q->Text(7);
    r.author = q->Text(8);
    r.outlet = q->Text(9);
    r.published = q->Text(10);
    r.published_precision = q->Text(11);
    r.published_reason = q->Text(12);
    r.language = q->Text(13);
    r.language_reliable = q->Int(14) != 0;
    r.text = q->Text(15);
    r.raw_begin = q->Int(16);
    r.raw_end = q->Int(17);
    if (!q->IsNull(18)) r.duplicate_of = q->Int(18);
    r.similarity = q->Double(19);
    CW_RETURN_IF_ERROR(each(r));
  }
  return st;
}

}  // namespace ceasewatch
