#include "common/table_read.h"

#include <gtest/gtest.h>

#include <iconv.h>

#include "common/cell_guard.h"
#include "common/csv.h"
#include "common/xlsx_read.h"
#include "common/xlsx_table.h"
#include "testing/zip_parts.h"

using namespace anzen;
using anzen::testing::make_xlsx;
using anzen::testing::xlsx_row;

namespace {

const std::vector<table::Column>& spec() {
  static const std::vector<table::Column> c = {
      {"id", "質問ID", "question_id", {"設問ID"}, true},
      {"status", "実施状況", "status", {}, true},
      {"due", "期限", "due", {}, false},
      {"comment", "コメント", "comment", {"備考"}, false},
      {"label", "ラベル", "label", {}, false, true},
  };
  return c;
}

table::ImportError refusal(const std::string& file, const std::string& bytes) {
  try {
    table::read(file, bytes, spec());
  } catch (const table::ImportError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted " << file;
  return table::ImportError({});
}

std::string to_encoding(const std::string& utf8, const char* enc) {
  iconv_t cd = iconv_open(enc, "UTF-8");
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t il = utf8.size(), ol = out.size();
  char* o = out.data();
  iconv(cd, &in, &il, &o, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

}  // namespace

TEST(TableRead, CoverSheetMissingTrailingCellsAndFormattedBlankRows) {
  std::string cover =
      xlsx_row(1, {{"A1", "対策チェックシート 表紙"}}) + xlsx_row(3, {{"B3", "株式会社例"}});
  std::string data =
      xlsx_row(2, {{"A2", "質問ID"}, {"B2", "実施状況"}, {"C2", "期限"}, {"D2", "コメント"}}) +
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>T2-001.1</t></is></c><c r=\"B3\" s=\"2\"/>"
      "<c r=\"C3\" t=\"inlineStr\"><is><t>2026/4/1</t></is></c></row>" +    // an empty cell written
      xlsx_row(4, {{"A4", "T2-002.1"}, {"B4", "×"}, {"C4", "#n:46112"}}) +  // a date typed in Excel
      "<row r=\"5\" customFormat=\"1\"><c r=\"A5\" s=\"3\"/><c r=\"D5\" s=\"3\"/></row>" +  // formatted,
                                                                                            // blank
      "<row r=\"6\" ht=\"20\"/>" +
      xlsx_row(7, {{"A7", "T2-003.1"}, {"B7", "済"}, {"C7", "令和8年3月31日"}, {"D7", "'=1+2"}}) +
      xlsx_row(8, {{"A8", "T2-009.1"}, {"B8", "○"}});  // trailing cells left out
  auto t = table::read("book.xlsx", make_xlsx({{"表紙", cover}, {"チェックシート", data}}), spec());
  EXPECT_EQ(t.sheet, "チェックシート");
  EXPECT_EQ(t.encoding, "xlsx");
  EXPECT_EQ(t.header_line, 2);
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0].line, 3);
  EXPECT_EQ(t.rows[0].cells[1], "");
  EXPECT_EQ(t.rows[0].cells[2], "2026/4/1");  // the cell after a self-closed empty one
  EXPECT_EQ(t.rows[3].cells[2], "");
  EXPECT_EQ(t.rows[3].line, 8);
  EXPECT_EQ(table::date_cell(t.rows[1], 2), "2026-03-31");
  EXPECT_EQ(table::date_cell(t.rows[2], 2), "2026-03-31");
  EXPECT_EQ(t.rows[2].cells[3], "=1+2");  // our formula guard is removed on import
  EXPECT_EQ(t.rows[2].line, 7);
}

TEST(TableRead, UnknownDuplicateAndMissingColumnsAreRefusedByName) {
  auto renamed = refusal("r.csv", "質問ID,実施状況,メモ\nT2-001.1,実施済,x\n");
  ASSERT_EQ(renamed.issues().size(), 1u);
  EXPECT_EQ(renamed.issues()[0].found, "メモ");
  EXPECT_NE(renamed.issues()[0].column.find("C"), std::string::npos);
  EXPECT_NE(std::string(renamed.what()).find("unknown columns are refused"), std::string::npos);

  auto twice = refusal("d.csv", "質問ID,実施状況,実施状況\nT2-001.1,実施済,未実施\n");
  ASSERT_EQ(twice.issues().size(), 1u);
  EXPECT_NE(twice.issues()[0].expected.find("already column B"), std::string::npos);

  auto missing = refusal("m.csv", "質問ID,期限,コメント\nT2-001.1,2026-03-31,x\n");
  ASSERT_EQ(missing.issues().size(), 1u);
  EXPECT_EQ(missing.issues()[0].column, "「実施状況」");

  // A documented alias is mapped, not refused: 備考 is コメント.
  auto t = table::read("a.csv", "設問ID,実施状況,備考\nT2-001.1,実施済,メモです\n", spec());
  EXPECT_EQ(t.rows[0].cells[3], "メモです");
  EXPECT_TRUE(t.has(3));

  // A value under no header would be lost: refused with its cell.
  auto stray = refusal("s.csv", "質問ID,実施状況\nT2-001.1,実施済,,lost\n");
  ASSERT_EQ(stray.issues().size(), 1u);
  EXPECT_EQ(stray.issues()[0].row, 2);
  EXPECT_EQ(stray.issues()[0].column, "D");
}

TEST(TableRead, NoHeaderNamesTheSheetsRead) {
  auto e = refusal("x.xlsx", make_xlsx({{"表紙", xlsx_row(1, {{"A1", "hello"}})},
                                        {"Sheet2", xlsx_row(1, {{"A1", "x"}, {"B1", "y"}})}}));
  EXPECT_NE(std::string(e.what()).find("'表紙', 'Sheet2'"), std::string::npos) << e.what();
}

TEST(TableRead, Utf16TabTextShiftJisAndUtf8) {
  std::string text = "質問ID\t実施状況\tコメント\r\nT2-001.1\t一部\t改行なし\r\n";
  std::string u16 = "\xFF\xFE" + to_encoding(text, "UTF-16LE");
  auto t = table::read("u.txt", u16, spec());
  EXPECT_EQ(t.encoding, "utf-16le");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells[1], "一部");
  EXPECT_EQ(t.rows[0].cells[3], "改行なし");

  auto sj = table::read("s.csv", to_encoding("質問ID,実施状況\nT2-001.1,△\n", "CP932"), spec());
  EXPECT_EQ(sj.encoding, "cp932");
  EXPECT_EQ(sj.rows[0].cells[1], "△");

  auto e = refusal("cut.txt", u16.substr(0, u16.size() - 1));
  EXPECT_NE(std::string(e.what()).find("UTF-16"), std::string::npos);
}

TEST(TableRead, CellValues) {
  auto t = table::read("v.csv", "質問ID,実施状況,期限\nＴ,３,2026-02-30\n", spec());
  EXPECT_EQ(table::int_cell(t.rows[0], 1, 0, 5), 3);  // full-width digits
  try {
    table::date_cell(t.rows[0], 2);
    FAIL();
  } catch (const table::CellError& e) {
    EXPECT_NE(e.expected.find("February 2026 has 28 days"), std::string::npos);
  }
  EXPECT_THROW(table::int_cell(t.rows[0], 1, 0, 2), table::CellError);
  std::vector<table::Term> terms = {{"done", {"完了", "済"}}, {"open", {"未"}}};
  EXPECT_EQ(table::term_cell(t.rows[0], 0, {{"t", {"ｔ"}}}), "t");
  try {
    table::term_cell(t.rows[0], 1, terms);
    FAIL();
  } catch (const table::CellError& e) {
    EXPECT_EQ(e.expected, "one of done (完了), open (未)");
  }
}

TEST(CellGuard, NeutralisesFormulasAndRoundTrips) {
  for (std::string v : {"=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=1", "''+x",
                        "'plain", "plain", "", "'", "ー"}) {
    std::string g = cell::guard(v);
    char c = g.empty() ? 'x' : g[0];
    EXPECT_TRUE(c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') << v;
    EXPECT_EQ(cell::unguard(g), v) << v;
  }
  EXPECT_EQ(cell::guard("=1"), "'=1");
  EXPECT_EQ(csv::export_row({"=1", "a"}), "'=1,a\r\n");
}

TEST(XlsxRead, BoundedAgainstHostileFiles) {
  // A part that inflates far beyond the cap, whatever size the zip declares.
  std::string zeros(40u << 20, ' ');
  std::string bomb = anzen::testing::make_zip(
      {{"xl/worksheets/sheet1.xml", "<sheetData><row r=\"1\">" + zeros + "</row></sheetData>", true,
        100}});
  EXPECT_LT(bomb.size(), 200000u);
  try {
    xlsx::read_workbook(bomb);
    FAIL() << "zip bomb read";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("expands beyond 32 MiB"), std::string::npos) << e.what();
  }
  // Columns beyond XFD.
  try {
    xlsx::read_workbook(make_xlsx({{"S", xlsx_row(1, {{"AAAAAA1", "x"}})}}));
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("beyond column XFD"), std::string::npos) << e.what();
  }
  EXPECT_EQ(xlsx::column_number("XFD"), 16384u);
  EXPECT_EQ(xlsx::column_number("XFE"), 0u);
  EXPECT_EQ(xlsx::column_letters(16384), "XFD");
  // Far more rows than any register holds.
  std::string many;
  for (int r = 1; r <= 1200; ++r)
    many += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
            "\"><v>1</v></c></row>";
  xlsx::Limits small;
  small.max_rows = 1000;
  EXPECT_THROW(xlsx::read_workbook(make_xlsx({{"S", many}}), small), std::runtime_error);
  EXPECT_EQ(xlsx::read_workbook(make_xlsx({{"S", many}})).at(0).rows.size(), 1200u);
  // Cells far out to the right on many rows: the cell budget, not gigabytes of memory.
  std::string wide;
  for (int r = 1; r <= 200; ++r)
    wide += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) +
            "\"><v>1</v></c></row>";
  try {
    xlsx::read_workbook(make_xlsx({{"S", wide}}));
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cells"), std::string::npos) << e.what();
  }
  // Damaged references and shared-string indexes are reported, not crashed on.
  EXPECT_THROW(xlsx::read_workbook(make_xlsx(
                   {{"S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99999999999999</v></c></row>"}})),
               std::runtime_error);
  EXPECT_THROW(xlsx::read_workbook(
                   make_xlsx({{"S", "<row r=\"99999999999\"><c r=\"A1\"><v>1</v></c></row>"}})),
               std::runtime_error);
  EXPECT_THROW(
      xlsx::read_workbook(make_xlsx(
          {{"S", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&#99999999;</t></is>"}})),
      std::runtime_error);
  std::string ok = make_xlsx({{"S", xlsx_row(1, {{"A1", "x"}})}});
  for (size_t cut : {ok.size() / 2, ok.size() - 10, size_t{30}})
    EXPECT_THROW(xlsx::read_workbook(ok.substr(0, cut)), std::runtime_error) << cut;
}

TEST(XlsxRead, SharedStringsSkipPhoneticRuns) {
  std::string ss =
      R"(<sst><si><t>質問ID</t><rPh sb="0" eb="2"><t>シツモン</t></rPh></si><si><r><t>実施</t></r><r><t>状況</t></r></si><si/></sst>)";
  auto sheets = xlsx::read_workbook(make_xlsx(
      {{"S",
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>)"}},
      ss));
  ASSERT_EQ(sheets.at(0).rows.at(0).fields.size(), 3u);
  EXPECT_EQ(sheets[0].rows[0].fields[0], "質問ID");
  EXPECT_EQ(sheets[0].rows[0].fields[1], "実施状況");
  EXPECT_EQ(sheets[0].rows[0].fields[2], "");
}

TEST(XlsxTable, WorkbooksGuardFormulasAndCarryAPrintSetup) {
  XlsxSheet sh{"表",
               {{"名前", "式"}, {"a", "=HYPERLINK(\"http://x\")"}},
               {10, 100},
               {"株式会社例 & Co", "リスク台帳", "FY2026", "2026-03-31"}};
  std::string bytes = xlsx_workbook_bytes({sh});
  auto rows = xlsx::read_first_sheet(bytes);
  EXPECT_EQ(rows.at(1).fields.at(1), "'=HYPERLINK(\"http://x\")");
  std::string xml = xlsx::zip_member(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(xml.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(xml.find("fitToPage=\"1\""), std::string::npos)
      << xml;  // one page wide (fitToWidth defaults to 1)
  EXPECT_NE(xml.find("fitToHeight=\"0\""), std::string::npos);
  EXPECT_NE(xml.find("株式会社例 &amp;&amp; Co&amp;Cリスク台帳&amp;RFY2026　2026年3月31日作成"),
            std::string::npos)
      << xml;
  std::string wb = xlsx::zip_member(bytes, "xl/workbook.xml");
  EXPECT_NE(wb.find("_xlnm.Print_Titles"), std::string::npos);
  EXPECT_EQ(page_header({"", "", "", ""}), "&L&C&R");
}
