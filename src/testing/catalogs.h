// Test helper: the shipped catalogs, rule sets and maturity scale of the source tree (as main
// loads them, without imported frameworks), loaded once for the test process.
#pragma once
#include "app/catalogs.h"

namespace anzen::testing {

inline const app::Catalogs& tree_catalogs() {
  static const app::Catalogs catalogs(app::CatalogSources{});
  return catalogs;
}

inline const catalog::Catalog& tree_catalog() { return tree_catalogs().catalog(); }
inline const std::vector<incident::RuleSet>& tree_rules() { return tree_catalogs().rules(); }
inline const assess::MaturityScale& tree_scale() { return tree_catalogs().scale(); }
inline const risk::Matrix& tree_risk_matrix() { return tree_catalogs().risk_matrix(); }

}  // namespace anzen::testing
