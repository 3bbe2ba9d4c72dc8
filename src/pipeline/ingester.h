// The ingest pipeline: inputs -> documents -> decode -> extract -> clean ->
// split -> language -> near-duplicates -> store. Each input document is
// stored whole or not at all (a savepoint); documents are committed in
// groups (IngestOptions::commit_documents, commit_seconds) and at Finish.
//
//   auto store = Store::Open("news.db");
//   Ingester ingester(store->get(), IngestOptions{});
//   Status st = ingester.Ingest({"pages/"}, reporter);
//
// Rejected input (binary, broken UTF-8, malformed JSON lines ...) goes to
// the reporter and to the store's `rejects` table and never stops the run.
// Only a failing store stops it, and what was committed before stays.
// Re-ingesting a document already stored (same content hash) changes
// nothing.
#ifndef CEASEWATCH_PIPELINE_INGESTER_H_
#define CEASEWATCH_PIPELINE_INGESTER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ceasewatch/status.h"
#include "clean/chrome_lexicon.h"
#include "clean/cleaner.h"
#include "dedup/near_duplicates.h"
#include "dedup/signature_sketches.h"
#include "events/event_extractor.h"
#include "incidents/incident_fuser.h"
#include "input/input_walker.h"
#include "lang/language.h"
#include "pipeline/event_pass.h"
#include "split/article_splitter.h"
#include "store/store.h"
#include "util/lru_cache.h"

namespace ceasewatch {

struct DedupOptions {
  // 64 hashes in 32 bands of 2 rows: candidate recall stays high down to a
  // Jaccard of about 0.2, where rewritten wire copies sit.
  MinHashOptions minhash{
      .shingle_words = 4, .num_hashes = 64, .bands = 32, .threshold = 0.5};
  // MinHash and LSH only find candidates; the decision is taken on the
  // exact shingle sets. Near duplicates have a Jaccard of at least
  // minhash.threshold; or, for a copy whose shorter side is mostly inside
  // the longer one (a wire story with a rewritten lede), containment at
  // least this, with a Jaccard of at least min_jaccard_for_containment.
  double min_containment = 0.4;
  double min_jaccard_for_containment = 0.2;
  // Texts with fewer shingles are only linked when identical.
  int min_shingles = 20;
  // LSH candidates are ranked by the number of bands they share; at most
  // this many are compared per article.
  int max_candidates = 64;
  // Candidates whose signatures agree on less than this share are dropped
  // before the exact shingle sets are compared.
  double screen_similarity = 0.15;
  // LSH buckets with more articles than this are ignored (stock phrases).
  int max_bucket = 32;
  // Containment-only links (not near-identical texts) need publication days
  // at most this far apart when both are known: wire copies run together.
  int max_days_apart_for_containment = 3;
  // Signatures of stored articles read as candidates are kept in memory,
  // at most this many (about 0.6 KB each): stock phrases make the same
  // articles candidates again and again. 0 reads each from the store.
  size_t signature_cache_entries = 1 << 17;
  // A sketch of each stored signature seen (one byte a value: 64 bytes)
  // is kept for articles with ids up to this, to turn candidates down
  // without reading their signatures (SignatureSketches; the decisions are
  // the same). In a store of 300,000 articles each new one had some 50
  // candidates, nearly all read from all over the file only to be turned
  // down. 0 keeps none (article ids start at 1). They are read in one scan
  // of the stored signatures at a run's first stored candidate.
  int64_t sketch_max_articles = int64_t{1} << 22;
};

struct IngestOptions {
  InputOptions input;
  CleanOptions clean;
  SplitOptions split;
  DedupOptions dedup;
  // Every document commits on its own; the derived indexes (LSH bands,
  // full-text search, site line counts) are written every this many
  // documents and at the end, in one transaction. After a crash they are
  // rebuilt from the committed documents at the next ingest, which then
  // stores what one uninterrupted run would have. Default: 512.
  int index_batch_documents = 512;
  // Documents are committed together, every this many documents or when
  // the oldest uncommitted one is this old, and at Finish(): a commit per
  // document cost more than a tenth of the ingest. Other connections see
  // documents at the commit; a crash loses at most the uncommitted group,
  // which the next ingest of the same inputs stores again. 1 = one
  // transaction per document.
  int commit_documents = 64;
  double commit_seconds = 1.0;
  // Threads for the work that needs no store (decoding, HTML parsing,
  // language, signatures, event extraction) while Ingest() stores on the
  // calling thread. Every stateful step still runs in input order, so the
  // store ends the same for any value. 1: everything on the calling thread.
  int threads = 1;
  // SQLite's page cache while this Ingester writes, in MB (the store's
  // default is given back after). Fusion and the indexes read pages all
  // over a large store: ingesting 1,000 pages into a store of 32,000 read
  // 327 MB of pages with 64 MB of cache, 166 MB with 256.
  int store_cache_mb = 256;
};

struct IngestStats {
  int64_t documents = 0;   // documents read (stored + unchanged + rejected)
  int64_t stored = 0;      // new documents stored
  int64_t unchanged = 0;   // already in the store
  int64_t rejected = 0;    // files or records rejected
  int64_t articles = 0;    // articles stored
  int64_t duplicates = 0;  // of them, linked as near or exact copies
  int64_t events = 0;      // event reports stored with them
  int64_t incidents = 0;   // incidents opened by them (others joined)
  int64_t bytes = 0;       // payload bytes read
};

class Ingester {
 public:
  // `store` must outlive the Ingester.
  Ingester(Store* store, IngestOptions options);
  // Commits documents not yet committed (call Finish() to also bring the
  // indexes up to date).
  ~Ingester();

  // Ingests every input. Reports rejected input to `reporter` (and records
  // it in the store). Returns non-OK only when the store fails.
  Status Ingest(const std::vector<std::string>& inputs,
                InputReporter& reporter);

  // Stores one document, whole or not at all; it is committed with its
  // group (see IngestOptions). Call Finish() after the last.
  Status IngestDocument(RawDocument&& doc, InputReporter& reporter);

  // Brings the derived indexes up to date with every committed document
  // (also those of an earlier run that stopped before flushing them).
  Status Finish();

  // Runs `extractor` on each new article and stores its reports in the
  // article's transaction; null (the default) extracts nothing. It must
  // outlive the Ingester. With IngestOptions::threads > 1 it runs on the
  // worker threads.
  void set_event_extractor(const EventExtractor* extractor);
  // The general form: `events` gives each new article's reports (its id
  // is 0 and duplicate_of unset: not yet stored), tagged `version` in the
  // store. An empty function extracts nothing. It is always called on the
  // thread that calls Ingest or IngestDocument.
  void set_event_source(ArticleEventsFn events, std::string version) {
    events_ = std::move(events);
    events_version_ = std::move(version);
    extractor_ = nullptr;
  }

  // Fuses each new article's reports into incidents in the article's
  // transaction (and, at Finish, any reports left unfused by an earlier
  // run); null (the default) leaves them unfused. It must outlive the
  // Ingester.
  void set_incident_fuser(const IncidentFuser* fuser) { fuser_ = fuser; }

  const IngestStats& stats() const { return stats_; }
  // Stored articles whose signature sketch dedup holds (see
  // DedupOptions::sketch_max_articles).
  size_t sketched_articles() const { return sketches_.size(); }
  // Called after each document (for progress display).
  void set_progress(std::function<void(const IngestStats&)> f) {
    progress_ = std::move(f);
  }

 private:
  // What the store-free analysis finds in one article.
  struct ArticleFacts {
    std::vector<EventReport> events;
    bool events_done = false;  // else the store stage asks events_
    LanguageGuess language;
    MinHashSignature signature;
    std::vector<uint64_t> keys;  // LSH band keys of the signature
    int shingles = 0;
    std::string text_hash;
  };
  // One input on its way through the stages. Stages marked "any thread"
  // read only the unit and const members; the others run in input order on
  // the calling thread.
  struct Unit {
    RawDocument doc;
    std::string content_hash;
    bool unchanged = false;  // already stored: nothing more to do
    Status rejected;         // decoding or extraction refused it
    // A rejection the input walker reported: kept in line with the
    // documents around it.
    bool walker_reject = false;
    bool body_differs = false;
    // Still on its way to be stored: not a walker reject, not unchanged,
    // not refused by decoding or extraction.
    bool ToBeStored() const {
      return !walker_reject && !unchanged && rejected.ok();
    }
    Page page;
    Cleaner::LinePlan line_plan;
    std::vector<uint64_t> line_hashes;  // Cleaner::ShortLineHashes
    std::string site;
    SiteLineCounts* site_counts = nullptr;  // counted in (see Prepare)
    std::vector<Article> articles;
    std::vector<StoredArticle> as_stored;
    std::vector<ArticleFacts> facts;
  };
  // Stage 0, in order: hashes the document and marks it unchanged if the
  // store has it.
  Status Admit(Unit* u);
  // Stage 1, any thread: decoding, extraction, and what cleaning can tell
  // from the page alone.
  void Parse(Unit* u) const;
  // Stage 2, in order: cleaning against the site's line counts (which
  // then count this page), splitting.
  Status Prepare(Unit* u);
  // Stage 3, any thread: `scratch` is the calling thread's own.
  void Analyse(Unit* u, MatchScratch& scratch) const;
  // Stage 4, in order: reports rejections, stores and fuses.
  Status StoreUnit(Unit* u, InputReporter& reporter);
  // Ingest() with IngestOptions::threads > 1.
  Status IngestInParallel(const std::vector<std::string>& inputs,
                          InputReporter& reporter);

  struct DedupResult {
    std::optional<int64_t> duplicate_of;
    double similarity = 0;
  };
  Result<DedupResult> FindDuplicate(const std::string& text_hash,
                                    const std::string& text,
                                    const MinHashSignature& sig,
                                    const std::vector<uint64_t>& keys,
                                    int shingles, const std::string& published);
  Status LoadSketches();
  Status CatchUpIndexes();
  Status CatchUpSiteLines();  // inside CatchUpIndexes' transaction
  Status FlushIndexes();
  // Opens the group's transaction if needed, then a savepoint for one
  // document.
  Status BeginDocument();
  // Commits the open group, if any. A failed commit leaves the store as it
  // was before the group and makes Finish fail too.
  Status CommitGroup();
  Result<SiteLineCounts*> SiteCounts(const std::string& site);
  void Reject(InputReporter& reporter, const RawDocument& doc,
              const Status& why);

  Store* store_;
  IngestOptions options_;
  ChromeLexicon lexicon_;
  Cleaner cleaner_;
  MinHasher hasher_;
  std::map<std::string, SiteLineCounts> sites_;
  // Derived-index work not yet flushed to the store.
  struct PendingSignature {
    MinHashSignature signature;
    int shingles = 0;
    std::string published;
    std::string text;
  };
  // A stored article's signature, as FindDuplicate compares it.
  struct StoredSignature {
    std::vector<uint64_t> signature;
    int shingles = 0;
  };
  // Signatures of articles committed before the last index flush (the
  // pending ones are in pending_signatures_). Articles are never rewritten
  // and their ids are only handed out again after a rollback, which never
  // reaches back past a flush: entries stay true.
  LruCache<int64_t, std::shared_ptr<const StoredSignature>> signatures_;
  // Sketches of the signatures of stored articles (the same rule: only of
  // articles committed before the last index flush): all of them, read in
  // one scan at the first stored candidate (LoadSketches), then those
  // flushed.
  SignatureSketches sketches_;
  bool sketches_loaded_ = false;
  std::vector<std::pair<int64_t, std::vector<uint64_t>>> pending_bands_;
  std::unordered_map<uint64_t, std::vector<int64_t>> pending_band_index_;
  std::unordered_map<int64_t, PendingSignature> pending_signatures_;
  struct SiteDelta {
    int documents = 0;
    std::unordered_map<uint64_t, uint32_t> lines;
  };
  std::map<std::string, SiteDelta> pending_sites_;
  int pending_documents_ = 0;
  int64_t last_document_ = 0;  // the last document this run committed
  bool caught_up_ = false;
  bool group_open_ = false;
  int group_documents_ = 0;
  std::chrono::steady_clock::time_point group_started_;
  Status group_failed_;  // a group's commit failed: nothing more is stored
  IngestStats stats_;
  std::function<void(const IngestStats&)> progress_;
  ArticleEventsFn events_;
  std::string events_version_;
  const EventExtractor* extractor_ = nullptr;  // when events_ wraps one
  // Content hashes of documents prepared but not yet stored (threads > 1):
  // a second copy in flight is as unchanged as one in the store.
  std::unordered_map<std::string, int> in_flight_;
  const IncidentFuser* fuser_ = nullptr;
  FuseStats fuse_stats_;
  MatchScratch scratch_;  // the extractor's, reused across articles
};

// The site a page belongs to, for site-chrome statistics: the host of its
// URL without "www.", lower-cased, else its outlet, else "".
std::string SiteOf(std::string_view url, std::string_view outlet);

}  // namespace ceasewatch

#endif  // CEASEWATCH_PIPELINE_INGESTER_H_
