// The first look at an HTTP/1.1 request, before any handler or authentication runs: the head is
// checked (size, framing, encodings) and the body is framed and bounded here, so a hostile client
// costs at most the limits below. Pure functions, no I/O: the event loop feeds bytes in.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzen::web::http {

struct Limits {
  size_t max_head = 16 * 1024;                   // request line and headers
  size_t max_body_anonymous = 64 * 1024;         // no session cookie and no bearer token
  size_t max_body = 32 * 1024 * 1024;            // uploads of a signed-in user
  size_t max_inflight_body = 160 * 1024 * 1024;  // all bodies being received at once
  int head_timeout_ms = 10'000;                  // from the first byte to the end of the head
  int idle_timeout_ms = 5'000;                   // keep-alive wait for the next request
  int body_timeout_ms = 120'000;                 // the whole body
  int write_timeout_ms = 10'000;
  int max_conns_per_client = 16;
  int max_conns = 2048;
  // Smaller body limits for some routes (target prefix, bytes): applied to the declared length
  // before any body byte is read, and to a chunked body as it arrives.
  std::vector<std::pair<std::string, size_t>> body_limit_by_prefix;
};

// A refusal before any handler runs: status and an English reason for the log.
struct Refusal {
  int status;
  std::string reason;
};

struct Head {
  std::string method, target, version;
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent
  size_t head_bytes = 0;                                     // including the blank line
  bool chunked = false;
  size_t content_length = 0;
  bool credentials = false;  // a session cookie or a bearer token is present (not yet checked)
  bool keep_alive = true;
  std::string forwarded_for;  // X-Forwarded-For as sent
  std::string accept_language, cookie;

  const std::string* header(std::string_view name) const;
};

// Parses a complete head (buf holds at least the blank line at head_end). Returns a refusal for
// malformed framing: both Content-Length and Transfer-Encoding, a transfer coding other than
// chunked, differing lengths, a request Content-Encoding (bodies are never inflated), a line
// without a colon or with a NUL.
std::optional<Refusal> parse_head(std::string_view head, Head& out);

// The body limit of a request: the signed-in or anonymous limit, lowered by the first matching
// route prefix of limits.body_limit_by_prefix.
size_t body_limit(const Limits& limits, const Head& h);

// Where the blank line ending the head is (index just past it), or npos.
size_t find_head_end(std::string_view buf);

// The head handed to the application: without framing headers it no longer needs (the body is
// already framed: Content-Length gives its decoded size), without Expect (answered here), and with
// a form Content-Type renamed so that the library does not parse (and cap) it itself.
std::string rewrite_head(const Head& h, size_t body_size);
inline constexpr std::string_view kFormType = "application/x-anzen-form";

// Incremental decoder of a chunked body, bounded by `limit` decoded bytes.
class ChunkDecoder {
 public:
  explicit ChunkDecoder(size_t limit) : limit_(limit) {}
  enum class State { more, done, error, too_large };
  // Consumes bytes from `in` starting at `pos` (advanced), appending data to `out`.
  State feed(std::string_view in, size_t& pos, std::string& out);

 private:
  enum class Step { size_line, data, data_end, trailer } step_ = Step::size_line;
  size_t remaining_ = 0;
  size_t limit_;
};

// The client a request comes from: the peer, or, when the peer is a trusted proxy, the address
// the proxies recorded (X-Forwarded-For, walked from the right past trusted proxies).
std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);
// Whether `addr` is in one of the entries (an address or an IPv4/IPv6 CIDR block).
bool address_in(const std::string& addr, const std::vector<std::string>& entries);

const char* reason_phrase(int status);

}  // namespace anzen::web::http
