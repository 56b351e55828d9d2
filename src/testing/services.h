// Test helper: the services as the adapters build them, over a test database.
#pragma once
#include <string>

#include "assess/service.h"
#include "assess/sheet.h"
#include "common/clock.h"
#include "risk/repo.h"
#include "testing/catalogs.h"
#include "web/accounts.h"

namespace anzen::testing {

inline const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

inline assess::AssessService assess_service(store::Db& db, const Clock& clock = system_clock(),
                                            const std::string& actor = "tester") {
  return assess::AssessService(
      db, tree_catalog(), tree_scale(), clock,
      [&db](int64_t org) { return risk::linked_risk_counts(db, org); }, actor);
}

// The accounts service over a test database, with the shipped password list.
inline web::Accounts accounts(store::Db& db, const Clock& clock = system_clock()) {
  return web::Accounts(db, tree_catalogs().common_passwords(), clock);
}

// A checklist import through the assessment service (as the CLI and web do).
inline assess::ImportResult import_sheet(store::Db& db, const assess::Assessment& a,
                                         const std::string& file, const std::string& bytes) {
  auto svc = assess_service(db);
  return assess::import_file(svc, a, file, bytes);
}

}  // namespace anzen::testing
