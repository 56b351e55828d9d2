// Deleting register entries: refused while another record still refers to the entry, so that no
// risk points at a missing asset and no plan item at a missing risk.
#include <algorithm>
#include <stdexcept>

#include "common/invalid.h"
#include "common/vocabulary.h"
#include "risk/repo.h"
#include "store/audit.h"

namespace anzen::risk {
using nlohmann::json;

namespace {
// The entity's name in both languages (the vocabulary's audit entities: 資産, リスク, 計画項目).
std::string entity_label(const char* entity, const char* lang) {
  return vocab::label_or_code("audit_entity", entity, lang);
}

// The records that refer to one being deleted: `line` " risk 3 asset 2" (the CLI's words),
// `en` "risk 3, asset 2", `ja` "リスク 3、資産 2".
struct Referrers {
  std::string line, en, ja;
  void add(const char* entity, int64_t id) {
    std::string kind = entity == std::string("plan_item") ? "plan item" : entity;
    line += " " + kind + " " + std::to_string(id);
    en += (en.empty() ? "" : ", ") + kind + " " + std::to_string(id);
    ja += (ja.empty() ? "" : "、") + entity_label(entity, "ja") + " " + std::to_string(id);
  }
};

void refuse_if(const char* entity, int64_t id, const Referrers& refs) {
  const std::string& referrers = refs.line;
  if (!referrers.empty()) {
    std::string en_entity = entity == std::string("plan_item") ? "plan item" : entity;
    std::string what = en_entity + " " + std::to_string(id);
    throw Invalid("id",
                  "この" + entity_label(entity, "ja") + "（ID " + std::to_string(id) + "）は" +
                      refs.ja +
                      " から参照されているため削除できません。先にその参照を外してください。",
                  "This " + en_entity + " (ID " + std::to_string(id) +
                      ") is still referred to by " + refs.en + "; remove those references first.",
                  "conflict",
                  what + ": still referred to by" + referrers + "; remove those references first");
  }
}

[[noreturn]] void no_such(const char* entity, int64_t id) {
  std::string en_entity = entity == std::string("plan_item") ? "plan item" : entity;
  throw Invalid(
      "id",
      "ID " + std::to_string(id) + " の" + entity_label(entity, "ja") + "はこの組織にありません。",
      "There is no " + en_entity + " " + std::to_string(id) + " in this organisation.", "not_found",
      "id: no " + en_entity + " " + std::to_string(id) + " in this organisation");
}

void delete_row(store::Db& db, const std::string& actor, const char* table, const char* entity,
                int64_t org, int64_t id, const json& before) {
  db.transaction([&] {
    db.prepare(std::string("DELETE FROM ") + table + " WHERE id=? AND org_id=?")
        .bind(1, id)
        .bind(2, org)
        .run();
    if (db.changes() == 0) no_such(entity, id);
    store::audit_append(db, {actor, org, entity, std::to_string(id), "delete", before, nullptr});
  });
}
}  // namespace

void RiskRepo::delete_asset(int64_t org, int64_t id) {
  auto a = asset(org, id);
  if (!a) no_such("asset", id);
  Referrers refs;
  for (const auto& r : risks(org)) {
    if (std::find(r.asset_ids.begin(), r.asset_ids.end(), id) != r.asset_ids.end())
      refs.add("risk", r.id);
  }
  for (const auto& o : assets(org)) {
    if (std::find(o.depends_on.begin(), o.depends_on.end(), id) != o.depends_on.end())
      refs.add("asset", o.id);
  }
  refuse_if("asset", id, refs);
  delete_row(db_, actor_, "assets", "asset", org, id,
             {{"name", a->name}, {"kind", a->kind}, {"owner", a->owner}});
}

void RiskRepo::delete_risk(int64_t org, int64_t id) {
  auto r = risk(org, id);
  if (!r) no_such("risk", id);
  Referrers refs;
  for (const auto& p : plan(org)) {
    if (std::find(p.risk_ids.begin(), p.risk_ids.end(), id) != p.risk_ids.end())
      refs.add("plan_item", p.id);
  }
  refuse_if("risk", id, refs);
  delete_row(db_, actor_, "risks", "risk", org, id,
             {{"title", r->title}, {"threat", r->threat}, {"treatment", r->treatment}});
}

void RiskRepo::delete_plan_item(int64_t org, int64_t id) {
  auto p = plan_item(org, id);
  if (!p) no_such("plan_item", id);
  delete_row(db_, actor_, "plan_items", "plan_item", org, id,
             {{"actions", p->actions}, {"owner", p->owner}, {"deadline", p->deadline}});
}

}  // namespace anzen::risk
