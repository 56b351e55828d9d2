#include "ops/clock.h"

#include <ctime>
#include <string>

namespace anzen::ops {

std::string iso_utc(incident::Instant t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace anzen::ops
