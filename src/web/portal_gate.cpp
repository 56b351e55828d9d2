#include "web/portal_gate.h"

#include "common/clock.h"
#include "supplier/service.h"
#include "web/router.h"

namespace anzen::web {

std::optional<std::string> portal_token_of(std::string_view target) {
  target = target.substr(0, target.find('?'));
  for (std::string_view prefix : {"/portal/", "/api/v1/portal/"}) {
    if (target.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = target.substr(prefix.size());
    std::string_view token = rest.substr(0, rest.find('/'));
    // The same shape as the portal routes accept (pages_portal.cpp).
    if (token.size() < 20 || token.size() > 100) return std::nullopt;
    for (char ch : token) {
      bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                ch == '_' || ch == '-';
      if (!ok) return std::nullopt;
    }
    return std::string(token);
  }
  return std::nullopt;
}

http::PathCredential portal_path_credential(const std::string& db_path,
                                            const risk::Matrix& risk_matrix, const Clock& clock,
                                            const http::Head& h) {
  auto token = portal_token_of(h.target);
  if (!token) return http::PathCredential::none;
  supplier::Suppliers svc(thread_db(db_path), risk_matrix, "portal",
                          [&clock] { return clock.now_iso(); });
  switch (svc.portal_state(*token)) {
    case supplier::PortalAccess::State::ok:
      return http::PathCredential::valid;
    case supplier::PortalAccess::State::throttled:
      return http::PathCredential::throttled;
    default:
      return http::PathCredential::none;
  }
}

}  // namespace anzen::web
