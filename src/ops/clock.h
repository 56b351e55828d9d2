// The clock the live incident features run on: an explicit dependency, so that tests and
// `anzen clock tick --as-of` can run simulated time without waiting hours. It is the common
// Clock (src/common/clock.h) every service receives.
#pragma once
#include <string>

#include "common/clock.h"
#include "incident/calendar.h"

namespace anzen::ops {

using Clock = anzen::Clock;
using SystemClock = anzen::SystemClock;
using SimulatedClock = anzen::FixedClock;

// ISO 8601 UTC with 'Z' ("2026-05-01T00:00:00Z"): stored timestamps compare as text.
std::string iso_utc(incident::Instant t);

}  // namespace anzen::ops
