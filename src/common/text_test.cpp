#include "common/text.h"

#include <gtest/gtest.h>

namespace anzen::text {

TEST(Fold, FullWidthAsciiBecomesHalfWidthLowerCase) {
  EXPECT_EQ(fold("ＣＳＩＲＴ"), "csirt");
  EXPECT_EQ(fold("ISO／IEC　２７００２"), "iso/iec27002");
}

TEST(Fold, HiraganaAndHalfWidthKatakanaMeetFullWidthKatakana) {
  EXPECT_EQ(fold("らんさむうぇあ"), fold("ランサムウェア"));
  EXPECT_EQ(fold("ﾗﾝｻﾑｳｪｱ"), fold("ランサムウェア"));
  EXPECT_EQ(fold("ﾊﾞｯｸｱｯﾌﾟ"), "バックアップ");
  EXPECT_EQ(fold("ｶﾞ"), "ガ");
  EXPECT_NE(fold("ハ"), fold("パ"));
}

TEST(Fold, WhiteSpaceIsIgnored) { EXPECT_EQ(fold(" 組織 方針\t"), "組織方針"); }

TEST(StripForCompare, RemovesParagraphTagsAndSpaces) {
  EXPECT_EQ(strip_for_compare("<p>ア 組織方針</p>\t<p>策定して いるか</p>"),
            "ア組織方針策定しているか");
}

TEST(Utf8, RoundTripsAndDetectsInvalidBytes) {
  std::string s = "安全基準 ｱﾝｾﾞﾝ 🔒";
  EXPECT_EQ(encode(decode(s)), s);
  EXPECT_TRUE(is_valid_utf8(s));
  EXPECT_FALSE(is_valid_utf8("\x88\xc0\x91"));  // Shift_JIS bytes
}

}  // namespace anzen::text

namespace anzen::text {
TEST(TextWidth, WideCharactersCountTwoAndTruncationKeepsWholeCharacters) {
  EXPECT_EQ(width("abc"), 3);
  EXPECT_EQ(width("呼制御サーバ"), 12);
  EXPECT_EQ(width("ＡＢ"), 4);
  EXPECT_EQ(truncate_width("呼制御サーバ", 5), "呼制");
  EXPECT_EQ(truncate_width("ab呼", 3), "ab");
}
}  // namespace anzen::text

namespace anzen::text {
TEST(SplitList, TakesCommasAndJapaneseCommas) {
  EXPECT_EQ(split_list("東京都、大阪府, 北海道 ,,"),
            (std::vector<std::string>{"東京都", "大阪府", "北海道"}));
  EXPECT_TRUE(split_list("").empty());
  EXPECT_EQ(split_list("音声; データ、ISP\n", ";\n"),
            (std::vector<std::string>{"音声", "データ", "ISP"}));
  EXPECT_EQ(split_list("a b", ","), (std::vector<std::string>{"a b"}))
      << "only the given separators split";
}

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(Percent, OneDecimalOrDash) {
  EXPECT_EQ(percent(0.725), "72.5%");
  EXPECT_EQ(percent(std::nullopt), "–");
}
}  // namespace anzen::text

namespace anzen::text {
TEST(Thousands, GroupsDigitsInThrees) {
  EXPECT_EQ(thousands(0), "0");
  EXPECT_EQ(thousands(999), "999");
  EXPECT_EQ(thousands(1000), "1,000");
  EXPECT_EQ(thousands(1200000), "1,200,000");
  EXPECT_EQ(thousands(-30000), "-30,000");
}
}  // namespace anzen::text
