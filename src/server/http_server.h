// The HTTP front of the API (cpp-httplib): /api/... goes to Api::Handle,
// everything else is a static file of the dashboard directory. Threads
// come from a fixed pool; each keeps a connection for up to
// `keep_alive_requests` requests, and the listen backlog is raised so
// that a burst of a thousand connections waits in the kernel's queue
// rather than being refused.
#ifndef CEASEWATCH_SERVER_HTTP_SERVER_H_
#define CEASEWATCH_SERVER_HTTP_SERVER_H_

#include <memory>
#include <string>

#include "ceasewatch/status.h"
#include "server/api.h"

namespace ceasewatch {

struct HttpServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;      // 0: any free port (see HttpServer::port)
  std::string web_dir;  // "" or missing: "/" says the dashboard is not built
  // Connections served at once (each holds a thread while it is open);
  // more wait in a queue. 0: 1024.
  int threads = 0;
  int keep_alive_requests = 100;
  int keep_alive_seconds = 5;
  int backlog = 4096;
  bool log = false;  // one line per request on stderr
};

class HttpServer {
 public:
  // `api` must outlive the server.
  HttpServer(Api* api, HttpServerOptions options);
  ~HttpServer();

  // Binds the socket; after this, port() is the port bound.
  Status Bind();
  int port() const { return port_; }
  // Serves until Stop() (from another thread or a signal handler thread).
  Status Run();
  void Stop();
  // True once Run() is accepting connections.
  bool running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  HttpServerOptions options_;
  int port_ = 0;
};

// The dashboard directory: `flag` if given, else web/dist beside the
// binary (build/../web/dist) or in the working directory; "" when none
// holds an index.html.
std::string FindWebDir(const std::string& flag);

}  // namespace ceasewatch

#endif  // CEASEWATCH_SERVER_HTTP_SERVER_H_
