// The catalog service: what every command, page and API route asks of the frameworks — the list,
// one framework by id or id@version, an item or question, statistics, search — and the import of
// a framework into the store. It receives the loaded catalog (app::Catalogs::catalog(), the
// shipped frameworks with those imported) and the folder of the shipped ones explicitly.
#pragma once
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/loader.h"
#include "catalog/model.h"
#include "catalog/query.h"
#include "store/db.h"

namespace anzen::catalog {

class CatalogService {
 public:
  // `catalog_root`: the shipped frameworks' folder an import is validated against.
  CatalogService(const Catalog& catalog, std::filesystem::path catalog_root)
      : catalog_(catalog), root_(std::move(catalog_root)) {}

  const Catalog& catalog() const { return catalog_; }
  const std::vector<Framework>& frameworks() const { return catalog_.frameworks; }
  // "tcs-2023" (its newest edition) or "tcs-2023@1.0"; nullptr when not loaded.
  const Framework* framework(std::string_view id_or_key) const;
  // The loaded editions' keys (id@version), for messages that name what is known.
  std::vector<std::string> keys() const;
  // An item by its id, or the check a question id belongs to; nullptr when neither.
  const Item* item(const Framework& fw, std::string_view id) const;
  nlohmann::json stats(const Framework& fw) const { return catalog::stats(catalog_, fw); }
  std::vector<SearchHit> search(std::string_view query, std::string_view framework_id = {},
                                size_t limit = 50) const {
    return catalog::search(catalog_, query, framework_id, limit);
  }
  // Validates the framework with every shipped and imported one and stores it in `db` (audited
  // as `actor`). Returns the catalog as it will load, the new framework last. Throws CatalogError.
  Catalog import(store::Db& db, const FrameworkFiles& files, const std::string& actor) const;

 private:
  const Catalog& catalog_;
  std::filesystem::path root_;
};

}  // namespace anzen::catalog
