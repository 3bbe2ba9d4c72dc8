#include "server/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ceasewatch {
namespace {

constexpr const char kNotBuiltPage[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>ceasewatch</title></head><body>\n<h1>ceasewatch</h1>\n"
    "<p>The dashboard is not built (no web/dist/index.html; see web/). "
    "The JSON API answers under <a href=\"/api/incidents\">/api/</a> "
    "(doc/api.md).</p>\n</body></html>\n";

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.params.emplace(k, v);
  r.body = req.body;
  r.content_type = req.get_header_value("Content-Type");
  r.authorization = req.get_header_value("Authorization");
  return r;
}

}  // namespace

std::string FindWebDir(const std::string& flag) {
  namespace fs = std::filesystem;
  if (!flag.empty()) return flag;
  const fs::path rel = fs::path("web") / "dist";
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty();
         dir = dir.parent_path()) {
      if (fs::exists(dir / rel / "index.html", ec)) return (dir / rel).string();
      if (dir == dir.root_path()) break;
    }
  }
  if (fs::exists(rel / "index.html", ec)) return rel.string();
  return "";
}

struct HttpServer::Impl {
  httplib::Server server;
  int listen_fd = -1;
};

HttpServer::HttpServer(Api* api, HttpServerOptions options)
    : impl_(std::make_unique<Impl>()), options_(std::move(options)) {
  httplib::Server& svr = impl_->server;
  const int threads = options_.threads > 0 ? options_.threads : 1024;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_keep_alive_max_count(options_.keep_alive_requests);
  svr.set_keep_alive_timeout(options_.keep_alive_seconds);
  svr.set_read_timeout(10, 0);
  svr.set_write_timeout(10, 0);
  svr.set_payload_max_length(api->options().max_ingest_bytes + 1);
  // The listening socket's descriptor, to raise its backlog after bind
  // (the library listens with a backlog of 5).
  svr.set_socket_options([impl = impl_.get()](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    // Inherited by accepted sockets: headers and body go out at once
    // instead of waiting for a delayed ACK (a 40 ms stall per response).
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    impl->listen_fd = sock;
  });
  auto handle = [api](const httplib::Request& req, httplib::Response& res) {
    ApiResponse out = api->Handle(ToApiRequest(req));
    res.status = out.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(out.body), out.content_type.c_str());
  };
  const char* kApi = R"(/api(/.*)?)";
  svr.Get(kApi, handle);
  svr.Post(kApi, handle);
  svr.Put(kApi, handle);
  svr.Delete(kApi, handle);
  svr.Patch(kApi, handle);
  svr.Options(kApi, handle);
  const std::string web = options_.web_dir;
  std::error_code ec;
  if (!web.empty() &&
      std::filesystem::exists(std::filesystem::path(web) / "index.html", ec)) {
    svr.set_mount_point("/", web);
  } else {
    svr.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kNotBuiltPage, "text/html; charset=utf-8");
    });
  }
  // Bodies for the errors the library answers itself (404 of a missing
  // file, 413 of a too large body); the API's own errors already have one.
  svr.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty())
          return httplib::Server::HandlerResponse::Unhandled;
        const std::string message =
            res.status == 413   ? "the body is too large"
            : res.status == 404 ? "not found: " + req.path.substr(0, 200)
                                : "HTTP error " + std::to_string(res.status);
        if (req.path.rfind("/api", 0) == 0) {
          nlohmann::json j = {{"error", message}};
          res.set_content(
              j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
              "application/json");
        } else {
          res.set_content(message + "\n", "text/plain; charset=utf-8");
        }
        return httplib::Server::HandlerResponse::Handled;
      }));
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content("{\"error\":\"internal error\"}", "application/json");
      });
  if (options_.log) {
    svr.set_logger([](const httplib::Request& req,
                      const httplib::Response& res) {
      // One write per line, so that lines of concurrent requests do not
      // interleave.
      std::cerr << (req.method + " " + req.path + " " +
                    std::to_string(res.status) + "\n");
    });
  }
}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind() {
  httplib::Server& svr = impl_->server;
  if (options_.port == 0) {
    port_ = svr.bind_to_any_port(options_.bind);
    if (port_ <= 0)
      return Status::IOError("cannot bind " + options_.bind + " to a port");
  } else {
    if (!svr.bind_to_port(options_.bind, options_.port))
      return Status::IOError("cannot bind " + options_.bind + ":" +
                             std::to_string(options_.port) +
                             " (in use, or not an address of this machine)");
    port_ = options_.port;
  }
  // Listening again on a listening socket only changes its backlog.
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, options_.backlog);
  return Status::Ok();
}

Status HttpServer::Run() {
  if (!impl_->server.listen_after_bind())
    return Status::IOError("the server stopped with an error");
  return Status::Ok();
}

bool HttpServer::running() const { return impl_->server.is_running(); }

void HttpServer::Stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

}  // namespace ceasewatch
