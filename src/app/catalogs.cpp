#include "app/catalogs.h"

#include <cstdlib>
#include <fstream>

#include "catalog/catalog_dir.h"
#include "common/paths.h"

namespace anzen::app {

namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}
}  // namespace

CatalogSources CatalogSources::from_environment() {
  CatalogSources s;
  s.rules_dir = env("ANZEN_RULES_DIR");
  s.maturity_file = env("ANZEN_MATURITY_FILE");
  return s;
}

std::filesystem::path Catalogs::catalog_dir() const {
  return sources_.catalog_dir.empty() ? data_dir() / "catalogs" : sources_.catalog_dir;
}

template <typename T, typename Load>
const T& Catalogs::once(Slot<T>& slot, const Load& load) const {
  if (const T* p = slot.ready.load(std::memory_order_acquire)) return *p;
  std::lock_guard<std::recursive_mutex> lock(mu_);
  if (!slot.value) slot.value.emplace(load());
  slot.ready.store(&*slot.value, std::memory_order_release);
  return *slot.value;
}

const catalog::Catalog& Catalogs::catalog() const {
  return once(catalog_, [this] {
    auto [fws, maps] = catalog::read_catalog_dir(catalog_dir());
    if (sources_.imported)
      for (auto& f : sources_.imported()) fws.push_back(std::move(f));
    return catalog::build_catalog(fws, maps);
  });
}

const std::vector<incident::RuleSet>& Catalogs::rules() const {
  return once(rules_, [this] {
    return incident::load_rules(sources_.rules_dir.empty()
                                    ? (data_dir() / "rules" / "reporting").string()
                                    : sources_.rules_dir);
  });
}

const assess::MaturityScale& Catalogs::scale() const {
  return once(scale_, [this] {
    return assess::load_maturity_scale(sources_.maturity_file.empty()
                                           ? (catalog_dir() / "maturity" / "default.yaml").string()
                                           : sources_.maturity_file);
  });
}

const ops::CongestionLinks& Catalogs::congestion_links() const {
  return once(congestion_, [this] {
    auto path = catalog_dir() / "views" / "congestion.yaml";
    return ops::congestion_links(catalog(), read_file(path), path.string());
  });
}

const risk::Matrix& Catalogs::risk_matrix() const {
  return once(risk_matrix_, [this] {
    return risk::load_matrix_file((catalog_dir() / "risk" / "matrix-5x5.yaml").string());
  });
}

const std::set<std::string>& Catalogs::common_passwords() const {
  return once(common_passwords_, [] {
    std::set<std::string> out;
    std::ifstream in(data_dir() / "rules" / "common-passwords.txt");
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') out.insert(line);
    return out;
  });
}

void Catalogs::load_all() const {
  catalog();
  rules();
  scale();
  risk_matrix();
  common_passwords();
}

}  // namespace anzen::app
