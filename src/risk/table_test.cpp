#include <gtest/gtest.h>

#include <filesystem>

#include "catalog/loader.h"
#include "common/paths.h"
#include "common/xlsx_read.h"
#include "common/xlsx_table.h"
#include "risk/table.h"
#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/orgs.h"
#include "testing/temp_db.h"

namespace anzen::risk {
namespace {

struct RiskTables : ::testing::Test {
  testing::TempDb tmp;
  store::Db db{tmp.path};
  int64_t org = 0, other = 0;
  void SetUp() override {
    db.migrate();
    org = web::testing_create_org(db, "株式会社台帳");
    other = web::testing_create_org(db, "別組織");
  }
  int64_t count(const char* table) {
    auto st = db.prepare(std::string("SELECT count(*) FROM ") + table);
    st.step();
    return st.i64(0);
  }
};

TEST(MatrixFile, ShippedDefaultIsData) {
  const Matrix& m = anzen::testing::tree_risk_matrix();
  EXPECT_EQ(m.id, "anzen-5x5");
  EXPECT_EQ(m.likelihoods, 5);
  EXPECT_EQ(m.impact_labels[4].ja, "甚大");
  EXPECT_EQ(matrix_to_json(matrix_from_json(matrix_to_json(m))), matrix_to_json(m)) << "JSON round trip";
}

TEST(MatrixFile, DefectsNameFileLineAndField) {
  try {
    matrix_from_yaml("id: x\nlikelihood: [{ja: 低, en: low}, {ja: 高, en: high}]\nimpact: [{ja: 低, en: low}, {ja: 高, en: high}]\n"
                     "levels:\n  - {id: a, name: {ja: 可, en: ok}, colour: \"#00ff00\", min_score: 2}\n",
                     "m.yaml");
    FAIL() << "a first level above 1 was accepted";
  } catch (const catalog::CatalogError& e) {
    std::string w = e.what();
    EXPECT_NE(w.find("m.yaml:5"), std::string::npos) << w;
    EXPECT_NE(w.find("start at score 1"), std::string::npos) << w;
  }
  EXPECT_THROW(matrix_from_yaml("id: x\nimpact: []\n", "m.yaml"), catalog::CatalogError) << "likelihood missing";
  EXPECT_THROW(matrix_from_yaml("levels: [\n", "m.yaml"), catalog::CatalogError) << "not YAML";
}

TEST_F(RiskTables, OrganisationMatrixReplacesTheDefaultButNeverStrandsARisk) {
  RiskRepo repo(db, anzen::testing::tree_risk_matrix(), "t");
  Matrix three = matrix_from_yaml(
      "id: three\nlikelihood: [{ja: 低, en: low}, {ja: 中, en: mid}, {ja: 高, en: high}]\n"
      "impact: [{ja: 小, en: small}, {ja: 中, en: mid}, {ja: 大, en: large}]\n"
      "levels:\n  - {id: ok, name: {ja: 許容, en: acceptable}, colour: \"#1a7f37\", min_score: 1}\n"
      "  - {id: act, name: {ja: 要対応, en: act}, colour: \"#d1242f\", min_score: 4}\n",
      "three.yaml");
  repo.set_matrix(org, three);
  EXPECT_EQ(repo.matrix(org).id, "three");
  EXPECT_EQ(repo.matrix(other).id, "anzen-5x5") << "other organisations keep the default";
  EXPECT_EQ(RiskRepo(db, anzen::testing::tree_risk_matrix(), "fresh").matrix(org).level(2, 2).id,
            "act")
      << "stored, not only cached";
  // The three-level matrix keeps the default 格付け scale (1-3): 4 is refused, 3 accepted.
  EXPECT_THROW(repo.create_asset({0, org, "交換機", "facility", "", 4, 1, 1, {}, {}, {}}), std::invalid_argument);
  auto high = repo.create_asset({0, org, "交換機", "facility", "", 3, 3, 3, {}, {}, {}});
  Matrix two_level = three;
  two_level.classification = {{"通常", "normal"}, {"重要", "critical"}};
  EXPECT_THROW(repo.set_matrix(org, two_level), std::invalid_argument) << "an asset rated 3 would fall off a two-level scale";
  high.c = high.i = high.a = 2;
  repo.save_asset(high);
  EXPECT_NO_THROW(repo.set_matrix(org, two_level));
  EXPECT_EQ(
      RiskRepo(db, anzen::testing::tree_risk_matrix(), "fresh").matrix(org).classification.size(),
      2u);
  repo.set_matrix(org, three);
  Risk r;
  r.org_id = org;
  r.title = "停電";
  r.threat = "failure_disaster";
  r.inherent_l = r.current_l = r.residual_l = 3;
  r.inherent_i = r.current_i = r.residual_i = 3;
  repo.save_risk(r);
  r.inherent_l = 4;
  EXPECT_THROW(repo.save_risk(r), std::invalid_argument) << "4 is outside a 3 × 3 matrix";
  // Going back to 5 × 5 is fine; a 2 × 2 would strand the risk at 3 × 3.
  EXPECT_NO_THROW(repo.set_matrix(org, anzen::testing::tree_risk_matrix()));
  Matrix two = three;
  two.likelihoods = two.impacts = 2;
  two.likelihood_labels.pop_back();
  two.impact_labels.pop_back();
  try {
    repo.set_matrix(org, two);
    FAIL() << "a matrix that strands a risk was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("停電"), std::string::npos) << e.what();
  }
  EXPECT_EQ(RiskRepo(db, anzen::testing::tree_risk_matrix(), "fresh").matrix(org).id, "anzen-5x5");
  EXPECT_TRUE(store::audit_verify(db).ok);
}

TEST_F(RiskTables, RegisterAndPlanRoundTripThroughCsvAndXlsx) {
  RiskRepo repo(db, anzen::testing::tree_risk_matrix(), "t");
  auto server = repo.create_asset({0, org, "呼制御サーバ", "facility", "ネットワーク部", 2, 3, 3, {"音声", "緊急通報"}, {"メーカーA"}, {}});
  std::string assets_csv = "ID,名称,種別,管理者,機密性,完全性,可用性,サービス,供給者,依存する資産\n"
                           ",加入者DB,information_system,情報システム部,3,3,2,音声; データ,,\n" +
                           std::to_string(server.id) + ",呼制御サーバ（冗長）,facility,ネットワーク部,2,3,3,音声,メーカーA,\n";
  auto ai = import_assets(repo, db, org, "assets.csv", assets_csv);
  EXPECT_EQ(ai.created, 1);
  EXPECT_EQ(ai.updated, 1);
  EXPECT_EQ(repo.asset(org, server.id)->name, "呼制御サーバ（冗長）");
  EXPECT_EQ(repo.assets(org)[1].services, (std::vector<std::string>{"音声", "データ"}));

  std::string risks_csv = "リスク,脅威,リスクオーナー,資産,固有リスク,現在のリスク,残留リスク,対応,承認者,理由,有効期限,関連する確認項目\n"
                          "DDoS による停止,サイバー攻撃,CISO,"+ std::to_string(server.id) + ",4×5,3x5,2*3,保有・受容,社長,費用対効果,2027-03-31,T2-122.2 T2-001.1\n";
  auto ri = import_risks(repo, db, org, "risks.csv", risks_csv);
  EXPECT_EQ(ri.created, 1);
  auto risks = repo.risks(org);
  ASSERT_EQ(risks.size(), 1u);
  EXPECT_EQ(risks[0].threat, "cyber_attack");
  EXPECT_EQ(risks[0].treatment, "accept");
  EXPECT_EQ(risks[0].current_l, 3);
  EXPECT_EQ(risks[0].question_ids, (std::vector<std::string>{"T2-122.2", "T2-001.1"}));

  PlanItem p{0, org, "DDoS 時も緊急通報を維持", "緊急フィルタリング契約", "予算 500 万円", "ネットワーク部長", "2027-06-30", "年次演習",
             "in_progress", 40, {risks[0].id}, {"T2-122.2"}};
  repo.save_plan_item(p);

  // Export as XLSX, read back, and import unchanged: same data, only updates.
  for (auto [table, importer, name] :
       {std::tuple{&RiskRepo::risks_table, &import_risks, "risks"}, std::tuple{&RiskRepo::plan_table, &import_plan, "plan"},
        std::tuple{&RiskRepo::assets_table, &import_assets, "assets"}}) {
    Table before = (repo.*table)(org);
    std::string path = tmp.file(std::string(".") + name + ".xlsx");
    write_xlsx_table(path, name, before);
    std::string bytes = read_file(path);
    auto rows = xlsx::read_first_sheet(bytes);
    ASSERT_EQ(rows.size(), before.size()) << name;
    for (size_t r = 0; r < rows.size(); ++r) EXPECT_EQ(rows[r].fields, before[r]) << name << " row " << r;
    auto res = importer(repo, db, org, path, bytes);
    EXPECT_EQ(res.encoding, "xlsx");
    EXPECT_EQ(res.created, 0) << name;
    EXPECT_EQ(res.updated, static_cast<int>(before.size()) - 1) << name;
    EXPECT_EQ((repo.*table)(org), before) << name << " survives the round trip";
    std::filesystem::remove(path);
  }
  EXPECT_TRUE(store::audit_verify(db).ok);
}

TEST_F(RiskTables, ImportDefectsNameRowAndColumnAndChangeNothing) {
  RiskRepo repo(db, anzen::testing::tree_risk_matrix(), "t");
  auto a = repo.create_asset({0, org, "交換機", "facility", "", 2, 2, 2, {}, {}, {}});
  auto before_risks = count("risks");
  auto before_audit = count("audit_log");
  std::string csv = "リスク,脅威,資産,固有リスク,現在のリスク,残留リスク,対応,承認者,有効期限\n"
                    "正しい行,サイバー攻撃," + std::to_string(a.id) + ",3×3,3×3,2×2,低減,,\n"
                    "受容,ネットワーク輻そう,,3×3,3×3,3×3,保有・受容,,\n"
                    "範囲外,故障・災害等,,6×1,1×1,1×1,,,\n"
                    "不明な脅威,隕石,,1×1,1×1,1×1,,,\n"
                    "形式,情報漏えい,,三×三,1×1,1×1,,,\n";
  try {
    import_risks(repo, db, org, "bad.csv", csv);
    FAIL() << "a file with defects was imported";
  } catch (const assess::ImportError& e) {
    ASSERT_EQ(e.issues().size(), 4u) << e.what();
    EXPECT_EQ(e.issues()[0].row, 3);
    EXPECT_EQ(e.issues()[0].column, "対応");
    EXPECT_NE(e.issues()[0].expected.find("approver"), std::string::npos);
    EXPECT_EQ(e.issues()[1].row, 4);
    EXPECT_EQ(e.issues()[1].column, "固有リスク");
    EXPECT_EQ(e.issues()[1].found, "6×1");
    EXPECT_EQ(e.issues()[2].column, "脅威");
    EXPECT_EQ(e.issues()[2].found, "隕石");
    EXPECT_EQ(e.issues()[3].row, 6);
    EXPECT_EQ(e.issues()[3].column, "脅威") << "情報漏えい is not the standard's name (重要情報漏えい)";
    EXPECT_NE(std::string(e.what()).find("bad.csv: row 3, column 対応"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count("risks"), before_risks) << "the valid first row was rolled back too";
  EXPECT_EQ(count("audit_log"), before_audit);
  EXPECT_THROW(import_risks(repo, db, org, "h.csv", "リスク,色\nx,y\n"), assess::ImportError) << "unknown column";
  // IDs of another organisation are refused as unknown.
  auto theirs = RiskRepo(db, anzen::testing::tree_risk_matrix(), "t")
                    .create_asset({0, other, "他社資産", "facility", "", 1, 1, 1, {}, {}, {}});
  try {
    import_assets(repo, db, org, "a.csv", "ID,名称\n" + std::to_string(theirs.id) + ",乗っ取り\n");
    FAIL();
  } catch (const assess::ImportError& e) {
    EXPECT_EQ(e.issues()[0].column, "ID");
  }
  EXPECT_EQ(RiskRepo(db, anzen::testing::tree_risk_matrix(), "t").asset(other, theirs.id)->name,
            "他社資産");
  // Plan: missing required fields and a bad date, reported per row.
  try {
    import_plan(repo, db, org, "p.csv", "目標とする将来像,実施事項,責任者,達成期限,結果の評価方法\n目標,対策,部長,来年,演習\n,対策,部長,2027-01-01,演習\n");
    FAIL();
  } catch (const assess::ImportError& e) {
    ASSERT_EQ(e.issues().size(), 2u) << e.what();
    EXPECT_EQ(e.issues()[0].column, "達成期限");
    EXPECT_EQ(e.issues()[1].column, "目標とする将来像");
  }
  EXPECT_TRUE(repo.plan(org).empty());
}

}  // namespace
}  // namespace anzen::risk
