#include "incident/register.h"

#include <gtest/gtest.h>

#include "store/audit.h"
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
  Register reg(db, "tester");
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
  auto obs = reg.obligations(org, {2026, 4, 20});
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
