#include "web/supplier_role.h"

#include <regex>
#include <string>

namespace anzen::web {

SupplierReach supplier_reach(std::string_view method, std::string_view path) {
  // Reading and answering; reviewing, revoking, sharing and everything else stay out.
  static const std::regex kReadable(
      R"(/questionnaires(/\d+(/evidence/\d+)?)?|/api/v1/questionnaires(/\d+)?|/static/.*|/login)");
  static const std::regex kWritable(
      R"(/questionnaires/\d+/(answers|submit|evidence)|/api/v1/questionnaires/\d+/(answers/[^/]+|submit)|/login|/logout)");
  std::string p(path);
  if (p == "/") return SupplierReach::home;
  bool read = method == "GET" || method == "HEAD";
  if (std::regex_match(p, read ? kReadable : kWritable)) return SupplierReach::allowed;
  return SupplierReach::denied;
}

}  // namespace anzen::web
