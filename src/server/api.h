// The JSON API (doc/api.md), independent of the HTTP library: a request
// (method, path, query parameters, body, Authorization header) in, a
// response (status, content type, body) out. Thread-safe: reads lease a
// connection from a ReaderPool; POST /api/ingest goes through one writer
// (the normal Ingester, one transaction per document) under a mutex.
//
//   GET  /api/incidents?since&until&type&side&place&bbox&limit&offset
//   GET  /api/incidents/{id}
//   GET  /api/contradictions       GET /api/provisions
//   GET  /api/articles?limit&offset GET /api/articles/{id}
//   GET  /api/search?q&limit        GET /api/types
//   POST /api/ingest?name=          (Authorization: Bearer TOKEN)
//
// Errors are {"error": "message"}: 400 bad parameter, 401 no or wrong
// token, 403 ingest on a read-only server, 404 unknown, 405 wrong method,
// 413 body too large, 500 store failure.
#ifndef CEASEWATCH_SERVER_API_H_
#define CEASEWATCH_SERVER_API_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "agreements/agreement.h"
#include "ceasewatch/status.h"
#include "server/event_cache.h"
#include "server/reader_pool.h"

namespace ceasewatch {

struct ApiRequest {
  std::string method;                              // "GET", "POST", ...
  std::string path;                                // without the query string
  std::multimap<std::string, std::string> params;  // decoded query
  std::string body;
  std::string content_type;
  std::string authorization;  // the Authorization header
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

struct ApiOptions {
  std::string db;
  // POST /api/ingest needs "Authorization: Bearer <token>"; "" makes the
  // API read-only (ingest answers 403).
  std::string token;
  std::string pack_dir;  // agreements, and the extractor for ingest
  int readers = 8;       // read-only connections at most
  size_t max_ingest_bytes = 10u * 1000 * 1000;
};

class Api {
 public:
  // Opens one reader to check the store, and loads the agreements (their
  // absence is reported by /api/provisions, not here).
  static Result<std::unique_ptr<Api>> Open(const ApiOptions& options);
  ~Api();

  ApiResponse Handle(const ApiRequest& request);

  const ApiOptions& options() const { return options_; }

 private:
  struct Writer;
  explicit Api(const ApiOptions& options);

  ApiResponse Incidents(const ApiRequest& r);
  ApiResponse GetIncident(const std::string& id);
  ApiResponse Contradictions();
  ApiResponse Provisions();
  ApiResponse Articles(const ApiRequest& r);
  ApiResponse GetArticle(const std::string& id);
  ApiResponse Search(const ApiRequest& r);
  ApiResponse Types();
  ApiResponse Ingest(const ApiRequest& r);
  // A reader, after checking whether the store changed since it was last
  // leased (then the event cache starts a new generation).
  Result<ReaderPool::Lease> Read();
  // The EVENT of incident `id` as JSON text, from the cache when it holds
  // it; NotFound as IncidentEventJson.
  Result<std::string> EventText(Reader& reader, int64_t id, uint64_t gen);

  ApiOptions options_;
  ReaderPool readers_;
  std::vector<Agreement> agreements_;
  Status agreements_status_;
  EventCache events_;
  // Whole pages of /api/incidents, by filter; invalidated with events_.
  EventCache pages_;
  std::mutex write_mu_;
  std::unique_ptr<Writer> writer_;  // opened on the first ingest
};

// {"error": message} with `status`.
ApiResponse ErrorResponse(int status, const std::string& message);

}  // namespace ceasewatch

#endif  // CEASEWATCH_SERVER_API_H_
