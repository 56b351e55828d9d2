#include <gtest/gtest.h>

#include <optional>
#include <set>

#include "catalog/catalog_dir.h"
#include "report/data.h"
#include "report/decisions.h"
#include "report/disclosure.h"
#include "report/management.h"
#include "report/oscal.h"
#include "report/render.h"
#include "report/soa.h"
#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/orgs.h"
#include "testing/oscal_schema.h"
#include "testing/services.h"
#include "testing/temp_db.h"

namespace anzen::report {
namespace {

// The report as made at the end of `day` (JST).
FixedClock end_of(const std::string& day) {
  return FixedClock((incident::days_from_civil(*incident::parse_date(day)) + 1) * 86400 - 9 * 3600 -
                    1);
}
ReportData gather(store::Db& db, int64_t id, std::optional<int64_t> org, const std::string& day) {
  auto clock = end_of(day);
  auto svc = testing::assess_service(db, clock, "report");
  return report::gather(svc, anzen::testing::tree_rules(), anzen::testing::tree_risk_matrix(), id,
                        org);
}
Rendered render(store::Db& db, const std::string& kind, int64_t id, std::optional<int64_t> org,
                const std::string& format, const std::string& lang, const std::string& day) {
  auto clock = end_of(day);
  auto svc = testing::assess_service(db, clock, "report");
  return report::render(svc, anzen::testing::tree_rules(), anzen::testing::tree_risk_matrix(), kind,
                        id, org, format, lang);
}

struct Reports : ::testing::Test {
  testing::TempDb tmp;
  store::Db db{tmp.path};
  int64_t org = 0, other = 0;
  assess::Assessment a;
  const catalog::Framework& fw = *anzen::testing::tree_catalog().find("tcs-2023");
  void SetUp() override {
    db.migrate();
    org = web::testing_create_org(db, "株式会社報告");
    other = web::testing_create_org(db, "別組織");
    assess::AssessRepo repo(db, "t");
    a = repo.create(org, fw, "operator", "FY2026", "");
    answer("T2-001.1", assess::Status::implemented, "", "情報セキュリティ基本方針");
    answer("T2-002.1", assess::Status::not_implemented);
    // Every question of the cloud-provision items (7.2) is not applicable.
    for (const auto* c : fw.checks()) {
      if (c->parent.rfind("7.2.1", 0) == 0) {
        for (const auto& q : c->questions) answer(q.id, assess::Status::not_applicable, "クラウドを提供しない");
      }
    }
  }
  void answer(const std::string& q, assess::Status s, const std::string& na = "", const std::string& comment = "") {
    assess::Answer x;
    x.question_id = q;
    x.status = s;
    x.na_reason = na;
    x.comment = comment;
    assess::AssessRepo(db, "t").set_answer(a, fw, x);
  }
};

TEST(FiscalYear, RunsFromAprilToMarch) {
  EXPECT_EQ(fiscal_year("FY2026"), (std::pair<std::string, std::string>{"2026-04-01", "2027-04-01"}));
}

TEST_F(Reports, GatherKeepsTheFiscalYearsIncidentsAndRaisesLinkedGaps) {
  incident::Register reg(db, anzen::testing::tree_rules(), "t");
  reg.create(org, "当年度", "", {{"event_type", "outage"}, {"affected_users", 10}, {"started_at", "2026-05-01T09:00:00+09:00"}}, 0);
  reg.create(org, "前年度", "", {{"event_type", "outage"}, {"affected_users", 10}, {"started_at", "2026-03-31T23:00:00+09:00"}}, 0);
  reg.create(other, "他社", "", {{"event_type", "outage"}, {"affected_users", 10}, {"started_at", "2026-05-01T09:00:00+09:00"}}, 0);
  // T2-002.1 is answered "not implemented" by the fixture: it must be a gap both times.
  auto priority_of = [](const auto& data, const std::string& q) -> std::optional<int> {
    for (const auto& g : data.gaps) {
      if (g.question_id == q) return g.priority;
    }
    return std::nullopt;
  };
  auto before = gather(db, a.id, org, "2026-11-23");
  auto prio_before = priority_of(before, "T2-002.1");
  ASSERT_TRUE(prio_before.has_value()) << "T2-002.1 is not among the gaps";
  risk::Risk r;
  r.org_id = org;
  r.title = "方針なし";
  r.threat = "cyber_attack";
  r.inherent_l = r.inherent_i = r.current_l = r.current_i = r.residual_l = r.residual_i = 2;
  r.question_ids = {"T2-002.1"};
  risk::RiskRepo(db, anzen::testing::tree_risk_matrix(), "t").save_risk(r);
  auto d = gather(db, a.id, org, "2026-11-23");
  ASSERT_EQ(d.incidents.size(), 1u);
  EXPECT_EQ(d.incidents[0].title, "当年度");
  auto prio_after = priority_of(d, "T2-002.1");
  ASSERT_TRUE(prio_after.has_value()) << "T2-002.1 is no longer among the gaps";
  EXPECT_GT(*prio_after, *prio_before) << "a linked risk raises the gap's priority";
  EXPECT_EQ(d.by_chapter.size(), 10u);
  EXPECT_EQ(d.by_threat.front().id, "common") << "threats in the order of 表1";
  EXPECT_THROW(gather(db, a.id, other, "2026-11-23"), std::invalid_argument) << "another organisation's assessment";
}

TEST_F(Reports, StatementOfApplicabilityDefaultsFromAnswersAndDecisionsOverride) {
  Decisions dec(db, "ciso");
  auto rows = soa_rows(gather(db, a.id, org, "2026-11-23"), dec.soa(a.id), "ja");
  auto row = [&](const std::vector<SoaRow>& rs, const std::string& id) {
    for (const auto& r : rs) {
      if (r.item_id == id) return r;
    }
    ADD_FAILURE() << "no row " << id;
    return SoaRow{};
  };
  EXPECT_EQ(rows.size(), 216u) << "91 items and 125 sub-items";
  EXPECT_FALSE(row(rows, "7.2.1").adopted) << "all questions not applicable";
  EXPECT_EQ(row(rows, "7.2.1").reason, "クラウドを提供しない");
  EXPECT_TRUE(row(rows, "1.1.1").adopted);
  EXPECT_EQ(row(rows, "1.1.1.1").location, "情報セキュリティ基本方針") << "the answer's comment says where";
  EXPECT_THROW(dec.set_soa(a, fw, "3.1.10", {false, "", "", "", ""}), std::invalid_argument) << "no reason";
  EXPECT_THROW(dec.set_soa(a, fw, "99.9", {true, "", "", "", ""}), std::invalid_argument) << "unknown item";
  dec.set_soa(a, fw, "3.1.10", {false, "該当する環境変化がない", "", "", ""});
  dec.set_soa(a, fw, "7.2.1", {true, "", "検証環境で提供予定", "", ""});
  rows = soa_rows(gather(db, a.id, org, "2026-11-23"), dec.soa(a.id), "ja");
  EXPECT_FALSE(row(rows, "3.1.10").adopted);
  EXPECT_TRUE(row(rows, "3.1.10").decided);
  EXPECT_TRUE(row(rows, "7.2.1").adopted);
  EXPECT_EQ(row(rows, "7.2.1").location, "検証環境で提供予定");
  EXPECT_TRUE(store::audit_verify(db).ok);
}

TEST_F(Reports, DisclosureHasTheEightItemsOfTheStandardAndKeepsEdits) {
  Decisions dec(db, "ciso");
  auto d = gather(db, a.id, org, "2026-11-23");
  auto secs = disclosure_sections(d, dec.texts(a.id, "disclosure"), "ja");
  ASSERT_EQ(secs.size(), 8u);
  EXPECT_EQ(secs[0].heading.ja, "組織方針・サイバーセキュリティ方針");
  EXPECT_EQ(secs[0].source_line, 793);
  EXPECT_NE(secs[0].generated.find("実施済 1"), std::string::npos) << secs[0].generated;
  dec.set_text(a, "disclosure", "5", "年間予算 1 億円");
  secs = disclosure_sections(d, dec.texts(a.id, "disclosure"), "ja");
  EXPECT_TRUE(secs[4].edited);
  EXPECT_EQ(secs[4].text, "年間予算 1 億円");
  dec.set_text(a, "disclosure", "5", "");
  EXPECT_FALSE(disclosure_sections(d, dec.texts(a.id, "disclosure"), "ja")[4].edited);
}

TEST_F(Reports, RenderRefusesFormatsAReportDoesNotComeIn) {
  EXPECT_THROW(render(db, "management", a.id, org, "xlsx", "ja", "2026-11-23"), std::invalid_argument);
  EXPECT_THROW(render(db, "nonsense", a.id, org, "pdf", "ja", "2026-11-23"), std::invalid_argument);
  EXPECT_THROW(render(db, "gaps", a.id, other, "csv", "ja", "2026-11-23"), std::invalid_argument);
  auto html = render(db, "management", a.id, org, "html", "en", "2026-11-23");
  EXPECT_NE(html.bytes.find("Coverage by chapter"), std::string::npos);
  EXPECT_EQ(html.filename, "management-FY2026.html");
}

TEST_F(Reports, AssessmentResultsHaveAFindingPerQuestion) {
  auto ar = assessment_results(gather(db, a.id, org, "2026-11-23"))["assessment-results"];
  const auto& findings = ar["results"][0]["findings"];
  ASSERT_EQ(findings.size(), 261u);
  // The state of the finding whose title starts with a question id; fails when there is none.
  auto state_of = [&](const std::string& q) -> std::string {
    for (const auto& f : findings) {
      if (f["title"].get<std::string>().rfind(q + " ", 0) == 0)
        return f["target"]["status"]["state"];
    }
    return "(no finding for " + q + ")";
  };
  EXPECT_EQ(state_of("T2-001.1"), "satisfied");
  EXPECT_EQ(state_of("T2-002.1"), "not-satisfied");
  EXPECT_EQ(ar["results"][0]["observations"].size(), 261u);
}

TEST_F(Reports, OscalResultsCarryEvidenceRisksAndThePlanTheyFollow) {
  assess::AssessRepo repo(db, "t");
  auto file = repo.add_file(a, "T2-001.1", "基本方針.pdf", "application/pdf", "%PDF-1.4 policy", "2026-04-01", "");
  repo.add_url(a, "T2-001.1", "https://intra.example.jp/policy", "2026-04-01", "");
  risk::RiskRepo risks(db, anzen::testing::tree_risk_matrix(), "t");
  risk::Risk r;
  r.org_id = org;
  r.title = "方針未整備";
  r.threat = "cyber_attack";
  r.question_ids = {"T2-002.1"};
  r.inherent_l = r.current_l = r.residual_l = 4;
  r.inherent_i = r.current_i = r.residual_i = 3;
  r.treatment = "reduce";
  r = risks.save_risk(r);
  risk::PlanItem p;
  p.org_id = org;
  p.target_state = "方針の策定";
  p.actions = "基本方針を定める";
  p.owner = "CISO室";
  p.deadline = "2027-03-31";
  p.evaluation_method = "内部監査";
  p.risk_ids = {r.id};
  risks.save_plan_item(p);

  auto d = gather(db, a.id, org, "2026-11-23");
  auto ar = assessment_results(d);
  const auto& res = ar["assessment-results"];
  const auto& result = res["results"][0];
  std::map<std::string, nlohmann::json> resources;
  for (const auto& x : res["back-matter"]["resources"]) resources[x["uuid"]] = x;
  // Evidence: a file with its SHA-256, a link without any hash, both from the observation.
  const nlohmann::json* obs = nullptr;
  for (const auto& o : result["observations"]) {
    if (o["title"] == "T2-001.1") obs = &o;
  }
  ASSERT_TRUE(obs);
  ASSERT_EQ((*obs)["relevant-evidence"].size(), 2u);
  std::string text = obs->dump();
  EXPECT_EQ(text.find("(sha256 )"), std::string::npos);
  EXPECT_NE(text.find("SHA-256 " + file.sha256), std::string::npos);
  const auto& pdf = resources.at((*obs)["relevant-evidence"][0]["href"].get<std::string>().substr(1));
  EXPECT_EQ(pdf["rlinks"][0]["hashes"][0]["value"], file.sha256);
  const auto& url = resources.at((*obs)["relevant-evidence"][1]["href"].get<std::string>().substr(1));
  EXPECT_EQ(url["rlinks"][0]["href"], "https://intra.example.jp/policy");
  EXPECT_FALSE(url["rlinks"][0].contains("hashes"));
  // The finding of the question the risk cites links that risk, with likelihood and impact.
  for (const auto& f : result["findings"]) {
    if (f["target"]["target-id"] != "T2-002.1") continue;
    ASSERT_TRUE(f.contains("related-risks"));
    EXPECT_EQ(f["related-risks"][0]["risk-uuid"], result["risks"][0]["uuid"]);
  }
  EXPECT_EQ(result["risks"][0]["characterizations"][0]["facets"][0]["name"], "likelihood");
  EXPECT_EQ(result["risks"][0]["characterizations"][0]["facets"][0]["value"], "4");
  // Reviewed: the rows answered, not "all".
  std::set<std::string> reviewed;
  for (const auto& c : result["reviewed-controls"]["control-selections"][0]["include-controls"]) reviewed.insert(c["control-id"]);
  EXPECT_TRUE(reviewed.count("T2-001"));
  EXPECT_FALSE(reviewed.count("T2-100"));
  EXPECT_LT(reviewed.size(), 199u);
  // import-ap leads to the plan, carried in the back-matter.
  std::string href = res["import-ap"]["href"];
  ASSERT_TRUE(resources.count(href.substr(1)));
  auto plan = assessment_plan(d);
  EXPECT_EQ(resources.at(href.substr(1))["base64"]["filename"], "assessment-plan-" + std::to_string(a.id) + ".json");
  EXPECT_EQ(plan["assessment-plan"]["reviewed-controls"]["control-selections"][0]["include-controls"].size(), 199u);
  auto poam_doc = poam(d.org, d.plan, d.risks, d.matrix);
  const auto& pr = poam_doc["plan-of-action-and-milestones"]["risks"][0];
  EXPECT_EQ(pr["deadline"], "2027-03-31T23:59:59+09:00");
  EXPECT_EQ(pr["remediations"][0]["tasks"][0]["timing"]["on-date"]["date"], "2027-03-31T23:59:59+09:00");
  for (auto [doc, model] : {std::pair{&ar, "assessment-results"}, std::pair{&plan, "assessment-plan"}, std::pair{&poam_doc, "poam"}}) {
    auto errors = anzen::testing::oscal_schema_errors(*doc, model);
    if (!errors) GTEST_SKIP() << "node or ajv not installed (scripts/install-deps.sh test installs them)";
    EXPECT_EQ(*errors, "") << model;
  }
}

}  // namespace
}  // namespace anzen::report
