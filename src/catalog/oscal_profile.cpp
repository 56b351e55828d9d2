#include "catalog/oscal_profile.h"

#include <map>
#include <set>
#include <unordered_map>

#include "catalog/loader.h"
#include "catalog/oscal_access.h"

namespace anzen::catalog {
using nlohmann::json;
using oscal::arr;
using oscal::str;

namespace {
[[noreturn]] void refuse(const std::string& file, const std::string& path, const std::string& msg) {
  throw CatalogError({{file, 0, path, msg}});
}

const json& profile_of(const json& doc, const std::string& file) {
  if (!doc.is_object() || !doc.contains("profile") || !doc["profile"].is_object())
    refuse(file, "profile", "not an OSCAL profile: expected a top-level \"profile\" object");
  return doc["profile"];
}

// Glob with * and ? (OSCAL's "matching" patterns).
bool glob(std::string_view pat, std::string_view s) {
  size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pat.size() && (pat[p] == '?' || pat[p] == s[i])) {
      ++p;
      ++i;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

// Every control of a catalog by id, with the ids of its child controls.
struct ControlTree {
  std::unordered_map<std::string, const json*> by_id;
  std::vector<std::string> order;
  std::unordered_map<std::string, std::vector<std::string>> children;
  void add(const json& node, const std::string& parent) {
    for (const auto& c : arr(node, "controls")) {
      std::string id = str(c, "id");
      if (id.empty() || by_id.count(id)) continue;
      by_id[id] = &c;
      order.push_back(id);
      if (!parent.empty()) children[parent].push_back(id);
      add(c, id);
    }
    for (const auto& g : arr(node, "groups")) add(g, "");
  }
};

// The ids one include-controls/exclude-controls entry selects.
void select(const json& sel, const ControlTree& tree, const std::string& file,
            const std::string& path, std::set<std::string>& out) {
  std::vector<std::string> hit;
  for (const auto& id : arr(sel, "with-ids")) {
    std::string s = id.is_string() ? oscal::trim(id.get<std::string>()) : "";
    if (!tree.by_id.count(s))
      refuse(file, path + ".with-ids", "no control '" + s + "' in the imported catalog");
    hit.push_back(s);
  }
  for (const auto& m : arr(sel, "matching")) {
    std::string pat = str(m, "pattern");
    for (const auto& id : tree.order) {
      if (glob(pat, id)) hit.push_back(id);
    }
  }
  bool children = str(sel, "with-child-controls") == "yes";
  while (!hit.empty()) {
    std::string id = hit.back();
    hit.pop_back();
    if (!out.insert(id).second) continue;
    if (!children) continue;
    auto c = tree.children.find(id);
    if (c != tree.children.end()) hit.insert(hit.end(), c->second.begin(), c->second.end());
  }
}

json without(const json& node, std::initializer_list<const char*> keys) {
  json copy = json::object();
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (std::find_if(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }) ==
        keys.end())
      copy[it.key()] = it.value();
  }
  return copy;
}

// The selected controls of `controls`, nested as in the catalog; a selected control whose
// parent is not selected takes the parent's place.
void keep_controls(const json& controls, const std::set<std::string>& selected, json& out) {
  for (const auto& c : controls) {
    json kids = json::array();
    keep_controls(arr(c, "controls"), selected, kids);
    if (selected.count(str(c, "id"))) {
      json copy = without(c, {"controls"});
      if (!kids.empty()) copy["controls"] = std::move(kids);
      out.push_back(std::move(copy));
    } else {
      for (auto& k : kids) out.push_back(std::move(k));
    }
  }
}

bool keep_group(const json& g, const std::set<std::string>& selected, json& out) {
  json copy = without(g, {"groups", "controls"}), groups = json::array(), controls = json::array();
  for (const auto& sub : arr(g, "groups")) keep_group(sub, selected, groups);
  keep_controls(arr(g, "controls"), selected, controls);
  if (groups.empty() && controls.empty()) return false;
  if (!groups.empty()) copy["groups"] = std::move(groups);
  if (!controls.empty()) copy["controls"] = std::move(controls);
  out.push_back(std::move(copy));
  return true;
}

void flatten(json& node, json& out) {
  for (auto& c : node.contains("controls") ? node["controls"] : json::array())
    out.push_back(std::move(c));
  if (node.contains("groups")) {
    for (auto& g : node["groups"]) flatten(g, out);
  }
}

// Pointers to every control and parameter of the resolved catalog, for modify.
struct Index {
  std::unordered_map<std::string, json*> controls, params;
  void add(json& node) {
    if (node.contains("params") && node["params"].is_array()) {
      for (auto& p : node["params"]) {
        if (p.is_object() && p.contains("id") && p["id"].is_string())
          params[p["id"].get<std::string>()] = &p;
      }
    }
    for (const char* k : {"groups", "controls"}) {
      if (!node.contains(k) || !node[k].is_array()) continue;
      for (auto& c : node[k]) {
        if (std::string(k) == "controls" && c.contains("id") && c["id"].is_string())
          controls[c["id"].get<std::string>()] = &c;
        add(c);
      }
    }
  }
};

void set_parameter(const json& sp, Index& idx) {
  auto it = idx.params.find(str(sp, "param-id"));
  if (it == idx.params.end()) return;  // a parameter of a control the profile does not select
  json& p = *it->second;
  for (const char* k :
       {"class", "label", "usage", "values", "select", "guidelines", "constraints", "depends-on"}) {
    if (sp.contains(k)) p[k] = sp[k];
  }
  for (const char* k : {"props", "links"}) {
    for (const auto& e : arr(sp, k)) p[k].push_back(e);
  }
}

bool matches_remove(const json& rm, const json& e, const char* item_name) {
  bool any = false;
  for (auto [key, field] : {std::pair{"by-name", "name"}, std::pair{"by-class", "class"},
                            std::pair{"by-id", "id"}, std::pair{"by-ns", "ns"}}) {
    if (!rm.contains(key)) continue;
    any = true;
    if (str(rm, key) != str(e, field)) return false;
  }
  if (rm.contains("by-item-name")) {
    any = true;
    if (str(rm, "by-item-name") != item_name) return false;
  }
  return any;
}

void remove_from(json& node, const json& rm) {
  for (auto [key, item_name] : {std::pair{"props", "prop"}, std::pair{"links", "link"},
                                std::pair{"parts", "part"}, std::pair{"params", "param"}}) {
    if (!node.contains(key) || !node[key].is_array()) continue;
    json& a = node[key];
    for (size_t i = a.size(); i-- > 0;) {
      if (matches_remove(rm, a[i], item_name)) a.erase(i);
    }
    if (std::string(key) == "parts") {
      for (auto& p : a) remove_from(p, rm);
    }
    if (a.empty()) node.erase(key);
  }
}

// The part with this id below `node`, with the array holding it.
json* find_part(json& node, const std::string& id, json** holder) {
  for (const char* k : {"parts", "params"}) {
    if (!node.contains(k) || !node[k].is_array()) continue;
    for (auto& p : node[k]) {
      if (str(p, "id") == id) {
        *holder = &node[k];
        return &p;
      }
      if (json* f = std::string(k) == "parts" ? find_part(p, id, holder) : nullptr) return f;
    }
  }
  return nullptr;
}

void add_to(json& control, const json& add, const std::string& file, const std::string& path) {
  std::string position = str(add, "position");
  if (position.empty()) position = "ending";
  std::string by_id = str(add, "by-id");
  json* target = &control;
  json* holder = nullptr;
  if (!by_id.empty()) {
    target = find_part(control, by_id, &holder);
    if (!target)
      refuse(file, path + ".by-id",
             "no part or parameter '" + by_id + "' in control " + str(control, "id"));
  }
  if (by_id.empty() && (position == "before" || position == "after"))
    refuse(file, path + ".position", "before/after needs by-id");
  if (add.contains("title")) target->operator[]("title") = add["title"];
  for (const char* k : {"params", "props", "links", "parts"}) {
    const json& items = arr(add, k);
    if (items.empty()) continue;
    if (position == "before" || position == "after") {
      // Siblings of the target in the array holding it (parts beside a part).
      json& a = *holder;
      size_t at = 0;
      while (at < a.size() && &a[at] != target) ++at;
      if (position == "after") ++at;
      for (const auto& e : items) a.insert(a.begin() + static_cast<long>(at++), e);
      target = nullptr;
      holder = nullptr;
      target = find_part(control, by_id, &holder);
      continue;
    }
    json& a = (*target)[k];
    if (!a.is_array()) a = json::array();
    if (position == "starting")
      a.insert(a.begin(), items.begin(), items.end());
    else
      a.insert(a.end(), items.begin(), items.end());
  }
}
}  // namespace

std::vector<std::string> profile_import_hrefs(const json& doc, const std::string& file) {
  const json& prof = profile_of(doc, file);
  std::vector<std::string> out;
  int k = 0;
  for (const auto& imp : arr(prof, "imports")) {
    std::string path = "profile.imports[" + std::to_string(k++) + "].href";
    std::string href = str(imp, "href");
    if (href.empty()) refuse(file, path, "missing href");
    if (href[0] == '#') {
      std::string uuid = href.substr(1), found;
      static const json kNone = json::object();
      const json& back = prof.contains("back-matter") ? prof["back-matter"] : kNone;
      for (const auto& res : arr(back, "resources")) {
        if (str(res, "uuid") != uuid) continue;
        for (const auto& rl : arr(res, "rlinks")) {
          std::string h = str(rl, "href");
          if (found.empty() || str(rl, "media-type").find("json") != std::string::npos) found = h;
          if (str(rl, "media-type").find("json") != std::string::npos) break;
        }
      }
      if (found.empty())
        refuse(file, path, "'" + href + "' names no back-matter resource with an rlink");
      href = found;
    }
    out.push_back(href);
  }
  if (out.empty()) refuse(file, "profile.imports", "a profile needs at least one import");
  return out;
}

json resolve_profile(const json& doc, const std::string& file,
                     const std::function<const json&(size_t)>& catalog_for) {
  const json& prof = profile_of(doc, file);
  json groups = json::array(), controls = json::array(), params = json::array(),
       back = json::array();
  std::set<std::string> resource_uuids;
  size_t k = 0;
  for (const auto& imp : arr(prof, "imports")) {
    std::string path = "profile.imports[" + std::to_string(k) + "]";
    const json& cdoc = catalog_for(k++);
    if (!cdoc.is_object() || !cdoc.contains("catalog") || !cdoc["catalog"].is_object()) {
      refuse(file, path + ".href",
             "the imported document is not an OSCAL catalog (profiles importing profiles are not "
             "supported)");
    }
    const json& cat = cdoc["catalog"];
    ControlTree tree;
    tree.add(cat, "");
    std::set<std::string> selected, excluded;
    if (imp.contains("include-all")) selected.insert(tree.order.begin(), tree.order.end());
    int n = 0;
    for (const auto& sel : arr(imp, "include-controls"))
      select(sel, tree, file, path + ".include-controls[" + std::to_string(n++) + "]", selected);
    n = 0;
    for (const auto& sel : arr(imp, "exclude-controls"))
      select(sel, tree, file, path + ".exclude-controls[" + std::to_string(n++) + "]", excluded);
    if (!imp.contains("include-all") && !imp.contains("include-controls"))
      refuse(file, path, "an import needs include-all or include-controls");
    for (const auto& id : excluded) selected.erase(id);
    for (const auto& g : arr(cat, "groups")) keep_group(g, selected, groups);
    keep_controls(arr(cat, "controls"), selected, controls);
    for (const auto& p : arr(cat, "params")) params.push_back(p);
    if (cat.contains("back-matter")) {
      for (const auto& r : arr(cat["back-matter"], "resources")) {
        if (resource_uuids.insert(str(r, "uuid")).second) back.push_back(r);
      }
    }
  }
  json resolved = json::object();
  const json& merge = prof.contains("merge") ? prof["merge"] : json::object();
  if (merge.contains("flat")) {
    json flat = json::array();
    json holder = {{"groups", std::move(groups)}, {"controls", std::move(controls)}};
    flatten(holder, flat);
    controls = std::move(flat);
    groups = json::array();
  }
  if (!groups.empty()) resolved["groups"] = std::move(groups);
  if (!controls.empty()) resolved["controls"] = std::move(controls);
  if (!params.empty()) resolved["params"] = std::move(params);
  Index idx;
  idx.add(resolved);
  const json& modify = prof.contains("modify") ? prof["modify"] : json::object();
  for (const auto& sp : arr(modify, "set-parameters")) set_parameter(sp, idx);
  size_t a = 0;
  for (const auto& alter : arr(modify, "alters")) {
    std::string path = "profile.modify.alters[" + std::to_string(a++) + "]";
    auto c = idx.controls.find(str(alter, "control-id"));
    if (c == idx.controls.end()) continue;  // alters a control the profile does not select
    for (const auto& rm : arr(alter, "removes")) remove_from(*c->second, rm);
    size_t n = 0;
    for (const auto& add : arr(alter, "adds"))
      add_to(*c->second, add, file, path + ".adds[" + std::to_string(n++) + "]");
  }
  json meta = prof.contains("metadata") ? prof["metadata"] : json::object();
  json out = {{"uuid", str(prof, "uuid")}, {"metadata", meta}};
  for (auto it = resolved.begin(); it != resolved.end(); ++it) out[it.key()] = it.value();
  if (!back.empty()) out["back-matter"] = {{"resources", back}};
  return {{"catalog", out}};
}

}  // namespace anzen::catalog
