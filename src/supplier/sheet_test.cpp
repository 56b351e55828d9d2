#include "supplier/sheet.h"

#include <gtest/gtest.h>

namespace anzen::supplier {
namespace {
Questionnaire two() {
  Questionnaire q;
  q.id = 7;
  q.questions = {{"T2-001.1", "tcs-2023", "T2-001", {"問1", ""}, ""},
                 {"C1", "", "", {"独自", ""}, ""}};
  return q;
}
std::vector<csv::Row> rows(std::vector<std::vector<std::string>> t) {
  std::vector<csv::Row> out;
  int line = 0;
  for (auto& r : t) out.push_back({++line, std::move(r)});
  return out;
}
}  // namespace

TEST(SupplierSheet, RoundTripsTheExportedSheet) {
  QAnswers a;
  a["C1"] = {"C1", assess::Status::partial, "半分", "", "", ""};
  auto sheet = answer_sheet(two(), a);
  ASSERT_EQ(sheet.size(), 3u);
  EXPECT_EQ(sheet[2][2], "一部実施");
  sheet[1][2] = "実施済";
  auto back = read_answer_sheet("a.xlsx", rows(sheet), two());
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].status, assess::Status::implemented);
  EXPECT_EQ(back[1].comment, "半分");
}

TEST(SupplierSheet, RefusalsNameSheetRowAndColumn) {
  auto sheet = answer_sheet(two(), {});
  sheet[1][2] = "たぶん";
  sheet.push_back({"T2-999.1", "", "実施済", "", ""});
  sheet[2][3] = "コメントだけ";
  try {
    read_answer_sheet("a.xlsx", rows(sheet), two());
    FAIL() << "expected a refusal";
  } catch (const assess::ImportError& e) {
    ASSERT_EQ(e.issues().size(), 3u);
    EXPECT_EQ(e.issues()[0].row, 2);
    EXPECT_EQ(e.issues()[0].column, "C (回答)");
    EXPECT_NE(e.issues()[0].file.find("質問票"), std::string::npos);
    EXPECT_EQ(e.issues()[1].row, 3);  // a comment without an answer is not dropped silently
    EXPECT_EQ(e.issues()[2].column, "A (番号)");
  }
  auto bad_header = answer_sheet(two(), {});
  bad_header[0][2] = "status";
  EXPECT_THROW(read_answer_sheet("a.xlsx", rows(bad_header), two()), assess::ImportError);
}

}  // namespace anzen::supplier
