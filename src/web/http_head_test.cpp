// The request head checks and body framing that run before any handler.
#include "web/http_head.h"

#include <gtest/gtest.h>

namespace anzen::web::http {
namespace {

std::optional<Refusal> parse(const std::string& head, Head& h) { return parse_head(head, h); }

TEST(HttpHead, RefusesSmugglingAndEncodings) {
  Head h;
  auto r = parse("POST / HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n", h);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  Head h2;
  EXPECT_EQ(parse("POST / HTTP/1.1\r\nContent-Encoding: gzip\r\n\r\n", h2)->status, 415);
  Head h3;
  EXPECT_EQ(parse("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", h3)->status, 501);
  Head h4;
  EXPECT_EQ(parse("POST / HTTP/1.1\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\n", h4)->status,
            400);
  Head h5;
  EXPECT_EQ(parse("GET http://evil/ HTTP/1.1\r\n\r\n", h5)->status, 400);
  Head ok;
  EXPECT_FALSE(parse(
      "POST /login HTTP/1.1\r\nCookie: a=1; anzen_session=x\r\nContent-Length: 12\r\n\r\n", ok));
  EXPECT_EQ(ok.content_length, 12u);
  EXPECT_TRUE(ok.credentials);
}

TEST(HttpHead, RewritesFormsAndFraming) {
  Head h;
  ASSERT_FALSE(parse(
      "POST /x HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: "
      "chunked\r\nExpect: 100-continue\r\n\r\n",
      h));
  std::string out = rewrite_head(h, 9000);
  EXPECT_NE(out.find("Content-Type: application/x-anzen-form\r\n"), std::string::npos);
  EXPECT_NE(out.find("Content-Length: 9000\r\n"), std::string::npos);
  EXPECT_EQ(out.find("Transfer-Encoding"), std::string::npos);
  EXPECT_EQ(out.find("Expect"), std::string::npos);
}

TEST(HttpHead, ChunkedBodiesAreBounded) {
  ChunkDecoder d(10);
  std::string body;
  size_t pos = 0;
  std::string in = "5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\n\r\n";
  EXPECT_EQ(d.feed(in, pos, body), ChunkDecoder::State::done);
  EXPECT_EQ(body, "helloabc");
  ChunkDecoder big(10);
  std::string b2;
  size_t p2 = 0;
  EXPECT_EQ(big.feed("b\r\n", p2, b2), ChunkDecoder::State::too_large);
  ChunkDecoder bad(10);
  size_t p3 = 0;
  EXPECT_EQ(bad.feed("zz\r\n", p3, b2), ChunkDecoder::State::error);
  // Fed one byte at a time, the result is the same.
  ChunkDecoder slow(100);
  std::string b4, buf;
  ChunkDecoder::State st = ChunkDecoder::State::more;
  for (char ch : in) {
    buf += ch;
    size_t p = 0;
    st = slow.feed(buf, p, b4);
    buf.erase(0, p);
  }
  EXPECT_EQ(st, ChunkDecoder::State::done);
  EXPECT_EQ(b4, "helloabc");
}

TEST(HttpHead, ForwardedAddressOnlyFromTrustedProxies) {
  std::vector<std::string> trusted = {"127.0.0.1", "10.0.0.0/8", "::1"};
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.5", trusted), "203.0.113.5");
  EXPECT_EQ(client_address("198.51.100.1", "203.0.113.5", trusted), "198.51.100.1");
  // The client's own (forged) entry left of the proxies' is ignored: the rightmost untrusted wins.
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4, 203.0.113.5, 10.1.2.3", trusted), "203.0.113.5");
  EXPECT_EQ(client_address("127.0.0.1", "garbage", trusted), "127.0.0.1");
  EXPECT_TRUE(address_in("10.200.1.1", {"10.0.0.0/8"}));
  EXPECT_FALSE(address_in("11.0.0.1", {"10.0.0.0/8"}));
  EXPECT_TRUE(address_in("::1", trusted));
}

}  // namespace
}  // namespace anzen::web::http

namespace anzen::web::http {
namespace {
TEST(HttpHead, RouteBodyLimitLowersTheLimitByPrefix) {
  Limits lim;
  lim.body_limit_by_prefix.emplace_back("/api/v1/hooks/", 1024);
  Head hook;
  ASSERT_FALSE(
      parse_head("POST /api/v1/hooks/3 HTTP/1.1\r\nAuthorization: Bearer t\r\n\r\n", hook));
  EXPECT_EQ(body_limit(lim, hook), 1024u);
  Head other;
  ASSERT_FALSE(parse_head("POST /api/v1/risks HTTP/1.1\r\nAuthorization: Bearer t\r\n\r\n", other));
  EXPECT_EQ(body_limit(lim, other), lim.max_body);
  Head anonymous;
  ASSERT_FALSE(parse_head("POST /login HTTP/1.1\r\n\r\n", anonymous));
  EXPECT_EQ(body_limit(lim, anonymous), lim.max_body_anonymous);
}
}  // namespace
}  // namespace anzen::web::http
