#include "incident/calendar.h"

#include <gtest/gtest.h>

#include <set>

namespace anzen::incident {
namespace {

std::set<std::string> holidays_of(int y) {
  std::set<std::string> out;
  for (Date d{y, 1, 1}; d.y == y; d = add_days(d, 1)) {
    if (!national_holiday(d).empty()) out.insert(d.str().substr(5));
  }
  return out;
}

// The Cabinet Office's published lists of national holidays (国民の祝日・休日).
TEST(Holiday, MatchesPublishedLists) {
  EXPECT_EQ(holidays_of(2019), (std::set<std::string>{"01-01", "01-14", "02-11", "03-21", "04-29", "04-30", "05-01", "05-02",
                                                       "05-03", "05-04", "05-05", "05-06", "07-15", "08-11", "08-12", "09-16",
                                                       "09-23", "10-14", "10-22", "11-03", "11-04", "11-23"}));
  EXPECT_EQ(holidays_of(2020), (std::set<std::string>{"01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03",
                                                       "05-04", "05-05", "05-06", "07-23", "07-24", "08-10", "09-21", "09-22",
                                                       "11-03", "11-23"}));
  EXPECT_EQ(holidays_of(2021), (std::set<std::string>{"01-01", "01-11", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04",
                                                       "05-05", "07-22", "07-23", "08-08", "08-09", "09-20", "09-23", "11-03",
                                                       "11-23"}));
  EXPECT_EQ(holidays_of(2024), (std::set<std::string>{"01-01", "01-08", "02-11", "02-12", "02-23", "03-20", "04-29", "05-03",
                                                       "05-04", "05-05", "05-06", "07-15", "08-11", "08-12", "09-16", "09-22",
                                                       "09-23", "10-14", "11-03", "11-04", "11-23"}));
  EXPECT_EQ(holidays_of(2025), (std::set<std::string>{"01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03",
                                                       "05-04", "05-05", "05-06", "07-21", "08-11", "09-15", "09-23", "10-13",
                                                       "11-03", "11-23", "11-24"}));
  EXPECT_EQ(holidays_of(2026), (std::set<std::string>{"01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04",
                                                       "05-05", "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12",
                                                       "11-03", "11-23"}));
}

TEST(Holiday, OlderRulesAndNames) {
  EXPECT_EQ(national_holiday({2018, 12, 23}), "天皇誕生日");
  EXPECT_EQ(national_holiday({2019, 12, 23}), "");
  EXPECT_EQ(national_holiday({2002, 7, 20}), "海の日");
  EXPECT_EQ(national_holiday({2015, 8, 11}), "") << "Mountain Day starts in 2016";
  EXPECT_EQ(national_holiday({2015, 9, 22}), "国民の休日");
  EXPECT_EQ(national_holiday({2019, 5, 1}), "天皇の即位の日");
  EXPECT_EQ(national_holiday({2006, 5, 4}), "国民の休日") << "before 2007 May 4 was a citizens' holiday";
  EXPECT_EQ(national_holiday({2099, 3, 20}), "春分の日");
}

TEST(AdministrativeHoliday, WeekendsNewYearAndHolidays) {
  EXPECT_TRUE(administrative_holiday({2026, 12, 29}));
  EXPECT_TRUE(administrative_holiday({2027, 1, 3}));
  EXPECT_FALSE(administrative_holiday({2027, 1, 4}));
  EXPECT_TRUE(administrative_holiday({2026, 5, 31}));  // Sunday
  EXPECT_FALSE(administrative_holiday({2026, 6, 1}));
}

TEST(Deadline, FirstDayNotCountedUnlessMidnight) {
  EXPECT_EQ(days_after(*parse_instant("2026-03-15T10:00:00+09:00"), 30).str(), "2026-04-14");
  EXPECT_EQ(days_after(*parse_instant("2026-03-15T00:00:00+09:00"), 30).str(), "2026-04-13");
  // 23:30 UTC on the 14th is 08:30 JST on the 15th.
  EXPECT_EQ(days_after(*parse_instant("2026-03-14T23:30:00Z"), 30).str(), "2026-04-14");
}

TEST(Deadline, CalendarMonthsAndMonthEnds) {
  EXPECT_EQ(months_from({2026, 4, 1}, 2).str(), "2026-05-31");  // FY2025 periodic report
  EXPECT_EQ(months_from({2025, 7, 1}, 2).str(), "2025-08-31");  // quarter ending 30 June
  EXPECT_EQ(months_from({2025, 11, 30}, 3).str(), "2026-02-28");
  EXPECT_EQ(months_from({2023, 11, 30}, 3).str(), "2024-02-29");  // leap year
  EXPECT_EQ(months_from({2025, 10, 31}, 4).str(), "2026-02-28");  // no 31 February: month end
}

TEST(Deadline, HolidayExtension) {
  EXPECT_EQ(extend_past_holidays({2026, 5, 31}).str(), "2026-06-01");  // Sunday
  EXPECT_EQ(extend_past_holidays({2026, 5, 2}).str(), "2026-05-07");   // Golden Week
  EXPECT_EQ(extend_past_holidays({2026, 12, 29}).str(), "2027-01-04");  // New Year
  EXPECT_EQ(extend_past_holidays({2025, 12, 31}).str(), "2026-01-05");  // New Year then a Sunday
  EXPECT_EQ(extend_past_holidays({2026, 4, 14}).str(), "2026-04-14");
}

TEST(Instant, ParsesOffsetsAndRejectsNonsense) {
  EXPECT_EQ(*parse_instant("2026-03-15T10:00:00+09:00"), *parse_instant("2026-03-15T01:00:00Z"));
  EXPECT_EQ(*parse_instant("2026-03-15T10:00+0900"), *parse_instant("2026-03-15T01:00Z"));
  EXPECT_FALSE(parse_instant("2026-02-30T10:00:00+09:00"));
  EXPECT_FALSE(parse_instant("2026-03-15 10:00"));  // no offset
  EXPECT_EQ(format_jst(*parse_instant("2026-03-15T01:00:00Z")), "2026-03-15T10:00:00+09:00");
}

}  // namespace
}  // namespace anzen::incident
