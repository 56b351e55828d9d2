#include "assess/history_fields.h"

#include <gtest/gtest.h>

namespace anzen::assess::detail {
namespace {

TEST(HistoryFields, OneFieldKeepsThePlainForm) {
  std::vector<HistoryRow> rows = {{"T2-001.1", "status", "unanswered", "partial"}};
  auto s = pack_history(rows);
  EXPECT_EQ(s.field, "status");
  EXPECT_EQ(s.old_value, "unanswered");
  EXPECT_EQ(s.new_value, "partial");
  auto back = unpack_history(s.field, s.old_value, s.new_value);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].new_value, "partial");
}

TEST(HistoryFields, SeveralFieldsRoundTripNewestFirst) {
  // Values with the characters a packing could trip on: commas, quotes, brackets, Japanese.
  std::vector<HistoryRow> rows = {{"T2-001.1", "comment", "", "a,b \"c\" [d] \\ 1\n2\t\x01"},
                                  {"T2-001.1", "maturity", "", "3"},
                                  {"T2-001.1", "owner", "情報セキュリティ部", "総務部、法務部"}};
  auto s = pack_history(rows);
  EXPECT_EQ(s.field, "comment,maturity,owner");
  auto back = unpack_history(s.field, s.old_value, s.new_value);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[0].field, "owner");
  EXPECT_EQ(back[0].old_value, "情報セキュリティ部");
  EXPECT_EQ(back[0].new_value, "総務部、法務部");
  EXPECT_EQ(back[1].field, "maturity");
  EXPECT_EQ(back[1].new_value, "3");
  EXPECT_EQ(back[2].field, "comment");
  EXPECT_EQ(back[2].new_value, "a,b \"c\" [d] \\ 1\n2\t\x01");
}

TEST(HistoryFields, ARowThatDoesNotUnpackIsShownAsStored) {
  // Values that are not arrays of as many strings as names: never dropped, never a crash.
  for (auto [olds, news] :
       {std::pair{"[\"a\"]", "[\"b\",\"c\"]"}, {"not json", "[]"}, {"[1,2]", "[\"x\",\"y\"]"}}) {
    auto back = unpack_history("owner,status", olds, news);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].field, "owner,status");
    EXPECT_EQ(back[0].old_value, olds);
  }
}

}  // namespace
}  // namespace anzen::assess::detail
