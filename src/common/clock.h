// Time as a dependency. Services and adapters ask a Clock instead of the system time, so that
// tests, `--as-of` and simulated time see one consistent "now".
#pragma once
#include <atomic>
#include <cstdint>
#include <string>

namespace anzen {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch.
  virtual int64_t now() const = 0;
  // The date in Japan (JST, UTC+9) at now(), YYYY-MM-DD: deadlines and periods are Japanese dates.
  std::string today_jst() const;
  // now() in UTC as ISO 8601 with a 'Z' suffix, to the second: what records store as a time.
  std::string now_iso() const;
};

class SystemClock final : public Clock {
 public:
  int64_t now() const override;
};

// A clock that shows a set time and moves only when told to (tests, --as-of, simulated time).
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t t) : t_(t) {}
  int64_t now() const override { return t_.load(); }
  void set(int64_t t) { t_.store(t); }
  void advance(int64_t seconds) { t_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> t_;
};

// The JST date (YYYY-MM-DD) of an instant.
std::string jst_day(int64_t t);
// The Japanese fiscal year (April to March) a date YYYY-MM-DD falls in: 2026-03-31 → 2025.
int fiscal_year_of(const std::string& date);

// An instant in UTC as ISO 8601 with a 'Z' suffix, to the second.
std::string utc_iso(int64_t t);
// Current system time as utc_iso(): file metadata (OSCAL last-modified) and storage bookkeeping.
// Answers (AssessRepo with the service's clock) and incidents, their timelines and filings (the
// `now` the incident service passes) take their time from a Clock, so that --as-of and simulated
// time stamp their own records; the other registers' created/updated columns still stamp the
// system time (store::now_utc).
std::string utc_now_iso();

}  // namespace anzen
