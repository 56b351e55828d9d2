#include "catalog/catalog_dir.h"

#include <algorithm>

#include "catalog/loader.h"
#include "common/paths.h"

namespace anzen::catalog {
namespace fs = std::filesystem;

namespace {
std::vector<fs::path> sorted_yaml(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

std::pair<std::vector<FrameworkFiles>, std::vector<SourceFile>> read_catalog_dir(const fs::path& root) {
  std::vector<FrameworkFiles> fws;
  std::vector<SourceFile> maps;
  auto rel = [&](const fs::path& p) { return fs::relative(p, root.parent_path()).string(); };
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs) {
    if (d.filename() == "mappings") {
      for (const auto& f : sorted_yaml(d)) maps.push_back({rel(f), read_file(f)});
      continue;
    }
    // A framework folder may hold several editions: framework.yaml, or sub-folders per edition.
    std::vector<fs::path> editions;
    if (fs::exists(d / "framework.yaml")) editions.push_back(d);
    for (const auto& e : fs::directory_iterator(d)) {
      if (e.is_directory() && fs::exists(e.path() / "framework.yaml")) editions.push_back(e.path());
    }
    std::sort(editions.begin(), editions.end());
    for (const auto& ed : editions) {
      FrameworkFiles ff;
      ff.framework = {rel(ed / "framework.yaml"), read_file(ed / "framework.yaml")};
      for (const auto& f : sorted_yaml(ed)) {
        if (f.filename() != "framework.yaml") ff.item_files.push_back({rel(f), read_file(f)});
      }
      fws.push_back(std::move(ff));
    }
  }
  return {fws, maps};
}

Catalog load_catalog_dir(const fs::path& root) {
  auto [fws, maps] = read_catalog_dir(root);
  return build_catalog(fws, maps);
}

}  // namespace anzen::catalog
