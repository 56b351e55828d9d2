#include "supplier/model.h"

#include <gtest/gtest.h>

#include "catalog/catalog_dir.h"
#include "testing/catalogs.h"

namespace anzen::supplier {

TEST(SupplierModel, CorporateNumberCheckDigit) {
  // Published 法人番号 (国税庁法人番号公表サイト): 国税庁 itself and トヨタ自動車株式会社.
  EXPECT_TRUE(valid_corporate_number("7000012050002"));
  EXPECT_TRUE(valid_corporate_number("1180301018771"));
  EXPECT_FALSE(valid_corporate_number("2180301018771"));   // wrong check digit
  EXPECT_FALSE(valid_corporate_number("118030101877"));    // 12 digits
  EXPECT_FALSE(valid_corporate_number("11803010187７1"));  // a full-width digit
}

TEST(SupplierModel, LifeCycle) {
  EXPECT_EQ(after_answer(QStatus::sent), QStatus::in_progress);
  EXPECT_EQ(after_answer(QStatus::returned), QStatus::in_progress);
  EXPECT_THROW(after_answer(QStatus::submitted), std::invalid_argument);
  EXPECT_THROW(after_answer(QStatus::accepted), std::invalid_argument);
  EXPECT_NO_THROW(check_submit(QStatus::in_progress, {}));
  try {
    check_submit(QStatus::in_progress, {"T2-001.1", "T2-002.1"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("T2-002.1"), std::string::npos);
  }
  EXPECT_THROW(check_submit(QStatus::accepted, {}), std::invalid_argument);
  EXPECT_EQ(after_review(QStatus::submitted, Verdict::ret), QStatus::returned);
  EXPECT_EQ(after_review(QStatus::submitted, Verdict::accept), QStatus::accepted);
  EXPECT_EQ(after_review(QStatus::submitted, Verdict::reject), QStatus::rejected);
  EXPECT_THROW(after_review(QStatus::in_progress, Verdict::accept), std::invalid_argument);
  for (auto s : {QStatus::sent, QStatus::in_progress, QStatus::submitted, QStatus::returned,
                 QStatus::accepted, QStatus::rejected}) {
    EXPECT_EQ(qstatus_from(to_string(s)), s);
    EXPECT_FALSE(label(s).ja.empty());
  }
}

TEST(SupplierModel, MakerTemplateIsTheMakerColumn) {
  const auto& cat = anzen::testing::tree_catalog();
  auto qs = build_questions(cat, "maker");
  std::set<std::string> rows;
  for (const auto& q : qs) {
    rows.insert(q.item);
    const auto* fw = cat.find("tcs-2023");
    EXPECT_EQ(fw->find(q.item)->maker_rec, catalog::Recommendation::recommended) << q.id;
  }
  EXPECT_EQ(rows.size(), 89u);  // the ○ rows of 表2's メーカー等 column
}

TEST(SupplierModel, ChapterAndSubsetTemplates) {
  const auto& cat = anzen::testing::tree_catalog();
  auto ch10 = build_questions(cat, "tcs-2023:10");
  ASSERT_FALSE(ch10.empty());
  const auto* fw = cat.find("tcs-2023");
  for (const auto& q : ch10) {
    // Every question's check lies under chapter 10.
    const auto* it = fw->find(q.item);
    while (it && !it->parent.empty()) it = fw->find(it->parent);
    ASSERT_TRUE(it);
    EXPECT_EQ(it->id, "10") << q.id;
  }
  // A framework of controls without checks: each control is a question.
  auto iso = build_questions(cat, "iso27002-2022:5.19,5.20");
  ASSERT_EQ(iso.size(), 2u);
  EXPECT_EQ(iso[0].id, "5.19");
  EXPECT_THROW(build_questions(cat, "nosuch"), std::invalid_argument);
  EXPECT_THROW(build_questions(cat, "tcs-2023:99.9"), std::invalid_argument);
  add_custom(iso, {"ISMS認証の有無"});
  EXPECT_EQ(iso.back().id, "C1");
}

}  // namespace anzen::supplier
