#include "web/http_loop.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace anzen::web::http {

using Clock = std::chrono::steady_clock;

namespace {
class Loop;
struct Conn;
// The loop whose handler this thread runs, and the connection it answers (see handler_waits).
thread_local Loop* t_loop = nullptr;
thread_local Conn* t_conn = nullptr;
}  // namespace

struct EventServer::Shared {
  LoopOptions opt;
  RefusalRenderer render;
  SSL_CTX* tls = nullptr;
  std::atomic<bool> stopping{false};
  std::atomic<size_t> inflight{0};  // body bytes being received, all loops
  std::atomic<int> conns{0};
  std::mutex per_client_mu;
  std::unordered_map<std::string, int> per_client;
  std::vector<int> wake_fds;
  std::vector<std::thread> threads;
  // A loop's owner runs each complete request's handler itself (no hand-off between threads for
  // the common short request). Standby threads watch for a handler that has run longer than
  // opt.takeover_after and take its loop over, so a long handler (a PDF report) holds only its
  // own connection, never the others of its loop; the thread that ran it becomes a standby.
  // Guarded by own_mu: which loop runs which handler since when, and the standbys' state.
  std::mutex own_mu;
  std::condition_variable own_cv;
  std::vector<Loop*> loops;
  int pollers = 0;   // standbys watching the running handlers (at most one)
  int sleepers = 0;  // standbys waiting to be called

  void standby();

  bool reserve(size_t n) {
    size_t cur = inflight.load();
    do {
      if (cur + n > opt.limits.max_inflight_body) return false;
    } while (!inflight.compare_exchange_weak(cur, cur + n));
    return true;
  }
  void release(size_t n) { inflight -= n; }
};

namespace {

struct Conn {
  int fd = -1;
  SSL* ssl = nullptr;
  bool handshaken = false;
  bool counted_client = false;
  std::string peer;
  int peer_port = 0;
  std::string in;  // received, not yet consumed
  std::optional<Head> head;
  std::string client;
  std::string body;
  std::optional<ChunkDecoder> chunks;
  size_t reserved = 0;
  // busy: a handler is answering; the loop leaves the connection alone until it is answered.
  enum class Wait { idle, head, body, draining, busy } wait = Wait::idle;
  bool watched = true;  // in the loop's epoll set (taken out while another thread answers it)
  bool close_when_answered = false;  // the client half-closed while its request was answered
  Clock::time_point deadline;
};

// Writes everything, waiting for the socket while it is full, up to the write deadline.
bool write_all(Conn& c, const char* p, size_t n, int timeout_ms) {
  auto until = Clock::now() + std::chrono::milliseconds(timeout_ms);
  while (n > 0) {
    ssize_t w;
    bool want_read = false;
    if (c.ssl) {
      int r = SSL_write(c.ssl, p, static_cast<int>(std::min<size_t>(n, 1 << 30)));
      if (r > 0) {
        w = r;
      } else {
        int e = SSL_get_error(c.ssl, r);
        if (e != SSL_ERROR_WANT_WRITE && e != SSL_ERROR_WANT_READ) return false;
        want_read = e == SSL_ERROR_WANT_READ;
        w = -1;
        errno = EAGAIN;
      }
    } else {
      w = ::send(c.fd, p, n, MSG_NOSIGNAL);
    }
    if (w > 0) {
      p += w;
      n -= static_cast<size_t>(w);
      continue;
    }
    if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    if (left <= 0) return false;
    pollfd pf{c.fd, static_cast<short>(want_read ? POLLIN : POLLOUT), 0};
    if (::poll(&pf, 1, static_cast<int>(left)) <= 0) return false;
  }
  return true;
}

// Writes `head` then `body` on a plain TCP connection with as few writev calls as the socket
// takes, waiting while it is full, up to the write deadline (the body is not copied behind the
// head first).
bool writev_all(Conn& c, std::string_view head, std::string_view body, int timeout_ms) {
  auto until = Clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!head.empty() || !body.empty()) {
    iovec iov[2];
    int n = 0;
    if (!head.empty()) iov[n++] = {const_cast<char*>(head.data()), head.size()};
    if (!body.empty()) iov[n++] = {const_cast<char*>(body.data()), body.size()};
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = static_cast<size_t>(n);
    ssize_t w = ::sendmsg(c.fd, &msg, MSG_NOSIGNAL);
    if (w > 0) {
      size_t done = static_cast<size_t>(w), from_head = std::min(done, head.size());
      head.remove_prefix(from_head);
      body.remove_prefix(done - from_head);
      continue;
    }
    if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    if (left <= 0) return false;
    pollfd pf{c.fd, POLLOUT, 0};
    if (::poll(&pf, 1, static_cast<int>(left)) <= 0) return false;
  }
  return true;
}

// The request as the application sees it: head and framed body from memory. The response is
// collected and written in as few writes as possible (flushed every 256 KB and at the end).
class BufferStream : public httplib::Stream {
 public:
  BufferStream(std::string bytes, Conn& c, int write_timeout_ms)
      : bytes_(std::move(bytes)), c_(c), write_timeout_ms_(write_timeout_ms) {}
  bool is_readable() const override { return pos_ < bytes_.size(); }
  bool is_writable() const override { return !failed_; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, bytes_.size() - pos_);
    std::memcpy(ptr, bytes_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (failed_) return -1;
    if (size >= kDirect && !c_.ssl) {  // a page body: sent behind the head without a copy
      if (!writev_all(c_, out_, std::string_view(ptr, size), write_timeout_ms_)) failed_ = true;
      out_.clear();
      return failed_ ? -1 : static_cast<ssize_t>(size);
    }
    out_.append(ptr, size);
    if (out_.size() >= 256 * 1024 && !flush()) return -1;
    return static_cast<ssize_t>(size);
  }
  bool flush() {
    if (!failed_ && !out_.empty() && !write_all(c_, out_.data(), out_.size(), write_timeout_ms_))
      failed_ = true;
    out_.clear();
    return !failed_;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.client;
    port = c_.peer_port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  socket_t socket() const override { return c_.fd; }
  bool failed() const { return failed_; }

 private:
  static constexpr size_t kDirect = 8192;
  std::string bytes_;
  size_t pos_ = 0;
  std::string out_;
  Conn& c_;
  int write_timeout_ms_;
  bool failed_ = false;
};

std::string peer_string(const sockaddr_storage& ss, int& port) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (ss.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    port = ntohs(a->sin_port);
  } else {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
    inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    port = ntohs(a->sin6_port);
  }
  std::string s = buf;
  if (s.rfind("::ffff:", 0) == 0 && s.find('.') != std::string::npos) s = s.substr(7);
  return s;
}

class Loop {
 public:
  Loop(Engine& engine, EventServer::Shared& sh, int listen_fd, int wake_fd)
      : engine_(engine), sh_(sh), listen_fd_(listen_fd), wake_fd_(wake_fd) {}

  // Before any thread runs the loop.
  void open() {
    ep_ = epoll_create1(EPOLL_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLEXCLUSIVE;  // one loop wakes per new connection
    ev.data.fd = listen_fd_;
    epoll_ctl(ep_, EPOLL_CTL_ADD, listen_fd_, &ev);
    epoll_event wev{};
    wev.events = EPOLLIN;
    wev.data.fd = wake_fd_;
    epoll_ctl(ep_, EPOLL_CTL_ADD, wake_fd_, &wev);
  }

  // Runs the loop on the calling thread, its owner. Returns when the server stops (every
  // connection closed), or early when a standby took the loop over while this thread ran a long
  // handler: from then on this thread touches nothing of the loop.
  void run() {
    std::vector<epoll_event> events(256);
    auto next_sweep = Clock::now();
    while (!sh_.stopping) {
      int n = epoll_wait(ep_, events.data(), static_cast<int>(events.size()), 250);
      for (int i = 0; i < n; ++i) {
        int fd = events[static_cast<size_t>(i)].data.fd;
        if (fd == wake_fd_) {
          uint64_t n_wakes;
          [[maybe_unused]] auto r = ::read(wake_fd_, &n_wakes, sizeof n_wakes);
          if (!take_back_answered()) return;
          continue;
        }
        if (fd == listen_fd_) {
          accept_some();
          continue;
        }
        // The rest of this batch is left to the new owner: epoll reports it again (level).
        auto it = conns_.find(fd);
        if (it != conns_.end() && !on_readable(*it->second)) return;
      }
      auto now = Clock::now();
      if (now >= next_sweep) {
        sweep(now);
        next_sweep = now + std::chrono::milliseconds(250);
      }
    }
    // Connections being answered on other threads come back before anything is closed.
    while (busy_ > 0) {
      pollfd pf{wake_fd_, POLLIN, 0};
      ::poll(&pf, 1, 100);
      uint64_t n_wakes;
      [[maybe_unused]] auto r = ::read(wake_fd_, &n_wakes, sizeof n_wakes);
      take_back_answered();
    }
    std::vector<int> fds;
    for (auto& [fd, c] : conns_) fds.push_back(fd);
    for (int fd : fds) close_conn(*conns_[fd]);
    ::close(ep_);
    std::lock_guard lock(sh_.own_mu);
    sh_.own_cv.notify_all();  // the standbys see `stopping` (stop() runs in a signal handler)
  }

  // With sh_.own_mu held, by a standby: whether this loop's handler has run for `after`; if so
  // the loop is the caller's from now on. The handler's connection leaves the epoll set (its
  // thread still writes the answer, then hands it back through answered()).
  bool take_over_if_late(Clock::time_point now, Clock::duration after) {
    if (!handler_conn_ || (!released_ && now - handler_since_ < after)) return false;
    epoll_ctl(ep_, EPOLL_CTL_DEL, handler_conn_->fd, nullptr);
    handler_conn_->watched = false;
    handler_conn_ = nullptr;
    released_ = false;
    return true;
  }
  // By the thread running the handler of `c`, which is about to wait: a standby takes the loop
  // over as soon as it looks.
  void release(Conn* c) {
    std::lock_guard lock(sh_.own_mu);
    if (handler_conn_ != c || released_) return;  // already taken over
    released_ = true;
    sh_.own_cv.notify_one();
  }
  bool running_handler() const { return handler_conn_ != nullptr; }  // with sh_.own_mu held

 private:
  // Called by the thread that answered `c` after the loop was taken from it (keep: the
  // connection stays open).
  void answered(Conn* c, bool keep) {
    {
      std::lock_guard lock(answered_mu_);
      answered_.emplace_back(c, keep);
    }
    uint64_t one = 1;
    [[maybe_unused]] auto w = ::write(wake_fd_, &one, sizeof one);
  }

 private:
  const Limits& lim() const { return sh_.opt.limits; }

  void accept_some() {
    for (int k = 0; k < 16; ++k) {
      sockaddr_storage ss{};
      socklen_t len = sizeof ss;
      int fd = ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&ss), &len,
                         SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;
      auto c = std::make_unique<Conn>();
      c->fd = fd;
      c->peer = peer_string(ss, c->peer_port);
      c->client = c->peer;
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      if (!admit(*c)) continue;
      if (sh_.tls) {
        c->ssl = SSL_new(sh_.tls);
        SSL_set_fd(c->ssl, fd);
        SSL_set_accept_state(c->ssl);
      }
      c->deadline = Clock::now() + std::chrono::milliseconds(lim().head_timeout_ms);
      c->wait = sh_.tls ? Conn::Wait::head : Conn::Wait::idle;
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLRDHUP;
      ev.data.fd = fd;
      epoll_ctl(ep_, EPOLL_CTL_ADD, fd, &ev);
      conns_[fd] = std::move(c);
    }
  }

  // Connection caps: overall, and per client address (trusted proxies only count overall).
  bool admit(Conn& c) {
    bool over = ++sh_.conns > lim().max_conns;
    if (!over && !address_in(c.peer, sh_.opt.trusted_proxies)) {
      std::lock_guard lock(sh_.per_client_mu);
      int& n = sh_.per_client[c.peer];
      if (n >= lim().max_conns_per_client) {
        over = true;
      } else {
        ++n;
        c.counted_client = true;
      }
    }
    if (!over) return true;
    if (!sh_.tls) {
      std::string r = response(503, nullptr);
      [[maybe_unused]] auto w = ::send(c.fd, r.data(), r.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    --sh_.conns;
    ::close(c.fd);
    return false;
  }

  void close_conn(Conn& c) {
    if (c.reserved) sh_.release(c.reserved);
    if (c.counted_client) {
      std::lock_guard lock(sh_.per_client_mu);
      auto it = sh_.per_client.find(c.peer);
      if (it != sh_.per_client.end() && --it->second == 0) sh_.per_client.erase(it);
    }
    if (c.ssl) SSL_free(c.ssl);
    epoll_ctl(ep_, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    --sh_.conns;
    conns_.erase(c.fd);  // destroys c
  }

  void sweep(Clock::time_point now) {
    std::vector<Conn*> late;
    for (auto& [fd, c] : conns_)
      if (c->wait != Conn::Wait::busy && now >= c->deadline) late.push_back(c.get());
    for (Conn* c : late) {
      if (c->wait == Conn::Wait::head || c->wait == Conn::Wait::body) {
        refuse(*c, 408, "request not received in time");
      } else {
        close_conn(*c);
      }
    }
  }

  std::string response(int status, const Head* h) {
    RefusalResponse r = sh_.render(status, h);
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
    for (const auto& [k, v] : r.headers) out += k + ": " + v + "\r\n";
    if (status == 503) out += "Retry-After: 5\r\n";
    if (status == 429) out += "Retry-After: 60\r\n";
    out += "Content-Length: " + std::to_string(r.body.size()) + "\r\nConnection: close\r\n\r\n" +
           r.body;
    return out;
  }

  // Answers before any handler ran, then closes after the client stopped sending (so that it
  // reads the answer instead of a reset). Always false: no request to answer on `c`.
  bool refuse(Conn& c, int status, const std::string& /*reason*/) {
    std::string r = response(status, c.head ? &*c.head : nullptr);
    if ((c.ssl && !c.handshaken) || !write_all(c, r.data(), r.size(), 1000) || c.ssl) {
      close_conn(c);
      return false;
    }
    ::shutdown(c.fd, SHUT_WR);
    if (c.reserved) {
      sh_.release(c.reserved);
      c.reserved = 0;
    }
    c.in.clear();
    c.body.clear();
    c.in.shrink_to_fit();
    c.body.shrink_to_fit();
    c.wait = Conn::Wait::draining;
    c.deadline = Clock::now() + std::chrono::seconds(2);
    return false;
  }

  // Reads what the client sent and answers the requests that are complete. False when this
  // thread lost the loop to a standby (during a long handler).
  bool on_readable(Conn& c) {
    if (c.ssl && !c.handshaken) {
      int r = SSL_accept(c.ssl);
      if (r <= 0) {
        int e = SSL_get_error(c.ssl, r);
        if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) close_conn(c);
        return true;
      }
      c.handshaken = true;
      c.wait = Conn::Wait::idle;
      c.deadline = Clock::now() + std::chrono::milliseconds(lim().idle_timeout_ms);
    }
    char buf[16384];
    bool eof = false;
    for (;;) {
      ssize_t n;
      if (c.ssl) {
        int r = SSL_read(c.ssl, buf, sizeof buf);
        if (r <= 0) {
          int e = SSL_get_error(c.ssl, r);
          if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) break;
          eof = true;
          break;
        }
        n = r;
      } else {
        n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          eof = true;  // the client may have half-closed after its request: answer it first
          break;
        }
      }
      if (c.wait == Conn::Wait::draining) continue;
      c.in.append(buf, static_cast<size_t>(n));
      // Never hold more than a head, or the body still expected plus a little.
      if (!c.head && c.in.size() > lim().max_head + sizeof buf) break;
      if (c.in.size() > 4 * 1024 * 1024) break;
      // A short read emptied the socket (plain TCP: nothing is buffered in user space); what
      // comes later is reported again by epoll, so no read is spent learning it would block.
      if (!c.ssl && static_cast<size_t>(n) < sizeof buf) break;
    }
    int fd = c.fd;
    if (c.wait != Conn::Wait::draining && !advance(c)) return false;  // may close c
    if (eof) {
      auto it = conns_.find(fd);
      if (it == conns_.end()) return true;
      if (it->second->wait == Conn::Wait::busy) {
        it->second->close_when_answered = true;  // answer first, then close
      } else {
        close_conn(*it->second);
      }
    }
    return true;
  }

  // Answers every complete request buffered on `c`, one after the other (pipelining). True
  // when this thread still owns the loop; `c` may be closed by then.
  bool advance(Conn& c) {
    for (;;) {
      if (!frame_request(c)) return true;
      c.wait = Conn::Wait::busy;
      ++busy_;
      bool lost = false;
      bool keep = answer_here(c, lost);
      if (lost) {
        answered(&c, keep);  // to the loop's new owner
        return false;
      }
      --busy_;
      if (!ready_for_next(c, keep) || c.in.empty()) return true;
    }
  }

  // A request whose credential is its path (a portal link) and whose body is larger than an
  // anonymous one may be: asks the application before reading the body, and marks the head as
  // credentialed when the link is live.
  PathCredential path_credential(Head& h) {
    if (h.credentials || !sh_.opt.path_credential) return PathCredential::none;
    if (!h.chunked && h.content_length <= lim().max_body_anonymous) return PathCredential::none;
    PathCredential p = PathCredential::none;
    try {
      p = sh_.opt.path_credential(h);
    } catch (const std::exception&) {
      return PathCredential::none;  // the small limit stays: safe, and the handler will say why
    }
    if (p == PathCredential::valid) h.credentials = true;
    return p;
  }

  // Reads the head and frames the body of the next request on `c`: true when a complete request
  // is ready, false when more bytes are needed or the request was refused (c may be closed).
  bool frame_request(Conn& c) {
    if (!c.head) {
      size_t end = find_head_end(c.in);
      if (end == std::string::npos) {
        if (c.in.size() > lim().max_head) return refuse(c, 431, "head too large");
        if (!c.in.empty() && c.wait == Conn::Wait::idle) {
          c.wait = Conn::Wait::head;
          c.deadline = Clock::now() + std::chrono::milliseconds(lim().head_timeout_ms);
        }
        return false;
      }
      if (end > lim().max_head) return refuse(c, 431, "head too large");
      Head h;
      auto bad = parse_head(std::string_view(c.in).substr(0, end), h);
      c.head = std::move(h);
      if (bad) return refuse(c, bad->status, bad->reason);
      if (path_credential(*c.head) == PathCredential::throttled)
        return refuse(c, 429, "too many requests on this link");
      const Head& hd = *c.head;
      size_t limit = body_limit(lim(), hd);
      if (!hd.chunked && hd.content_length > limit) return refuse(c, 413, "body too large");
      if (!hd.chunked && !sh_.reserve(hd.content_length)) return refuse(c, 503, "busy");
      c.reserved = hd.chunked ? 0 : hd.content_length;
      c.client = client_address(c.peer, hd.forwarded_for, sh_.opt.trusted_proxies);
      if (hd.chunked) c.chunks.emplace(limit);
      c.in.erase(0, end);
      c.wait = Conn::Wait::body;
      c.deadline = Clock::now() + std::chrono::milliseconds(lim().body_timeout_ms);
      const std::string* expect = hd.header("Expect");
      if (expect && (hd.chunked || hd.content_length > 0)) {
        static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        if (!write_all(c, kContinue, sizeof kContinue - 1, lim().write_timeout_ms)) {
          close_conn(c);
          return false;
        }
      }
    }
    if (c.head->chunked) {
      size_t pos = 0, before = c.body.size();
      auto st = c.chunks->feed(c.in, pos, c.body);
      c.in.erase(0, pos);
      size_t grown = c.body.size() - before;
      if (grown && !sh_.reserve(grown)) return refuse(c, 503, "busy");
      c.reserved += grown;
      if (st == ChunkDecoder::State::too_large) return refuse(c, 413, "body too large");
      if (st == ChunkDecoder::State::error) return refuse(c, 400, "malformed chunked body");
      return st == ChunkDecoder::State::done;
    }
    if (c.in.size() < c.head->content_length) return false;
    c.body = c.in.substr(0, c.head->content_length);
    c.in.erase(0, c.head->content_length);
    return true;
  }

  // Runs the handler of `c`'s request on this thread. A standby may take the loop over
  // meanwhile (lost); the connection is then out of the epoll set until it is handed back.
  bool answer_here(Conn& c, bool& lost) {
    {
      std::lock_guard lock(sh_.own_mu);
      handler_conn_ = &c;
      handler_since_ = Clock::now();
      if (sh_.pollers == 0 && sh_.sleepers > 0) sh_.own_cv.notify_one();
    }
    t_loop = this;
    t_conn = &c;
    bool keep = dispatch(c);
    t_loop = nullptr;
    t_conn = nullptr;
    std::lock_guard lock(sh_.own_mu);
    // Taken over: the new owner may already run a handler of its own (another connection).
    lost = handler_conn_ != &c;
    if (!lost) {
      handler_conn_ = nullptr;
      released_ = false;
    }
    return keep;
  }

  // After an answer: closes `c` (false), or makes it wait for its next request.
  bool ready_for_next(Conn& c, bool keep) {
    if (!keep || c.close_when_answered) {
      c.wait = Conn::Wait::idle;
      close_conn(c);
      return false;
    }
    c.head.reset();
    c.chunks.reset();
    c.body.clear();
    if (c.body.capacity() > 65536) c.body.shrink_to_fit();
    sh_.release(c.reserved);
    c.reserved = 0;
    c.wait = c.in.empty() ? Conn::Wait::idle : Conn::Wait::head;
    c.deadline = Clock::now() + std::chrono::milliseconds(c.in.empty() ? lim().idle_timeout_ms
                                                                       : lim().head_timeout_ms);
    if (!c.watched) {
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLRDHUP;
      ev.data.fd = c.fd;
      epoll_ctl(ep_, EPOLL_CTL_ADD, c.fd, &ev);
      c.watched = true;
    }
    return true;
  }

  // Connections answered by threads that lost the loop meanwhile: closed, or watched again for
  // their next request (which may already be buffered). False when this thread lost the loop
  // in turn; what it had not taken back yet goes back to the queue for the new owner.
  bool take_back_answered() {
    std::vector<std::pair<Conn*, bool>> done;
    {
      std::lock_guard lock(answered_mu_);
      done.swap(answered_);
    }
    for (size_t i = 0; i < done.size(); ++i) {
      --busy_;
      Conn& c = *done[i].first;
      if (!ready_for_next(c, done[i].second) || c.in.empty()) continue;
      if (!advance(c)) {  // a pipelined request
        std::lock_guard lock(answered_mu_);
        answered_.insert(answered_.end(), done.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                         done.end());
        return false;
      }
    }
    return true;
  }

  // Runs the application on one complete request; false when the connection ends here.
  bool dispatch(Conn& c) {
    const Head& h = *c.head;
    std::string bytes = rewrite_head(h, c.body.size());
    if (!c.body.empty()) bytes += c.body;
    BufferStream s(std::move(bytes), c, lim().write_timeout_ms);
    std::string().swap(c.body);
    bool closed = false;
    bool ok = engine_.serve_one(s, !h.keep_alive, closed);
    s.flush();
    return ok && !closed && h.keep_alive && !s.failed() && !sh_.stopping;
  }

  Engine& engine_;
  EventServer::Shared& sh_;
  int listen_fd_, wake_fd_;
  int ep_ = -1;
  std::unordered_map<int, std::unique_ptr<Conn>> conns_;
  int busy_ = 0;  // connections answered by threads that lost the loop meanwhile
  std::mutex answered_mu_;
  std::vector<std::pair<Conn*, bool>> answered_;
  // Guarded by sh_.own_mu: the connection whose handler the owner runs, and since when.
  Conn* handler_conn_ = nullptr;
  Clock::time_point handler_since_;
  bool released_ = false;  // the handler waits: take the loop over now
};

}  // namespace

void handler_waits() {
  if (t_loop) t_loop->release(t_conn);
}

EventServer::EventServer(Engine& engine, LoopOptions opt, RefusalRenderer render)
    : engine_(engine), shared_(std::make_unique<Shared>()) {
  shared_->opt = std::move(opt);
  shared_->render = std::move(render);
  if (!shared_->opt.tls_cert.empty()) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (SSL_CTX_use_certificate_chain_file(ctx, shared_->opt.tls_cert.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, shared_->opt.tls_key.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(ctx) != 1) {
      SSL_CTX_free(ctx);
      throw std::runtime_error("cannot load TLS certificate/key");
    }
    shared_->tls = ctx;
  }
  for (int i = 0; i < std::max(1, shared_->opt.loops); ++i)
    shared_->wake_fds.push_back(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
}

EventServer::~EventServer() {
  if (listen_fd_ >= 0) ::close(listen_fd_);
  for (int fd : shared_->wake_fds) ::close(fd);
  if (shared_->tls) SSL_CTX_free(shared_->tls);
}

int EventServer::bind(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res) != 0) {
    hints.ai_flags = AI_PASSIVE;
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res) != 0) return -1;
  }
  int fd = -1;
  for (addrinfo* a = res; a; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) break;
    ::close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  if (fd < 0) return -1;
  listen_fd_ = fd;
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
  int bound = 0;
  peer_string(ss, bound);
  return bound;
}

void EventServer::run() {
  Shared& sh = *shared_;
  int n = static_cast<int>(sh.wake_fds.size());
  std::vector<std::unique_ptr<Loop>> loops;
  for (int i = 0; i < n; ++i) {
    loops.push_back(
        std::make_unique<Loop>(engine_, sh, listen_fd_, sh.wake_fds[static_cast<size_t>(i)]));
    loops.back()->open();
    sh.loops.push_back(loops.back().get());
  }
  // Each loop starts with a thread of its own; the standbys wait to take one over. Every thread
  // ends as a standby, which returns once the server stops.
  for (int i = 1; i < n; ++i)
    sh.threads.emplace_back([&loops, &sh, i] {
      loops[static_cast<size_t>(i)]->run();
      sh.standby();
    });
  for (int i = 0; i < std::max(1, sh.opt.workers); ++i)
    sh.threads.emplace_back([&sh] { sh.standby(); });
  loops[0]->run();
  sh.standby();
  for (auto& t : sh.threads) t.join();
  sh.threads.clear();
  sh.loops.clear();
}

void EventServer::Shared::standby() {
  // One standby at a time watches the running handlers (a wake-up a millisecond while requests
  // come); the others sleep until called. Watching stops after a quiet second.
  using std::chrono::milliseconds;
  const auto after = std::chrono::microseconds(opt.takeover_after_us);
  std::unique_lock lk(own_mu);
  int quiet = 0;
  bool polling = false;
  while (!stopping) {
    auto now = Clock::now();
    bool running = false;
    Loop* late = nullptr;
    for (Loop* l : loops) {
      running = running || l->running_handler();
      if (!late && l->take_over_if_late(now, after)) late = l;
    }
    if (late) {
      if (polling) --pollers;
      polling = false;
      quiet = 0;
      if (sleepers > 0) own_cv.notify_one();  // someone else watches from now on
      lk.unlock();
      late->run();
      lk.lock();
      continue;
    }
    quiet = running ? 0 : quiet + 1;
    if (!polling && pollers == 0) {
      polling = true;
      ++pollers;
    }
    if (polling && quiet < 1000) {
      own_cv.wait_for(lk, milliseconds(1));
      continue;
    }
    if (polling) --pollers;
    polling = false;
    quiet = 0;
    ++sleepers;
    own_cv.wait(lk);
    --sleepers;
  }
  if (polling) --pollers;
}

void EventServer::stop() {
  shared_->stopping = true;
  for (int fd : shared_->wake_fds) {
    uint64_t one = 1;
    [[maybe_unused]] auto w = ::write(fd, &one, sizeof one);
  }
}

}  // namespace anzen::web::http
