#include "pipeline/ingester.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

#include "clean/line_shape.h"
#include "dates/civil_day.h"
#include "extract/html_extract.h"
#include "extract/text_extract.h"
#include "input/charset.h"
#include "lang/language.h"
#include "pipeline/event_pass.h"

namespace ceasewatch {
namespace {

std::string Hex128(XXH128_hash_t h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx",
                static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

std::string ContentHash(const RawDocument& doc) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, doc.bytes.data(), doc.bytes.size());
  // A JSON-lines record is identified by its whole line (id, title ...).
  if (doc.source_id || !doc.title.empty()) {
    XXH3_128bits_update(state, "\0", 1);
    XXH3_128bits_update(state, doc.envelope.data(), doc.envelope.size());
  }
  std::string out = Hex128(XXH3_128bits_digest(state));
  XXH3_freeState(state);
  return out;
}

int ShingleCount(const std::string& text, int shingle_words) {
  return std::max(1, CountWords(text) - shingle_words + 1);
}

// Pages arriving as JSON-lines records state their metadata outright.
void ApplyRecordMetadata(const RawDocument& doc, Page* page) {
  if (!doc.title.empty()) page->meta.title = doc.title;
  if (!doc.published.empty()) page->meta.published = doc.published;
  if (!doc.outlet.empty()) page->meta.outlet = doc.outlet;
  if (!doc.author.empty()) page->meta.author = doc.author;
  if (!doc.url.empty() && page->meta.url.empty()) page->meta.url = doc.url;
  if (doc.source_id || !doc.title.empty()) page->single_article = true;
}

}  // namespace

std::string SiteOf(std::string_view url, std::string_view outlet) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (url.substr(0, 4) == "www.") url.remove_prefix(4);
    std::string host(url);
    for (char& c : host) c = static_cast<char>(std::tolower(c));
    return host;
  }
  return std::string(outlet);
}

Ingester::Ingester(Store* store, IngestOptions options)
    : store_(store),
      options_(options),
      cleaner_(lexicon_, options.clean),
      hasher_(options.dedup.minhash),
      signatures_(options.dedup.signature_cache_entries),
      sketches_(
          static_cast<size_t>(std::max(options.dedup.minhash.num_hashes, 0)),
          options.dedup.sketch_max_articles) {
  // Each document is written under a savepoint, whose journal holds the
  // prior content of every page the document touches: in memory, not in a
  // temporary file per transaction. Only speed depends on these.
  store_->SetTempStoreInMemory(true);
  if (options_.store_cache_mb > 0)
    store_->SetCacheMegabytes(options_.store_cache_mb);
}

Ingester::~Ingester() {
  CommitGroup();
  store_->SetTempStoreInMemory(false);
  store_->SetCacheMegabytes(Store::kDefaultCacheMegabytes);
}

Status Ingester::BeginDocument() {
  if (!group_failed_.ok()) return group_failed_;
  if (!group_open_) {
    CW_RETURN_IF_ERROR(store_->Begin());
    group_open_ = true;
    group_documents_ = 0;
    group_started_ = std::chrono::steady_clock::now();
  }
  return store_->Savepoint();
}

Status Ingester::CommitGroup() {
  if (!group_open_) return group_failed_;
  group_open_ = false;
  Status st = store_->Commit();
  if (!st.ok()) {
    store_->Rollback();
    group_failed_ = st;
  }
  return st;
}

void Ingester::set_event_extractor(const EventExtractor* extractor) {
  if (!extractor) {
    set_event_source(nullptr, "");
    return;
  }
  set_event_source(ExtractWith(*extractor, scratch_), extractor->version());
  extractor_ = extractor;
}

Status Ingester::Ingest(const std::vector<std::string>& inputs,
                        InputReporter& reporter) {
  if (options_.threads > 1) return IngestInParallel(inputs, reporter);
  struct CountingReporter : InputReporter {
    Ingester* self;
    InputReporter* inner;
    void Reject(const std::string& path, const std::string& locator,
                const Status& why) override {
      ++self->stats_.rejected;
      ++self->stats_.documents;
      inner->Reject(path, locator, why);
      // The rejection is recorded too; a store failure here is not fatal
      // for the rejected input, which was already reported.
      self->store_->InsertReject(path, locator, why.ToString());
    }
  } counting;
  counting.self = this;
  counting.inner = &reporter;
  InputWalker walker(options_.input);
  Status st = walker.Walk(
      inputs,
      [&](RawDocument&& doc) {
        return IngestDocument(std::move(doc), reporter);
      },
      counting);
  Status finish = Finish();
  return st.ok() ? finish : st;
}

// Counts the short lines of the documents after the "sites" watermark
// (committed by a run that stopped before flushing its counts) into the
// store. A store without the watermark (new, or written by a version that
// kept none) starts it at its last document.
Status Ingester::CatchUpSiteLines() {
  auto sites = store_->IndexWatermarkIfSet("sites");
  if (!sites.ok()) return sites.status();
  auto max_doc = store_->MaxDocumentId();
  if (!max_doc.ok()) return max_doc.status();
  if (*sites && **sites >= *max_doc) return Status::Ok();
  std::map<std::string, SiteDelta> deltas;
  if (*sites) {
    CW_RETURN_IF_ERROR(
        store_->SiteDocumentsAfter(**sites, [&](const SiteDocument& d) {
          Page page;
          if (d.format == InputFormat::kHtml) {
            auto html = ExtractHtml(d.body);
            if (!html.ok()) return Status::Ok();  // was stored: cannot fail
            page = std::move(*html);
          } else {
            page = ExtractText(d.body);
          }
          SiteDelta& delta = deltas[d.site];
          ++delta.documents;
          for (uint64_t h : cleaner_.ShortLineHashes(page)) ++delta.lines[h];
          return Status::Ok();
        }));
  }
  for (const auto& [site, delta] : deltas)
    CW_RETURN_IF_ERROR(
        store_->AddSiteLines(site, delta.documents, delta.lines));
  return store_->SetIndexWatermark("sites", *max_doc);
}

Status Ingester::CatchUpIndexes() {
  CW_RETURN_IF_ERROR(CommitGroup());
  caught_up_ = true;
  auto lsh = store_->IndexWatermark("lsh");
  if (!lsh.ok()) return lsh.status();
  auto max_id = store_->MaxArticleId();
  if (!max_id.ok()) return max_id.status();
  CW_RETURN_IF_ERROR(store_->Begin());
  Status st = store_->SignaturesAfter(
      *lsh, [&](int64_t id, const std::vector<uint64_t>& sig) {
        return store_->AddBandKeys(id, hasher_.BandKeys(sig));
      });
  if (st.ok()) st = store_->SetIndexWatermark("lsh", *max_id);
  if (st.ok()) st = store_->IndexFtsThrough(*max_id);
  if (st.ok()) st = CatchUpSiteLines();
  if (!st.ok()) {
    store_->Rollback();
    return st;
  }
  return store_->Commit();
}

Status Ingester::FlushIndexes() {
  CW_RETURN_IF_ERROR(CommitGroup());
  if (pending_documents_ == 0) return Status::Ok();
  int64_t through = 0;
  CW_RETURN_IF_ERROR(store_->Begin());
  Status st;
  for (const auto& [id, keys] : pending_bands_) {
    through = std::max(through, id);
    if (st.ok()) st = store_->AddBandKeys(id, keys);
  }
  if (st.ok() && through > 0) st = store_->SetIndexWatermark("lsh", through);
  if (st.ok() && through > 0) st = store_->IndexFtsThrough(through);
  for (const auto& [site, delta] : pending_sites_)
    if (st.ok()) st = store_->AddSiteLines(site, delta.documents, delta.lines);
  if (st.ok() && last_document_ > 0)
    st = store_->SetIndexWatermark("sites", last_document_);
  if (!st.ok()) {
    store_->Rollback();
    return st;
  }
  CW_RETURN_IF_ERROR(store_->Commit());
  for (const auto& [id, pending] : pending_signatures_)
    sketches_.Put(id, pending.signature);
  pending_bands_.clear();
  pending_band_index_.clear();
  pending_signatures_.clear();
  pending_sites_.clear();
  pending_documents_ = 0;
  return Status::Ok();
}

Status Ingester::Finish() {
  if (!caught_up_) CW_RETURN_IF_ERROR(CatchUpIndexes());
  CW_RETURN_IF_ERROR(FlushIndexes());
  if (fuser_ == nullptr) return Status::Ok();
  // Reports an interrupted run or a re-extraction left unfused.
  CW_RETURN_IF_ERROR(fuser_->FusePending(*store_, 256, &fuse_stats_));
  stats_.incidents = fuse_stats_.opened;
  return Status::Ok();
}

void Ingester::Reject(InputReporter& reporter, const RawDocument& doc,
                      const Status& why) {
  ++stats_.rejected;
  reporter.Reject(doc.path, doc.locator, why);
  store_->InsertReject(doc.path, doc.locator, why.ToString());
}

Result<SiteLineCounts*> Ingester::SiteCounts(const std::string& site) {
  auto it = sites_.find(site);
  if (it != sites_.end()) return &it->second;
  SiteLineCounts& counts = sites_[site];
  int documents = 0;
  Status st = store_->LoadSiteLines(
      site, &documents,
      [&](uint64_t hash, uint32_t count) { counts.SetLine(hash, count); });
  if (!st.ok()) return st;
  counts.set_documents(documents);
  return &counts;
}

namespace {

// Days between two ISO days, or -1 when either is unknown.
int64_t DaysApart(const std::string& a, const std::string& b) {
  CivilDay da, db;
  if (!CivilDay::ParseIso(a, &da) || !CivilDay::ParseIso(b, &db)) return -1;
  int64_t d = da.ToDays() - db.ToDays();
  return d < 0 ? -d : d;
}

}  // namespace

Status Ingester::LoadSketches() {
  sketches_loaded_ = true;
  if (options_.dedup.sketch_max_articles <= 0) return Status::Ok();
  return store_->SignaturesAfter(
      0, [&](int64_t id, const std::vector<uint64_t>& signature) {
        if (pending_signatures_.count(id) == 0) sketches_.Put(id, signature);
        return Status::Ok();
      });
}

Result<Ingester::DedupResult> Ingester::FindDuplicate(
    const std::string& text_hash, const std::string& text,
    const MinHashSignature& sig, const std::vector<uint64_t>& keys,
    int shingles, const std::string& published) {
  DedupResult out;
  auto exact = store_->ArticleWithTextHash(text_hash);
  if (!exact.ok()) return exact.status();
  if (*exact) {
    auto root = store_->DuplicateRoot(**exact);
    if (!root.ok()) return root.status();
    out.duplicate_of = *root;
    out.similarity = 1.0;
    return out;
  }
  const DedupOptions& o = options_.dedup;
  if (shingles < o.min_shingles) return out;
  // A bucket's size is what the store and the unflushed index hold
  // together, so that where the index batches fall (they move when an
  // ingest is stopped and resumed) never changes which buckets count.
  std::vector<int64_t> hits;
  for (uint64_t key : keys) {
    const size_t before = hits.size();
    CW_RETURN_IF_ERROR(store_->LshBucket(key, o.max_bucket + 1, &hits));
    auto it = pending_band_index_.find(key);
    if (it != pending_band_index_.end())
      hits.insert(hits.end(), it->second.begin(), it->second.end());
    if (hits.size() - before > static_cast<size_t>(o.max_bucket))
      hits.resize(before);
  }
  // Rank by the number of bands shared, most first; ties by age.
  std::unordered_map<int64_t, int> shared;
  for (int64_t id : hits) ++shared[id];
  std::vector<std::pair<int, int64_t>> ranked;
  ranked.reserve(shared.size());
  for (const auto& [id, n] : shared) ranked.emplace_back(-n, id);
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() > static_cast<size_t>(o.max_candidates))
    ranked.resize(o.max_candidates);

  std::vector<uint64_t> own_set;  // computed on the first screened candidate
  for (const auto& [neg_shared, id] : ranked) {
    const std::vector<uint64_t>* other = nullptr;
    const std::string* other_published = nullptr;
    const std::string* other_text = nullptr;
    std::shared_ptr<const StoredSignature> stored;
    auto pending = pending_signatures_.find(id);
    if (pending != pending_signatures_.end()) {
      other = &pending->second.signature;
      other_published = &pending->second.published;
      other_text = &pending->second.text;
    } else {
      // Not pending: committed before the last index flush, so it never
      // changes (see signatures_). Its sketch bounds the screen from
      // above: under the bar there, under it with the signature too.
      if (!sketches_loaded_) CW_RETURN_IF_ERROR(LoadSketches());
      const double bound = sketches_.SimilarityBound(id, sig);
      if (bound >= 0 && bound < o.screen_similarity) continue;
      stored = signatures_.Find(id);
      if (!stored) {
        auto loaded = std::make_shared<StoredSignature>();
        CW_RETURN_IF_ERROR(
            store_->LoadSignature(id, &loaded->signature, &loaded->shingles));
        signatures_.Put(id, loaded);
        sketches_.Put(id, loaded->signature);
        stored = std::move(loaded);
      }
      other = &stored->signature;
    }
    if (other->size() != sig.size() ||
        MinHasher::Similarity(sig, *other) < o.screen_similarity)
      continue;
    std::string stored_text, stored_published;
    if (!other_text) {
      auto t = store_->ArticleText(id, &stored_published);
      if (!t.ok()) return t.status();
      stored_text = std::move(*t);
      other_text = &stored_text;
      other_published = &stored_published;
    }
    if (own_set.empty()) own_set = hasher_.ShingleSet(text);
    std::vector<uint64_t> other_set = hasher_.ShingleSet(*other_text);
    ShingleOverlap ov = MinHasher::Overlap(own_set, other_set);
    const size_t smaller = std::min(own_set.size(), other_set.size());
    const int64_t apart = DaysApart(published, *other_published);
    const bool near = ov.jaccard >= o.minhash.threshold ||
                      (ov.jaccard >= o.min_jaccard_for_containment &&
                       ov.containment >= o.min_containment &&
                       smaller >= static_cast<size_t>(o.min_shingles) &&
                       apart <= o.max_days_apart_for_containment);
    if (near && ov.jaccard > out.similarity) {
      out.duplicate_of = id;
      out.similarity = ov.jaccard;
    }
  }
  if (out.duplicate_of) {
    auto root = store_->DuplicateRoot(*out.duplicate_of);
    if (!root.ok()) return root.status();
    out.duplicate_of = *root;
  }
  return out;
}

Status Ingester::IngestDocument(RawDocument&& doc, InputReporter& reporter) {
  Unit u;
  u.doc = std::move(doc);
  CW_RETURN_IF_ERROR(Admit(&u));
  if (!u.unchanged) Parse(&u);
  CW_RETURN_IF_ERROR(Prepare(&u));
  Analyse(&u, scratch_);
  return StoreUnit(&u, reporter);
}

Status Ingester::Admit(Unit* u) {
  if (!lexicon_.ok())
    return Status::Internal("chrome lexicon: " + lexicon_.error());
  if (!caught_up_) CW_RETURN_IF_ERROR(CatchUpIndexes());
  u->content_hash = ContentHash(u->doc);
  auto seen = store_->HasDocument(u->content_hash);
  if (!seen.ok()) return seen.status();
  u->unchanged = *seen;
  return Status::Ok();
}

void Ingester::Parse(Unit* u) const {
  const RawDocument& doc = u->doc;
  auto body = DecodeToUtf8(doc.bytes, doc.declared_charset, doc.format);
  if (!body.ok()) {
    u->rejected = body.status();
    return;
  }
  u->body_differs = *body != doc.bytes;
  if (doc.format == InputFormat::kHtml) {
    auto html = ExtractHtml(std::move(*body));
    if (!html.ok()) {
      u->rejected = html.status();
      return;
    }
    u->page = std::move(*html);
  } else {
    u->page = ExtractText(std::move(*body));
  }
  ApplyRecordMetadata(doc, &u->page);
  if (u->page.meta.url.empty()) u->page.meta.url = doc.url;
  u->line_plan = cleaner_.PlanLines(u->page);
  u->line_hashes = cleaner_.ShortLineHashes(u->page);
}

Status Ingester::Prepare(Unit* u) {
  if (!u->ToBeStored()) return Status::Ok();
  // A copy of a document still on its way to the store is unchanged too
  // (threads > 1; IngestDocument stores each before the next arrives).
  auto flying = in_flight_.find(u->content_hash);
  if (flying != in_flight_.end()) {
    u->unchanged = true;
    return Status::Ok();
  }
  const RawDocument& doc = u->doc;
  Page& page = u->page;
  u->site = SiteOf(!doc.url.empty() ? doc.url : page.meta.url,
                   !doc.outlet.empty() ? doc.outlet : page.meta.outlet);
  if (!u->site.empty()) {
    auto counts = SiteCounts(u->site);
    if (!counts.ok()) return counts.status();
    u->site_counts = *counts;
  }
  cleaner_.Clean(&page, u->line_plan, u->site_counts);
  u->articles = SplitArticles(page, options_.split);
  // Each article as extraction sees it; its text is the one stored.
  u->as_stored.resize(u->articles.size());
  for (size_t i = 0; i < u->articles.size(); ++i) {
    u->as_stored[i].path = doc.path;
    u->as_stored[i].text = u->articles[i].Text();
    u->as_stored[i].published = u->articles[i].published;
    u->as_stored[i].outlet = u->articles[i].outlet;
  }
  // The next page of the site is cleaned knowing this one; StoreUnit takes
  // it back if the page is not stored.
  if (u->site_counts) u->site_counts->AddDocument(u->line_hashes);
  ++in_flight_[u->content_hash];
  return Status::Ok();
}

void Ingester::Analyse(Unit* u, MatchScratch& scratch) const {
  if (!u->ToBeStored()) return;
  u->facts.resize(u->articles.size());
  for (size_t i = 0; i < u->articles.size(); ++i) {
    const std::string& text = u->as_stored[i].text;
    ArticleFacts& f = u->facts[i];
    if (extractor_ != nullptr) {
      const StoredArticle& a = u->as_stored[i];
      f.events = ExtractArticleEvents(*extractor_, a.text, a.published,
                                      a.outlet, scratch);
      f.events_done = true;
    }
    f.language = DetectLanguage(text, u->page.meta.language);
    f.signature = hasher_.Signature(text);
    f.keys = hasher_.BandKeys(f.signature);
    f.shingles = ShingleCount(text, options_.dedup.minhash.shingle_words);
    f.text_hash = Hex128(XXH3_128bits(text.data(), text.size()));
  }
}

Status Ingester::StoreUnit(Unit* u, InputReporter& reporter) {
  RawDocument& doc = u->doc;
  if (u->walker_reject) {
    Reject(reporter, doc, u->rejected);
    ++stats_.documents;
    return Status::Ok();
  }
  ++stats_.documents;
  stats_.bytes += static_cast<int64_t>(doc.bytes.size());
  if (u->unchanged) {
    ++stats_.unchanged;
    if (progress_) progress_(stats_);
    return Status::Ok();
  }
  if (!u->rejected.ok()) {
    Reject(reporter, doc, u->rejected);
    return Status::Ok();
  }
  // Whatever happens below, this copy is no longer on its way.
  auto flying = in_flight_.find(u->content_hash);
  if (flying != in_flight_.end() && --flying->second == 0)
    in_flight_.erase(flying);
  std::vector<Article>& articles = u->articles;
  const Page& page = u->page;

  CW_RETURN_IF_ERROR(BeginDocument());
  struct NewArticle {
    int64_t id;
    std::vector<uint64_t> keys;
    PendingSignature signature;
  };
  std::vector<NewArticle> added;
  // A failed document is undone whole; SQLite will hand its article ids
  // out again, so they must not linger in the pending index.
  auto fail = [&](const Status& st) {
    store_->RollbackToSavepoint();
    if (u->site_counts) u->site_counts->RemoveDocument(u->line_hashes);
    for (const NewArticle& n : added) {
      pending_signatures_.erase(n.id);
      for (uint64_t key : n.keys) {
        auto& ids = pending_band_index_[key];
        ids.erase(std::remove(ids.begin(), ids.end(), n.id), ids.end());
      }
    }
    return st;
  };
  DocumentToStore stored{&doc, &page,           u->content_hash,
                         "",   u->body_differs, u->site};
  if (u->body_differs) stored.charset = "converted to UTF-8";
  auto doc_id = store_->InsertDocument(stored);
  if (!doc_id.ok()) return fail(doc_id.status());
  int64_t duplicates = 0;
  int64_t event_reports = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    Article& a = articles[i];
    ArticleFacts& f = u->facts[i];
    if (doc.source_id) a.source_id = doc.source_id;
    const std::string& text = u->as_stored[i].text;
    a.language = f.language.code;
    a.language_reliable = f.language.reliable;
    ArticleToStore row;
    row.article = &a;
    row.ordinal = static_cast<int>(i);
    row.text_hash = f.text_hash;
    auto dup = FindDuplicate(row.text_hash, text, f.signature, f.keys,
                             f.shingles, a.published);
    if (!dup.ok()) return fail(dup.status());
    row.duplicate_of = dup->duplicate_of;
    row.similarity = dup->similarity;
    row.shingles = f.shingles;
    row.signature = &f.signature;
    auto id = store_->InsertArticle(*doc_id, row);
    if (!id.ok()) return fail(id.status());
    if (events_) {
      if (!f.events_done) f.events = events_(u->as_stored[i]);
      Status st = store_->ReplaceEventReports(*id, f.events, events_version_);
      if (st.ok() && fuser_ != nullptr)
        st = fuser_->FuseArticle(*store_, *id, &fuse_stats_);
      if (!st.ok()) return fail(st);
      event_reports += static_cast<int64_t>(f.events.size());
    }
    duplicates += row.duplicate_of.has_value();
    added.push_back({*id, std::move(f.keys),
                     PendingSignature{std::move(f.signature), f.shingles,
                                      a.published, text}});
    // Later articles of the same page may repeat this one.
    for (uint64_t key : added.back().keys)
      pending_band_index_[key].push_back(*id);
    pending_signatures_[*id] = added.back().signature;
  }
  Status committed = store_->ReleaseSavepoint();
  if (!committed.ok()) return fail(committed);
  ++group_documents_;
  last_document_ = *doc_id;
  for (NewArticle& n : added)
    pending_bands_.emplace_back(n.id, std::move(n.keys));
  if (u->site_counts) {
    SiteDelta& delta = pending_sites_[u->site];
    ++delta.documents;
    for (uint64_t h : u->line_hashes) ++delta.lines[h];
  }
  if (++pending_documents_ >= options_.index_batch_documents)
    CW_RETURN_IF_ERROR(FlushIndexes());

  ++stats_.stored;
  stats_.articles += static_cast<int64_t>(articles.size());
  stats_.duplicates += duplicates;
  stats_.events += event_reports;
  stats_.incidents = fuse_stats_.opened;
  if (articles.empty()) {
    // Stored (raw text kept) but worth a word: never vanish silently.
    Reject(reporter, doc,
           Status::InvalidInput("no article text found after cleaning (" +
                                std::to_string(page.blocks.size()) +
                                " lines, all chrome); raw page kept"));
  }
  if (group_documents_ >= options_.commit_documents ||
      std::chrono::steady_clock::now() - group_started_ >=
          std::chrono::duration<double>(options_.commit_seconds))
    CW_RETURN_IF_ERROR(CommitGroup());
  if (progress_) progress_(stats_);
  return Status::Ok();
}

}  // namespace ceasewatch
