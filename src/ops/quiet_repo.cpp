// Storage of the organisations' quiet rules (migration 811).
#include "ops/repo.h"
#include "store/audit.h"

namespace anzen::ops {

namespace {
const bool kRegistered = (store::register_migrations({{811, "ops quiet rules per organisation", R"(
CREATE TABLE ops_quiet_rules (
  org_id INTEGER PRIMARY KEY REFERENCES organizations(id),
  rules_yaml TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)"}}),
                          true);
}  // namespace

void OpsRepo::set_quiet_rules(int64_t org_id, const std::string& yaml) {
  db_.transaction([&] {
    std::string before = quiet_rules(org_id);
    db_.prepare("DELETE FROM ops_quiet_rules WHERE org_id = ?").bind(1, org_id).run();
    if (!yaml.empty())
      db_.prepare("INSERT INTO ops_quiet_rules(org_id, rules_yaml, updated_at) VALUES (?,?,?)")
          .bind(1, org_id)
          .bind(2, yaml)
          .bind(3, store::now_utc())
          .run();
    store::audit_append(db_, {actor_, org_id, "quiet_rules", std::to_string(org_id),
                              yaml.empty() ? "delete" : "update",
                              before.empty() ? nlohmann::json() : nlohmann::json{{"rules", before}},
                              yaml.empty() ? nlohmann::json() : nlohmann::json{{"rules", yaml}}});
  });
}

std::string OpsRepo::quiet_rules(int64_t org_id) {
  auto st = db_.prepare("SELECT rules_yaml FROM ops_quiet_rules WHERE org_id = ?");
  st.bind(1, org_id);
  return st.step() ? st.str(0) : "";
}

}  // namespace anzen::ops
