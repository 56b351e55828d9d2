#include "report/oscal.h"

#include "catalog/export.h"
#include "common/clock.h"
#include "common/uuid.h"

namespace anzen::report {
using nlohmann::json;

namespace {
const auto& prop = catalog::oscal_prop;
std::string or_now(const std::string& t) { return t.size() >= 20 ? t : utc_now_iso(); }
json party(const assess::Organization& org) {
  return {{"uuid", uuid_v5("party:org:" + std::to_string(org.id))}, {"type", "organization"}, {"name", org.name.empty() ? "organization" : org.name}};
}
}  // namespace

json assessment_results(const ReportData& d) {
  const auto& a = d.assessment;
  std::string key = "assessment:" + std::to_string(a.id);
  json observations = json::array(), findings = json::array();
  std::map<std::string, std::vector<const assess::Evidence*>> ev;
  for (const auto& e : d.evidence) ev[e.question_id].push_back(&e);
  std::string last = a.created_at;
  for (const auto* c : d.fw->checks()) {
    for (size_t k = 0; k < c->questions.size(); ++k) {
      const auto& q = c->questions[k];
      auto it = d.answers.find(q.id);
      assess::Status st = it == d.answers.end() ? assess::Status::unanswered : it->second.status;
      std::string obs_uuid = uuid_v5(key + ":obs:" + q.id);
      json props = json::array({prop("question-id", q.id), prop("status", assess::to_string(st))});
      std::string desc = assess::to_japanese(st) + " / " + assess::to_string(st);
      std::string collected = or_now(a.created_at);
      if (it != d.answers.end()) {
        if (it->second.maturity) props.push_back(prop("maturity", std::to_string(*it->second.maturity)));
        if (!it->second.owner.empty()) props.push_back(prop("owner", it->second.owner));
        if (!it->second.due.empty()) props.push_back(prop("due", it->second.due));
        if (!it->second.comment.empty()) desc += "\n\n" + it->second.comment;
        if (!it->second.na_reason.empty()) desc += "\n\n対象外の理由 / reason not applicable: " + it->second.na_reason;
        collected = or_now(it->second.updated_at);
        if (it->second.updated_at > last) last = it->second.updated_at;
      }
      json o = {{"uuid", obs_uuid}, {"title", q.id}, {"description", desc}, {"props", props}, {"methods", {"EXAMINE"}}, {"types", {"control-objective"}}, {"collected", collected}};
      json rel = json::array();
      for (const auto* e : ev[q.id]) {
        json r = {{"description", (e->filename.empty() ? e->url : e->filename) + " (sha256 " + e->sha256 + ")"}};
        if (!e->url.empty()) r["href"] = e->url;
        rel.push_back(r);
      }
      if (!rel.empty()) o["relevant-evidence"] = rel;
      observations.push_back(o);
      std::string state = st == assess::Status::implemented || st == assess::Status::not_applicable ? "satisfied" : "not-satisfied";
      json target = {{"type", "objective-id"},
                     {"target-id", catalog::oscal_id(*c) + "_q" + std::to_string(k + 1)},
                     {"status", {{"state", state}, {"reason", assess::to_string(st)}}}};
      findings.push_back({{"uuid", uuid_v5(key + ":finding:" + q.id)},
                          {"title", q.id + " " + q.text.ja},
                          {"description", q.text.en.empty() ? q.text.ja : q.text.en},
                          {"target", target},
                          {"related-observations", {{{"observation-uuid", obs_uuid}}}}});
    }
  }
  json result = {{"uuid", uuid_v5(key + ":result")},
                 {"title", "自己点検 " + a.period + " / Self-assessment " + a.period},
                 {"description", d.fw->title.ja + " (" + d.fw->id + "@" + d.fw->version + "), " + a.role + ", " + d.org.name},
                 {"start", or_now(a.created_at)},
                 {"end", or_now(last)},
                 {"props", json::array({prop("framework", d.fw->id + "@" + d.fw->version), prop("role", a.role), prop("period", a.period),
                                        prop("coverage", d.coverage ? std::to_string(*d.coverage) : "none")})},
                 {"reviewed-controls", {{"control-selections", {{{"include-all", json::object()}}}}}},
                 {"observations", observations},
                 {"findings", findings}};
  json meta = {{"title", "自己点検結果 " + d.org.name + " " + a.period + " / Self-assessment results"},
               {"last-modified", utc_now_iso()},
               {"version", std::to_string(a.id) + "-" + or_now(last)},
               {"oscal-version", "1.2.1"},
               {"parties", {party(d.org)}}};
  return {{"assessment-results",
           {{"uuid", uuid_v5(key + ":ar:" + or_now(last))},
            {"metadata", meta},
            {"import-ap", {{"href", "#assessment-plan-" + std::to_string(a.id)},
                           {"remarks", "The assessment plan is the framework's own self-check (" + d.fw->id + "@" + d.fw->version + ")."}}},
            {"results", {result}}}}};
}

json poam(const assess::Organization& org, const std::vector<risk::PlanItem>& plan, const std::vector<risk::Risk>& risks, const risk::Matrix& m) {
  std::string key = "poam:org:" + std::to_string(org.id);
  json items = json::array(), oscal_risks = json::array();
  std::map<int64_t, std::string> risk_uuid;
  for (const auto& r : risks) {
    risk_uuid[r.id] = uuid_v5(key + ":risk:" + std::to_string(r.id));
    json rp = json::array({prop("threat", r.threat), prop("likelihood", std::to_string(r.current_l)), prop("impact", std::to_string(r.current_i)),
                           prop("level", m.level(r.current_l, r.current_i).id)});
    if (!r.treatment.empty()) rp.push_back(prop("treatment", r.treatment));
    if (!r.owner.empty()) rp.push_back(prop("risk-owner", r.owner));
    oscal_risks.push_back({{"uuid", risk_uuid[r.id]},
                           {"title", r.title},
                           {"description", r.description.empty() ? r.title : r.description},
                           {"statement", r.threat == "custom" ? r.custom_threat : catalog::threat_label(r.threat).ja},
                           {"props", rp},
                           {"status", r.treatment == "accept" ? "deviation-approved" : r.treatment.empty() ? "open" : "investigating"}});
  }
  for (const auto& p : plan) {
    json props = json::array({prop("owner", p.owner), prop("deadline", p.deadline), prop("status", p.status), prop("progress", std::to_string(p.progress))});
    if (!p.resources.empty()) props.push_back(prop("resources", p.resources));
    props.push_back(prop("evaluation-method", p.evaluation_method));
    for (const auto& q : p.question_ids) props.push_back(prop("question-id", q));
    json item = {{"uuid", uuid_v5(key + ":item:" + std::to_string(p.id))}, {"title", p.target_state}, {"description", p.actions}, {"props", props}};
    json rel = json::array();
    for (int64_t rid : p.risk_ids) {
      if (risk_uuid.count(rid)) rel.push_back({{"risk-uuid", risk_uuid[rid]}});
    }
    if (!rel.empty()) item["related-risks"] = rel;
    items.push_back(item);
  }
  json meta = {{"title", "リスク対応計画 " + org.name + " / Risk treatment plan"},
               {"last-modified", utc_now_iso()},
               {"version", std::to_string(plan.size()) + " items"},
               {"oscal-version", "1.2.1"},
               {"parties", {party(org)}}};
  json doc = {{"uuid", uuid_v4()}, {"metadata", meta}, {"system-id", {{"identifier-type", "urn:anzen:organization-id"}, {"id", std::to_string(org.id)}}},
              {"poam-items", items}};
  if (!oscal_risks.empty()) doc["risks"] = oscal_risks;
  return {{"plan-of-action-and-milestones", doc}};
}

}  // namespace anzen::report
