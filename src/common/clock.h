#pragma once
#include <string>

namespace anzen {
// Current time in UTC as ISO 8601 with a 'Z' suffix, to the second.
std::string utc_now_iso();
// Today's date in Japan (JST, UTC+9) as YYYY-MM-DD: deadlines and periods are Japanese dates.
std::string today_jst();
}  // namespace anzen
