// JSON API: frameworks, items, search, mappings; and the OpenAPI document of the whole API.
#include <algorithm>

#include "catalog/catalog_dir.h"
#include "catalog/export.h"
#include "catalog/mapping.h"
#include "catalog/query.h"
#include "web/api_body.h"
#include "web/api_schemas.h"
#include "web/router.h"
#include "web/services.h"

namespace anzen::web {
using nlohmann::json;

void mount_catalog_api(Router& r) {
  r.api("GET", "/api/v1/frameworks", "/api/v1/frameworks", "List frameworks", [](Ctx& c) {
    json out = json::array();
    for (const auto& f : catalog_service(c).frameworks())
      out.push_back(catalog::framework_summary_json(f));
    c.json({{"frameworks", out}});
  });
  r.api("GET", R"(/api/v1/frameworks/([a-z0-9-]+))", "/api/v1/frameworks/{framework}",
        "One framework with statistics", [](Ctx& c) {
          auto svc = catalog_service(c);
          const auto* fw = svc.framework(c.path_arg(1));
          if (!fw) throw HttpError(404, "no such framework");
          json j = catalog::framework_summary_json(*fw);
          j["stats"] = svc.stats(*fw);
          c.json(j);
        });
  r.api("GET", R"(/api/v1/frameworks/([a-z0-9-]+)/items)", "/api/v1/frameworks/{framework}/items",
        "All items of a framework", [](Ctx& c) {
          const auto* fw = catalog_service(c).framework(c.path_arg(1));
          if (!fw) throw HttpError(404, "no such framework");
          c.json(catalog::export_json(*fw));
        });
  r.api("GET", R"(/api/v1/frameworks/([a-z0-9-]+)/items/([^/]+))",
        "/api/v1/frameworks/{framework}/items/{item}", "One item, check or question", [](Ctx& c) {
          auto svc = catalog_service(c);
          const auto* fw = svc.framework(c.path_arg(1));
          if (!fw) throw HttpError(404, "no such framework");
          const auto* it = svc.item(*fw, c.path_arg(2));
          if (!it) throw HttpError(404, "no such item");
          json j = catalog::item_json(*fw, *it);
          json maps = json::array();
          for (const auto& ch : catalog::chains(svc.catalog(), fw->id, it->id, "", 1)) {
            maps.push_back(catalog::hop_json(ch.back()));
          }
          j["mappings"] = maps;
          c.json(j);
        });
  r.api("GET", "/api/v1/search", "/api/v1/search", "Search items (q, framework)", [](Ctx& c) {
    json out = json::array();
    for (const auto& h : catalog_service(c).search(c.param("q"), c.param("framework"), 200)) {
      out.push_back({{"framework", h.framework->id}, {"id", h.item->id}, {"kind", h.item->kind}, {"field", h.field},
                     {"title", {{"ja", h.item->title.ja}, {"en", h.item->title.en}}}});
    }
    c.json({{"results", out}});
  });
  r.api("GET", "/api/v1/mappings", "/api/v1/mappings",
        "Every mapping as an OSCAL mapping collection",
        [](Ctx& c) { c.json(catalog::export_oscal_mappings(c.catalogs.catalog())); });
}

namespace {
json error_schema() {
  return {{"type", "object"},
          {"required", {"error", "status"}},
          {"properties",
           {{"error",
             {{"type", "string"},
              {"description", "what was wrong, naming the field / 誤り（項目名を含む）"}}},
            {"status", {{"type", "integer"}}},
            {"message",
             {{"type", "string"},
              {"description",
               "the same in the request's language (?lang=, the language cookie, "
               "Accept-Language) / 要求の言語での説明"}}},
            {"field", {{"type", "string"}, {"description", "the input it concerns / 対象の項目"}}},
            {"code",
             {{"type", "string"},
              {"description",
               "stable: required, not_in_list, wrong_type, not_found, forbidden, "
               "unauthenticated, … / 種別"}}}}},
          {"additionalProperties", true}};
}

json error_response(const std::string& what) {
  return {
      {"description", what},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

// The document's entry for one operation, from the router's list and the operation table.
json operation(const Router::ApiDoc& d) {
  const ApiOperation* spec = api_operation(d.method, d.path);
  json ok = {{"description", "OK"}};
  if (spec && !spec->download.empty()) {
    json content = json::object();
    for (size_t b = 0; b < spec->download.size();) {
      size_t e = spec->download.find(", ", b);
      std::string type = spec->download.substr(b, e == std::string::npos ? e : e - b);
      content[type] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
      b = e == std::string::npos ? e : e + 2;
    }
    ok["content"] = content;
  } else {
    json body = spec ? spec->response : json{{"type", "object"}};
    ok["content"] = {{"application/json", {{"schema", body}}}};
  }
  json op = {{"summary", d.summary},
             {"responses",
              {{std::to_string(spec ? spec->success : 200), ok},
               {"400", error_response("Bad input: the error names the field and what was "
                                      "expected / 入力の誤り（項目名と期待される値）")},
               {"401", error_response("No or invalid credentials")},
               {"403", error_response("Role does not allow this")},
               {"404", error_response("Not found (or another organisation's)")}}}};
  json params = json::array();
  for (size_t p = d.path.find('{'); p != std::string::npos; p = d.path.find('{', p + 1)) {
    params.push_back({{"name", d.path.substr(p + 1, d.path.find('}', p) - p - 1)},
                      {"in", "path"},
                      {"required", true},
                      {"schema", {{"type", "string"}}}});
  }
  if (!params.empty()) op["parameters"] = params;
  if (d.open) {  // the supplier portal: the token in the path is the only credential
    op["security"] = json::array();
    op["responses"]["410"] = error_response("The portal link expired or was revoked");
    op["responses"]["429"] = error_response("Too many requests on this link; retry in a minute");
  }
  if (spec && (spec->body || !spec->body_doc.is_null())) {
    json content = {
        {"application/json", {{"schema", spec->body ? body_schema(*spec->body) : spec->body_doc}}}};
    if (spec->multipart) {
      content["multipart/form-data"] = {
          {"schema",
           {{"type", "object"},
            {"required", {"file"}},
            {"properties",
             {{"file", {{"type", "string"}, {"format", "binary"}}},
              {"evidence_date", {{"type", "string"}, {"format", "date"}}},
              {"expires_on", {{"type", "string"}, {"format", "date"}}}}}}}};
    }
    // An empty body stands for {}: required only when a field is.
    bool required = !spec->body || body_schema(*spec->body).contains("required");
    op["requestBody"] = {{"required", required}, {"content", content}};
  }
  return op;
}
}  // namespace

void mount_openapi(Router& r) {
  r.get("/api/v1/openapi.json", [&r](Ctx& c) {
    json paths = json::object();
    for (const auto& d : r.api_docs()) {
      std::string m = d.method;
      std::transform(m.begin(), m.end(), m.begin(), ::tolower);
      paths[d.path][m] = operation(d);
    }
    json schemas = api_component_schemas();
    schemas["Error"] = error_schema();
    c.json({{"openapi", "3.0.3"},
            {"info",
             {{"title", "Anzen API"},
              {"version", ANZEN_VERSION},
              {"description",
               "Self-assessment, risks and telecom-accident reporting. Authenticate with "
               "'Authorization: Bearer <token>' (anzen token create) or a session cookie "
               "plus X-CSRF-Token for changes. Request bodies are checked against the "
               "schemas below before anything changes: a missing field, a value of the "
               "wrong type or code, or a field not listed answers 400 naming the field."}}},
            {"servers", json::array({{{"url", "/"}}})},
            {"components",
             {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
              {"schemas", schemas}}},
            {"security", json::array({{{"bearer", json::array()}}})},
            {"paths", paths}});
  }, true);
}

}  // namespace anzen::web
