#include <gtest/gtest.h>

#include "catalog/catalog_dir.h"
#include "risk/repo.h"
#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/orgs.h"
#include "testing/services.h"
#include "testing/temp_db.h"

namespace anzen::risk {
namespace {

TEST(Matrix, DefaultLevelsAndConfiguration) {
  Matrix m = anzen::testing::tree_risk_matrix();
  EXPECT_NO_THROW(m.validate());
  EXPECT_EQ(m.level(1, 1).id, "low");
  EXPECT_EQ(m.level(1, 4).id, "low");
  EXPECT_EQ(m.level(1, 5).id, "medium");
  EXPECT_EQ(m.level(2, 5).id, "high");
  EXPECT_EQ(m.level(4, 4).id, "high");  // 16 < 17
  EXPECT_EQ(m.level(5, 4).id, "critical");
  EXPECT_THROW(m.level(6, 1), std::invalid_argument);
  // A 3 × 3 matrix with two levels.
  Matrix small;
  small.likelihoods = small.impacts = 3;
  small.likelihood_labels = small.impact_labels = {{"低", "low"}, {"中", "mid"}, {"高", "high"}};
  small.levels = {{"ok", {"許容", "acceptable"}, "#1a7f37", 1}, {"act", {"要対応", "act"}, "#d1242f", 4}};
  EXPECT_NO_THROW(small.validate());
  EXPECT_EQ(small.level(2, 2).id, "act");
  EXPECT_EQ(small.level(1, 3).id, "ok");
  small.levels[1].min_score = 1;
  EXPECT_THROW(small.validate(), std::invalid_argument);
  std::string svg = heat_map_svg(m, {{5, 4}, {5, 4}, {1, 1}}, "ja");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find(">2</text>"), std::string::npos) << "two risks in one cell";
}

TEST(RiskRepo, RiskOnAssetsTreatedLinkedAndTrackedToAnOverduePlanItem) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社リスク");
  int64_t other = web::testing_create_org(db, "別組織");
  RiskRepo repo(db, anzen::testing::tree_risk_matrix(), "tester");
  auto asset = repo.create_asset({0, org, "呼制御サーバ", "facility", "ネットワーク部", 2, 3, 3, {"voice_emergency"}, {"メーカーA"}, {}});
  Risk r;
  r.org_id = org;
  r.title = "DDoS による音声サービス停止";
  r.threat = "cyber_attack";
  r.asset_ids = {asset.id};
  r.question_ids = {"T2-122.2"};
  r.inherent_l = 4, r.inherent_i = 5, r.current_l = 3, r.current_i = 5, r.residual_l = 2, r.residual_i = 3;
  r.treatment = "accept";
  try {
    repo.save_risk(r);
    FAIL() << "acceptance without approver or expiry was stored";
  } catch (const std::invalid_argument& e) {
    std::string w = e.what();
    EXPECT_NE(w.find("approver"), std::string::npos) << w;
    EXPECT_NE(w.find("expiry"), std::string::npos) << w;
  }
  r.approver = "CISO 田中";
  r.justification = "対策費用が想定損失を上回るため";
  r.acceptance_expiry = "2026-03-31";
  auto saved = repo.save_risk(r);
  EXPECT_EQ(repo.matrix(org).level(saved.inherent_l, saved.inherent_i).id, "critical");
  EXPECT_EQ(repo.expired_acceptances(org, "2026-04-01").size(), 1u);
  EXPECT_TRUE(repo.expired_acceptances(org, "2026-03-31").empty());
  Risk foreign = r;
  foreign.org_id = other;
  EXPECT_THROW(repo.save_risk(foreign), std::invalid_argument) << "assets of another organisation";
  EXPECT_FALSE(repo.risk(other, saved.id).has_value());

  PlanItem p;
  p.org_id = org;
  p.target_state = "DDoS 時も緊急通報を維持";
  p.actions = "上流 ISP と緊急フィルタリング契約を締結";
  p.owner = "ネットワーク部長";
  p.deadline = "2026-06-30";
  p.evaluation_method = "年次演習で切替時間 10 分以内";
  p.risk_ids = {saved.id};
  auto item = repo.save_plan_item(p);
  EXPECT_TRUE(repo.overdue(org, "2026-06-30").empty());
  EXPECT_EQ(repo.overdue(org, "2026-07-01").size(), 1u);
  item.status = "done";
  repo.save_plan_item(item);
  EXPECT_TRUE(repo.overdue(org, "2026-07-01").empty());
  p.evaluation_method = "";
  EXPECT_THROW(repo.save_plan_item(p), std::invalid_argument);
  EXPECT_NE(repo.risks_csv(org).find("DDoS による音声サービス停止"), std::string::npos);
  EXPECT_NE(repo.plan_csv(org).find("目標とする将来像"), std::string::npos);
  EXPECT_TRUE(store::audit_verify(db).ok);
}

TEST(RiskRepo, GapsProposePlanItemsThatAreAcceptedOrRejected) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社計画");
  const auto& fw = *anzen::testing::tree_catalog().find("tcs-2023");
  assess::AssessRepo ar(db, "t");
  auto a = ar.create(org, fw, "operator", "FY2026", "");
  for (auto [q, s] : {std::pair{"T2-001.1", assess::Status::not_implemented}, std::pair{"T2-002.1", assess::Status::partial},
                      std::pair{"T2-003.1", assess::Status::implemented}}) {
    assess::Answer x;
    x.question_id = q;
    x.status = s;
    ar.set_answer(a, fw, x);
  }
  RiskRepo repo(db, anzen::testing::tree_risk_matrix(), "t");
  auto svc = testing::assess_service(db);
  auto props = repo.proposals(a, svc.gaps(a));
  ASSERT_EQ(props.size(), 2u) << "only 未実施 and 一部実施 answers propose plan items";
  auto item = repo.accept_proposal(a, fw, svc.gaps(a), "T2-001.1", "経営企画部", "2027-03-31");
  EXPECT_EQ(item.question_ids, std::vector<std::string>{"T2-001.1"});
  EXPECT_FALSE(item.target_state.empty());
  repo.reject_proposal(a, "T2-002.1", "他の計画項目で対応済み");
  EXPECT_TRUE(repo.proposals(a, svc.gaps(a)).empty());
  EXPECT_THROW(repo.accept_proposal(a, fw, svc.gaps(a), "T2-001.1", "x", "2027-03-31"),
               std::invalid_argument)
      << "already planned";
  EXPECT_THROW(repo.reject_proposal(a, "T2-005.1", ""), std::invalid_argument);
}

}  // namespace
}  // namespace anzen::risk
