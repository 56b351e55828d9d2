#include "incident/calendar.h"

#include <cmath>
#include <cstdio>
#include <regex>

#include "common/date.h"

namespace anzen::incident {

std::string Date::str() const {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
  return b;
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int64_t days_from_civil(Date dt) {
  int64_t y = dt.y - (dt.m <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + dt.d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp + (mp < 10 ? 3 : -9);
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(Date d, int64_t n) { return civil_from_days(days_from_civil(d) + n); }
int weekday(Date d) {
  int64_t z = days_from_civil(d);
  return static_cast<int>(((z % 7) + 11) % 7);  // 1970-01-01 was a Thursday
}

std::optional<Date> parse_date(std::string_view s) {
  auto d = date::parse_iso(s);  // the one date parser (common/date.h)
  if (!d) return std::nullopt;
  return Date{d->y, d->m, d->d};
}

std::optional<Instant> parse_instant(std::string_view s) {
  static const std::regex re("^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})$");
  std::cmatch m;
  if (!std::regex_match(s.begin(), s.end(), m, re)) return std::nullopt;
  auto ymd = date::parse_iso(std::string_view(s.data(), 10));
  if (!ymd) return std::nullopt;
  Date d{ymd->y, ymd->m, ymd->d};
  int hh = std::stoi(m[4]), mm = std::stoi(m[5]), ss = m[6].matched ? std::stoi(m[6]) : 0;
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  int64_t offset = 0;
  std::string z = m[7];
  if (z != "Z") {
    std::string digits;
    for (char ch : z.substr(1)) if (ch != ':') digits += ch;
    offset = (std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2, 2))) * 60;
    if (z[0] == '-') offset = -offset;
  }
  return days_from_civil(d) * 86400 + hh * 3600 + mm * 60 + ss - offset;
}

namespace {
constexpr int64_t kJst = 9 * 3600;
int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

Date jst_date(Instant t) { return civil_from_days(floor_div(t + kJst, 86400)); }
bool is_jst_midnight(Instant t) { return (t + kJst) % 86400 == 0; }

std::string format_jst(Instant t) {
  Date d = jst_date(t);
  int64_t secs = (t + kJst) - floor_div(t + kJst, 86400) * 86400;
  char b[40];
  std::snprintf(b, sizeof b, "%sT%02d:%02d:%02d+09:00", d.str().c_str(), static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return b;
}

namespace {
Date nth_monday(int y, int m, int n) {
  Date d{y, m, 1};
  int w = weekday(d);
  int first = 1 + (8 - w) % 7;  // day of the first Monday
  return {y, m, first + 7 * (n - 1)};
}

int vernal_equinox(int y) {
  return static_cast<int>(std::floor(20.8431 + 0.242194 * (y - 1980) - std::floor((y - 1980) / 4.0)));
}
int autumnal_equinox(int y) {
  return static_cast<int>(std::floor(23.2488 + 0.242194 * (y - 1980) - std::floor((y - 1980) / 4.0)));
}

// Holidays fixed by the Act (before substitute and citizens' holidays).
std::string base_holiday(Date d) {
  const int y = d.y;
  auto is = [&](int m, int day) { return d.m == m && d.d == day; };
  if (is(1, 1)) return "元日";
  if (d == nth_monday(y, 1, 2)) return "成人の日";
  if (is(2, 11)) return "建国記念の日";
  if (y >= 2020 && is(2, 23)) return "天皇誕生日";
  if (is(3, vernal_equinox(y))) return "春分の日";
  if (is(4, 29)) return y >= 2007 ? "昭和の日" : "みどりの日";
  if (is(5, 3)) return "憲法記念日";
  if (y >= 2007 && is(5, 4)) return "みどりの日";
  if (is(5, 5)) return "こどもの日";
  if (y == 2019 && is(5, 1)) return "天皇の即位の日";
  if (y == 2019 && is(10, 22)) return "即位礼正殿の儀の行われる日";
  // Marine Day: 20 July until 2002, third Monday of July from 2003; moved for the Tokyo Games.
  if (y == 2020) { if (is(7, 23)) return "海の日"; }
  else if (y == 2021) { if (is(7, 22)) return "海の日"; }
  else if (y <= 2002) { if (is(7, 20)) return "海の日"; }
  else if (d == nth_monday(y, 7, 3)) return "海の日";
  // Mountain Day from 2016: 11 August; 10 August in 2020 and 8 August in 2021.
  if (y == 2020) { if (is(8, 10)) return "山の日"; }
  else if (y == 2021) { if (is(8, 8)) return "山の日"; }
  else if (y >= 2016 && is(8, 11)) return "山の日";
  if (y <= 2002 ? is(9, 15) : d == nth_monday(y, 9, 3)) return "敬老の日";
  if (is(9, autumnal_equinox(y))) return "秋分の日";
  // Sports Day: second Monday of October; 24 July 2020 and 23 July 2021.
  if (y == 2020) { if (is(7, 24)) return "スポーツの日"; }
  else if (y == 2021) { if (is(7, 23)) return "スポーツの日"; }
  else if (d == nth_monday(y, 10, 2)) return y >= 2020 ? "スポーツの日" : "体育の日";
  if (is(11, 3)) return "文化の日";
  if (is(11, 23)) return "勤労感謝の日";
  if (y <= 2018 && is(12, 23)) return "天皇誕生日";
  return {};
}
}  // namespace

std::string national_holiday(Date d) {
  std::string base = base_holiday(d);
  if (!base.empty()) return base;
  // Substitute holiday (Art. 3(2)): a holiday on a Sunday moves to the next day that is not a
  // holiday (from 2007; before that only the Monday right after).
  for (int back = 1; back <= 7; ++back) {
    Date prev = add_days(d, -back);
    if (base_holiday(prev).empty()) break;
    if (weekday(prev) == 0) {
      if (d.y < 2007 && back > 1) break;
      return "振替休日";
    }
  }
  // Citizens' holiday (Art. 3(3)): a day between two holidays.
  if (weekday(d) != 0 && !base_holiday(add_days(d, -1)).empty() && !base_holiday(add_days(d, 1)).empty()) {
    return "国民の休日";
  }
  return {};
}

bool administrative_holiday(Date d) {
  int w = weekday(d);
  if (w == 0 || w == 6) return true;
  if ((d.m == 12 && d.d >= 29) || (d.m == 1 && d.d <= 3)) return true;
  return !national_holiday(d).empty();
}

Date days_after(Instant x, int n) {
  Date start = jst_date(x);
  // First day excluded unless the period starts at 00:00: the count begins the next day.
  return is_jst_midnight(x) ? add_days(start, n - 1) : add_days(start, n);
}

Date months_from(Date first, int n) {
  int total = first.y * 12 + (first.m - 1) + n;
  int y = total / 12, m = total % 12 + 1;
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  auto last_day = [&](int yy, int mm) {
    bool leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
    return mm == 2 && leap ? 29 : mdays[mm - 1];
  };
  if (first.d > last_day(y, m)) return {y, m, last_day(y, m)};  // no corresponding day
  return add_days(Date{y, m, first.d}, -1);
}

Date extend_past_holidays(Date due) {
  while (administrative_holiday(due)) due = add_days(due, 1);
  return due;
}

}  // namespace anzen::incident
