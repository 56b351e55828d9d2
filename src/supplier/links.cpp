// Suppliers linked to the asset register and the risk register, and the supplier risks (with
// their plan items) a review raises from unsatisfactory answers.
#include <algorithm>
#include <stdexcept>

#include "common/invalid.h"
#include "risk/repo.h"
#include "store/audit.h"
#include "supplier/service.h"

namespace anzen::supplier {

namespace {
bool in_org(store::Db& db, const char* table, int64_t id, int64_t org) {
  auto st = db.prepare(std::string("SELECT count(*) FROM ") + table + " WHERE id=? AND org_id=?");
  st.bind(1, id).bind(2, org);
  st.step();
  return st.i64(0) > 0;
}
}  // namespace

void Suppliers::link_asset(int64_t org, int64_t supplier_id, int64_t asset_id) {
  if (!supplier(org, supplier_id))
    throw std::out_of_range("supplier: no supplier " + std::to_string(supplier_id));
  if (!in_org(db_, "assets", asset_id, org))
    throw Invalid("asset", "ID " + std::to_string(asset_id) + " の資産はこの組織にありません。",
                  "There is no asset " + std::to_string(asset_id) + " in this organisation.",
                  "not_found",
                  "asset: no asset " + std::to_string(asset_id) + " in this organisation");
  db_.transaction([&] {
    db_.prepare(
           "INSERT OR IGNORE INTO supplier_assets(supplier_id, asset_id, linked_at) VALUES "
           "(?,?,?)")
        .bind(1, supplier_id)
        .bind(2, asset_id)
        .bind(3, now_())
        .run();
    store::audit_append(db_, {actor_, org, "supplier_asset",
                              std::to_string(supplier_id) + ":" + std::to_string(asset_id),
                              "create", nullptr, nlohmann::json{{"asset_id", asset_id}}});
  });
}

void Suppliers::unlink_asset(int64_t org, int64_t supplier_id, int64_t asset_id) {
  if (!supplier(org, supplier_id))
    throw std::out_of_range("supplier: no supplier " + std::to_string(supplier_id));
  db_.transaction([&] {
    db_.prepare("DELETE FROM supplier_assets WHERE supplier_id=? AND asset_id=?")
        .bind(1, supplier_id)
        .bind(2, asset_id)
        .run();
    store::audit_append(db_, {actor_, org, "supplier_asset",
                              std::to_string(supplier_id) + ":" + std::to_string(asset_id),
                              "delete", nlohmann::json{{"asset_id", asset_id}}, nullptr});
  });
}

std::vector<int64_t> Suppliers::linked_assets(int64_t org, int64_t supplier_id) {
  auto st = db_.prepare(
      "SELECT l.asset_id FROM supplier_assets l JOIN suppliers s ON s.id=l.supplier_id "
      "WHERE l.supplier_id=? AND s.org_id=? ORDER BY l.asset_id");
  st.bind(1, supplier_id).bind(2, org);
  std::vector<int64_t> out;
  while (st.step()) out.push_back(st.i64(0));
  return out;
}

int Suppliers::link_assets_by_name(int64_t org, int64_t supplier_id) {
  auto s = supplier(org, supplier_id);
  if (!s) throw std::out_of_range("supplier: no supplier " + std::to_string(supplier_id));
  auto have = linked_assets(org, supplier_id);
  int added = 0;
  risk::RiskRepo risks(db_, risk_matrix_, actor_);
  for (const auto& a : risks.assets(org)) {
    if (std::find(a.suppliers.begin(), a.suppliers.end(), s->name) == a.suppliers.end()) continue;
    if (std::find(have.begin(), have.end(), a.id) != have.end()) continue;
    link_asset(org, supplier_id, a.id);
    ++added;
  }
  return added;
}

void Suppliers::link_risk(int64_t org, int64_t supplier_id, int64_t risk_id) {
  if (!supplier(org, supplier_id))
    throw std::out_of_range("supplier: no supplier " + std::to_string(supplier_id));
  if (!in_org(db_, "risks", risk_id, org))
    throw Invalid("risk", "ID " + std::to_string(risk_id) + " のリスクはこの組織にありません。",
                  "There is no risk " + std::to_string(risk_id) + " in this organisation.",
                  "not_found",
                  "risk: no risk " + std::to_string(risk_id) + " in this organisation");
  db_.transaction([&] {
    db_.prepare(
           "INSERT OR IGNORE INTO supplier_risks(supplier_id, risk_id, linked_at) VALUES (?,?,?)")
        .bind(1, supplier_id)
        .bind(2, risk_id)
        .bind(3, now_())
        .run();
    store::audit_append(db_, {actor_, org, "supplier_risk",
                              std::to_string(supplier_id) + ":" + std::to_string(risk_id), "create",
                              nullptr, nlohmann::json{{"risk_id", risk_id}}});
  });
}

void Suppliers::unlink_risk(int64_t org, int64_t supplier_id, int64_t risk_id) {
  if (!supplier(org, supplier_id))
    throw std::out_of_range("supplier: no supplier " + std::to_string(supplier_id));
  std::optional<SupplierRisk> was;
  for (const auto& l : supplier_risks(org, supplier_id))
    if (l.risk_id == risk_id) was = l;
  if (!was) throw std::out_of_range("risk: risk " + std::to_string(risk_id) + " is not linked");
  db_.transaction([&] {
    db_.prepare("DELETE FROM supplier_risks WHERE supplier_id=? AND risk_id=?")
        .bind(1, supplier_id)
        .bind(2, risk_id)
        .run();
    // A link a review raised keeps its origin in the trail.
    nlohmann::json before = {{"risk_id", risk_id}};
    if (was->questionnaire_id) before["questionnaire_id"] = *was->questionnaire_id;
    if (!was->question_id.empty()) before["question_id"] = was->question_id;
    if (was->plan_item_id) before["plan_item_id"] = *was->plan_item_id;
    store::audit_append(db_, {actor_, org, "supplier_risk",
                              std::to_string(supplier_id) + ":" + std::to_string(risk_id), "delete",
                              before, nullptr});
  });
}

namespace {
std::vector<int64_t> linked_ids(store::Db& db, const char* table, const char* column, int64_t org,
                                int64_t id) {
  auto st = db.prepare(std::string("SELECT l.supplier_id FROM ") + table +
                       " l JOIN suppliers s ON s.id=l.supplier_id WHERE s.org_id=? AND l." +
                       column + "=? ORDER BY s.name, s.id");
  st.bind(1, org).bind(2, id);
  std::vector<int64_t> out;
  while (st.step()) out.push_back(st.i64(0));
  return out;
}
}  // namespace

std::vector<Supplier> Suppliers::suppliers_of_asset(int64_t org, int64_t asset_id) {
  std::vector<Supplier> out;
  for (int64_t id : linked_ids(db_, "supplier_assets", "asset_id", org, asset_id))
    if (auto s = supplier(org, id)) out.push_back(*s);
  return out;
}

std::vector<Supplier> Suppliers::suppliers_of_risk(int64_t org, int64_t risk_id) {
  std::vector<Supplier> out;
  for (int64_t id : linked_ids(db_, "supplier_risks", "risk_id", org, risk_id))
    if (auto s = supplier(org, id)) out.push_back(*s);
  return out;
}

std::vector<SupplierRisk> Suppliers::supplier_risks(int64_t org, int64_t supplier_id) {
  auto st = db_.prepare(
      "SELECT l.supplier_id, l.risk_id, l.questionnaire_id, l.plan_item_id, l.question_id, "
      "l.linked_at FROM supplier_risks l JOIN suppliers s ON s.id=l.supplier_id WHERE s.org_id=?1 "
      "AND (?2=0 OR l.supplier_id=?2) ORDER BY l.risk_id");
  st.bind(1, org).bind(2, supplier_id);
  std::vector<SupplierRisk> out;
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), st.opt_i64(2), st.opt_i64(3), st.str(4), st.str(5)});
  return out;
}

void Suppliers::raise_risks(const Questionnaire& q, bool accepted) {
  auto s = supplier(q.org_id, q.supplier_id);
  if (!s) return;
  risk::RiskRepo risks(db_, risk_matrix_, actor_);
  const risk::Matrix& m = risks.matrix(q.org_id);
  auto ans = answers(q.id);
  std::string today = now_().substr(0, 10);
  std::string deadline = add_months(today, s->reassess_months);
  for (const auto& x : q.questions) {
    auto it = ans.find(x.id);
    if (it == ans.end()) continue;
    assess::Status st = it->second.status;
    if (st != assess::Status::not_implemented && st != assess::Status::partial) continue;
    auto [l, i] = risk_position(st, s->criticality, m.likelihoods, m.impacts);
    risk::Risk r;
    r.org_id = q.org_id;
    r.title = "委託先「" + s->name + "」: " + x.id + " が" + assess::to_japanese(st);
    r.threat = "custom";
    r.custom_threat = "委託先の対策不足（質問票 " + std::to_string(q.id) + "）";
    r.description =
        x.text.ja + (it->second.comment.empty() ? "" : "\n委託先の回答: " + it->second.comment);
    r.owner = actor_;
    r.question_ids = {x.id};
    r.inherent_l = r.current_l = r.residual_l = l;
    r.inherent_i = r.current_i = r.residual_i = i;
    r.treatment = accepted ? "reduce" : "";
    r = risks.save_risk(r);
    std::optional<int64_t> plan_id;
    if (accepted) {
      // The six fields (2(1)ウ(ウ)); the wording is Anzen's.
      risk::PlanItem p;
      p.org_id = q.org_id;
      p.target_state =
          "委託先「" + s->name + "」の " + x.id + " が実施済と回答され、承認されている";
      p.actions = "委託先に「" + x.text.ja + "」の対策を求め、実施状況の報告を受ける";
      p.resources = "委託先「" + s->name + "」の対応（契約に基づく）と自組織の確認担当";
      p.owner = actor_;
      p.deadline = deadline;
      p.evaluation_method =
          "次回の委託先評価（質問票）で " + x.id + " が実施済と回答され承認されること";
      p.risk_ids = {r.id};
      p.question_ids = {x.id};
      plan_id = risks.save_plan_item(p).id;
    }
    db_.prepare(
           "INSERT INTO supplier_risks(supplier_id, risk_id, questionnaire_id, question_id, "
           "plan_item_id, linked_at) VALUES (?,?,?,?,?,?)")
        .bind(1, s->id)
        .bind(2, r.id)
        .bind(3, q.id)
        .bind(4, x.id)
        .bind(5, plan_id)
        .bind(6, now_())
        .run();
  }
}

}  // namespace anzen::supplier
