#include "common/date.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace anzen;

namespace {
std::string iso(std::string_view s) {
  auto p = date::parse(s);
  return p.value ? p.value->iso() : "refused: " + p.why;
}
}  // namespace

TEST(Date, StrictIsoRefusesImpossibleDates) {
  EXPECT_EQ(date::parse_iso("2026-03-31")->iso(), "2026-03-31");
  EXPECT_EQ(date::parse_iso("2028-02-29")->iso(), "2028-02-29");
  for (const char* bad : {"2026-13-01", "2026-02-30", "2026-02-31", "2026-02-29", "2100-02-29",
                          "2026-04-31", "2026-00-10", "2026-01-00", "2026-3-31", "2026/03/31",
                          "20260331", "", "2026-03-31T00:00"}) {
    EXPECT_FALSE(date::parse_iso(bad)) << bad;
  }
}

TEST(Date, JapaneseFormsAreRead) {
  EXPECT_EQ(iso("2026/3/31"), "2026-03-31");
  EXPECT_EQ(iso("2026-3-31"), "2026-03-31");
  EXPECT_EQ(iso("2026.03.31"), "2026-03-31");
  EXPECT_EQ(iso("2026年3月31日"), "2026-03-31");
  EXPECT_EQ(iso("2026年3月31"), "2026-03-31");
  EXPECT_EQ(iso("令和8年3月31日"), "2026-03-31");
  EXPECT_EQ(iso("令和元年5月1日"), "2019-05-01");
  EXPECT_EQ(iso("R8.3.31"), "2026-03-31");
  EXPECT_EQ(iso("r8/3/31"), "2026-03-31");
  EXPECT_EQ(iso("H31.4.30"), "2019-04-30");
  EXPECT_EQ(iso("平成31年4月30日"), "2019-04-30");
  EXPECT_EQ(iso("S64.1.7"), "1989-01-07");
  EXPECT_EQ(iso("２０２６／３／３１"), "2026-03-31");  // full-width digits and slash
  EXPECT_EQ(iso("令和８年３月３１日"), "2026-03-31");
  EXPECT_EQ(iso(" 2026-03-31　"), "2026-03-31");
}

TEST(Date, ImpossibleOrAmbiguousFormsAreRefusedWithAReason) {
  EXPECT_EQ(iso("2026-02-30"), "refused: February 2026 has 28 days");
  EXPECT_EQ(iso("2026-13-01"), "refused: there is no month 13");
  EXPECT_EQ(iso("令和8年2月30日"), "refused: February 2026 has 28 days");
  EXPECT_EQ(iso("令和1年4月30日"), "refused: 令和 runs from 2019-05-01");  // still 平成
  EXPECT_EQ(iso("H32.1.1"), "refused: 平成 runs from 1989-01-08 to 2019-04-30");
  for (const char* bad : {"26/3/31", "3/31", "2026/3-31", "明日", "2026年3月", "X8.3.31",
                          "2026-03-31-01", "12026-01-01"}) {
    EXPECT_FALSE(date::parse(bad).value) << bad;
  }
}

TEST(Date, ExcelSerials) {
  EXPECT_EQ(date::from_excel_serial("45000")->iso(), "2023-03-15");
  EXPECT_EQ(date::from_excel_serial("46112")->iso(), "2026-03-31");
  EXPECT_EQ(date::from_excel_serial("46112.75")->iso(), "2026-03-31");  // a time of day
  EXPECT_EQ(date::from_excel_serial("1")->iso(), "1900-01-01");
  EXPECT_EQ(date::from_excel_serial("61")->iso(), "1900-03-01");  // after Excel's 1900-02-29
  EXPECT_FALSE(date::from_excel_serial("60"));
  EXPECT_FALSE(date::from_excel_serial("0"));
  EXPECT_FALSE(date::from_excel_serial("-5"));
  EXPECT_FALSE(date::from_excel_serial("3000000"));
  EXPECT_FALSE(date::from_excel_serial("1e5"));
}

TEST(Date, RequireNamesTheFieldAndNormalises) {
  EXPECT_EQ(date::require("deadline", "2026/3/31"), "2026-03-31");
  EXPECT_EQ(date::require("deadline", ""), "");
  try {
    date::require("deadline (達成期限)", "2026-02-30");
    FAIL() << "accepted 2026-02-30";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind(
                  "deadline (達成期限): '2026-02-30' is not a date (February 2026 has 28 days)", 0),
              0u)
        << e.what();
  }
  EXPECT_EQ(date::japanese({2026, 3, 31}), "2026年3月31日");
}

namespace anzen::date {
// Issue 15 (7): one display format for moments, in JST, whatever the stored offset.
TEST(DisplayTime, ShowsJapanStandardTimeInOneFormat) {
  EXPECT_EQ(display_time("2026-11-27T00:00:00Z", "ja"), "2026年11月27日 09:00");
  EXPECT_EQ(display_time("2026-11-27T09:00:00+09:00", "ja"), "2026年11月27日 09:00");
  EXPECT_EQ(display_time("2026-11-26T20:30:00-05:00", "ja"), "2026年11月27日 10:30");
  EXPECT_EQ(display_time("2026-12-31T15:00:00.123Z", "ja"), "2027年1月1日 00:00");
  EXPECT_EQ(display_time("2026-11-27 00:00:00", "en"), "27 Nov 2026 09:00 JST");
  EXPECT_EQ(display_time("2026-03-31", "ja"), "2026年3月31日");
  EXPECT_EQ(display_time("not a time", "ja"), "not a time");
  EXPECT_EQ(display_time("2026-02-30T10:00:00Z", "ja"), "2026-02-30T10:00:00Z");
}
}  // namespace anzen::date

TEST(IsoJst, ExportsKeepIsoButInJapanStandardTime) {
  using anzen::date::iso_jst;
  EXPECT_EQ(iso_jst("2026-11-27T00:00:00Z"), "2026-11-27T09:00:00+09:00");
  EXPECT_EQ(iso_jst("2026-11-27 20:30:05"), "2026-11-28T05:30:05+09:00");
  EXPECT_EQ(iso_jst("2026-11-27T09:00:00+09:00"), "2026-11-27T09:00:00+09:00");
  EXPECT_EQ(iso_jst("2026-12-31T23:59:59-05:00"), "2027-01-01T13:59:59+09:00");
  EXPECT_EQ(iso_jst("not a time"), "not a time");
}
