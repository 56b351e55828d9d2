// Reads the catalogs/ folder from disk and builds the validated catalog.
#pragma once
#include <filesystem>

#include "catalog/loader.h"
#include "catalog/model.h"

namespace anzen::catalog {

// Loads every framework folder (those holding framework.yaml) and catalogs/mappings/*.yaml.
// Throws CatalogError with every defect, naming files relative to `root`.
Catalog load_catalog_dir(const std::filesystem::path& root);
// The files of a catalogs/ folder, unparsed: frameworks (one per edition) and mapping sets.
std::pair<std::vector<FrameworkFiles>, std::vector<SourceFile>> read_catalog_dir(const std::filesystem::path& root);

}  // namespace anzen::catalog
