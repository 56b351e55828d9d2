#include "incident/register.h"

#include <gtest/gtest.h>

#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/incidents.h"
#include "testing/orgs.h"
#include "testing/temp_db.h"

namespace anzen::incident {
namespace {

struct Filed {
  int64_t org = 0, other = 0, incident = 0;
  Filing prompt;
};

Filed a_filed_leak(store::Db& db) {
  Filed out;
  out.org = web::testing_create_org(db, "株式会社訂正");
  out.other = web::testing_create_org(db, "別組織");
  Register reg(db, anzen::testing::tree_rules(), "tester");
  auto inc = reg.create(out.org, "漏えい", "",
                        anzen::testing::designated_leak_event(),
                        0);
  out.incident = inc.id;
  FilingInput in;
  in.type = "prompt";
  in.filed_at = *parse_instant("2026-11-24T15:00:00+09:00");
  in.filed_by = "法務部 佐藤";
  in.reference = "総基安第12号";
  out.prompt = reg.file_report(out.org, inc.id, in, *parse_instant("2026-11-25T09:00:00+09:00"));
  return out;
}

std::vector<std::string> due_types(store::Db& db, int64_t org) {
  std::vector<std::string> out;
  for (const auto& o :
       Register(db, anzen::testing::tree_rules(), "t").obligations(org, *parse_instant("2026-11-26T09:00:00+09:00")))
    out.push_back(o.type);
  return out;
}

TEST(Filings, ACorrectionChangesTheRecordKeepsTheReportFiledAndSaysWhy) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  auto f = a_filed_leak(db);
  Instant now = *parse_instant("2026-11-26T09:00:00+09:00");
  FilingCorrection fix;
  fix.reference = "総基安第123号";
  fix.filed_at = *parse_instant("2026-11-24T14:30:00+09:00");
  fix.evidence_name = "速報.pdf";
  fix.evidence_content = "%PDF-1.4\n";
  fix.reason = "受付番号の転記誤り";
  auto after = Register(db, anzen::testing::tree_rules(), "editor").correct_filing(f.org, f.prompt.id, fix, now);
  EXPECT_EQ(after.reference, "総基安第123号");
  EXPECT_EQ(after.filed_at, "2026-11-24T14:30:00+09:00");
  EXPECT_EQ(after.filed_by, "法務部 佐藤") << "an absent value keeps the recorded one";
  EXPECT_EQ(after.evidence_name, "速報.pdf");
  EXPECT_EQ(Register(db, anzen::testing::tree_rules(), "t").filing_document(f.org, f.prompt.id)->second, "%PDF-1.4\n");
  EXPECT_EQ(due_types(db, f.org), std::vector<std::string>{"detailed"}) << "still filed";
  auto tl = Register(db, anzen::testing::tree_rules(), "t").timeline(f.incident);
  EXPECT_NE(tl.back().text.find("総基安第12号 → 総基安第123号"), std::string::npos)
      << tl.back().text;
  EXPECT_NE(tl.back().text.find("受付番号の転記誤り"), std::string::npos);
  EXPECT_NE(tl.back().text.find("2026年11月24日 15:00 → 2026年11月24日 14:30"), std::string::npos)
      << tl.back().text;
  EXPECT_TRUE(store::audit_verify(db).ok);
  auto st = db.prepare("SELECT before_json, after_json FROM audit_log WHERE action='correct'");
  ASSERT_TRUE(st.step());
  EXPECT_NE(st.str(0).find("総基安第12号"), std::string::npos);
  EXPECT_NE(st.str(1).find("受付番号の転記誤り"), std::string::npos);
}

TEST(Filings, RefusalsNameTheFieldAndChangeNothing) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  auto f = a_filed_leak(db);
  Instant now = *parse_instant("2026-11-26T09:00:00+09:00");
  auto field_of = [&](const FilingCorrection& in) {
    try {
      Register(db, anzen::testing::tree_rules(), "editor").correct_filing(f.org, f.prompt.id, in, now);
    } catch (const InvalidEvent& e) {
      return e.field;
    }
    return std::string("accepted");
  };
  FilingCorrection no_reason;
  no_reason.reference = "x";
  EXPECT_EQ(field_of(no_reason), "reason");
  FilingCorrection future;
  future.reason = "r";
  future.filed_at = now + 3600;
  EXPECT_EQ(field_of(future), "filed_at");
  FilingCorrection nobody;
  nobody.reason = "r";
  nobody.filed_by = "";
  EXPECT_EQ(field_of(nobody), "filed_by");
  FilingCorrection same;
  same.reason = "r";
  same.reference = "総基安第12号";
  EXPECT_EQ(field_of(same), "filing");
  EXPECT_THROW(
      Register(db, anzen::testing::tree_rules(), "editor")
          .withdraw_filing(f.org, f.prompt.id, "", *parse_instant("2026-11-26T09:00:00+09:00")),
      InvalidEvent);
  FilingCorrection fine;
  fine.reason = "r";
  fine.reference = "y";
  EXPECT_THROW(Register(db, anzen::testing::tree_rules(), "editor").correct_filing(f.other, f.prompt.id, fine, now), std::out_of_range)
      << "another organisation's filing is not there";
  EXPECT_THROW(
      Register(db, anzen::testing::tree_rules(), "editor")
          .withdraw_filing(f.other, f.prompt.id, "r", *parse_instant("2026-11-26T09:00:00+09:00")),
      std::out_of_range);
  auto still = Register(db, anzen::testing::tree_rules(), "t").get(f.org, f.incident)->filings;
  ASSERT_EQ(still.size(), 1u);
  EXPECT_EQ(still[0].reference, "総基安第12号");
  auto st = db.prepare("SELECT COUNT(*) FROM audit_log WHERE entity='incident_report'");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.i64(0), 1) << "only the filing itself";
}

TEST(Filings, AWithdrawnFilingMakesTheReportDueAgainAndCanBeFiledAnew) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  auto f = a_filed_leak(db);
  EXPECT_EQ(due_types(db, f.org), std::vector<std::string>{"detailed"});
  auto gone = Register(db, anzen::testing::tree_rules(), "editor")
                  .withdraw_filing(f.org, f.prompt.id, "別事案の報告と取り違えた",
                                   *parse_instant("2026-11-26T09:00:00+09:00"));
  EXPECT_EQ(gone.reference, "総基安第12号");
  EXPECT_EQ(due_types(db, f.org), (std::vector<std::string>{"prompt", "detailed"}));
  auto tl = Register(db, anzen::testing::tree_rules(), "t").timeline(f.incident);
  EXPECT_NE(tl.back().text.find("別事案の報告と取り違えた"), std::string::npos);
  FilingInput again;
  again.type = "prompt";
  again.filed_at = *parse_instant("2026-11-26T10:00:00+09:00");
  again.filed_by = "法務部 佐藤";
  Register(db, anzen::testing::tree_rules(), "t").file_report(f.org, f.incident, again,
                                *parse_instant("2026-11-26T11:00:00+09:00"));
  EXPECT_EQ(due_types(db, f.org), std::vector<std::string>{"detailed"});
  EXPECT_TRUE(store::audit_verify(db).ok);
}

TEST(Filings, OneJsonShape) {
  Filing f;
  f.id = 7;
  f.incident_id = 3;
  f.type = "prompt";
  f.evidence_name = "a.pdf";
  f.evidence_size = 9;
  auto j = to_json(f);
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["incident"], 3);
  EXPECT_EQ(j["report"], "prompt");
  EXPECT_EQ(j["evidence"]["bytes"], 9);
  f.evidence_name.clear();
  EXPECT_FALSE(to_json(f).contains("evidence"));
}

}  // namespace
}  // namespace anzen::incident
