#include "risk/json.h"

namespace anzen::risk {
using nlohmann::json;

json to_json(const Asset& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"kind", a.kind},
          {"owner", a.owner},
          {"c", a.c},
          {"i", a.i},
          {"a", a.a},
          {"services", a.services},
          {"suppliers", a.suppliers},
          {"depends_on", a.depends_on}};
}

json to_json(const Risk& r, const Matrix& m) {
  auto lv = [&](int l, int i) {
    return json{{"likelihood", l}, {"impact", i}, {"level", m.level(l, i).id}};
  };
  return {{"id", r.id},
          {"title", r.title},
          {"threat", r.threat},
          {"custom_threat", r.custom_threat},
          {"description", r.description},
          {"owner", r.owner},
          {"asset_ids", r.asset_ids},
          {"services", r.services},
          {"question_ids", r.question_ids},
          {"inherent", lv(r.inherent_l, r.inherent_i)},
          {"current", lv(r.current_l, r.current_i)},
          {"residual", lv(r.residual_l, r.residual_i)},
          {"treatment", r.treatment},
          {"approver", r.approver},
          {"justification", r.justification},
          {"acceptance_expiry", r.acceptance_expiry}};
}

json to_json(const PlanItem& p) {
  return {{"id", p.id},
          {"target_state", p.target_state},
          {"actions", p.actions},
          {"resources", p.resources},
          {"owner", p.owner},
          {"deadline", p.deadline},
          {"evaluation_method", p.evaluation_method},
          {"status", p.status},
          {"progress", p.progress},
          {"risk_ids", p.risk_ids},
          {"question_ids", p.question_ids}};
}

}  // namespace anzen::risk
