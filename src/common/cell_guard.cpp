#include "common/cell_guard.h"

namespace anzen::cell {

bool needs_guard(std::string_view t) {
  // Apostrophes already in front count as part of the value: "'=1" is guarded as "''=1" so
  // that unguard() gives back "'=1" and a text that merely begins with an apostrophe is kept.
  size_t k = t.find_first_not_of('\'');
  if (k == std::string_view::npos) return false;
  char c = t[k];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string guard(std::string_view t) {
  return needs_guard(t) ? "'" + std::string(t) : std::string(t);
}

std::string unguard(std::string_view c) {
  if (!c.empty() && c[0] == '\'' && needs_guard(c)) return std::string(c.substr(1));
  return std::string(c);
}

}  // namespace anzen::cell
