#include "cli/cli.h"

#include <iostream>

#include "assess/repo.h"
#include "risk/repo.h"
#include "store/audit.h"

namespace anzen::cli {

void print_json(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

assess::Assessment need_assessment(store::Db& db, int64_t id) {
  auto a = assess::AssessRepo(db, store::default_actor()).get(id);
  if (!a) throw UsageError("no assessment with id " + std::to_string(id));
  return *a;
}

const catalog::Framework& framework_of(const catalog::Catalog& cat, const assess::Assessment& a) {
  const auto* fw = cat.find(a.framework, a.framework_version);
  if (!fw) throw UsageError("assessment " + std::to_string(a.id) + " was made against " + a.framework + "@" +
                            a.framework_version + ", which is not loaded");
  return *fw;
}

catalog::CatalogService catalog_service(const Globals& g) {
  return catalog::CatalogService(g.catalogs->catalog(), g.catalogs->catalog_dir());
}

assess::AssessService assess_service(store::Db& db, const Globals& g) {
  return assess::AssessService(
      db, g.catalogs->catalog(), g.catalogs->scale(), *g.clock,
      [&db](int64_t org) { return risk::linked_risk_counts(db, org); }, store::default_actor());
}

incident::IncidentService incident_service(store::Db& db, const Globals& g) {
  return incident::IncidentService(db, g.catalogs->rules(), *g.clock, store::default_actor());
}

incident::Judge incident_judge(const Globals& g) {
  return incident::Judge(g.catalogs->rules(), *g.clock);
}

web::Accounts accounts(store::Db& db, const Globals& g) {
  return web::Accounts(db, g.catalogs->common_passwords(), *g.clock);
}

}  // namespace anzen::cli
