#include "web/audit_diff.h"

#include <gtest/gtest.h>

namespace anzen::web {
namespace {

TEST(AuditDiff, ShowsOnlyTheChangedFieldsWithTimesInJst) {
  std::string h = audit_diff_html(
      "incident", R"({"title":"旧","users":100,"event":{"ended_at":null,"note":"同じ"}})",
      R"({"title":"新","users":100,"event":{"ended_at":"2026-11-27T00:00:00Z","note":"同じ"}})",
      "ja");
  EXPECT_NE(
      h.find("<li data-field=\"title\"><span class=\"field\">件名</span>: <del><span>旧</span>"
             "</del> → <ins><span>新</span></ins>"),
      std::string::npos)
      << h;
  EXPECT_NE(h.find("事象の内容 › 終了日時"), std::string::npos)
      << "dotted keys, each part labelled: " << h;
  EXPECT_NE(h.find("2026年11月27日 09:00"), std::string::npos) << h;
  EXPECT_EQ(h.find("users"), std::string::npos) << "unchanged fields are left out";
  EXPECT_EQ(h.find("note"), std::string::npos);
  EXPECT_NE(audit_diff_html("x", "", R"({"a":"<script>"})", "en").find("&lt;script&gt;"),
            std::string::npos)
      << "escaped";
  EXPECT_NE(audit_diff_html("x", "{}", "{}", "en").find("no change"), std::string::npos);
}

TEST(AuditDiff, NamesFieldsAndCodesByTheirLabels) {
  std::string h = audit_diff_html(
      "plan_item", "", R"({"status":"in_progress","target_state":"x","progress":40})", "ja");
  EXPECT_NE(h.find(">状態</span>: <ins><span>実施中</span>"), std::string::npos) << h;
  EXPECT_NE(h.find(">目標とする将来像</span>"), std::string::npos) << h;
  EXPECT_EQ(h.find("in_progress<"), std::string::npos) << h;
  h = audit_diff_html("risk", R"({"treatment":"accept","services":["mobile"]})",
                      R"({"treatment":"reduce","services":["mobile","cloud"]})", "ja");
  EXPECT_NE(h.find("<del><span>保有・受容</span></del> → <ins><span>低減</span></ins>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("移動通信、クラウドサービス"), std::string::npos) << h;
  h = audit_diff_html("user", R"({"role":"viewer"})", R"({"role":"admin"})", "en");
  EXPECT_NE(h.find(">Role</span>: <del><span>Viewer</span></del> → <ins><span>Administrator"),
            std::string::npos)
      << h;
  h = audit_diff_html("user", "", R"({"changed":true})", "ja");
  EXPECT_NE(h.find("<ins><span>はい</span></ins>"), std::string::npos) << "flags as yes/no: " << h;
  EXPECT_EQ(audit_field_label("no_such_field", "ja"), "no_such_field");
}

}  // namespace
}  // namespace anzen::web
