// The likelihood × impact matrix (configurable; default 5 × 5) and risk levels. Pure.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/model.h"

namespace anzen::risk {

struct Level {
  std::string id;       // low | medium | high | critical
  catalog::Text name;
  std::string colour;   // #rrggbb for the heat map
  int min_score = 0;    // likelihood × impact at or above which this level applies
};

struct Matrix {
  std::string id;
  catalog::Text title;
  int likelihoods = 5, impacts = 5;
  std::vector<catalog::Text> likelihood_labels, impact_labels;
  std::vector<Level> levels;  // ascending min_score; the first must start at 1
  // The asset classification (格付け) scale for C, I and A: value k is classification[k-1].
  std::vector<catalog::Text> classification = {{"低", "low"}, {"中", "moderate"}, {"高", "high"}};

  // Throws std::invalid_argument naming what is wrong.
  void validate() const;
  const Level& level(int likelihood, int impact) const;
};

// The shipped default, catalogs/risk/matrix-5x5.yaml, is loaded once by app::Catalogs
// (risk_matrix()) and handed to the risk register.
// YAML (or JSON) matrix file; throws catalog::CatalogError naming file, line and field.
Matrix load_matrix_file(const std::string& path);
Matrix matrix_from_yaml(const std::string& text, const std::string& file);
nlohmann::json matrix_to_json(const Matrix& m);
Matrix matrix_from_json(const nlohmann::json& j);

// SVG heat map: cells coloured by level, each showing how many risks sit there.
std::string heat_map_svg(const Matrix& m, const std::vector<std::pair<int, int>>& positions, const std::string& lang);

}  // namespace anzen::risk
