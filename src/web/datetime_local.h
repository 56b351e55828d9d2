// <input type="datetime-local"> sends "2026-03-15T10:00" without an offset: in Anzen it is
// Japan Standard Time. One reading for every form that asks for a moment.
#pragma once
#include <string>

namespace anzen::web {

// "2026-03-15T10:00" → "2026-03-15T10:00:00+09:00"; a value with an offset or Z, or empty,
// comes back unchanged.
std::string local_to_iso(const std::string& v);

}  // namespace anzen::web
