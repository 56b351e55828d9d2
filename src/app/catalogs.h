// The data Anzen ships beside the binary — the catalogs of frameworks (with those imported into
// the database), the incident reporting rule sets, the maturity scale, the default risk matrix,
// the list of common passwords — as one explicit object.
// main (CLI) and serve own one and hand it to services and adapters; nothing reaches it through
// a global. Where the files are is read from the environment once, at the edge.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assess/maturity.h"
#include "catalog/loader.h"
#include "catalog/model.h"
#include "incident/rules.h"
#include "ops/congestion_links.h"
#include "risk/matrix.h"

namespace anzen::app {

// Where each part comes from. An empty path means its place in the data folder (data_dir(),
// found when first needed, so that commands needing no data run without one).
struct CatalogSources {
  std::filesystem::path catalog_dir;  // the framework folders and mappings: data_dir()/catalogs
  std::string rules_dir;              // the reporting rule sets: data_dir()/rules/reporting
  std::string maturity_file;          // the maturity scale: <catalog_dir>/maturity/default.yaml
  // Frameworks a user imported, loaded beside the shipped ones (none when unset).
  std::function<std::vector<catalog::FrameworkFiles>()> imported;

  // $ANZEN_RULES_DIR and $ANZEN_MATURITY_FILE, read once here; the rest from the data folder.
  static CatalogSources from_environment();
};

// Each part loads on first use, once, and is then shared read-only (also between threads): a
// command that needs no catalog neither pays for it nor fails on it. serve calls load_all()
// before accepting requests. A load that throws (catalog::CatalogError) is tried again on the
// next use.
class Catalogs {
 public:
  explicit Catalogs(CatalogSources sources) : sources_(std::move(sources)) {}
  Catalogs(const Catalogs&) = delete;
  Catalogs& operator=(const Catalogs&) = delete;

  // The folder the shipped frameworks are read from (an import validates against it).
  std::filesystem::path catalog_dir() const;
  const catalog::Catalog& catalog() const;
  const std::vector<incident::RuleSet>& rules() const;
  const assess::MaturityScale& scale() const;
  // The risk matrix of an organisation that set none: <catalog_dir>/risk/matrix-5x5.yaml.
  const risk::Matrix& risk_matrix() const;
  // The passwords the password policy refuses (data_dir()/rules/common-passwords.txt, one a
  // line, # comments); none when the file is absent.
  const std::set<std::string>& common_passwords() const;
  // The congestion view's links (catalogs/views/congestion.yaml) resolved against catalog().
  const ops::CongestionLinks& congestion_links() const;
  void load_all() const;

 private:
  template <typename T>
  struct Slot {
    std::optional<T> value;
    std::atomic<const T*> ready{nullptr};  // set once value is loaded: no lock after that
  };
  template <typename T, typename Load>
  const T& once(Slot<T>& slot, const Load& load) const;

  CatalogSources sources_;
  mutable std::recursive_mutex mu_;  // recursive: the congestion links load the catalog
  mutable Slot<catalog::Catalog> catalog_;
  mutable Slot<std::vector<incident::RuleSet>> rules_;
  mutable Slot<assess::MaturityScale> scale_;
  mutable Slot<ops::CongestionLinks> congestion_;
  mutable Slot<risk::Matrix> risk_matrix_;
  mutable Slot<std::set<std::string>> common_passwords_;
};

}  // namespace anzen::app
