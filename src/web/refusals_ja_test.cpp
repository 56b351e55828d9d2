// The refusals users meet through the web pages, the JSON API and the CLI (issue 15): each names
// the field of the input, says it in Japanese (no English sentence, no code of the vocabulary,
// never only ASCII) and in English, carries a code, and keeps the CLI's line where scripts read it.
#include <gtest/gtest.h>

#include "assess/model.h"
#include "common/invalid.h"
#include "common/json_input.h"
#include "common/vocabulary.h"
#include "ops/restrictions.h"
#include "risk/matrix.h"
#include "risk/repo.h"
#include "risk/table.h"
#include "risk/threat.h"
#include "supplier/model.h"
#include "supplier/oscal.h"
#include "testing/catalogs.h"
#include "testing/orgs.h"
#include "testing/refusals.h"
#include "testing/temp_db.h"
#include "web/api_schemas.h"

namespace anzen {
namespace {
using nlohmann::json;

using anzen::testing::expect_japanese;
using anzen::testing::refusal;

TEST(RefusalsJa, RiskMatrixDefinitions) {
  risk::Matrix m;
  m.likelihoods = 12;
  auto e = refusal([&] { m.validate(); });
  EXPECT_EQ(e.field, "matrix");
  EXPECT_STREQ(e.what(), "matrix: sizes must be 2-10") << "the CLI's line stays";
  expect_japanese(e);
}

TEST(RefusalsJa, RegisterDeletions) {
  anzen::testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社削除");
  risk::RiskRepo repo(db, anzen::testing::tree_risk_matrix(), "tester");
  auto missing = refusal([&] { repo.delete_asset(org, 4242); });
  EXPECT_EQ(missing.field, "id");
  EXPECT_EQ(missing.code, "not_found");
  EXPECT_NE(missing.ja.find("資産"), std::string::npos) << missing.ja;
  EXPECT_STREQ(missing.what(), "id: no asset 4242 in this organisation");
  expect_japanese(missing);
  expect_japanese(refusal([&] { repo.delete_plan_item(org, 4242); }));

  auto a = repo.create_asset({0, org, "呼制御サーバ", "facility", "", 1, 1, 1, {}, {}, {}});
  risk::Risk r;
  r.org_id = org;
  r.title = "DDoS";
  r.threat = "cyber_attack";
  r.asset_ids = {a.id};
  r.inherent_l = r.inherent_i = r.current_l = r.current_i = r.residual_l = r.residual_i = 1;
  r = repo.save_risk(r);
  auto referred = refusal([&] { repo.delete_asset(org, a.id); });
  EXPECT_EQ(referred.code, "conflict");
  EXPECT_NE(referred.ja.find("リスク " + std::to_string(r.id)), std::string::npos) << referred.ja;
  expect_japanese(referred);
}

TEST(RefusalsJa, RestrictionFiles) {
  auto share = refusal([] {
    ops::parse_restrictions("start,service,share,users\n2026-01-01T00:00:00+09:00,voice,2,10\n",
                            "r.csv");
  });
  EXPECT_EQ(share.field, "share");
  EXPECT_NE(std::string(share.what()).find("r.csv, line 2, column share"), std::string::npos)
      << share.what();
  expect_japanese(share);
  auto column = refusal([] { ops::parse_restrictions("start,colour\n", "r.csv"); });
  EXPECT_EQ(column.field, "colour");
  expect_japanese(column);
  expect_japanese(refusal([] { ops::parse_restrictions("[1]", "r.json"); }));
}

TEST(RefusalsJa, JsonInput) {
  auto longer = refusal([] { json_text(json{{"name", std::string(20, 'x')}}, "name", 10); });
  EXPECT_EQ(longer.field, "name");
  EXPECT_EQ(longer.code, "too_long");
  expect_japanese(longer);
  auto deep = refusal([] { parse_json_input(std::string(100, '['), "body"); });
  EXPECT_NE(std::string(deep.what()).find("nested deeper than 64"), std::string::npos);
  expect_japanese(deep);
}

TEST(RefusalsJa, ApiBodiesNameTheFieldWithTheVocabularysLabels) {
  const auto* op = web::api_operation("POST", "/api/v1/risks");
  ASSERT_TRUE(op && op->body);
  auto threat = refusal([&] {
    web::check_body({{"title", "x"}, {"threat", "meteor"}}, *op->body);
  });
  EXPECT_EQ(threat.field, "threat");
  EXPECT_EQ(threat.code, "not_in_list");
  EXPECT_NE(threat.ja.find("サイバー攻撃"), std::string::npos) << threat.ja;
  EXPECT_NE(threat.en.find("Cyber attack"), std::string::npos) << threat.en;
  EXPECT_EQ(std::string(threat.what()).rfind("threat: expected one of cyber_attack", 0), 0u)
      << threat.what();
  expect_japanese(threat);
  auto unknown = refusal([&] { web::check_body({{"title", "x"}, {"threat", "congestion"}, {"colour", "red"}}, *op->body); });
  EXPECT_EQ(unknown.field, "colour");
  EXPECT_EQ(unknown.code, "unknown_field");
  expect_japanese(unknown);
  expect_japanese(refusal([&] { web::check_body({{"threat", "congestion"}}, *op->body); }));
  expect_japanese(refusal([&] { web::check_body({{"title", 3}}, *op->body); }));
  expect_japanese(refusal([&] { web::check_body(json::array(), *op->body); }));
}

TEST(RefusalsJa, SupplierInputs) {
  catalog::Catalog empty;
  auto tmpl = refusal([&] { supplier::build_questions(empty, "nope:1"); });
  EXPECT_EQ(tmpl.field, "template");
  expect_japanese(tmpl);
  auto status = assess::status_refused("status", false, "status: expected …");
  EXPECT_NE(status.ja.find("実施済"), std::string::npos) << status.ja;
  EXPECT_EQ(status.ja.find("未回答"), std::string::npos) << status.ja;
  expect_japanese(status);
  supplier::Questionnaire q;
  q.id = 7;
  auto oscal = refusal([&] { supplier::answers_from_component_definition(json::object(), q); });
  EXPECT_EQ(oscal.field, "(document).component-definition");
  EXPECT_EQ(oscal.code, "required");
  expect_japanese(oscal);
}

// One list of threats: the repository, the API schema and the import take the same codes, and
// every one has the vocabulary's label.
TEST(RefusalsJa, OneListOfThreats) {
  const auto& codes = risk::threat_codes();
  ASSERT_EQ(codes.size(), 5u);
  for (const auto& t : codes) {
    EXPECT_TRUE(vocab::label("threat", t, "ja")) << t;
    EXPECT_NE(risk::threat_label(t, "ja"), t);
    EXPECT_TRUE(risk::known_threat(t));
  }
  EXPECT_FALSE(risk::known_threat("cloud_use")) << "a catalog tag, not a risk's threat";
  const auto* op = web::api_operation("POST", "/api/v1/risks");
  ASSERT_TRUE(op && op->body);
  for (const auto& f : op->body->fields)
    if (f.name == "threat") {
      EXPECT_EQ(web::field_codes(f), codes);
    }

  anzen::testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社脅威");
  risk::RiskRepo repo(db, anzen::testing::tree_risk_matrix(), "tester");
  // The vocabulary's label and the short name earlier sheets used are both read as custom.
  auto res = risk::import_risks(repo, db, org, "r.csv",
                                "リスク,脅威,脅威（その他）,固有リスク,現在のリスク,残留リスク\n"
                                "a,サイバー攻撃,,2×2,2×2,2×2\n"
                                "b,その他,地震,2×2,2×2,2×2\n"
                                "c,その他（独自の脅威）,落雷,2×2,2×2,2×2\n");
  EXPECT_EQ(res.created, 3);
  auto risks = repo.risks(org);
  ASSERT_EQ(risks.size(), 3u);
  EXPECT_EQ(risks[0].threat, "cyber_attack");
  EXPECT_EQ(risks[1].threat, "custom");
  EXPECT_EQ(risks[2].threat, "custom");
}

}  // namespace
}  // namespace anzen
