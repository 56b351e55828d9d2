// What every supplier command needs: the database, the supplier service acting as the CLI's
// user, and domain refusals turned into usage errors (exit 2).
#pragma once
#include <string>

#include "cli/cli.h"
#include "common/clock.h"
#include "store/audit.h"
#include "supplier/service.h"
#include "web/accounts.h"

namespace anzen::cli {

struct SupplierSession {
  store::Db db;
  supplier::Suppliers svc;
  explicit SupplierSession(const Globals& g)
      : db(g.db),
        svc((db.migrate(), db), g.catalogs->risk_matrix(), store::default_actor(),
            [clock = g.clock] { return clock->now_iso(); }, [] { return web::random_token(); }) {}
  supplier::Questionnaire need(int64_t id) {
    auto q = svc.questionnaire_by_id(id);
    if (!q) throw UsageError("no questionnaire with id " + std::to_string(id));
    return *q;
  }
  supplier::Questionnaire need(int64_t id, int64_t org) {
    auto q = svc.questionnaire(id, org);
    if (!q)
      throw UsageError("no questionnaire " + std::to_string(id) +
                       " sent by or addressed to organisation " + std::to_string(org));
    return *q;
  }
};

// Domain refusals (std::invalid_argument, std::out_of_range) are the user's to fix: exit 2.
template <typename F>
inline void guarded(F f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  } catch (const std::out_of_range& e) {
    throw UsageError(e.what());
  }
}

void register_supplier_more(CLI::App& app, Globals& g);

}  // namespace anzen::cli
