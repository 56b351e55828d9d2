// Frameworks a user imported (e.g. an OSCAL catalog) live in the database, so they are backed
// up with it and shared by everyone using the same store. They load beside the shipped ones.
#pragma once
#include <string>
#include <vector>

#include "catalog/loader.h"
#include "store/db.h"

namespace anzen::catalog {

// The frameworks imported into the database at `db_path` (none when it is empty, the file is
// absent or never migrated): what app::Catalogs loads beside the shipped ones.
std::vector<FrameworkFiles> local_framework_files(const std::string& db_path);

class LocalFrameworks {
 public:
  LocalFrameworks(store::Db& db, std::string actor) : db_(db), actor_(std::move(actor)) {}
  // Validates the framework with every shipped and imported one (ids and editions must not
  // collide) and stores it. Returns the catalog as it will load. Throws CatalogError.
  Catalog add(const FrameworkFiles& files, const std::string& catalog_root);
  std::vector<FrameworkFiles> all();

 private:
  store::Db& db_;
  std::string actor_;
};

}  // namespace anzen::catalog
