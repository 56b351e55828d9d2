// Loading risk matrices from data files (the only I/O of the risk matrix).
#include <yaml-cpp/yaml.h>

#include "catalog/loader.h"
#include "common/json_yaml.h"
#include "common/paths.h"  // read_file
#include "risk/matrix.h"

namespace anzen::risk {

Matrix matrix_from_yaml(const std::string& text, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw catalog::CatalogError({{file, e.mark.line + 1, "", e.what()}});
  }
  std::vector<catalog::Defect> defects;
  auto at = [&](const YAML::Node& n) { return n.IsDefined() && n.Mark().line >= 0 ? n.Mark().line + 1 : 0; };
  for (const char* f : {"likelihood", "impact", "levels"}) {
    if (!root[f] || !root[f].IsSequence()) defects.push_back({file, at(root), f, "expected a list"});
  }
  if (!defects.empty()) throw catalog::CatalogError(defects);
  Matrix m = matrix_from_json(yaml_to_json(root));
  try {
    m.validate();
  } catch (const std::invalid_argument& e) {
    throw catalog::CatalogError({{file, at(root["levels"]), "levels", e.what()}});
  }
  return m;
}

Matrix load_matrix_file(const std::string& path) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const std::exception& e) {
    throw catalog::CatalogError({{path, 0, "", e.what()}});
  }
  return matrix_from_yaml(text, path);
}

}  // namespace anzen::risk
