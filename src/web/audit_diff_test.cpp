#include "web/audit_diff.h"

#include <gtest/gtest.h>

#include "assess/sheet.h"
#include "testing/catalogs.h"
#include "testing/services.h"
#include "testing/temp_db.h"

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
  // A filing record: its kind is the accident's classification, its report the report's type.
  h = audit_diff_html("incident_report", R"({"kind":"serious_accident","report":"prompt"})", "",
                      "ja");
  EXPECT_NE(h.find("重大な事故"), std::string::npos) << h;
  EXPECT_EQ(h.find("serious_accident<"), std::string::npos) << h;
}

// The live clock's re-judgement of an incident and a refused request, as seen on the audit page
// (a screenshot showed as_of, the verdict's JSON and "not found"): labels and words only.
TEST(AuditDiff, AVerdictAndADeniedRequestReadAsWords) {
  std::string before =
      R"({"as_of":"2026-12-02T07:18:00Z","rule_set":"r2024","classifications":[{"kind":"none",)"
      R"("label":{"ja":"報告対象外","en":"not reportable"},"explanation":{"ja":"x","en":"y"}}]})";
  std::string after =
      R"({"as_of":"2026-12-02T08:31:00Z","rule_set":"r2024","classifications":[{"kind":)"
      R"("serious_accident","label":{"ja":"重大な事故","en":"serious accident"}}]})";
  std::string h = audit_diff_html("incident", before, after, "ja");
  EXPECT_NE(h.find(">判定時点</span>"), std::string::npos) << h;
  EXPECT_NE(h.find("<del><span>報告対象外</span></del> → <ins><span>重大な事故</span></ins>"),
            std::string::npos)
      << h;
  EXPECT_EQ(h.find(">as_of"), std::string::npos) << "shown by its label: " << h;
  EXPECT_EQ(h.find("explanation"), std::string::npos) << h;
  EXPECT_NE(audit_diff_html("incident", before, after, "en").find("serious accident"),
            std::string::npos);
  h = audit_diff_html("request", "", R"({"status":404,"reason":"not found"})", "ja");
  EXPECT_NE(h.find("見つからない（存在しないか、他の組織のもの） (404)"), std::string::npos) << h;
  EXPECT_NE(h.find("<span>見つかりません</span>"), std::string::npos) << h;
  EXPECT_EQ(h.find("not found"), std::string::npos) << h;
  h = audit_diff_html("request", "", R"({"status":403,"reason":"the sender revokes links"})", "en");
  EXPECT_NE(h.find("not allowed (403)"), std::string::npos) << h;
  EXPECT_NE(h.find("<span>the sender revokes links</span>"), std::string::npos) << h;
  // A list of plain values reads as the values (the audit page showed ["T2-199.1"]).
  h = audit_diff_html("plan_item", "", R"({"question_ids":["T2-199.1","T2-176.1"]})", "ja");
  EXPECT_NE(h.find("<span>T2-199.1、T2-176.1</span>"), std::string::npos) << h;
}

// A sheet import is one audit row; the audit page still shows each question's changed fields.
TEST(AuditDiff, AnImportShowsEveryChangedFieldOfEveryQuestion) {
  anzen::testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  assess::AssessRepo repo(db, "tester");
  auto org = repo.create_org({0, "株式会社監査", "maker", {}, std::nullopt, {}});
  auto a =
      repo.create(org.id, *anzen::testing::tree_catalog().find("tcs-2023"), "maker", "FY2026", "");
  anzen::testing::import_sheet(
      db, a, "s.csv", "質問ID,実施状況,担当者\nT2-001.1,実施済,総務部\nT2-002.1,未実施,\n");
  auto st = db.prepare(
      "SELECT entity, before_json, after_json FROM audit_log WHERE action='import'");
  ASSERT_TRUE(st.step());
  std::string h = audit_diff_html(st.str(0), st.str(1), st.str(2), "ja");
  EXPECT_NE(h.find("回答 › T2-001.1 › 状態</span>: <del><span>未回答</span></del> → "
                   "<ins><span>実施済</span></ins>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("回答 › T2-001.1 › 担当者</span>: <ins><span>総務部</span></ins>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("data-field=\"answers.T2-002.1.status\""), std::string::npos) << h;
  EXPECT_NE(h.find("ファイル</span>: <ins><span>s.csv</span></ins>"), std::string::npos) << h;
  EXPECT_EQ(h.find("T2-002.1.owner"), std::string::npos) << "unchanged fields are left out";
}

}  // namespace
}  // namespace anzen::web
