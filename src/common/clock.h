#pragma once
#include <string>

namespace anzen {
// Current time in UTC as ISO 8601 with a 'Z' suffix, to the second.
std::string utc_now_iso();
}  // namespace anzen
