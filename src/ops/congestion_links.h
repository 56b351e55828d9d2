// The catalog entries the congestion view links to, chosen by a data file
// (catalogs/views/congestion.yaml): seed 003's congestion measures and the standard's threat
// ネットワーク輻そう with the checks tagged with it. Resolved against the catalog, so a renamed
// framework, attribute or threat is an error naming the file, not a silently empty list.
#pragma once
#include <string>
#include <vector>

#include "catalog/model.h"

namespace anzen::ops {

struct CatalogLink {
  std::string framework, item;  // /catalog/<framework>/<item>
  std::string label;
  catalog::Text title;
};

struct CongestionLinks {
  catalog::Text measures_title;  // the measures' framework
  std::vector<CatalogLink> measures;
  std::string threat_framework;
  catalog::Text threat;  // the threat's name
  std::vector<CatalogLink> threat_checks;
};

// Throws std::invalid_argument naming `file` and the field when an entry does not resolve.
CongestionLinks congestion_links(const catalog::Catalog& cat, const std::string& yaml_text,
                                 const std::string& file);

}  // namespace anzen::ops
