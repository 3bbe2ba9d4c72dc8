// load_test: holds N concurrent HTTP/1.1 keep-alive connections to a
// server on this machine for a bounded time and reports requests/s,
// latency percentiles and errors. One thread, non-blocking sockets, epoll.
//
//   load_test --port 8080 --connections 1000 --duration 20
//       --path '/api/incidents?limit=20' --path /api/types
//
// Each connection sends a request, waits for the whole response, and
// sends the next (paths taken in turn). A connection the server closes
// after a complete response ("Connection: close") is reopened: that is no
// error. Errors: a connection refused or reset, a response cut short or
// malformed, a status other than 2xx, a request taking longer than
// --timeout (default 10 s; also one still unanswered at the end). Loopback
// only: the tool refuses any other address.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;
  int connections = 1000;
  double duration = 10;  // seconds
  double timeout = 10;   // seconds per request
  std::vector<std::string> paths;
};

struct Conn {
  int fd = -1;
  bool connected = false;
  std::string out;  // request being sent
  size_t sent = 0;
  std::string in;  // response being read
  Clock::time_point started;
  bool busy = false;  // a request is outstanding
  size_t next_path = 0;
  int served = 0;            // responses on this socket
  bool peer_closed = false;  // the server closed its end
};

struct Stats {
  int64_t ok = 0;
  std::map<std::string, int64_t> errors;  // kind -> count
  std::vector<uint32_t> latencies_us;
  int64_t reconnects = 0;
  int64_t bytes = 0;
  int64_t unfinished = 0;        // requests outstanding when time was up
  double oldest_unfinished = 0;  // seconds
};

void Usage() {
  std::fprintf(stderr,
               "usage: load_test [--host 127.0.0.1] [--port N] "
               "[--connections N] [--duration S] [--timeout S] "
               "[--path P]...\n");
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) {
      Usage();
      return false;
    }
    std::string v = argv[++i];
    if (a == "--host")
      o->host = v;
    else if (a == "--port")
      o->port = std::atoi(v.c_str());
    else if (a == "--connections")
      o->connections = std::atoi(v.c_str());
    else if (a == "--duration")
      o->duration = std::atof(v.c_str());
    else if (a == "--timeout")
      o->timeout = std::atof(v.c_str());
    else if (a == "--path")
      o->paths.push_back(v);
    else {
      Usage();
      return false;
    }
  }
  if (o->paths.empty()) o->paths.push_back("/api/incidents?limit=20");
  if (o->host == "localhost") o->host = "127.0.0.1";
  in_addr addr{};
  if (inet_pton(AF_INET, o->host.c_str(), &addr) != 1 ||
      (ntohl(addr.s_addr) >> 24) != 127) {
    std::fprintf(stderr, "load_test: loopback addresses only (127.x.x.x)\n");
    return false;
  }
  if (o->port <= 0 || o->port > 65535 || o->connections < 1 ||
      o->connections > 20000 || o->duration <= 0 || o->duration > 600 ||
      o->timeout <= 0) {
    std::fprintf(stderr,
                 "load_test: need a port, 1..20000 connections, a duration "
                 "of at most 600 s\n");
    return false;
  }
  return true;
}

class Runner {
 public:
  Runner(const Options& o) : o_(o), conns_(o.connections) {
    ep_ = epoll_create1(0);
    inet_pton(AF_INET, o.host.c_str(), &addr_.sin_addr);
    addr_.sin_family = AF_INET;
    addr_.sin_port = htons(static_cast<uint16_t>(o.port));
  }
  ~Runner() { close(ep_); }

  void Run() {
    start_ = Clock::now();
    const auto end = start_ + std::chrono::duration<double>(o_.duration);
    for (size_t i = 0; i < conns_.size(); ++i) Open(i);
    std::vector<epoll_event> events(1024);
    while (Clock::now() < end) {
      int n =
          epoll_wait(ep_, events.data(), static_cast<int>(events.size()), 50);
      for (int k = 0; k < n; ++k) {
        const size_t i = events[k].data.u64;
        if (events[k].events & (EPOLLERR | EPOLLHUP) &&
            !(events[k].events & EPOLLIN)) {
          Fail(i, conns_[i].connected ? "reset" : "connect");
          continue;
        }
        if (events[k].events & EPOLLOUT) Writable(i);
        if (events[k].events & EPOLLIN) Readable(i);
      }
      CheckTimeouts();
    }
    const auto stop = Clock::now();
    elapsed_ = std::chrono::duration<double>(stop - start_).count();
    for (Conn& c : conns_) {
      // Requests still waiting when time is up are reported apart with
      // the oldest one's age, so that a starved connection cannot hide
      // behind the end of the test (it is an error past --timeout).
      if (c.busy) {
        ++stats_.unfinished;
        const double age =
            std::chrono::duration<double>(stop - c.started).count();
        stats_.oldest_unfinished = std::max(stats_.oldest_unfinished, age);
        if (age > o_.timeout) ++stats_.errors["timeout"];
      }
      if (c.fd >= 0) close(c.fd);
    }
  }

  void Report() {
    std::vector<uint32_t>& l = stats_.latencies_us;
    std::sort(l.begin(), l.end());
    auto pct = [&](double p) -> double {
      if (l.empty()) return 0;
      size_t idx = static_cast<size_t>(p / 100.0 * (l.size() - 1));
      return l[idx] / 1000.0;
    };
    int64_t errors = 0;
    for (const auto& [kind, n] : stats_.errors) errors += n;
    std::printf("connections %d, duration %.1f s, paths:", o_.connections,
                elapsed_);
    for (const std::string& p : o_.paths) std::printf(" %s", p.c_str());
    std::printf("\nrequests %lld ok, %.0f requests/s, %.1f MB/s\n",
                static_cast<long long>(stats_.ok), stats_.ok / elapsed_,
                stats_.bytes / elapsed_ / 1e6);
    std::printf(
        "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
        pct(50), pct(90), pct(99), pct(99.9), pct(100));
    std::printf("errors %lld", static_cast<long long>(errors));
    for (const auto& [kind, n] : stats_.errors)
      std::printf("  %s %lld", kind.c_str(), static_cast<long long>(n));
    std::printf(
        "\nreconnects after Connection: close %lld; in flight at the end %lld "
        "(oldest %.2f s)\n",
        static_cast<long long>(stats_.reconnects),
        static_cast<long long>(stats_.unfinished), stats_.oldest_unfinished);
  }

  int64_t errors() const {
    int64_t n = 0;
    for (const auto& [kind, count] : stats_.errors) n += count;
    return n;
  }

 private:
  void Open(size_t i) {
    Conn& c = conns_[i];
    c = Conn();
    c.next_path = i % o_.paths.size();
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (c.fd < 0) {
      ++stats_.errors["socket"];
      return;
    }
    int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int rc = connect(c.fd, reinterpret_cast<sockaddr*>(&addr_), sizeof addr_);
    if (rc < 0 && errno != EINPROGRESS) {
      ++stats_.errors["connect"];
      close(c.fd);
      c.fd = -1;
      return;
    }
    Queue(i);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u64 = i;
    epoll_ctl(ep_, EPOLL_CTL_ADD, c.fd, &ev);
  }

  // Prepares the next request; it is written when the socket is writable.
  void Queue(size_t i) {
    Conn& c = conns_[i];
    const std::string& path = o_.paths[c.next_path];
    c.next_path = (c.next_path + 1) % o_.paths.size();
    c.out = "GET " + path + " HTTP/1.1\r\nHost: " + o_.host +
            "\r\nConnection: keep-alive\r\n\r\n";
    c.sent = 0;
    c.in.clear();
    c.busy = true;
    c.started = Clock::now();
  }

  void Watch(size_t i, bool want_write) {
    epoll_event ev{};
    ev.events = EPOLLIN | (want_write ? EPOLLOUT : 0u);
    ev.data.u64 = i;
    epoll_ctl(ep_, EPOLL_CTL_MOD, conns_[i].fd, &ev);
  }

  void Writable(size_t i) {
    Conn& c = conns_[i];
    if (!c.connected) {
      int err = 0;
      socklen_t len = sizeof err;
      getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err != 0) return Fail(i, "connect");
      c.connected = true;
    }
    while (c.sent < c.out.size()) {
      ssize_t n = send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent,
                       MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EAGAIN) return;
        return Fail(i, "send");
      }
      c.sent += static_cast<size_t>(n);
    }
    Watch(i, false);
  }

  void Readable(size_t i) {
    Conn& c = conns_[i];
    char buf[65536];
    for (;;) {
      ssize_t n = recv(c.fd, buf, sizeof buf, 0);
      if (n > 0) {
        c.in.append(buf, static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && errno == EAGAIN) break;
      // Closed by the server (n == 0) or reset: what arrived may still
      // be a whole response (the last one a keep-alive connection serves).
      if (!c.in.empty()) {
        c.peer_closed = true;
        if (TryComplete(i)) return;  // a whole response: reopened
      } else if (c.served > 0) {
        // An idle keep-alive connection closed between requests.
        ++stats_.reconnects;
        Reopen(i);
        return;
      }
      return Fail(i, n == 0 ? "closed early" : "reset");
    }
    TryComplete(i);
  }

  // True when a whole response was read (the connection then carries on
  // or is reopened).
  bool TryComplete(size_t i) {
    Conn& c = conns_[i];
    const size_t head_end = c.in.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    if (c.in.compare(0, 9, "HTTP/1.1 ") != 0 &&
        c.in.compare(0, 9, "HTTP/1.0 ") != 0) {
      Fail(i, "malformed");
      return true;
    }
    const int status = std::atoi(c.in.c_str() + 9);
    std::string head = c.in.substr(0, head_end);
    for (char& ch : head) ch = static_cast<char>(std::tolower(ch));
    size_t length = 0;
    const size_t cl = head.find("\r\ncontent-length:");
    if (cl != std::string::npos) {
      length = std::strtoull(head.c_str() + cl + 17, nullptr, 10);
    } else if (head.find("transfer-encoding: chunked") != std::string::npos) {
      Fail(i, "chunked (unsupported)");
      return true;
    }
    if (c.in.size() < head_end + 4 + length) return false;  // more to come
    const bool close_after =
        c.peer_closed ||
        head.find("\r\nconnection: close") != std::string::npos;
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        Clock::now() - c.started)
                        .count();
    stats_.bytes += static_cast<int64_t>(head_end + 4 + length);
    if (status >= 200 && status < 300) {
      ++stats_.ok;
      stats_.latencies_us.push_back(
          static_cast<uint32_t>(std::min<int64_t>(us, UINT32_MAX)));
    } else {
      ++stats_.errors["status " + std::to_string(status)];
    }
    ++c.served;
    c.busy = false;
    if (close_after) {
      ++stats_.reconnects;
      Reopen(i);
      return true;
    }
    Queue(i);
    Writable(i);
    if (c.sent < c.out.size()) Watch(i, true);
    return true;
  }

  void Reopen(size_t i) {
    Conn& c = conns_[i];
    if (c.fd >= 0) {
      epoll_ctl(ep_, EPOLL_CTL_DEL, c.fd, nullptr);
      close(c.fd);
    }
    const size_t next = c.next_path;
    Open(i);
    conns_[i].next_path = next;
  }

  void Fail(size_t i, const char* kind) {
    ++stats_.errors[kind];
    Reopen(i);
  }

  void CheckTimeouts() {
    const auto now = Clock::now();
    if (now - last_check_ < std::chrono::milliseconds(200)) return;
    last_check_ = now;
    const auto limit = std::chrono::duration<double>(o_.timeout);
    for (size_t i = 0; i < conns_.size(); ++i) {
      if (conns_[i].busy && now - conns_[i].started > limit) Fail(i, "timeout");
    }
  }

  const Options o_;
  std::vector<Conn> conns_;
  int ep_;
  sockaddr_in addr_{};
  Stats stats_;
  Clock::time_point start_, last_check_;
  double elapsed_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, &o)) return 2;
  rlimit lim{};
  getrlimit(RLIMIT_NOFILE, &lim);
  const rlim_t want = static_cast<rlim_t>(o.connections) + 64;
  if (lim.rlim_cur < want) {
    lim.rlim_cur = std::min(want, lim.rlim_max);
    setrlimit(RLIMIT_NOFILE, &lim);
  }
  Runner runner(o);
  runner.Run();
  runner.Report();
  return runner.errors() == 0 ? 0 : 1;
}
