#include "supplier/service.h"

#include <gtest/gtest.h>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "risk/repo.h"
#include "testing/catalogs.h"
#include "testing/temp_db.h"
#include "web/accounts.h"

namespace anzen::supplier {
namespace {

struct SupplierService : ::testing::Test {
  testing::TempDb tmp;
  store::Db db{tmp.path};
  std::string now = "2026-04-01T00:00:00Z";
  int64_t op1 = 0, op2 = 0, maker = 0, maker2 = 0;
  Suppliers svc(const std::string& actor = "tester") {
    return Suppliers(
        db, anzen::testing::tree_risk_matrix(), actor, [this] { return now; },
        [] { return web::random_token(); });
  }
  void SetUp() override {
    db.migrate();
    assess::AssessRepo orgs(db, "test");
    op1 = orgs.create_org({0, "通信一", "operator_registered", {"mobile"}, 1000, {"東京都"}}).id;
    op2 = orgs.create_org({0, "通信二", "operator_registered", {"mobile"}, 1000, {"大阪府"}}).id;
    maker = orgs.create_org({0, "機器メーカー", "maker", {}, std::nullopt, {}}).id;
    maker2 = orgs.create_org({0, "別メーカー", "maker", {}, std::nullopt, {}}).id;
  }
  Supplier add_supplier(int64_t org, int64_t maker_org) {
    Supplier s;
    s.org_id = org;
    s.name = "機器メーカー株式会社";
    s.maker_org_id = maker_org;
    return svc().create_supplier(s);
  }
  std::vector<Question> two_questions() {
    return {{"T2-001.1", "tcs-2023", "T2-001", {"問1", ""}, ""},
            {"T2-002.1", "tcs-2023", "T2-002", {"問2", ""}, ""}};
  }
};

TEST_F(SupplierService, RegisterValidatesCorporateNumberAndDates) {
  Supplier s;
  s.org_id = op1;
  s.name = "A社";
  s.corporate_number = "2180301018771";
  EXPECT_THROW(svc().create_supplier(s), std::invalid_argument);
  s.corporate_number = "1180301018771";
  s.contract_start = "2026-04-01";
  s.contract_end = "2025-03-31";
  EXPECT_THROW(svc().create_supplier(s), std::invalid_argument);
  s.contract_end = "2027-03-31";
  auto made = svc().create_supplier(s);
  EXPECT_TRUE(svc().supplier(op1, made.id));
  EXPECT_FALSE(svc().supplier(op2, made.id));  // another organisation's register
}

TEST_F(SupplierService, PortalTokenReachesOnlyItsQuestionnaireAndExpires) {
  auto sup = add_supplier(op1, maker);
  auto a = svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30");
  auto b = svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30", "2026-04-10");
  ASSERT_NE(a.token, b.token);
  auto pa = svc().portal(a.token);
  ASSERT_EQ(pa.state, PortalAccess::State::ok);
  EXPECT_EQ(pa.q->id, a.q.id);
  EXPECT_EQ(svc().portal("nonsense").state, PortalAccess::State::unknown);
  // The raw token is not stored.
  auto st = db.prepare("SELECT COUNT(*) FROM portal_links WHERE token_hash=?");
  st.bind(1, a.token);
  st.step();
  EXPECT_EQ(st.i64(0), 0);
  now = "2026-04-10T15:00:00Z";  // the end of 10 April in Japan
  EXPECT_EQ(svc().portal(b.token).state, PortalAccess::State::gone);
  EXPECT_EQ(svc().portal(a.token).state, PortalAccess::State::ok);
  svc().revoke_links(a.q);
  EXPECT_EQ(svc().portal(a.token).state, PortalAccess::State::gone);
}

TEST_F(SupplierService, PortalIsRateLimited) {
  auto sup = add_supplier(op1, maker);
  auto a = svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30");
  for (int i = 0; i < Suppliers::kPortalHitsPerMinute; ++i)
    ASSERT_EQ(svc().portal(a.token).state, PortalAccess::State::ok);
  EXPECT_EQ(svc().portal(a.token).state, PortalAccess::State::throttled);
  now = "2026-04-01T00:01:00Z";
  EXPECT_EQ(svc().portal(a.token).state, PortalAccess::State::ok);
}

// What the event loop asks before reading a portal request's body: no hit is counted, and a
// link whose minute is used up, or that expired or was revoked, gets no larger limit.
TEST_F(SupplierService, PortalStateCountsNoHit) {
  auto sup = add_supplier(op1, maker);
  auto a = svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30", "2026-04-10");
  EXPECT_EQ(svc().portal_state("nonsense-token-of-twenty"), PortalAccess::State::unknown);
  for (int i = 0; i < Suppliers::kPortalHitsPerMinute + 5; ++i)
    ASSERT_EQ(svc().portal_state(a.token), PortalAccess::State::ok);
  for (int i = 0; i < Suppliers::kPortalHitsPerMinute; ++i)
    ASSERT_EQ(svc().portal(a.token).state, PortalAccess::State::ok);
  EXPECT_EQ(svc().portal_state(a.token), PortalAccess::State::throttled);
  now = "2026-04-01T00:01:00Z";
  EXPECT_EQ(svc().portal_state(a.token), PortalAccess::State::ok);
  now = "2026-04-10T15:00:00Z";  // the end of the expiry day in Japan
  EXPECT_EQ(svc().portal_state(a.token), PortalAccess::State::gone);
  auto b = svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30");
  svc().revoke_links(b.q);
  EXPECT_EQ(svc().portal_state(b.token), PortalAccess::State::gone);
}

TEST_F(SupplierService, ReturnFixAcceptShareRevoke) {
  auto sup = add_supplier(op1, maker);
  auto sent = svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30");
  auto q = *svc().portal(sent.token).q;
  EXPECT_THROW(svc("portal").submit(q), std::invalid_argument);  // nothing answered yet
  svc("portal").set_answer(q, "T2-001.1", assess::Status::implemented, "手順書あり");
  q = *svc().questionnaire(q.id, op1);
  EXPECT_EQ(q.status, QStatus::in_progress);
  EXPECT_THROW(svc("portal").set_answer(q, "T2-999.1", assess::Status::implemented, ""),
               std::out_of_range);
  EXPECT_THROW(svc("portal").set_answer(q, "T2-002.1", assess::Status::not_applicable, ""),
               std::invalid_argument);
  svc("portal").set_answer(q, "T2-002.1", assess::Status::partial, "");
  svc("portal").submit(q);
  q = *svc().questionnaire(q.id, op1);
  EXPECT_THROW(svc("portal").set_answer(q, "T2-002.1", assess::Status::implemented, ""),
               std::invalid_argument);
  EXPECT_THROW(svc().review(q, Verdict::ret, "", {}),
               std::invalid_argument);  // a return says what to fix
  svc().review(q, Verdict::ret, "", {{"T2-002.1", "根拠を添えてください"}});
  q = *svc().questionnaire(q.id, maker);  // the maker sees it, with the comment
  EXPECT_EQ(q.status, QStatus::returned);
  EXPECT_EQ(svc().answers(q.id)["T2-002.1"].review_comment, "根拠を添えてください");
  EXPECT_FALSE(svc().questionnaire(q.id, maker2));  // another maker does not
  EXPECT_FALSE(svc().questionnaire(q.id, op2));
  EXPECT_TRUE(svc().addressed_to(maker2).empty());
  svc("maker").set_answer(q, "T2-002.1", assess::Status::implemented, "規程第3条");
  svc("maker").submit(*svc().questionnaire(q.id, maker));
  EXPECT_THROW(svc().take_snapshot(maker, q.id), std::invalid_argument);  // not accepted yet
  svc().review(*svc().questionnaire(q.id, op1), Verdict::accept, "", {});
  EXPECT_THROW(svc().take_snapshot(op1, q.id), std::out_of_range);  // the operator cannot keep it
  EXPECT_THROW(svc().take_snapshot(maker2, q.id), std::out_of_range);  // nor another maker
  auto snap = svc("maker").take_snapshot(maker, q.id);
  EXPECT_EQ(snap.version, 1);
  EXPECT_FALSE(svc().read_shared(op2, snap.id));  // not shared yet
  auto share = svc("maker").share(maker, snap.id, op2);
  auto read = svc("reader@op2").read_shared(op2, snap.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->doc["questions"][1]["status"], "implemented");
  EXPECT_FALSE(svc().read_shared(op1, snap.id));  // shared with op2 only
  auto log = svc().reads(maker);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].reader, "reader@op2");
  EXPECT_EQ(log[0].operator_org_id, op2);
  EXPECT_THROW(svc().revoke_share(maker2, share.id), std::out_of_range);
  svc("maker").revoke_share(maker, share.id);
  EXPECT_FALSE(svc().read_shared(op2, snap.id));
  auto hist = svc().history(q.id);
  std::vector<std::string> actions;
  for (const auto& e : hist) actions.push_back(e.action);
  EXPECT_NE(std::find(actions.begin(), actions.end(), "return"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "accept"), actions.end());
}

TEST_F(SupplierService, OperatorAdoptsASharedSnapshot) {
  auto sup = add_supplier(op1, maker);
  auto sent = svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30");
  auto q = *svc().questionnaire(sent.q.id, maker);
  svc().set_answer(q, "T2-001.1", assess::Status::implemented, "");
  svc().set_answer(*svc().questionnaire(q.id, maker), "T2-002.1", assess::Status::implemented, "");
  svc().submit(*svc().questionnaire(q.id, maker));
  svc().review(*svc().questionnaire(q.id, op1), Verdict::accept, "", {});
  auto snap = svc().take_snapshot(maker, q.id);
  auto sup2 = add_supplier(op2, maker);
  auto other = add_supplier(op2, maker2);
  EXPECT_THROW(svc().adopt(op2, sup2.id, snap.id), std::out_of_range);  // not shared yet
  svc().share(maker, snap.id, op2);
  EXPECT_THROW(svc().adopt(op2, other.id, snap.id),
               std::invalid_argument);  // another maker's snapshot
  auto adopted = svc().adopt(op2, sup2.id, snap.id);
  EXPECT_EQ(adopted.status, QStatus::accepted);
  EXPECT_EQ(svc().answers(adopted.id).size(), 2u);
  EXPECT_TRUE(svc().addressed_to(maker).size() ==
              1u);  // the adopted copy is the operator's, not a new request
}

}  // namespace
}  // namespace anzen::supplier

namespace anzen::supplier {
namespace {
TEST_F(SupplierService, ShortfallsBecomeRisksAndPlanItemsOnlyWhenAccepted) {
  auto sup = add_supplier(op1, maker);
  auto answer_and_submit = [&](int64_t qid) {
    auto q = *svc().questionnaire(qid, maker);
    svc("maker").set_answer(q, "T2-001.1", assess::Status::not_implemented, "未対応");
    svc("maker").set_answer(q, "T2-002.1", assess::Status::implemented, "規程第3条");
    svc("maker").submit(*svc().questionnaire(qid, maker));
    return *svc().questionnaire(qid, op1);
  };
  auto rejected =
      answer_and_submit(svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30").q.id);
  svc().review(rejected, Verdict::reject, "不十分", {});
  auto links = svc().supplier_risks(op1, sup.id);
  ASSERT_EQ(links.size(), 1u);  // only the 未実施 answer
  EXPECT_EQ(links[0].question_id, "T2-001.1");
  EXPECT_FALSE(links[0].plan_item_id);  // rejected: a risk, no plan
  auto accepted =
      answer_and_submit(svc().send(op1, sup.id, "maker", two_questions(), "2026-04-30").q.id);
  svc().review(accepted, Verdict::accept, "", {});
  links = svc().supplier_risks(op1, sup.id);
  ASSERT_EQ(links.size(), 2u);
  ASSERT_TRUE(links[1].plan_item_id);
  risk::RiskRepo risks(db, anzen::testing::tree_risk_matrix(), "test");
  auto plan = risks.plan_item(op1, *links[1].plan_item_id);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->deadline, "2027-04-01");  // the next re-assessment: 12 months after acceptance
  EXPECT_FALSE(plan->resources.empty());
  auto r = risks.risk(op1, links[1].risk_id);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->treatment, "reduce");
  EXPECT_EQ(r->current_l, 5);  // 未実施 at the top of the default 5×5 matrix; criticality medium
  EXPECT_EQ(r->current_i, 3);
  EXPECT_TRUE(svc().supplier_risks(op2, sup.id).empty());  // another organisation sees none
}
}  // namespace
}  // namespace anzen::supplier

namespace anzen::supplier {
namespace {
// Migration 661 links the asset register's free-text supplier names that equal a supplier's
// name exactly; other names stay text only.
TEST(SupplierMigration, ExistingAssetNamesAreLinkedByExactMatch) {
  testing::TempDb tmp;
  store::Db db{tmp.path};
  db.migrate(660);
  auto org = assess::AssessRepo(db, "test")
                 .create_org({0, "通信", "operator_registered", {"mobile"}, 10, {}});
  risk::RiskRepo risks(db, anzen::testing::tree_risk_matrix(), "test");
  risk::Asset a;
  a.org_id = org.id;
  a.name = "交換機";
  a.kind = "facility";
  a.suppliers = {"機器メーカー", "未登録の保守会社"};
  auto exact = risks.create_asset(a);
  a.name = "監視端末";
  a.suppliers = {"機器メーカー（保守）"};
  risks.create_asset(a);
  db.prepare("INSERT INTO suppliers(org_id, name, criticality, created_at) VALUES (?,?,?,?)")
      .bind(1, org.id)
      .bind(2, "機器メーカー")
      .bind(3, "medium")
      .bind(4, "2026-01-01T00:00:00Z")
      .run();
  int64_t sid = db.last_insert_id();
  db.migrate();
  Suppliers svc(db, anzen::testing::tree_risk_matrix(), "test",
                [] { return std::string("2026-04-01T00:00:00Z"); });
  EXPECT_EQ(svc.linked_assets(org.id, sid), std::vector<int64_t>{exact.id});
  EXPECT_EQ(risks.asset(org.id, exact.id)->suppliers.size(), 2u);  // the text stays
}
}  // namespace
}  // namespace anzen::supplier
