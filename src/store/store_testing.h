// Test helpers: a store filled by hand, without the ingest pipeline.
#ifndef CEASEWATCH_STORE_STORE_TESTING_H_
#define CEASEWATCH_STORE_STORE_TESTING_H_

#include <cstdint>
#include <optional>
#include <string>

#include "store/store.h"

namespace ceasewatch {

struct TestArticle {
  std::string file;  // documents.path; also makes the content hash unique
  std::string text;  // one paragraph per line
  std::string published;
  std::string outlet;
  std::optional<int64_t> duplicate_of;
};

// Stores `a` as one document holding one article, in its own transaction.
// Returns the article id.
inline Result<int64_t> AddTestArticle(Store& store, const TestArticle& a) {
  RawDocument raw;
  raw.path = a.file;
  raw.bytes = a.text;
  raw.format = InputFormat::kText;
  Page page;
  page.body = a.text;
  Article article;
  article.title = a.file;
  article.published = a.published;
  article.outlet = a.outlet;
  size_t start = 0;
  while (start <= a.text.size()) {
    size_t end = a.text.find('\n', start);
    if (end == std::string::npos) end = a.text.size();
    article.paragraphs.push_back({a.text.substr(start, end - start),
                                  static_cast<uint32_t>(start),
                                  static_cast<uint32_t>(end)});
    start = end + 1;
  }
  CW_RETURN_IF_ERROR(store.Begin());
  DocumentToStore doc{&raw, &page, "hash:" + a.file, "", false, ""};
  auto doc_id = store.InsertDocument(doc);
  if (!doc_id.ok()) {
    store.Rollback();
    return doc_id.status();
  }
  ArticleToStore row;
  row.article = &article;
  row.text_hash = "text:" + a.file;
  row.duplicate_of = a.duplicate_of;
  row.similarity = a.duplicate_of ? 0.9 : 0;
  auto id = store.InsertArticle(*doc_id, row);
  if (!id.ok()) {
    store.Rollback();
    return id.status();
  }
  CW_RETURN_IF_ERROR(store.Commit());
  return *id;
}

}  // namespace ceasewatch

#endif  // CEASEWATCH_STORE_STORE_TESTING_H_
