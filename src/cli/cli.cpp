#include "cli/cli.h"

#include <iostream>

#include "assess/maturity.h"
#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "risk/repo.h"
#include "store/audit.h"

namespace anzen::cli {

void print_json(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

assess::Assessment need_assessment(store::Db& db, int64_t id) {
  auto a = assess::AssessRepo(db, store::default_actor()).get(id);
  if (!a) throw UsageError("no assessment with id " + std::to_string(id));
  return *a;
}

const catalog::Framework& framework_of(const assess::Assessment& a) {
  const auto* fw = catalog::shipped_catalog().find(a.framework, a.framework_version);
  if (!fw) throw UsageError("assessment " + std::to_string(a.id) + " was made against " + a.framework + "@" +
                            a.framework_version + ", which is not loaded");
  return *fw;
}

assess::AssessService assess_service(store::Db& db) {
  static const SystemClock system_clock;
  return assess::AssessService(
      db, catalog::shipped_catalog(), assess::maturity_scale(), system_clock,
      [&db](int64_t org) { return risk::linked_risk_counts(db, org); }, store::default_actor());
}

}  // namespace anzen::cli
