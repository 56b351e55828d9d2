#include "web/http_head.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace anzen::web::http {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
std::string lower(std::string_view s) {
  std::string r(s);
  for (char& ch : r) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return r;
}
bool parse_size(std::string_view s, size_t& out) {
  if (s.empty() || s.size() > 18) return false;
  size_t v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
    v = v * 10 + static_cast<size_t>(ch - '0');
  }
  out = v;
  return true;
}
}  // namespace

const std::string* Head::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return &v;
  return nullptr;
}

size_t body_limit(const Limits& limits, const Head& h) {
  size_t limit = h.credentials ? limits.max_body : limits.max_body_anonymous;
  for (const auto& [prefix, bytes] : limits.body_limit_by_prefix)
    if (h.target.rfind(prefix, 0) == 0) return std::min(limit, bytes);
  return limit;
}

size_t find_head_end(std::string_view buf) {
  size_t p = buf.find("\r\n\r\n");
  return p == std::string_view::npos ? p : p + 4;
}

std::optional<Refusal> parse_head(std::string_view head, Head& h) {
  h.head_bytes = head.size();
  if (head.find('\0') != std::string_view::npos)
    return Refusal{400, "NUL byte in the request head"};
  size_t eol = head.find("\r\n");
  std::string_view line = head.substr(0, eol);
  size_t s1 = line.find(' '), s2 = line.rfind(' ');
  if (s1 == std::string_view::npos || s2 == s1) return Refusal{400, "malformed request line"};
  h.method = std::string(line.substr(0, s1));
  h.target = std::string(line.substr(s1 + 1, s2 - s1 - 1));
  h.version = std::string(line.substr(s2 + 1));
  if (h.version != "HTTP/1.1" && h.version != "HTTP/1.0")
    return Refusal{505, "HTTP version not supported"};
  if (h.target.empty() || h.target[0] != '/') return Refusal{400, "request target must be a path"};
  h.keep_alive = h.version == "HTTP/1.1";
  std::optional<size_t> length;
  bool te = false;
  size_t pos = eol + 2;
  while (pos < head.size()) {
    size_t e = head.find("\r\n", pos);
    if (e == pos) break;  // blank line
    std::string_view l = head.substr(pos, e - pos);
    pos = e + 2;
    size_t colon = l.find(':');
    if (colon == std::string_view::npos || colon == 0) return Refusal{400, "malformed header line"};
    std::string_view name = l.substr(0, colon), value = trim(l.substr(colon + 1));
    if (name.find_first_of(" \t") != std::string_view::npos)
      return Refusal{400, "malformed header name"};
    h.headers.emplace_back(std::string(name), std::string(value));
    if (iequals(name, "Content-Length")) {
      size_t n = 0;
      if (!parse_size(value, n)) return Refusal{400, "Content-Length is not a number"};
      if (length && *length != n) return Refusal{400, "differing Content-Length headers"};
      length = n;
    } else if (iequals(name, "Transfer-Encoding")) {
      if (te || lower(value) != "chunked")
        return Refusal{501, "only the chunked transfer coding is accepted"};
      te = true;
    } else if (iequals(name, "Content-Encoding")) {
      if (lower(value) != "identity")
        return Refusal{415, "compressed request bodies are not accepted"};
    } else if (iequals(name, "Connection")) {
      std::string v = lower(value);
      if (v.find("close") != std::string::npos) h.keep_alive = false;
      if (v.find("keep-alive") != std::string::npos && h.version == "HTTP/1.0") h.keep_alive = true;
    } else if (iequals(name, "Authorization")) {
      if (value.substr(0, 7) == "Bearer ") h.credentials = true;
    } else if (iequals(name, "Cookie")) {
      h.cookie = std::string(value);
      if (h.cookie.find("anzen_session=") != std::string::npos) h.credentials = true;
    } else if (iequals(name, "X-Forwarded-For")) {
      h.forwarded_for += (h.forwarded_for.empty() ? "" : ", ") + std::string(value);
    } else if (iequals(name, "Accept-Language")) {
      h.accept_language = std::string(value);
    }
  }
  // RFC 9112 6.3: a message with both is a smuggling attempt; refuse instead of choosing one.
  if (te && length) return Refusal{400, "both Content-Length and Transfer-Encoding"};
  h.chunked = te;
  h.content_length = length.value_or(0);
  return std::nullopt;
}

std::string rewrite_head(const Head& h, size_t body_size) {
  std::string out = h.method + " " + h.target + " " + h.version + "\r\n";
  for (const auto& [k, v] : h.headers) {
    if (iequals(k, "Content-Length") || iequals(k, "Transfer-Encoding") || iequals(k, "Expect"))
      continue;
    if (iequals(k, "Content-Type") && lower(v).rfind("application/x-www-form-urlencoded", 0) == 0) {
      out += "Content-Type: " + std::string(kFormType) + "\r\n";
      continue;
    }
    out += k + ": " + v + "\r\n";
  }
  if (body_size > 0 || h.chunked || h.header("Content-Length"))
    out += "Content-Length: " + std::to_string(body_size) + "\r\n";
  out += "\r\n";
  return out;
}

ChunkDecoder::State ChunkDecoder::feed(std::string_view in, size_t& pos, std::string& out) {
  while (pos < in.size()) {
    switch (step_) {
      case Step::size_line: {
        size_t e = in.find("\r\n", pos);
        if (e == std::string_view::npos) return in.size() - pos > 1024 ? State::error : State::more;
        std::string_view l = in.substr(pos, e - pos);
        l = l.substr(0, l.find(';'));  // chunk extensions are ignored
        l = trim(l);
        if (l.empty() || l.size() > 15) return State::error;
        size_t n = 0;
        for (char ch : l) {
          int d = std::isxdigit(static_cast<unsigned char>(ch))
                      ? (ch <= '9' ? ch - '0' : (std::tolower(ch) - 'a' + 10))
                      : -1;
          if (d < 0) return State::error;
          n = n * 16 + static_cast<size_t>(d);
        }
        pos = e + 2;
        if (n > limit_ || out.size() + n > limit_) return State::too_large;
        remaining_ = n;
        step_ = n == 0 ? Step::trailer : Step::data;
        break;
      }
      case Step::data: {
        size_t take = std::min(remaining_, in.size() - pos);
        out.append(in.substr(pos, take));
        pos += take;
        remaining_ -= take;
        if (remaining_ == 0) step_ = Step::data_end;
        break;
      }
      case Step::data_end:
        if (in.size() - pos < 2) return State::more;
        if (in.substr(pos, 2) != "\r\n") return State::error;
        pos += 2;
        step_ = Step::size_line;
        break;
      case Step::trailer: {
        size_t e = in.find("\r\n", pos);
        if (e == std::string_view::npos) return in.size() - pos > 4096 ? State::error : State::more;
        bool blank = e == pos;
        pos = e + 2;
        if (blank) return State::done;
        break;
      }
    }
  }
  return State::more;
}

namespace {
// Parses an IPv4 or IPv6 address into 16 bytes (IPv4 as ::ffff:a.b.c.d); false when neither.
bool to_bytes(const std::string& s, std::array<unsigned char, 16>& out) {
  in6_addr a6{};
  if (inet_pton(AF_INET6, s.c_str(), &a6) == 1) {
    std::memcpy(out.data(), &a6, 16);
    return true;
  }
  in_addr a4{};
  if (inet_pton(AF_INET, s.c_str(), &a4) == 1) {
    out.fill(0);
    out[10] = out[11] = 0xff;
    std::memcpy(out.data() + 12, &a4, 4);
    return true;
  }
  return false;
}
}  // namespace

bool address_in(const std::string& addr, const std::vector<std::string>& entries) {
  std::array<unsigned char, 16> a{};
  if (!to_bytes(addr, a)) return false;
  for (const auto& e : entries) {
    size_t slash = e.find('/');
    std::string base = e.substr(0, slash);
    std::array<unsigned char, 16> b{};
    if (!to_bytes(base, b)) continue;
    int bits = 128;
    if (slash != std::string::npos) {
      try {
        bits = std::stoi(e.substr(slash + 1));
      } catch (const std::exception&) {
        continue;
      }
      if (base.find(':') == std::string::npos) bits += 96;  // an IPv4 prefix inside the mapped form
    }
    bool match = true;
    for (int i = 0; i < 16 && match; ++i) {
      int keep = std::clamp(bits - i * 8, 0, 8);
      auto mask = static_cast<unsigned char>(keep == 0 ? 0 : 0xff << (8 - keep));
      match = (a[static_cast<size_t>(i)] & mask) == (b[static_cast<size_t>(i)] & mask);
    }
    if (match) return true;
  }
  return false;
}

std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (forwarded_for.empty() || !address_in(peer, trusted_proxies)) return peer;
  std::string client = peer;
  size_t end = forwarded_for.size();
  while (end > 0) {
    size_t comma = forwarded_for.rfind(',', end - 1);
    size_t start = comma == std::string::npos ? 0 : comma + 1;
    std::string hop(trim(std::string_view(forwarded_for).substr(start, end - start)));
    std::array<unsigned char, 16> tmp{};
    if (!to_bytes(hop, tmp)) break;  // garbage: stop at the last address we could trust
    client = hop;
    if (!address_in(hop, trusted_proxies)) break;
    if (comma == std::string::npos) break;
    end = comma;
  }
  return client;
}

const char* reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 411:
      return "Length Required";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Error";
  }
}

}  // namespace anzen::web::http
