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

assess::AssessService assess_service(store::Db& db, const Globals& g) {
  return assess::AssessService(
      db, g.catalogs->catalog(), g.catalogs->scale(), *g.clock,
      [&db](int64_t org) { return risk::linked_risk_counts(db, org); }, store::default_actor());
}

}  // namespace anzen::cli
