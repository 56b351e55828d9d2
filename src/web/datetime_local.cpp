#include "web/datetime_local.h"

namespace anzen::web {

std::string local_to_iso(const std::string& v) {
  if (v.empty()) return v;
  if (v.find('+') != std::string::npos || v.back() == 'Z') return v;
  return (v.size() == 16 ? v + ":00" : v) + "+09:00";
}

}  // namespace anzen::web
