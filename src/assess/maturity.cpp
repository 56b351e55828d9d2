#include "assess/maturity.h"

#include <yaml-cpp/yaml.h>

#include "catalog/loader.h"

namespace anzen::assess {

MaturityScale load_maturity_scale(const std::string& path) {
  std::vector<catalog::Defect> defects;
  auto bad = [&](const YAML::Node& n, const std::string& field, const std::string& msg) {
    defects.push_back({path, n.IsDefined() ? n.Mark().line + 1 : 0, field, msg});
  };
  MaturityScale s;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    throw catalog::CatalogError({{path, e.mark.line + 1, "", e.what()}});
  }
  auto text = [&](const YAML::Node& n, const std::string& f) {
    catalog::Text t;
    if (n[f] && n[f]["ja"] && n[f]["en"]) t = {n[f]["ja"].as<std::string>(), n[f]["en"].as<std::string>()};
    if (t.ja.empty() || t.en.empty()) bad(n, f, "needs ja and en");
    return t;
  };
  s.id = root["id"] ? root["id"].as<std::string>() : "";
  s.title = text(root, "title");
  s.target = root["target"] ? root["target"].as<int>() : 3;
  int expect = 0;
  for (const auto& l : root["levels"]) {
    MaturityLevel m;
    m.level = l["level"] ? l["level"].as<int>() : -1;
    if (m.level != expect) bad(l, "level", "expected level " + std::to_string(expect));
    m.name = text(l, "name");
    m.definition = text(l, "definition");
    s.levels.push_back(m);
    ++expect;
  }
  if (s.levels.size() < 2) bad(root, "levels", "needs at least two levels");
  if (s.target < 0 || s.target > s.max()) bad(root["target"], "target", "must be one of the levels");
  if (!defects.empty()) throw catalog::CatalogError(defects);
  return s;
}

}  // namespace anzen::assess
