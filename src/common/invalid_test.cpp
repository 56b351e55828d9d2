#include "common/invalid.h"

#include <gtest/gtest.h>

#include "common/date.h"

namespace anzen {
namespace {

TEST(Invalid, CarriesTheFieldBothLanguagesAndTheCliLine) {
  Invalid e("name", "名称を入力してください。", "Enter the name.", "required");
  EXPECT_STREQ(e.what(), "name: Enter the name.");
  EXPECT_EQ(e.field, "name");
  EXPECT_EQ(e.code, "required");
  EXPECT_EQ(e.in("ja"), "名称を入力してください。");
  EXPECT_EQ(e.in("en"), "Enter the name.");
  EXPECT_EQ(e.in(""), "名称を入力してください。") << "Japanese unless English is asked for";
  // A message kept as it was for the CLI, and no field at all.
  Invalid kept("kind", "種別を選んでください。", "Choose the kind.", "",
               "kind: 'x' is not one of a, b");
  EXPECT_STREQ(kept.what(), "kind: 'x' is not one of a, b");
  EXPECT_EQ(kept.in("en"), "Choose the kind.");
  EXPECT_STREQ(Invalid("", "再読み込みしてください。", "Reload.").what(), "Reload.");
  // Caught as the std::invalid_argument older callers expect.
  try {
    throw Invalid("x", "あ", "a");
  } catch (const std::invalid_argument& any) {
    EXPECT_STREQ(any.what(), "x: a");
  }
}

TEST(Invalid, RenamedKeepsTheTextsAndPrefixesTheCliLine) {
  Invalid inner("likelihood", "発生可能性は 1〜5 の段階から選んでください。",
                "Choose a likelihood from 1 to 5.", "out_of_range", "likelihood: expected 1-5");
  Invalid outer = inner.renamed("inherent");
  EXPECT_EQ(outer.field, "inherent");
  EXPECT_EQ(outer.ja, inner.ja);
  EXPECT_EQ(outer.en, inner.en);
  EXPECT_EQ(outer.code, "out_of_range");
  EXPECT_STREQ(outer.what(), "inherent: likelihood: expected 1-5");
}

TEST(Invalid, PlainMessagesBecomeAFieldAndAJapaneseRequest) {
  Invalid same = as_invalid(Invalid("a", "日本語", "English"));
  EXPECT_EQ(same.ja, "日本語");
  Invalid plain = as_invalid(std::invalid_argument("details.prefectures: expected a list"));
  EXPECT_EQ(plain.field, "details.prefectures");
  EXPECT_EQ(plain.en, "expected a list");
  EXPECT_EQ(plain.ja, "入力内容を確認してください（expected a list）");
  EXPECT_STREQ(plain.what(), "details.prefectures: expected a list");
  EXPECT_EQ(as_invalid(std::runtime_error("no field here")).field, "");
  auto [f, d] = split_field_message("acceptance (保有・受容) needs an approver");
  EXPECT_EQ(f, "acceptance");
  EXPECT_EQ(d, "acceptance (保有・受容) needs an approver");
}

TEST(Invalid, DatesAreRefusedInTheUsersWordsWithTheFieldAlone) {
  try {
    date::require("deadline (達成期限)", "2026-13-01");
    FAIL() << "month 13 was read";
  } catch (const Invalid& e) {
    EXPECT_EQ(e.field, "deadline");
    EXPECT_EQ(e.code, "not_a_date");
    EXPECT_NE(e.ja.find("「2026-13-01」は日付として読めません"), std::string::npos) << e.ja;
    EXPECT_NE(std::string(e.what()).find("deadline (達成期限): '2026-13-01' is not a date"),
              std::string::npos)
        << "the CLI line is unchanged: " << e.what();
  }
}

}  // namespace
}  // namespace anzen
