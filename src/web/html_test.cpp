#include "web/html.h"

#include <gtest/gtest.h>

namespace anzen::web {

TEST(Html, EscapesMarkupAndQuotes) {
  EXPECT_EQ(esc("<script>alert('x')</script> & \"安全\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;安全&quot;");
}

TEST(Html, FormDecodingHandlesJapaneseAndPlus) {
  auto f = parse_form("name=%E5%AE%89%E5%85%A8+%E5%9F%BA%E6%BA%96&x=&y=a%26b");
  EXPECT_EQ(f.find("name")->second, "安全 基準");
  EXPECT_EQ(f.find("x")->second, "");
  EXPECT_EQ(f.find("y")->second, "a&b");
  EXPECT_EQ(url_decode(url_encode("対象外 / N/A")), "対象外 / N/A");
}

TEST(Html, CookieValuePicksTheNamedCookie) {
  EXPECT_EQ(cookie_value("a=1; anzen_session=abc; anzen_lang=en", "anzen_session"), "abc");
  EXPECT_EQ(cookie_value("anzen_sessionx=1", "anzen_session"), "");
}

}  // namespace anzen::web
