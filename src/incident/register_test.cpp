#include "incident/register.h"

#include <gtest/gtest.h>

#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/orgs.h"
#include "testing/temp_db.h"

namespace anzen::incident {
namespace {

TEST(Register, ReclassifiesOnEveryChangeAndKeepsEstimates) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社テスト");
  int64_t other = web::testing_create_org(db, "別組織");
  Register reg(db, anzen::testing::tree_rules(), "tester");
  nlohmann::json ev = {{"event_type", "outage"}, {"service_category", "voice_emergency"}, {"affected_users", 20000},
                       {"started_at", "2026-03-15T10:00:00+09:00"}, {"ended_at", "2026-03-15T12:30:00+09:00"}};  // 2 h 30 min
  auto i = reg.create(org, "音声停止", "", ev, 0, {{"prefectures", {"東京都", "千葉県"}}, {"cause", "設定誤り"}});
  EXPECT_EQ(i.classification["classifications"][0]["kind"], "periodic_report_accident");
  auto u = reg.update(org, i.id, {{"affected_users", 40000}}, "推計を更新", 0);
  EXPECT_EQ(u.classification["classifications"][0]["kind"], "serious_accident");
  ASSERT_EQ(u.details["user_estimates"].size(), 1u);
  EXPECT_EQ(u.details["user_estimates"][0]["from"], 20000);
  EXPECT_EQ(u.details["user_estimates"][0]["to"], 40000);
  EXPECT_EQ(u.details["cause"], "設定誤り");
  EXPECT_EQ(reg.timeline(i.id).size(), 2u);
  EXPECT_FALSE(reg.get(other, i.id).has_value()) << "organisations are isolated";
  EXPECT_THROW(reg.create(org, "x", "", {{"event_type", "outage"}, {"started_at", "bad"}}, 0), InvalidEvent);
  EXPECT_TRUE(store::audit_verify(db).ok);

  // Obligations: overdue first, then prompt reports, then by due date.
  auto obs = reg.obligations(org, *parse_instant("2026-04-20T12:00:00+09:00"));
  ASSERT_EQ(obs.size(), 2u);
  EXPECT_TRUE(obs[0].overdue);
  EXPECT_EQ(obs[0].due->str(), "2026-04-14");
  EXPECT_EQ(obs[1].type, "prompt");

  // The fiscal year's periodic-report accidents.
  reg.create(org, "ISP 品質低下", "", {{"event_type", "quality_degradation"}, {"affected_users", 35000},
                                      {"started_at", "2025-08-01T09:00:00+09:00"}, {"ended_at", "2025-08-01T09:20:00+09:00"}}, 0);
  reg.create(org, "軽微", "", {{"event_type", "outage"}, {"affected_users", 10}, {"started_at", "2025-08-02T09:00:00+09:00"},
                              {"ended_at", "2025-08-02T09:05:00+09:00"}}, 0);
  auto fy25 = reg.periodic_of_year(org, 2025);
  ASSERT_EQ(fy25.size(), 2u);  // the serious accident (March 2026) and the ISP one; not the minor one
  std::string csv = reg.periodic_csv(org, 2025);
  EXPECT_NE(csv.find("ISP 品質低下"), std::string::npos);
  EXPECT_NE(csv.find("東京都・千葉県"), std::string::npos);
  EXPECT_EQ(csv.find("軽微"), std::string::npos);
}

}  // namespace
}  // namespace anzen::incident

namespace anzen::incident {
namespace {

TEST(Register, CurrentVerdictJudgesOngoingIncidentsAgainstTheClock) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社時計");
  Register reg(db, anzen::testing::tree_rules(), "clock");
  Instant t0 = *parse_instant("2026-05-01T09:00:00+09:00");
  nlohmann::json ev = {{"event_type", "outage"}, {"service_category", "voice_emergency"}, {"affected_users", 40000},
                       {"started_at", "2026-05-01T09:00:00+09:00"}, {"ended_at", nullptr}};
  auto i = reg.create(org, "音声停止", "", ev, t0 + 30 * 60);
  EXPECT_EQ(verdict_kinds(i.classification), std::vector<std::string>{"periodic_report_accident"});
  // Stored verdict is stale once an hour has passed; every reader asks current().
  EXPECT_EQ(verdict_kinds(reg.current(org, i.id, t0 + 3600)->classification), std::vector<std::string>{"serious_accident"});
  EXPECT_EQ(verdict_kinds(reg.list_current(org, t0 + 3600)[0].classification), std::vector<std::string>{"serious_accident"});
  auto obs = reg.obligations(org, t0 + 3600);
  ASSERT_EQ(obs.size(), 2u);
  EXPECT_EQ(obs[0].type, "prompt");
  EXPECT_TRUE(reg.obligations(org, t0 + 59 * 60)[0].type == "periodic");

  // The clock stores the escalation once, with when and why in the timeline.
  EXPECT_FALSE(reg.reclassify(org, i.id, t0 + 50 * 60));
  EXPECT_TRUE(reg.reclassify(org, i.id, t0 + 3600 + 5));
  EXPECT_FALSE(reg.reclassify(org, i.id, t0 + 3600 + 65));
  auto tl = reg.timeline(i.id);
  ASSERT_EQ(tl.size(), 2u);
  EXPECT_NE(tl[1].text.find("基準到達 2026年5月1日 10:00"), std::string::npos) << tl[1].text;
  EXPECT_NE(tl[1].text.find("重大な事故"), std::string::npos);
  // A verdict never goes back in time: judged at 10:01, it is still serious when asked at 09:30.
  EXPECT_EQ(verdict_kinds(reg.current(org, i.id, t0 + 1800)->classification), std::vector<std::string>{"serious_accident"});
  // An ended incident keeps its stored verdict.
  reg.update(org, i.id, {{"ended_at", "2026-05-01T09:40:00+09:00"}}, "復旧", t0 + 7200);
  EXPECT_EQ(verdict_kinds(reg.current(org, i.id, t0 + 99999)->classification), std::vector<std::string>{"periodic_report_accident"});
  EXPECT_TRUE(reg.ongoing_all().empty());
  EXPECT_TRUE(store::audit_verify(db).ok);
}

}  // namespace
}  // namespace anzen::incident
