#include "assess/json.h"

namespace anzen::assess {
using nlohmann::json;

json to_json(const Assessment& a) {
  return {{"id", a.id},
          {"org", a.org_id},
          {"framework", a.framework},
          {"framework_version", a.framework_version},
          {"role", a.role},
          {"period", a.period},
          {"scope", a.scope},
          {"previous", a.previous_id ? json(*a.previous_id) : json()},
          {"created_at", a.created_at}};
}

json to_json(const Answer& x) {
  return {{"question", x.question_id}, {"status", to_string(x.status)},
          {"na_reason", x.na_reason},  {"maturity", x.maturity ? json(*x.maturity) : json()},
          {"owner", x.owner},          {"due", x.due},
          {"comment", x.comment},      {"updated_at", x.updated_at},
          {"updated_by", x.updated_by}};
}

json to_json(const Gap& g, const catalog::Framework& fw) {
  json reasons = json::array();
  for (const auto& [en, ja] : g.reasons) reasons.push_back({{"en", en}, {"ja", ja}});
  json text;
  if (const auto* q = fw.question(g.question_id)) text = {{"ja", q->text.ja}, {"en", q->text.en}};
  return {{"question", g.question_id},
          {"check", g.check_id},
          {"chapter", g.chapter_id},
          {"status", to_string(g.status)},
          {"priority", g.priority},
          {"reasons", reasons},
          {"text", text}};
}

}  // namespace anzen::assess
