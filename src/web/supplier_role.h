// The supplier role's reach: a user of a supplier's organisation gets the questionnaires
// addressed to it (pages and API) and nothing else. The router asks here before any handler, so
// a page added later stays closed to suppliers unless it is listed.
#pragma once
#include <string_view>

namespace anzen::web {

enum class SupplierReach { allowed, home, denied };
// `home` (the dashboard) sends the supplier user to its questionnaires.
SupplierReach supplier_reach(std::string_view method, std::string_view path);
constexpr const char* kSupplierHome = "/questionnaires";

}  // namespace anzen::web
