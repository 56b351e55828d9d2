// Civil dates, JST instants, Japanese national and administrative holidays, and the legal
// deadline arithmetic of the Civil Code (Arts. 140-143) and the Act on Holidays of
// Administrative Organs (Art. 2). Pure functions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace anzen::incident {

struct Date {
  int y = 0, m = 0, d = 0;
  auto operator<=>(const Date&) const = default;
  std::string str() const;  // YYYY-MM-DD
};

int64_t days_from_civil(Date d);  // days since 1970-01-01
Date civil_from_days(int64_t z);
Date add_days(Date d, int64_t n);
int weekday(Date d);  // 0 = Sunday … 6 = Saturday
std::optional<Date> parse_date(std::string_view s);

// An instant in seconds since the Unix epoch (UTC).
using Instant = int64_t;
// Parses ISO 8601 with an offset or Z ("2026-03-15T10:00:00+09:00", "2026-03-15T01:00Z").
std::optional<Instant> parse_instant(std::string_view s);
std::string format_jst(Instant t);  // 2026-03-15T10:00:00+09:00
Date jst_date(Instant t);
bool is_jst_midnight(Instant t);

// National holidays under 国民の祝日に関する法律 (1948, as amended), computed by rule for
// 2000-2099 including substitute holidays, citizens' holidays, the equinoxes and the one-off
// changes of 2019-2021. Returns the holiday's name, or empty.
std::string national_holiday(Date d);
// 行政機関の休日: Saturdays, Sundays, national holidays and 29 December - 3 January.
bool administrative_holiday(Date d);

// "Within N days from the day of X": the first day is not counted unless X is exactly 00:00
// JST (Civil Code 140); the period ends at the end of its last day (141).
Date days_after(Instant x, int n);
// A period of N calendar months that starts on `first_day` (counted): ends on the day before
// the corresponding day of the last month, or that month's last day when none exists (143).
Date months_from(Date first_day, int n);
// Moves a filing deadline that falls on an administrative holiday to the next working day.
Date extend_past_holidays(Date due);

}  // namespace anzen::incident
