#include "web/audit_diff.h"

#include <gtest/gtest.h>

namespace anzen::web {
namespace {

TEST(AuditDiff, ShowsOnlyTheChangedFieldsWithTimesInJst) {
  std::string h = audit_diff_html(
      R"({"name":"旧","users":100,"event":{"ended_at":null,"title":"同じ"}})",
      R"({"name":"新","users":100,"event":{"ended_at":"2026-11-27T00:00:00Z","title":"同じ"}})",
      "ja");
  EXPECT_NE(h.find("<code>name</code>: <del><span>旧</span></del> → <ins><span>新</span></ins>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<code>event.ended_at</code>"), std::string::npos) << h;
  EXPECT_NE(h.find("2026年11月27日 09:00"), std::string::npos) << h;
  EXPECT_EQ(h.find("users"), std::string::npos) << "unchanged fields are left out";
  EXPECT_EQ(h.find("title"), std::string::npos);
  EXPECT_NE(audit_diff_html("", R"({"a":"<script>"})", "en").find("&lt;script&gt;"),
            std::string::npos)
      << "escaped";
  EXPECT_NE(audit_diff_html("{}", "{}", "en").find("no change"), std::string::npos);
}

}  // namespace
}  // namespace anzen::web
