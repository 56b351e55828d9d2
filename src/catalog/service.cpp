#include "catalog/service.h"

#include "catalog/local.h"

namespace anzen::catalog {

const Framework* CatalogService::framework(std::string_view id_or_key) const {
  auto at = id_or_key.find('@');
  return at == std::string_view::npos
             ? catalog_.find(id_or_key)
             : catalog_.find(id_or_key.substr(0, at), id_or_key.substr(at + 1));
}

std::vector<std::string> CatalogService::keys() const {
  std::vector<std::string> out;
  for (const auto& f : catalog_.frameworks) out.push_back(f.key());
  return out;
}

const Item* CatalogService::item(const Framework& fw, std::string_view id) const {
  const Item* it = fw.find(id);
  return it ? it : fw.check_of_question(id);
}

Catalog CatalogService::import(store::Db& db, const FrameworkFiles& files,
                               const std::string& actor) const {
  return LocalFrameworks(db, actor).add(files, root_.string());
}

}  // namespace anzen::catalog
