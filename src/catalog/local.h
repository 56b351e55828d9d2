// Frameworks a user imported (e.g. an OSCAL catalog) live in the database, so they are backed
// up with it and shared by everyone using the same store. They load beside the shipped ones.
#pragma once
#include <string>
#include <vector>

#include "catalog/loader.h"
#include "store/db.h"

namespace anzen::catalog {

// Makes shipped_catalog() also load the frameworks imported into this database (when the file
// exists). Call before the catalog is first used; the CLI does so once --db is known.
void use_local_frameworks_from(const std::string& db_path);
// The frameworks imported into that database (none when it is unset or the file is absent).
std::vector<FrameworkFiles> local_framework_files();

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
