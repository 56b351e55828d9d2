// The network side of `anzen serve`: event loops (epoll) own every connection. A request reaches
// the application only when its head and its whole body have arrived within the limits and
// deadlines of http::Limits, so slow or oversized clients never hold a thread. A loop's thread
// runs the handler of a complete request itself (no hand-off between threads for the common
// short request); standby threads take a loop over when its handler has run longer than
// takeover_after_us, so a long handler (a PDF report) holds only its own connection and thread,
// never the other kept-alive connections of its loop. The connection of a handler whose loop
// was taken over is out of the loop's epoll set until its thread hands it back.
// cpp-httplib parses, routes and writes the response (its process_request over an in-memory
// stream); its own accept loop and socket reads, which have no head deadline, no chunked-body
// bound and inflate request bodies, are not used.
#pragma once
#include <httplib.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "web/http_head.h"

namespace anzen::web::http {

// cpp-httplib's server with its request processing opened to the event loops.
class Engine : public httplib::Server {
 public:
  bool serve_one(httplib::Stream& s, bool close, bool& closed) {
    return process_request(s, close, closed, {});
  }
};

// A credential carried in the request path (a supplier portal link) rather than in a cookie or
// a bearer header.
enum class PathCredential { none, valid, throttled };

struct LoopOptions {
  Limits limits;
  int loops = 8;    // I/O event loops, each with a thread that also runs short handlers
  int workers = 8;  // standby threads that take a loop over while its handler runs long
  int takeover_after_us = 2000;
  std::vector<std::string>
      trusted_proxies;            // addresses or CIDR blocks whose X-Forwarded-For counts
  std::string tls_cert, tls_key;  // PEM files: serve HTTPS
  // Asked on the loop, before any body byte is read, when a request without a session or token
  // declares (or chunks) a body above the anonymous limit: `valid` gives it the signed-in limit,
  // `throttled` refuses it with 429, `none` keeps the anonymous limit. Must be quick (one indexed
  // lookup); an exception counts as `none`.
  std::function<PathCredential(const Head&)> path_credential;
};

// Called by a handler that is about to wait for something other than the CPU (its write's
// commit by the writer queue): its loop goes to a standby thread at once, rather than after
// takeover_after_us, so that the loop's other connections are read and answered meanwhile (and
// their writes join the same commit). Does nothing on a thread that is not running a loop's
// handler, or whose loop was already taken over.
void handler_waits();

// Renders a refusal made before any handler ran: headers (besides framing) and an HTML body.
struct RefusalResponse {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};
using RefusalRenderer = std::function<RefusalResponse(int status, const Head* head)>;

class EventServer {
 public:
  EventServer(Engine& engine, LoopOptions opt, RefusalRenderer render);  // throws on bad TLS files
  ~EventServer();
  int bind(const std::string& host, int port);  // port 0 = any; returns the port or -1
  void run();                                   // serves until stop()
  void stop();

  struct Shared;

 private:
  Engine& engine_;
  std::unique_ptr<Shared> shared_;
  int listen_fd_ = -1;
};

}  // namespace anzen::web::http
