// The checklist as Japanese users' spreadsheets hold it: status marks, Japanese dates, cover
// sheets, Unicode text; renamed columns refused by name; our own exports round-trip, formula
// guards included; the docs list every alias and mark the code reads.
#include "assess/sheet.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include "assess/stored_score.h"
#include "catalog/catalog_dir.h"
#include "common/csv.h"
#include "common/paths.h"
#include "risk/table.h"
#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/services.h"
#include "testing/temp_db.h"
#include "testing/zip_parts.h"

namespace anzen::assess {
namespace {

const catalog::Framework& tcs() { return *anzen::testing::tree_catalog().find("tcs-2023"); }

struct SheetTest : ::testing::Test {
  testing::TempDb tmp;
  store::Db db{tmp.path};
  AssessRepo repo{(db.migrate(), db), "tester"};
  Assessment a;
  void SetUp() override {
    Organization o;
    o.name = "株式会社シート";
    o.kind = "operator_registered";
    auto org = repo.create_org(o);
    a = repo.create(org.id, tcs(), "operator", "FY2026", "");
  }
  int changes() {
    auto st = db.prepare(
        "SELECT (SELECT count(*) FROM answer_history) + (SELECT count(*) FROM answers WHERE "
        "status<>'unanswered')");
    st.step();
    return static_cast<int>(st.i64(0));
  }
};

std::string utf16le_with_bom(const std::string& utf8) {
  iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t il = utf8.size(), ol = out.size();
  char* o = out.data();
  iconv(cd, &in, &il, &o, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return "\xFF\xFE" + out;
}

TEST_F(SheetTest, MarksDatesAndUnicodeTextAsJapaneseExcelWritesThem) {
  std::string text =
      "質問ID\t実施状況\t対象外の理由\t成熟度\t期限\t備考\r\n"
      "T2-001.1\t○\t\t３\t2026/3/31\t丸\r\n"
      "T2-002.1\t×\t\t\t令和8年4月1日\r\n"
      "T2-003.1\t△\t\t\tR8.5.6\r\n"
      "T2-004.1\t－\t該当設備なし\r\n"
      "T2-005.1\t済\t\t\t2026年6月30日\r\n"
      "T2-006.1\t未\r\n"
      "T2-007.1\t一部\r\n";
  auto r = testing::import_sheet(repo.db(), a, "Unicode テキスト.txt", utf16le_with_bom(text));
  EXPECT_EQ(r.encoding, "utf-16le");
  EXPECT_EQ(r.rows, 7);
  auto got = repo.answers(a.id);
  EXPECT_EQ(got.at("T2-001.1").status, Status::implemented);
  EXPECT_EQ(got.at("T2-001.1").maturity, 3);
  EXPECT_EQ(got.at("T2-001.1").due, "2026-03-31");
  EXPECT_EQ(got.at("T2-001.1").comment, "丸");
  EXPECT_EQ(got.at("T2-002.1").status, Status::not_implemented);
  EXPECT_EQ(got.at("T2-002.1").due, "2026-04-01");
  EXPECT_EQ(got.at("T2-003.1").status, Status::partial);
  EXPECT_EQ(got.at("T2-003.1").due, "2026-05-06");
  EXPECT_EQ(got.at("T2-004.1").status, Status::not_applicable);
  EXPECT_EQ(got.at("T2-004.1").na_reason, "該当設備なし");
  EXPECT_EQ(got.at("T2-005.1").status, Status::implemented);
  EXPECT_EQ(got.at("T2-005.1").due, "2026-06-30");
  EXPECT_EQ(got.at("T2-006.1").status, Status::not_implemented);
  EXPECT_EQ(got.at("T2-007.1").status, Status::partial);
}

TEST_F(SheetTest, CoverSheetDateSerialsAndBlankFormattedRowsInXlsx) {
  using testing::xlsx_row;
  std::string cover = xlsx_row(2, {{"B2", "情報セキュリティ対策 自己点検"}}) +
                      xlsx_row(4, {{"B4", "株式会社シート"}});
  std::string sheet =
      xlsx_row(1, {{"A1", "表2 対策チェックシート"}}) +
      xlsx_row(3, {{"A3", "質問ID"}, {"B3", "実施状況"}, {"C3", "期限"}, {"D3", "コメント"}}) +
      xlsx_row(4, {{"A4", "T2-010.1"}, {"B4", "実施済"}, {"C4", "#n:46112"}}) +
      "<row r=\"5\" customFormat=\"1\" s=\"2\"><c r=\"A5\" s=\"2\"/><c r=\"B5\" s=\"2\"/><c "
      "r=\"C5\" s=\"2\"/></row>" +
      xlsx_row(6, {{"A6", "T2-011.1"}, {"B6", "△"}}) +
      "<row r=\"7\" customFormat=\"1\"/><row r=\"8\" customFormat=\"1\"><c r=\"D8\" "
      "s=\"4\"/></row>";
  auto r = testing::import_sheet(repo.db(), a, "book.xlsx",
                                 testing::make_xlsx({{"表紙", cover}, {"チェックシート", sheet}}));
  EXPECT_EQ(r.sheet, "チェックシート");
  EXPECT_EQ(r.rows, 2);
  EXPECT_EQ(repo.answers(a.id).at("T2-010.1").due, "2026-03-31");
  EXPECT_EQ(repo.answers(a.id).at("T2-011.1").status, Status::partial);
}

TEST_F(SheetTest, RenamedDuplicateAndBadCellsAreRefusedByNameAndChangeNothing) {
  Answer x;
  x.question_id = "T2-001.1";
  x.status = Status::partial;
  x.comment = "元のコメント";
  repo.set_answer(a, tcs(), x);
  int before = changes();
  auto refused = [&](const std::string& bytes) -> ImportError {
    try {
      testing::import_sheet(repo.db(), a, "s.csv", bytes);
    } catch (const ImportError& e) {
      EXPECT_EQ(changes(), before);
      return e;
    }
    ADD_FAILURE() << "accepted";
    return ImportError({});
  };
  // The export, with コメント renamed to 所見 (not an alias): refused by name.
  std::string csv = export_csv(tcs(), a, repo.answers(a.id), {});
  std::string renamed = csv;
  renamed.replace(renamed.find("コメント"), std::string("コメント").size(), "所見");
  auto e1 = refused(renamed);
  ASSERT_EQ(e1.issues().size(), 1u);
  EXPECT_EQ(e1.issues()[0].column, "M 「所見」");
  EXPECT_EQ(e1.issues()[0].row, 1);
  // Two 実施状況 columns.
  auto e2 = refused("質問ID,実施状況,実施状況\nT2-001.1,実施済,未実施\n");
  EXPECT_NE(e2.issues().at(0).expected.find("「実施状況」 is already column B"), std::string::npos);
  // An impossible due date and an unknown mark name the row and column.
  auto e3 = refused("質問ID,実施状況,期限\nT2-001.1,実施済,2026-02-30\nT2-002.1,◎,\n");
  ASSERT_EQ(e3.issues().size(), 2u);
  EXPECT_EQ(e3.issues()[0].row, 2);
  EXPECT_EQ(e3.issues()[0].column, "期限");
  EXPECT_NE(e3.issues()[0].expected.find("February 2026 has 28 days"), std::string::npos);
  EXPECT_EQ(e3.issues()[1].column, "実施状況");
  EXPECT_NE(e3.issues()[1].expected.find("○"), std::string::npos);
  EXPECT_EQ(repo.answers(a.id).at("T2-001.1").comment, "元のコメント");
}

TEST_F(SheetTest, FarMoreRowsThanTheChecklistHoldsAreRefused) {
  std::string csv = "質問ID,実施状況\n";
  for (int i = 0; i < 1100; ++i) csv += "T2-001.1,実施済\n";
  try {
    testing::import_sheet(repo.db(), a, "huge.csv", csv);
    FAIL() << "accepted";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("at most 1044 rows"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(repo.answers(a.id).empty());
}

TEST_F(SheetTest, AnImportIsOneAuditRowListingEveryChangedField) {
  Answer x;
  x.question_id = "T2-002.1";
  x.status = Status::partial;
  x.owner = "総務部";
  repo.set_answer(a, tcs(), x);
  auto count = [&](const std::string& where) {
    auto st = db.prepare("SELECT count(*) FROM audit_log WHERE " + where);
    st.step();
    return st.i64(0);
  };
  const int64_t answer_rows = count("entity='answer'");
  auto r = testing::import_sheet(repo.db(), a, "記入済み.csv",
                                 "質問ID,実施状況,成熟度,担当者\n"
                                 "T2-001.1,実施済,3,情報セキュリティ部\n"
                                 "T2-002.1,一部実施,,情報セキュリティ部\n"
                                 "T2-003.1,未回答,,\n");
  EXPECT_EQ(r.changed, 2);
  EXPECT_EQ(r.unchanged, 1);
  EXPECT_EQ(count("entity='answer'"), answer_rows) << "no audit row per answer";
  auto st = db.prepare(
      "SELECT entity_id, before_json, after_json, actor FROM audit_log WHERE entity='assessment' "
      "AND action='import'");
  ASSERT_TRUE(st.step()) << "the import is audited";
  EXPECT_EQ(st.str(0), std::to_string(a.id));
  auto before = nlohmann::json::parse(st.str(1)), after = nlohmann::json::parse(st.str(2));
  EXPECT_EQ(st.str(3), "tester");
  EXPECT_FALSE(st.step()) << "one row for the whole import";
  EXPECT_EQ(after["file"], "記入済み.csv");
  EXPECT_EQ(after["changed"], 2);
  // Every changed field of every changed question, before → after; nothing unchanged.
  EXPECT_EQ(before["answers"],
            nlohmann::json::parse(R"({"T2-001.1": {"status": "unanswered", "maturity": null,
                                                   "owner": ""},
                                      "T2-002.1": {"owner": "総務部"}})"));
  EXPECT_EQ(after["answers"],
            nlohmann::json::parse(R"({"T2-001.1": {"status": "implemented", "maturity": 3,
                                                   "owner": "情報セキュリティ部"},
                                      "T2-002.1": {"owner": "情報セキュリティ部"}})"));
  // History keeps a row per changed field; the stored score is the sheet's.
  EXPECT_EQ(repo.history(a.id, "T2-001.1").size(), 3u);
  EXPECT_EQ(repo.history(a.id, "T2-002.1").size(), 3u);  // status and owner before, owner now
  auto svc = testing::assess_service(db);
  auto stored = stored_scores(db, testing::tree_catalog(), a.org_id);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].overall.implemented, svc.score(a).overall.implemented);
  EXPECT_EQ(stored[0].overall.implemented, 1);
  EXPECT_EQ(stored[0].overall.partial, 1);
  EXPECT_TRUE(store::audit_verify(db).ok);
  // The same sheet again changes nothing and adds no audit row.
  int64_t rows = count("1=1");
  EXPECT_EQ(testing::import_sheet(repo.db(), a, "記入済み.csv",
                                  "質問ID,実施状況,成熟度,担当者\n"
                                  "T2-001.1,実施済,3,情報セキュリティ部\n")
                .changed,
            0);
  EXPECT_EQ(count("1=1"), rows);
}

TEST_F(SheetTest, OwnExportRoundTripsFormulaLikeText) {
  Answer x;
  x.question_id = "T2-001.1";
  x.status = Status::implemented;
  x.comment = "=cmd|' /C calc'!A0";
  x.owner = "@運用";
  repo.set_answer(a, tcs(), x);
  std::string csv = export_csv(tcs(), a, repo.answers(a.id), {});
  EXPECT_EQ(csv.find(",=cmd"), std::string::npos);
  EXPECT_NE(csv.find("'=cmd"), std::string::npos);
  std::string path = tmp.file(".xlsx");
  export_xlsx(tcs(), a, repo.answers(a.id), {}, path);
  std::string xlsx = read_file(path);
  std::filesystem::remove(path);
  for (const auto& [name, bytes, period] :
       {std::tuple{"c.csv", csv, "FY2040"}, std::tuple{"c.xlsx", xlsx, "FY2041"}}) {
    auto b = repo.create(a.org_id, tcs(), "operator", period, "");
    testing::import_sheet(repo.db(), b, name, bytes);
    EXPECT_EQ(repo.answers(b.id).at("T2-001.1").comment, "=cmd|' /C calc'!A0") << name;
    EXPECT_EQ(repo.answers(b.id).at("T2-001.1").owner, "@運用") << name;
  }
}

// docs/spreadsheets.md is the documented mapping: every alias and mark the code reads is there.
TEST(SpreadsheetDocs, ListEveryAliasAndStatusMark) {
  std::string doc = read_file(data_dir() / "docs" / "spreadsheets.md");
  auto has_row = [&](const std::string& a, const std::string& b) {
    return doc.find("| " + a + " | " + b + " |") != std::string::npos;
  };
  for (const auto* spec :
       {&sheet_columns(), &risk::asset_columns(), &risk::risk_columns(), &risk::plan_columns()}) {
    for (const auto& c : *spec) {
      EXPECT_TRUE(has_row(c.ja, c.key)) << c.ja;
      for (const auto& alias : c.aliases) EXPECT_NE(doc.find(alias), std::string::npos) << alias;
    }
  }
  for (const auto& m : status_marks()) {
    std::string ja = to_japanese(m.status);
    EXPECT_NE(doc.find("| " + std::string(m.mark) + " | " + ja), std::string::npos) << m.mark;
  }
}

}  // namespace
}  // namespace anzen::assess
