#include "catalog/local.h"

#include <filesystem>

#include "catalog/catalog_dir.h"
#include "store/audit.h"

namespace anzen::catalog {

namespace {
const bool kRegistered = (store::register_migrations({{600, "frameworks imported by users", R"(
CREATE TABLE local_frameworks (
  key TEXT PRIMARY KEY,
  framework_file TEXT NOT NULL,
  framework_text TEXT NOT NULL,
  items_file TEXT NOT NULL,
  items_text TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
)"}}),
                          true);
}  // namespace

std::vector<FrameworkFiles> local_framework_files(const std::string& p) {
  if (p.empty() || (!store::Db::is_postgres_uri(p) && !std::filesystem::exists(p))) return {};
  store::Db db(p);
  if (!db.has_table("local_frameworks")) return {};
  return LocalFrameworks(db, "loader").all();
}

std::vector<FrameworkFiles> LocalFrameworks::all() {
  (void)kRegistered;
  std::vector<FrameworkFiles> out;
  auto st = db_.prepare("SELECT framework_file, framework_text, items_file, items_text FROM local_frameworks ORDER BY key");
  while (st.step()) out.push_back({{"db:" + st.str(0), st.str(1)}, {{"db:" + st.str(2), st.str(3)}}});
  return out;
}

Catalog LocalFrameworks::add(const FrameworkFiles& files, const std::string& catalog_root) {
  (void)kRegistered;
  auto [fws, maps] = read_catalog_dir(catalog_root);
  for (auto& f : all()) fws.push_back(std::move(f));
  fws.push_back(files);
  Catalog cat = build_catalog(fws, maps);
  const Framework& fw = cat.frameworks.back();
  db_.transaction([&] {
    db_.prepare("INSERT INTO local_frameworks VALUES (?,?,?,?,?,?,?)")
        .bind(1, fw.key()).bind(2, files.framework.name).bind(3, files.framework.content)
        .bind(4, files.item_files.at(0).name).bind(5, files.item_files.at(0).content).bind(6, actor_).bind(7, store::now_utc()).run();
    store::audit_append(db_, {actor_, std::nullopt, "framework", fw.key(), "import", nullptr,
                              {{"imported_from", fw.imported_from}, {"items", fw.items.size()}}});
  });
  return cat;
}

}  // namespace anzen::catalog
