// JSON API: frameworks, items, search, mappings; and the OpenAPI document of the whole API.
#include <algorithm>

#include "catalog/catalog_dir.h"
#include "catalog/export.h"
#include "catalog/mapping.h"
#include "catalog/query.h"
#include "web/api_schemas.h"
#include "web/router.h"

namespace anzen::web {
using nlohmann::json;

void mount_catalog_api(Router& r) {
  r.api("GET", "/api/v1/frameworks", "/api/v1/frameworks", "List frameworks", [](Ctx& c) {
    json out = json::array();
    for (const auto& f : c.catalogs.catalog().frameworks)
      out.push_back(catalog::framework_summary_json(f));
    c.json({{"frameworks", out}});
  });
  r.api("GET", R"(/api/v1/frameworks/([a-z0-9-]+))", "/api/v1/frameworks/{framework}",
        "One framework with statistics", [](Ctx& c) {
          const auto& cat = c.catalogs.catalog();
          const auto* fw = cat.find(c.path_arg(1));
          if (!fw) throw HttpError(404, "no such framework");
          json j = catalog::framework_summary_json(*fw);
          j["stats"] = catalog::stats(cat, *fw);
          c.json(j);
        });
  r.api("GET", R"(/api/v1/frameworks/([a-z0-9-]+)/items)", "/api/v1/frameworks/{framework}/items",
        "All items of a framework", [](Ctx& c) {
          const auto* fw = c.catalogs.catalog().find(c.path_arg(1));
          if (!fw) throw HttpError(404, "no such framework");
          c.json(catalog::export_json(*fw));
        });
  r.api("GET", R"(/api/v1/frameworks/([a-z0-9-]+)/items/([^/]+))",
        "/api/v1/frameworks/{framework}/items/{item}", "One item, check or question", [](Ctx& c) {
          const auto* fw = c.catalogs.catalog().find(c.path_arg(1));
          if (!fw) throw HttpError(404, "no such framework");
          const auto* it = fw->find(c.path_arg(2));
          if (!it) it = fw->check_of_question(c.path_arg(2));
          if (!it) throw HttpError(404, "no such item");
          json j = catalog::item_json(*fw, *it);
          json maps = json::array();
          for (const auto& ch : catalog::chains(c.catalogs.catalog(), fw->id, it->id, "", 1)) {
            maps.push_back(catalog::hop_json(ch.back()));
          }
          j["mappings"] = maps;
          c.json(j);
        });
  r.api("GET", "/api/v1/search", "/api/v1/search", "Search items (q, framework)", [](Ctx& c) {
    json out = json::array();
    for (const auto& h :
         catalog::search(c.catalogs.catalog(), c.param("q"), c.param("framework"), 200)) {
      out.push_back({{"framework", h.framework->id}, {"id", h.item->id}, {"kind", h.item->kind}, {"field", h.field},
                     {"title", {{"ja", h.item->title.ja}, {"en", h.item->title.en}}}});
    }
    c.json({{"results", out}});
  });
  r.api("GET", "/api/v1/mappings", "/api/v1/mappings",
        "Every mapping as an OSCAL mapping collection",
        [](Ctx& c) { c.json(catalog::export_oscal_mappings(c.catalogs.catalog())); });
}

void mount_openapi(Router& r) {
  r.get("/api/v1/openapi.json", [&r](Ctx& c) {
    json paths = json::object();
    for (const auto& d : r.api_docs()) {
      std::string m = d.method;
      std::transform(m.begin(), m.end(), m.begin(), ::tolower);
      json op = {{"summary", d.summary},
                 {"responses",
                  {{"200", {{"description", "OK", }, {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}},
                   {"400", {{"description", "Bad input: the JSON error names the field and what was expected"}}},
                   {"401", {{"description", "No or invalid credentials"}}},
                   {"403", {{"description", "Role does not allow this"}}},
                   {"404", {{"description", "Not found (or another organisation's)"}}}}}};
      json params = json::array();
      for (size_t p = d.path.find('{'); p != std::string::npos; p = d.path.find('{', p + 1)) {
        params.push_back({{"name", d.path.substr(p + 1, d.path.find('}', p) - p - 1)},
                          {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
      }
      if (!params.empty()) op["parameters"] = params;
      if (d.open) {  // the supplier portal: the token in the path is the only credential
        op["security"] = json::array();
        op["responses"]["410"] = {{"description", "The portal link expired or was revoked"}};
        op["responses"]["429"] = {{"description", "Too many requests on this link; retry in a minute"}};
      }
      if (m == "post") op["responses"]["201"] = {{"description", "Created"}};
      if (m != "get") {
        const json* schema = request_schema(d.method, d.path);
        json body_schema = schema ? *schema : json{{"type", "object"}};
        op["requestBody"] = {{"content", {{"application/json", {{"schema", body_schema}}}}}};
      }
      paths[d.path][m] = op;
    }
    c.json({{"openapi", "3.0.3"},
            {"info", {{"title", "Anzen API"}, {"version", ANZEN_VERSION},
                      {"description", "Self-assessment, risks and telecom-accident reporting. Authenticate with "
                                      "'Authorization: Bearer <token>' (anzen token create) or a session cookie "
                                      "plus X-CSRF-Token for changes."}}},
            {"servers", json::array({{{"url", "/"}}})},
            {"components", {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
            {"security", json::array({{{"bearer", json::array()}}})},
            {"paths", paths}});
  }, true);
}

}  // namespace anzen::web
