// The configurable maturity scale (catalogs/maturity/default.yaml or $ANZEN_MATURITY_FILE,
// loaded by app::Catalogs).
#pragma once
#include <string>
#include <vector>

#include "catalog/model.h"

namespace anzen::assess {

struct MaturityLevel {
  int level = 0;
  catalog::Text name, definition;
};

struct MaturityScale {
  std::string id;
  catalog::Text title;
  int target = 3;
  std::vector<MaturityLevel> levels;
  int max() const { return levels.empty() ? 0 : levels.back().level; }
};

// Parses and validates a scale (levels consecutive from 0, names and definitions in ja and en,
// target within the scale). Throws catalog::CatalogError with file:line.
MaturityScale load_maturity_scale(const std::string& path);

}  // namespace anzen::assess
