// The likelihood × impact matrix (configurable; default 5 × 5) and risk levels. Pure.
#pragma once
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
  int likelihoods = 5, impacts = 5;
  std::vector<catalog::Text> likelihood_labels, impact_labels;
  std::vector<Level> levels;  // ascending min_score; the first must start at 1

  // Throws std::invalid_argument naming what is wrong.
  void validate() const;
  const Level& level(int likelihood, int impact) const;
  static Matrix default_5x5();
};

// SVG heat map: cells coloured by level, each showing how many risks sit there.
std::string heat_map_svg(const Matrix& m, const std::vector<std::pair<int, int>>& positions, const std::string& lang);

}  // namespace anzen::risk
