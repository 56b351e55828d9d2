#include "common/clock.h"

#include <ctime>

namespace anzen {

int64_t SystemClock::now() const { return static_cast<int64_t>(std::time(nullptr)); }

std::string Clock::today_jst() const { return jst_day(now()); }

std::string Clock::now_iso() const { return utc_iso(now()); }

std::string jst_day(int64_t t) {
  std::time_t jst = static_cast<std::time_t>(t + 9 * 3600);
  std::tm tm{};
  gmtime_r(&jst, &tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}

int fiscal_year_of(const std::string& date) {
  int year = std::stoi(date.substr(0, 4));
  int month = std::stoi(date.substr(5, 2));
  return month >= 4 ? year : year - 1;
}

std::string utc_iso(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string utc_now_iso() { return SystemClock().now_iso(); }

}  // namespace anzen
