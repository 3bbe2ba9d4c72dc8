// `ceasewatch serve`: the JSON API and the dashboard over HTTP
// (src/server, doc/api.md). Runs until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "server/api.h"
#include "server/http_server.h"

namespace ceasewatch::cli {

CLI::App* AddServe(CLI::App& app, ServeArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the JSON API (doc/api.md) and the dashboard (web/dist). "
      "Read-only unless --token is given: POST /api/ingest then needs "
      "'Authorization: Bearer TOKEN'.");
  cmd->add_option("--db", args->db, "SQLite store")->required();
  cmd->add_option("--port", args->port, "TCP port (default 8080; 0: any)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", args->bind,
                  "address to listen on (default 127.0.0.1)");
  cmd->add_option("--token", args->token,
                  "secret that allows POST /api/ingest (default: none, "
                  "read-only)");
  cmd->add_option("--web", args->web,
                  "dashboard directory (default: web/dist beside the binary "
                  "or in the working directory)");
  cmd->add_option("--pack", args->pack,
                  "theatre pack (agreements; extraction for ingest)");
  cmd->add_option("--threads", args->threads,
                  "connections served at once (default 1024)")
      ->check(CLI::Range(1, 4096));
  cmd->add_flag("--log", args->log,
                "one line per request on stderr (method, path, status)");
  return cmd;
}

int RunServe(const ServeArgs& args) {
  // SIGINT and SIGTERM are taken by a thread of our own (sigwait), so the
  // server stops cleanly; every thread started later inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  ApiOptions api_options;
  api_options.db = args.db;
  api_options.token = args.token;
  api_options.pack_dir = FindPackDir(args.pack);
  auto api = Api::Open(api_options);
  if (!api.ok()) {
    std::cerr << "ceasewatch: " << api.status().message() << "\n";
    return kExitStoreFailed;
  }
  HttpServerOptions options;
  options.bind = args.bind;
  options.port = args.port;
  options.threads = args.threads;
  options.web_dir = FindWebDir(args.web);
  options.log = args.log;
  HttpServer server(api->get(), options);
  Status st = server.Bind();
  if (!st.ok()) {
    std::cerr << "ceasewatch: " << st.message() << "\n";
    return kExitUsage;
  }
  std::printf("ceasewatch: serving %s on http://%s:%d/ (%s, dashboard %s)\n",
              args.db.c_str(), args.bind.c_str(), server.port(),
              args.token.empty() ? "read-only" : "ingest with token",
              options.web_dir.empty() ? "not built" : options.web_dir.c_str());
  std::fflush(stdout);
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.Stop();
  });
  st = server.Run();
  // Run ended without a signal (an error): wake the stopper thread.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (!st.ok()) {
    std::cerr << "ceasewatch: " << st.message() << "\n";
    return kExitStoreFailed;
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
