#include "web/api_schemas.h"

#include <map>
#include <utility>

namespace anzen::web {
using nlohmann::json;

namespace {
json date_field(const char* what) {
  return {{"type", "string"}, {"format", "date"}, {"description", what}};
}

json contract_terms(bool create) {
  json props = {{"title", {{"type", "string"}, {"minLength", 1}, {"maxLength", 500}}},
                {"signed_on", date_field("締結日 (YYYY-MM-DD, may be empty)")},
                {"starts_on", date_field("契約開始日 (YYYY-MM-DD, may be empty)")},
                {"ends_on", date_field("契約終了日 (YYYY-MM-DD, not before starts_on)")}};
  json s = {{"type", "object"}, {"additionalProperties", false}};
  if (create) {
    props["supplier"] = {{"type", "integer"}, {"description", "A supplier of your organisation"}};
    s["required"] = json::array({"supplier", "title"});
  }
  s["properties"] = props;
  return s;
}

const std::map<std::pair<std::string, std::string>, json>& schemas() {
  static const std::map<std::pair<std::string, std::string>, json> k = {
      {{"POST", "/api/v1/contracts"}, contract_terms(true)},
      {{"PUT", "/api/v1/contracts/{id}"}, contract_terms(false)},
      {{"PUT", "/api/v1/contracts/{id}/clauses/{item}"},
       {{"type", "object"},
        {"additionalProperties", false},
        {"required", json::array({"status"})},
        {"properties",
         {{"status",
           {{"type", "string"},
            {"enum",
             json::array({"implemented", "partial", "not_implemented", "not_applicable"})}}},
          {"evidence",
           {{"type", "string"},
            {"maxLength", 2000},
            {"description",
             "Where the contract covers the requirement, e.g. 第12条（秘密保持）; required when "
             "implemented"}}}}}}},
  };
  return k;
}
}  // namespace

const json* request_schema(const std::string& method, const std::string& doc_path) {
  auto it = schemas().find({method, doc_path});
  return it == schemas().end() ? nullptr : &it->second;
}

}  // namespace anzen::web
