// The clock the live incident features run on: an explicit dependency, so that tests and
// `anzen clock tick --as-of` can run simulated time without waiting hours.
#pragma once
#include <atomic>
#include <ctime>

#include "incident/calendar.h"

namespace anzen::ops {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual incident::Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  incident::Instant now() const override { return std::time(nullptr); }
};

// A clock that shows a set time and moves only when told to (tests, --as-of).
class SimulatedClock final : public Clock {
 public:
  explicit SimulatedClock(incident::Instant t) : t_(t) {}
  incident::Instant now() const override { return t_.load(); }
  void set(incident::Instant t) { t_.store(t); }
  void advance(int64_t seconds) { t_.fetch_add(seconds); }

 private:
  std::atomic<incident::Instant> t_;
};

// ISO 8601 UTC with 'Z' ("2026-05-01T00:00:00Z"): stored timestamps compare as text.
std::string iso_utc(incident::Instant t);

}  // namespace anzen::ops
