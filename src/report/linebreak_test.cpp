#include "report/linebreak.h"

#include <gtest/gtest.h>

#include "common/text.h"

namespace anzen::report {
namespace {

// Wide characters are 10 units, everything else 5: simple enough to count by hand.
float test_width(char32_t c) { return c >= 0x2E80 ? 10.0f : 5.0f; }

std::vector<std::string> lines(const std::string& s, float width) { return break_lines(s, width, test_width); }

TEST(LineBreak, JapaneseBreaksBetweenCharacters) {
  EXPECT_EQ(lines("安全基準対策の実施", 40), (std::vector<std::string>{"安全基準", "対策の実", "施"}));
  // Small kana (ュ, ィ) must not start a line: the character before them moves down with them.
  EXPECT_EQ(lines("情報セキュリティ対策", 40), (std::vector<std::string>{"情報セ", "キュリ", "ティ対策"}));
}

TEST(LineBreak, ClosingPunctuationNeverStartsALine) {
  // Four characters fit; 、 would start the second line, so the character before it moves down.
  auto l = lines("安全基準、対策", 40);
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(l[0], "安全基");
  EXPECT_EQ(l[1], "準、対策");
  for (const auto& line : lines("事故が発生した。報告は速やかに行う。（詳細は別紙）", 50)) {
    std::u32string u = text::decode(line);
    ASSERT_FALSE(u.empty());
    EXPECT_FALSE(no_line_start(u.front())) << line;
    EXPECT_FALSE(no_line_end(u.back())) << line;
  }
}

TEST(LineBreak, OpeningBracketNeverEndsALine) {
  auto l = lines("対策を「実施」", 40);
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(l[0], "対策を");
  EXPECT_EQ(l[1], "「実施」");
}

TEST(LineBreak, EnglishBreaksBetweenWords) {
  auto l = lines("Security measures for telecom operators", 60);  // 12 Latin characters a line
  EXPECT_EQ(l, (std::vector<std::string>{"Security", "measures for", "telecom", "operators"}));
}

TEST(LineBreak, AWordLongerThanALineIsCut) {
  auto l = lines("abcdefghij", 25);
  EXPECT_EQ(l, (std::vector<std::string>{"abcde", "fghij"}));
}

TEST(LineBreak, PunctuationHangsWhenAWordFillsTheLine) {
  auto l = lines("abcde, next", 25);
  ASSERT_GE(l.size(), 2u);
  EXPECT_EQ(l[0], "abcde,");
}

TEST(LineBreak, NewLinesAlwaysBreak) { EXPECT_EQ(lines("一\n二", 100), (std::vector<std::string>{"一", "二"})); }

TEST(FitLine, CutTextEndsWithAnEllipsis) {
  EXPECT_EQ(fit_line("情報", 100, test_width), "情報");
  EXPECT_EQ(fit_line("情報セキュリティ", 45, test_width), "情報セキ…");
  EXPECT_EQ(fit_line("Access control", 40, test_width), "Access…");
}

}  // namespace
}  // namespace anzen::report
