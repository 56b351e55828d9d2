// Reading OSCAL JSON from outside with bounds: the file size, the nesting depth and the number
// of controls are checked while parsing, so hostile input (deep, huge) is refused before any
// recursive code sees it. Refusals name the file and the JSON path.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace anzen::catalog {

struct OscalLimits {
  size_t max_bytes = 64u << 20;  // NIST's largest catalog (rev5, pretty-printed) is ≈ 10 MB
  int max_depth = 64;            // NIST's catalogs nest ≈ 14 levels deep
  size_t max_controls =
      10'000;  // rev5 has ≈ 1,200 controls and enhancements; memory grows with them
};

// Parses `text` (the content of `file`); throws CatalogError naming file and JSON path.
nlohmann::json parse_oscal_json(const std::string& text, const std::string& file,
                                const OscalLimits& limits = {});

}  // namespace anzen::catalog
