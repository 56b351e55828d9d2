#include "catalog/oscal_import.h"

#include <filesystem>
#include <functional>
#include <set>

namespace anzen::catalog {
using nlohmann::json;

std::string framework_id_from(const std::string& file_name) {
  std::string stem = std::filesystem::path(file_name).stem().string(), id;
  for (char c : stem) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) id += l;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "imported" : id;
}

namespace {
json both(const std::string& s) { return {{"ja", s}, {"en", s}}; }

// All prose of a part and its sub-parts, in order.
std::string prose_of(const json& part) {
  std::string s = part.value("prose", "");
  for (const auto& sub : part.value("parts", json::array())) {
    std::string t = prose_of(sub);
    if (!t.empty()) s += (s.empty() ? "" : "\n") + t;
  }
  return s;
}

// Parts of a given name anywhere below `parts`.
void collect(const json& parts, const std::string& name, std::vector<const json*>& out) {
  for (const auto& p : parts) {
    if (p.value("name", "") == name) out.push_back(&p);
    if (p.contains("parts")) collect(p["parts"], name, out);
  }
}
}  // namespace

FrameworkFiles oscal_catalog_to_files(const json& doc, const std::string& file, const std::string& id) {
  std::vector<Defect> defects;
  auto bad = [&](const std::string& path, const std::string& msg) { defects.push_back({file, 0, path, msg}); };
  if (!doc.is_object() || !doc.contains("catalog") || !doc["catalog"].is_object()) {
    throw CatalogError({{file, 0, "catalog", "not an OSCAL catalog: expected a top-level \"catalog\" object"}});
  }
  const json& cat = doc["catalog"];
  const json meta = cat.value("metadata", json::object());
  std::string title = meta.value("title", "");
  if (title.empty()) bad("catalog.metadata.title", "missing title");
  std::string version = meta.value("version", "");
  if (version.empty()) bad("catalog.metadata.version", "missing version");
  std::string date = meta.value("published", meta.value("last-modified", ""));
  if (date.size() < 10) bad("catalog.metadata.last-modified", "missing date");
  std::string publisher = "—";
  for (const auto& p : meta.value("parties", json::array())) {
    if (p.contains("name")) {
      publisher = p["name"].get<std::string>();
      break;
    }
  }
  json items = json::array();
  std::set<std::string> ids;
  int row = 0, groups = 0;
  std::function<void(const json&, const std::string&, const std::string&, bool)> walk = [&](const json& node, const std::string& parent,
                                                                                           const std::string& path, bool is_group) {
    std::string nid = node.value("id", "");
    if (nid.empty() && is_group) nid = "group-" + std::to_string(++groups);
    if (nid.empty()) {
      bad(path + ".id", "a control needs an id");
      return;
    }
    if (!ids.insert(nid).second) bad(path + ".id", "duplicate id '" + nid + "'");
    std::string t = node.value("title", "");
    if (t.empty()) bad(path + ".title", "missing title");
    json it = {{"id", nid}, {"kind", is_group ? "group" : "check"}, {"title", both(t.empty() ? nid : t)}};
    if (!parent.empty()) it["parent"] = parent;
    std::string label;
    for (const auto& p : node.value("props", json::array())) {
      if (p.value("name", "") == "label") label = p.value("value", "");
    }
    it["label"] = label.empty() ? nid : label;
    const json parts = node.value("parts", json::array());
    std::vector<const json*> stmt, objectives;
    collect(parts, "statement", stmt);
    collect(parts, "assessment-objective", objectives);
    if (!stmt.empty() && !prose_of(*stmt[0]).empty()) it["text"] = both(prose_of(*stmt[0]));
    if (!is_group) {
      it["row"] = ++row;
      it["recommendation"] = {{"operator", "recommended"}, {"maker", "recommended"}};
      json qs = json::array();
      for (const auto* o : objectives) {
        std::string q = o->value("prose", "");
        if (!q.empty()) qs.push_back({{"id", nid + "." + std::to_string(qs.size() + 1)}, {"text", both(q)}});
      }
      if (qs.empty()) {
        std::string q = it.contains("text") ? it["text"]["en"].get<std::string>() : "";
        qs.push_back({{"id", nid + ".1"},
                      {"text", q.empty() ? json{{"ja", "「" + t + "」を実施しているか"}, {"en", "Is \"" + t + "\" implemented?"}} : both(q)}});
      }
      it["questions"] = qs;
    }
    items.push_back(it);
    int k = 0;
    for (const auto& g : node.value("groups", json::array())) walk(g, nid, path + ".groups[" + std::to_string(k++) + "]", true);
    k = 0;
    for (const auto& c : node.value("controls", json::array())) walk(c, nid, path + ".controls[" + std::to_string(k++) + "]", false);
  };
  int k = 0;
  for (const auto& g : cat.value("groups", json::array())) walk(g, "", "catalog.groups[" + std::to_string(k++) + "]", true);
  k = 0;
  for (const auto& c : cat.value("controls", json::array())) walk(c, "", "catalog.controls[" + std::to_string(k++) + "]", false);
  if (row == 0) bad("catalog", "no controls to assess");
  if (!defects.empty()) throw CatalogError(defects);
  std::string d = date.substr(0, 10);
  json fw = {{"id", id},
             {"version", version},
             {"title", both(title)},
             {"publisher", both(publisher)},
             {"date", d},
             {"effective_from", d},
             {"source", {{"document", std::filesystem::path(file).filename().string()}}},
             {"imported_from", std::filesystem::path(file).filename().string()},
             {"kinds", {"group", "check"}},
             {"answer_scale", "compliance"},
             {"reference", {{"oscal_uuid", cat.value("uuid", "")}, {"oscal_version", meta.value("oscal-version", "")}}}};
  // JSON is YAML: the loader reads these texts as it reads the shipped YAML files.
  return {{id + "/framework.yaml", fw.dump(2)}, {{id + "/items.yaml", json{{"items", items}}.dump(2)}}};
}

}  // namespace anzen::catalog
