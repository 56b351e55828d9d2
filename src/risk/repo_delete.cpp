// Deleting register entries: refused while another record still refers to the entry, so that no
// risk points at a missing asset and no plan item at a missing risk.
#include <algorithm>
#include <stdexcept>

#include "risk/repo.h"
#include "store/audit.h"

namespace anzen::risk {
using nlohmann::json;

namespace {
void refuse_if(const std::string& what, const std::string& referrers) {
  if (!referrers.empty())
    throw std::invalid_argument(what + ": still referred to by " + referrers +
                                "; remove those references first");
}

void delete_row(store::Db& db, const std::string& actor, const char* table, const char* entity,
                int64_t org, int64_t id, const json& before) {
  db.transaction([&] {
    db.prepare(std::string("DELETE FROM ") + table + " WHERE id=? AND org_id=?")
        .bind(1, id)
        .bind(2, org)
        .run();
    if (db.changes() == 0)
      throw std::invalid_argument(std::string("id: no ") + entity + " " + std::to_string(id) +
                                  " in this organisation");
    store::audit_append(db, {actor, org, entity, std::to_string(id), "delete", before, nullptr});
  });
}
}  // namespace

void RiskRepo::delete_asset(int64_t org, int64_t id) {
  auto a = asset(org, id);
  if (!a)
    throw std::invalid_argument("id: no asset " + std::to_string(id) + " in this organisation");
  std::string refs;
  for (const auto& r : risks(org)) {
    if (std::find(r.asset_ids.begin(), r.asset_ids.end(), id) != r.asset_ids.end())
      refs += " risk " + std::to_string(r.id);
  }
  for (const auto& o : assets(org)) {
    if (std::find(o.depends_on.begin(), o.depends_on.end(), id) != o.depends_on.end())
      refs += " asset " + std::to_string(o.id);
  }
  refuse_if("asset " + std::to_string(id), refs);
  delete_row(db_, actor_, "assets", "asset", org, id,
             {{"name", a->name}, {"kind", a->kind}, {"owner", a->owner}});
}

void RiskRepo::delete_risk(int64_t org, int64_t id) {
  auto r = risk(org, id);
  if (!r)
    throw std::invalid_argument("id: no risk " + std::to_string(id) + " in this organisation");
  std::string refs;
  for (const auto& p : plan(org)) {
    if (std::find(p.risk_ids.begin(), p.risk_ids.end(), id) != p.risk_ids.end())
      refs += " plan item " + std::to_string(p.id);
  }
  refuse_if("risk " + std::to_string(id), refs);
  delete_row(db_, actor_, "risks", "risk", org, id,
             {{"title", r->title}, {"threat", r->threat}, {"treatment", r->treatment}});
}

void RiskRepo::delete_plan_item(int64_t org, int64_t id) {
  auto p = plan_item(org, id);
  if (!p)
    throw std::invalid_argument("id: no plan item " + std::to_string(id) + " in this organisation");
  delete_row(db_, actor_, "plan_items", "plan_item", org, id,
             {{"actions", p->actions}, {"owner", p->owner}, {"deadline", p->deadline}});
}

}  // namespace anzen::risk
