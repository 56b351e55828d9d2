// The refusals users meet in the forms and the API, from the domain: a Japanese text with the
// vocabulary's labels (never the codes), an English one, the field, and the CLI line unchanged.
#include <gtest/gtest.h>

#include "common/invalid.h"
#include "common/vocabulary.h"
#include "incident/classify.h"
#include "risk/repo.h"
#include "testing/catalogs.h"
#include "testing/orgs.h"
#include "testing/refusals.h"
#include "testing/temp_db.h"

namespace anzen::risk {
namespace {

using anzen::testing::expect_japanese;
using anzen::testing::refusal;

TEST(Messages, RegisterRefusalsNameTheFieldInBothLanguages) {
  anzen::testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社メッセージ");
  RiskRepo repo(db, anzen::testing::tree_risk_matrix(), "tester");

  auto kind = refusal([&] {
    repo.create_asset({0, org, "呼制御サーバ", "server", "", 1, 1, 1, {}, {}, {}});
  });
  EXPECT_EQ(kind.field, "kind");
  EXPECT_EQ(kind.code, "not_in_list");
  EXPECT_NE(kind.ja.find("情報システム"), std::string::npos) << kind.ja;
  EXPECT_NE(kind.en.find("Information system"), std::string::npos) << kind.en;
  EXPECT_NE(std::string(kind.what()).find("information_system"), std::string::npos)
      << "the CLI line keeps the codes one types";
  expect_japanese(kind);
  expect_japanese(refusal([&] {
    repo.create_asset({0, org, "", "facility", "", 1, 1, 1, {}, {}, {}});
  }));

  Risk r;
  r.org_id = org;
  r.title = "DDoS";
  r.threat = "cyber_attack";
  r.inherent_l = r.inherent_i = r.current_l = r.current_i = r.residual_l = r.residual_i = 1;
  r.treatment = "accept";
  auto accept = refusal([&] { repo.save_risk(r); });
  EXPECT_EQ(accept.field, "approver") << "the first missing field, where the form shows it";
  EXPECT_NE(accept.ja.find("承認者、理由、有効期限"), std::string::npos) << accept.ja;
  expect_japanese(accept);
  r.treatment = "ignore";
  auto treatment = refusal([&] { repo.save_risk(r); });
  EXPECT_NE(treatment.ja.find("保有・受容"), std::string::npos) << treatment.ja;
  expect_japanese(treatment);
  r.treatment = "reduce";
  r.residual_l = 9;
  auto level = refusal([&] { repo.save_risk(r); });
  EXPECT_EQ(level.field, "residual");
  EXPECT_NE(level.ja.find("発生可能性"), std::string::npos) << level.ja;
  EXPECT_STREQ(level.what(), "residual: likelihood: expected 1-5");
  expect_japanese(level);

  PlanItem p;
  p.org_id = org;
  p.target_state = "目標";
  p.owner = "部長";
  p.deadline = "2027-03-31";
  p.status = "planned";
  auto plan = refusal([&] { repo.save_plan_item(p); });
  EXPECT_EQ(plan.field, "actions");
  EXPECT_EQ(plan.ja, "実施事項、結果の評価方法を入力してください。");
  expect_japanese(plan);
  p.actions = p.evaluation_method = "x";
  p.status = "open";
  auto status = refusal([&] { repo.save_plan_item(p); });
  EXPECT_NE(status.ja.find("実施中"), std::string::npos) << status.ja;
  expect_japanese(status);
}

TEST(Messages, IncidentChoicesAreRefusedWithTheirLabels) {
  auto e = refusal([] {
    incident::event_from_json(
        {{"event_type", "blackout"}, {"started_at", "2026-03-15T10:00:00+09:00"}});
  });
  EXPECT_EQ(e.field, "event_type");
  EXPECT_NE(e.ja.find("事象の種類"), std::string::npos) << e.ja;
  EXPECT_NE(e.ja.find("役務の提供の停止"), std::string::npos) << e.ja;
  EXPECT_NE(std::string(e.what()).find("expected one of outage"), std::string::npos) << e.what();
  expect_japanese(e);
  auto when = refusal([] {
    incident::event_from_json({{"event_type", "outage"}, {"started_at", "昨日"}});
  });
  EXPECT_EQ(when.field, "started_at");
  expect_japanese(when);
  auto order = refusal([] {
    incident::event_from_json({{"event_type", "outage"},
                               {"started_at", "2026-03-15T10:00:00+09:00"},
                               {"ended_at", "2026-03-15T09:00:00+09:00"}});
  });
  EXPECT_EQ(order.ja, "復旧日時が発生日時より前になっています。");
  EXPECT_STREQ(order.what(), "ended_at: is before started_at");
}

}  // namespace
}  // namespace anzen::risk
