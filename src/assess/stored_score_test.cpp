// The stored score equals the computed one after every kind of write: single answers, a sheet
// import, the next period, db copy, a migration of a database from before the table, and new
// scoring inputs (another key).
#include "assess/stored_score.h"

#include <gtest/gtest.h>

#include "assess/repo.h"
#include "assess/sheet.h"
#include "catalog/catalog_dir.h"
#include "common/csv.h"
#include "store/copy.h"
#include "testing/catalogs.h"
#include "testing/services.h"
#include "testing/temp_db.h"

namespace anzen::assess {
namespace {

const catalog::Catalog& cat() { return anzen::testing::tree_catalog(); }
const catalog::Framework& tcs() { return *cat().find("tcs-2023"); }

// Every stored tally of `a` equals what assess::score computes from its answers now.
void expect_current(store::Db& db, const Assessment& a, const std::string& after) {
  AssessRepo repo(db, "t");
  Score want = score(tcs(), a.role, repo.answers(a.id));
  const StoredScore* got = nullptr;
  auto all = stored_scores(db, cat(), a.org_id);
  for (const auto& s : all)
    if (s.assessment_id == a.id) got = &s;
  ASSERT_NE(got, nullptr) << "no stored score after " << after;
  ScoringConfig cfg;
  EXPECT_EQ(got->overall.json(cfg), want.overall.json(cfg)) << after;
  EXPECT_EQ(got->recommended.json(cfg), want.recommended.json(cfg)) << after;
  EXPECT_EQ(got->reference.json(cfg), want.reference.json(cfg)) << after;
  ASSERT_EQ(got->by_chapter.size(), want.by_chapter.size()) << after;
  for (const auto& [id, t] : want.by_chapter)
    EXPECT_EQ(got->by_chapter.at(id).json(cfg), t.json(cfg)) << after << ", chapter " << id;
}

std::string filled_sheet(const Assessment& a) {
  std::string csv = export_csv(tcs(), a, {}, {});
  auto rows = csv::parse(csv.substr(3));
  std::string out = csv::row(rows[0].fields);
  for (size_t i = 1; i < rows.size(); ++i) {
    auto f = rows[i].fields;
    f[6] = i % 7 == 0 ? "対象外" : i % 3 ? "実施済" : "一部実施";
    f[7] = i % 7 == 0 ? "該当設備なし" : "";
    f[8] = std::to_string(i % 6);
    out += csv::row(f);
  }
  return out;
}

struct StoredScoreTest : ::testing::Test {
  testing::TempDb tmp;
  store::Db db{tmp.path};
  AssessRepo repo{(db.migrate(), db), "tester"};
  Assessment a;
  void SetUp() override {
    auto org =
        repo.create_org({0, "株式会社テスト通信", "operator_registered", {}, std::nullopt, {}});
    a = repo.create(org.id, tcs(), "operator", "FY2025", "");
  }
  Answer answer(const std::string& q, Status s) {
    Answer x;
    x.question_id = q;
    x.status = s;
    return x;
  }
};

TEST_F(StoredScoreTest, EqualsTheComputedScoreAfterEveryKindOfWrite) {
  expect_current(db, a, "create");
  auto x = answer("T2-001.1", Status::implemented);
  x.maturity = 4;
  repo.set_answer(a, tcs(), x);
  expect_current(db, a, "first answer");
  x.status = Status::partial;
  x.maturity = 2;
  repo.set_answer(a, tcs(), x);
  expect_current(db, a, "status and maturity changed");
  x.status = Status::not_applicable;
  x.na_reason = "設備なし";
  repo.set_answer(a, tcs(), x);
  expect_current(db, a, "not applicable (its maturity no longer counts)");
  x.comment = "コメントのみ";
  repo.set_answer(a, tcs(), x);
  expect_current(db, a, "comment only");
  x.status = Status::unanswered;
  x.na_reason.clear();
  x.maturity.reset();
  repo.set_answer(a, tcs(), x);
  expect_current(db, a, "back to unanswered");

  auto r = testing::import_sheet(db, a, "sheet.csv", filled_sheet(a));
  EXPECT_GT(r.changed, 200);
  expect_current(db, a, "sheet import");
  repo.set_answer(a, tcs(), answer("T2-002.1", Status::not_implemented));
  expect_current(db, a, "an answer after the import");

  auto carried = repo.next_period(a, tcs(), "FY2026", false, "2026-04-01");
  expect_current(db, carried, "next period (answers carried)");
  auto reset = repo.next_period(a, tcs(), "FY2027", true, "2027-04-01");
  expect_current(db, reset, "next period (statuses reset)");
  expect_current(db, a, "the earlier period, untouched");
}

TEST_F(StoredScoreTest, AFailedWriteLeavesTheStoredScoreAsItWas) {
  testing::import_sheet(db, a, "sheet.csv", filled_sheet(a));
  auto bad = answer("T2-001.1", Status::not_applicable);  // no reason: refused
  EXPECT_THROW(repo.set_answers(a, tcs(), {answer("T2-002.1", Status::partial), bad}),
               std::invalid_argument);
  expect_current(db, a, "a refused batch");
}

TEST_F(StoredScoreTest, OtherScoringInputsAreRecomputedBeforeReading) {
  testing::import_sheet(db, a, "sheet.csv", filled_sheet(a));
  // Tallies of another catalog edition (another key), deliberately wrong: recomputed, not read.
  db.exec("UPDATE assessment_scores SET scoring_key='tcs-2023@old#0', implemented=0, answered=0");
  EXPECT_EQ(refresh_stored_scores(db, cat()), 1);
  EXPECT_EQ(refresh_stored_scores(db, cat()), 0);
  expect_current(db, a, "a new scoring key");
  // A missing score is computed too. A write to an assessment without one leaves it missing
  // (the shift finds no row to move, and moves nothing), so the next read computes it whole.
  db.exec("DELETE FROM assessment_scores");
  repo.set_answer(a, tcs(), answer("T2-003.1", Status::not_implemented));
  EXPECT_EQ(refresh_stored_scores(db, cat()), 1);
  expect_current(db, a, "a write without a stored score");
  // Nor does a write move tallies of another key: they are recomputed, not shifted.
  db.exec("UPDATE assessment_scores SET scoring_key='tcs-2023@old#0'");
  auto implemented_overall = [&] {
    auto st = db.prepare(
        "SELECT implemented FROM assessment_scores WHERE assessment_id=? AND part='overall'");
    st.bind(1, a.id);
    return st.step() ? st.i64(0) : -1;
  };
  int64_t stale = implemented_overall();
  repo.set_answer(a, tcs(), answer("T2-003.1", Status::implemented));
  EXPECT_EQ(implemented_overall(), stale);
  EXPECT_EQ(refresh_stored_scores(db, cat()), 1);
  expect_current(db, a, "a write to tallies of another key");
}

TEST_F(StoredScoreTest, DbCopyCarriesCurrentScores) {
  testing::import_sheet(db, a, "sheet.csv", filled_sheet(a));
  testing::TempDb other;
  store::Db to(other.path);
  store::copy_database(db, to);
  EXPECT_EQ(refresh_stored_scores(to, cat()), 0);  // nothing to recompute: they came along
  expect_current(to, a, "db copy");
}

TEST(StoredScoreMigration, ADatabaseFromBeforeTheTableGetsScoresOnFirstRead) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate(149);
  db.exec(
      "INSERT INTO organizations(id, name, kind, created_at) VALUES (1, '旧組織', 'maker', "
      "'2025-01-01T00:00:00Z')");
  db.exec(
      "INSERT INTO assessments(id, org_id, framework, framework_version, role, period, created_at) "
      "VALUES (1, 1, 'tcs-2023', '" +
      tcs().version + "', 'maker', 'FY2025', '2025-01-01T00:00:00Z')");
  db.exec(
      "INSERT INTO answers(assessment_id, question_id, status, maturity, updated_at, updated_by) "
      "VALUES "
      "(1, 'T2-001.1', 'implemented', 3, '2025-01-01T00:00:00Z', 'old'), "
      "(1, 'T2-002.1', 'partial', 1, '2025-01-01T00:00:00Z', 'old')");
  db.migrate();
  AssessRepo repo(db, "t");
  auto a = *repo.get(1);
  EXPECT_EQ(refresh_stored_scores(db, cat()), 1);
  expect_current(db, a, "migration");
  EXPECT_EQ(stored_scores(db, cat()).at(0).overall.implemented, 1);
}

}  // namespace
}  // namespace anzen::assess
