// Parses and validates framework and mapping YAML. Pure: callers hand in file names and contents.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "catalog/model.h"

namespace anzen::catalog {

struct Defect {
  std::string file;
  int line = 0;  // 1-based; 0 when unknown
  std::string field;
  std::string message;
  std::string str() const;
};

class CatalogError : public std::runtime_error {
 public:
  explicit CatalogError(std::vector<Defect> defects);
  const std::vector<Defect>& defects() const { return defects_; }

 private:
  std::vector<Defect> defects_;
};

struct SourceFile {
  std::string name;  // path shown in messages
  std::string content;
};

// One framework folder: framework.yaml first, then item files in name order.
struct FrameworkFiles {
  SourceFile framework;
  std::vector<SourceFile> item_files;
};

// Parses every framework and mapping file, validates the whole, and returns the catalog.
// Throws CatalogError listing every defect found (not only the first).
Catalog build_catalog(const std::vector<FrameworkFiles>& frameworks,
                      const std::vector<SourceFile>& mapping_files);

// True when `id` matches the pattern of a known external reference scheme; unknown schemes
// return false with `known` set to false.
bool reference_id_valid(std::string_view scheme, std::string_view id, bool& known);

}  // namespace anzen::catalog
