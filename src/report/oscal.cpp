#include "report/oscal.h"

#include <set>

#include "catalog/export.h"
#include "common/base64.h"
#include "common/clock.h"
#include "common/uuid.h"

namespace anzen::report {
using nlohmann::json;

namespace {
const auto& prop = catalog::oscal_prop;
constexpr const char* kOscalVersion = "1.2.1";

std::string or_now(const std::string& t) { return t.size() >= 20 ? t : utc_now_iso(); }
std::string or_text(const std::string& s, const std::string& fallback) {
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) return s;
  }
  return fallback;
}
// A date (YYYY-MM-DD) as an OSCAL date-time: the end of that day in Japan.
std::string end_of_day(const std::string& date) {
  return date.size() >= 10 ? date.substr(0, 10) + "T23:59:59+09:00" : "";
}

json party(const assess::Organization& org) {
  return {{"uuid", uuid_v5("party:org:" + std::to_string(org.id))},
          {"type", "organization"},
          {"name", or_text(org.name, "organization")}};
}

json metadata(const std::string& title, const std::string& version,
              const assess::Organization& org) {
  return {
      {"title", title},
      {"last-modified", utc_now_iso()},
      {"version", version},
      {"oscal-version", kOscalVersion},
      {"roles", json::array({{{"id", "assessor"}, {"title", "自己点検の実施者 / Self-assessor"}}})},
      {"parties", json::array({party(org)})},
      {"responsible-parties",
       json::array({{{"role-id", "assessor"}, {"party-uuids", {party(org)["uuid"]}}}})}};
}

// The matrix a risk was rated on, as the system of its facets.
std::string matrix_system(const risk::Matrix& m) {
  return "urn:anzen:risk-matrix:" + (m.id.empty() ? std::string("default") : m.id);
}

std::string risk_status(const risk::Risk& r) {
  if (r.treatment == "accept") return "deviation-approved";
  return r.treatment.empty() ? "open" : "remediating";
}

// OSCAL's remediation type for a treatment (NIST's example uses "accept" and "mitigate").
std::string remediation_type(const std::string& treatment) {
  if (treatment == "reduce") return "mitigate";
  return treatment.empty() ? "mitigate" : treatment;  // accept, avoid, transfer
}

// A risk of the register as an OSCAL risk: the current likelihood and impact as facets of
// its characterisation, and (for the POA&M) the plan items treating it as remediations.
json oscal_risk(const std::string& key, const risk::Risk& r, const risk::Matrix& m,
                const std::vector<const risk::PlanItem*>& items, const std::string& party_uuid) {
  std::string sys = matrix_system(m);
  json facets = json::array(
      {{{"name", "likelihood"}, {"system", sys}, {"value", std::to_string(r.current_l)}},
       {{"name", "impact"}, {"system", sys}, {"value", std::to_string(r.current_i)}},
       {{"name", "risk"}, {"system", sys}, {"value", m.level(r.current_l, r.current_i).id}}});
  json props = json::array({prop("threat", r.threat)});
  if (!r.owner.empty()) props.push_back(prop("risk-owner", r.owner));
  json j = {
      {"uuid", uuid_v5(key + ":risk:" + std::to_string(r.id))},
      {"title", or_text(r.title, "risk " + std::to_string(r.id))},
      {"description", or_text(r.description, or_text(r.title, "risk"))},
      {"statement",
       or_text(r.threat == "custom" ? r.custom_threat : catalog::threat_label(r.threat).ja, "—")},
      {"props", props},
      {"status", risk_status(r)},
      {"characterizations",
       json::array({{{"origin",
                      {{"actors", json::array({{{"type", "party"}, {"actor-uuid", party_uuid}}})}}},
                     {"facets", facets}}})}};
  if (r.treatment == "accept" && !or_text(r.justification, "").empty()) {
    j["mitigating-factors"] =
        json::array({{{"uuid", uuid_v5(key + ":risk:" + std::to_string(r.id) + ":accepted")},
                      {"description", r.justification}}});
  }
  std::string deadline;
  json remediations = json::array();
  for (const auto* p : items) {
    if (!p->deadline.empty() && (deadline.empty() || p->deadline < deadline) &&
        p->status != "done" && p->status != "cancelled")
      deadline = p->deadline;
    json rem = {
        {"uuid", uuid_v5(key + ":risk:" + std::to_string(r.id) + ":plan:" + std::to_string(p->id))},
        {"lifecycle", p->status == "done" ? "completed" : "planned"},
        {"title", or_text(p->target_state, "plan item " + std::to_string(p->id))},
        {"description", or_text(p->actions, or_text(p->target_state, "—"))},
        {"props", json::array({{{"name", "type"}, {"value", remediation_type(r.treatment)}},
                               prop("plan-status", p->status),
                               prop("progress", std::to_string(p->progress))})}};
    if (!p->resources.empty())
      rem["required-assets"] =
          json::array({{{"uuid", uuid_v5(key + ":plan:" + std::to_string(p->id) + ":assets")},
                        {"description", p->resources}}});
    if (!p->deadline.empty()) {
      json task = {{"uuid", uuid_v5(key + ":plan:" + std::to_string(p->id) + ":milestone")},
                   {"type", "milestone"},
                   {"title", "期限 / Deadline " + p->deadline},
                   {"timing", {{"on-date", {{"date", end_of_day(p->deadline)}}}}}};
      if (!p->evaluation_method.empty()) task["description"] = p->evaluation_method;
      if (!p->owner.empty()) task["remarks"] = "担当 / Owner: " + p->owner;
      rem["tasks"] = json::array({task});
    }
    remediations.push_back(rem);
  }
  if (!deadline.empty()) j["deadline"] = end_of_day(deadline);
  if (!remediations.empty()) j["remediations"] = remediations;
  return j;
}

json evidence_resource(const std::string& key, const assess::Assessment& a,
                       const assess::Evidence& e) {
  json rlink;
  if (!e.url.empty()) {
    rlink = {{"href", e.url}};
  } else {
    rlink = {
        {"href", "/assessments/" + std::to_string(a.id) + "/evidence/" + std::to_string(e.id)}};
    if (!e.mime.empty()) rlink["media-type"] = e.mime;
  }
  if (!e.sha256.empty())
    rlink["hashes"] = json::array({{{"algorithm", "SHA-256"}, {"value", e.sha256}}});
  json res = {{"uuid", uuid_v5(key + ":evidence:" + std::to_string(e.id))},
              {"title", or_text(e.filename.empty() ? e.url : e.filename, "evidence")},
              {"rlinks", json::array({rlink})}};
  json props = json::array({prop("question-id", e.question_id)});
  if (!e.evidence_date.empty()) props.push_back(prop("evidence-date", e.evidence_date));
  if (!e.expires_on.empty()) props.push_back(prop("expires-on", e.expires_on));
  res["props"] = props;
  return res;
}

// What a self-check reviews: every checklist row of the framework, with its objectives.
json control_selection(const std::vector<const catalog::Item*>& checks) {
  json ids = json::array();
  for (const auto* c : checks) ids.push_back({{"control-id", catalog::oscal_id(*c)}});
  if (ids.empty()) return json::array({{{"description", "なし / none"}}});
  return json::array({{{"include-controls", ids}}});
}

std::string plan_uuid(const ReportData& d) {
  return uuid_v5("assessment:" + std::to_string(d.assessment.id) + ":ap");
}
}  // namespace

json assessment_plan(const ReportData& d) {
  const auto& a = d.assessment;
  std::string key = "assessment:" + std::to_string(a.id);
  std::string fw = d.fw->id + "@" + d.fw->version;
  std::string ssp = uuid_v5(key + ":ssp");
  json objectives = json::array();
  for (const auto* c : d.fw->checks()) {
    for (const auto& q : c->questions)
      objectives.push_back({{"objective-id", catalog::oscal_objective_id(*c, q)}});
  }
  std::string activity = uuid_v5(key + ":activity");
  json plan = {
      {"uuid", plan_uuid(d)},
      {"metadata",
       metadata("自己点検計画 " + d.org.name + " " + a.period + " / Self-assessment plan",
                std::to_string(a.id), d.org)},
      {"import-ssp",
       {{"href", "#" + ssp},
        {"remarks",
         "No system security plan: the organisation assesses itself against " + fw + "."}}},
      {"local-definitions",
       {{"activities",
         json::array({{{"uuid", activity},
                       {"title", "チェックシートによる自己点検 / Self-check against the checklist"},
                       {"description", "Each question of " + fw +
                                           " is answered (implemented, partial, not implemented, "
                                           "not applicable) with evidence."},
                       {"props", json::array({{{"name", "method"}, {"value", "EXAMINE"}},
                                              {{"name", "method"}, {"value", "INTERVIEW"}}})}}})}}},
      {"terms-and-conditions",
       {{"parts",
         json::array({{{"name", "assessment-period"},
                       {"ns", catalog::kOscalNs},
                       {"title", "Period"},
                       {"prose", a.period + " (" + d.fy_start + " – " + d.fy_last + ")"}}})}}},
      {"reviewed-controls", {{"control-selections", control_selection(d.fw->checks())}}},
      {"assessment-subjects",
       json::array({{{"type", "party"},
                     {"include-subjects", json::array({{{"subject-uuid", party(d.org)["uuid"]},
                                                        {"type", "party"}}})}}})},
      {"tasks",
       json::array(
           {{{"uuid", uuid_v5(key + ":task")},
             {"type", "action"},
             {"title", "自己点検 " + a.period + " / Self-assessment " + a.period},
             {"associated-activities",
              json::array({{{"activity-uuid", activity},
                            {"subjects", json::array({{{"type", "party"},
                                                       {"include-all", json::object()}}})}}})}}})},
      {"back-matter",
       {{"resources",
         json::array({{{"uuid", ssp},
                       {"title", "Framework " + fw},
                       {"description", d.fw->title.ja + " / " + d.fw->title.en},
                       {"props", json::array({prop("framework", fw), prop("role", a.role),
                                              prop("organization-kind", d.org.kind)})}}})}}}};
  if (!objectives.empty())
    plan["reviewed-controls"]["control-objective-selections"] =
        json::array({{{"include-objectives", objectives}}});
  return {{"assessment-plan", plan}};
}

json assessment_results(const ReportData& d) {
  const auto& a = d.assessment;
  std::string key = "assessment:" + std::to_string(a.id);
  std::string org_uuid = party(d.org)["uuid"];
  json observations = json::array(), findings = json::array(), resources = json::array(),
       risks = json::array();
  std::map<std::string, std::vector<const assess::Evidence*>> ev;
  for (const auto& e : d.evidence) {
    ev[e.question_id].push_back(&e);
    resources.push_back(evidence_resource(key, a, e));
  }
  // The risks of the register that cite a question are the risks of its finding.
  std::map<std::string, std::vector<std::string>> risks_of;
  for (const auto& r : d.risks) {
    json oj = oscal_risk(key, r, d.matrix, {}, org_uuid);
    for (const auto& q : r.question_ids) risks_of[q].push_back(oj["uuid"]);
    risks.push_back(std::move(oj));
  }
  std::string last = a.created_at;
  std::vector<const catalog::Item*> assessed;
  for (const auto* c : d.fw->checks()) {
    bool answered = false;
    for (const auto& q : c->questions) {
      auto it = d.answers.find(q.id);
      assess::Status st = it == d.answers.end() ? assess::Status::unanswered : it->second.status;
      answered = answered || st != assess::Status::unanswered;
      std::string obs_uuid = uuid_v5(key + ":obs:" + q.id);
      json props = json::array({prop("question-id", q.id), prop("status", assess::to_string(st))});
      std::string desc = assess::to_japanese(st) + " / " + assess::to_string(st);
      std::string collected = or_now(a.created_at);
      json o = {{"uuid", obs_uuid},
                {"title", q.id},
                {"methods", {"EXAMINE"}},
                {"types", {"control-objective"}},
                {"subjects", json::array({{{"subject-uuid", org_uuid}, {"type", "party"}}})}};
      if (it != d.answers.end()) {
        if (it->second.maturity)
          props.push_back(prop("maturity", std::to_string(*it->second.maturity)));
        if (!it->second.owner.empty()) props.push_back(prop("owner", it->second.owner));
        if (!it->second.due.empty()) props.push_back(prop("due", it->second.due));
        if (!or_text(it->second.comment, "").empty()) o["remarks"] = it->second.comment;
        if (!it->second.na_reason.empty())
          desc += "\n\n対象外の理由 / reason not applicable: " + it->second.na_reason;
        collected = or_now(it->second.updated_at);
        if (it->second.updated_at > last) last = it->second.updated_at;
      }
      o["description"] = desc;
      o["props"] = props;
      o["collected"] = collected;
      json rel = json::array();
      for (const auto* e : ev[q.id]) {
        std::string what = e->filename.empty() ? e->url : e->filename;
        if (!e->sha256.empty()) what += " (SHA-256 " + e->sha256 + ")";
        rel.push_back({{"href", "#" + uuid_v5(key + ":evidence:" + std::to_string(e->id))},
                       {"description", or_text(what, "evidence")}});
      }
      if (!rel.empty()) o["relevant-evidence"] = rel;
      observations.push_back(o);
      std::string state = st == assess::Status::implemented || st == assess::Status::not_applicable
                              ? "satisfied"
                              : "not-satisfied";
      json target = {{"type", "objective-id"},
                     {"target-id", catalog::oscal_objective_id(*c, q)},
                     {"status", {{"state", state}, {"reason", assess::to_string(st)}}}};
      json f = {{"uuid", uuid_v5(key + ":finding:" + q.id)},
                {"title", q.id + " " + q.text.ja},
                {"description", or_text(q.text.en.empty() ? q.text.ja : q.text.en, q.id)},
                {"target", target},
                {"related-observations", {{{"observation-uuid", obs_uuid}}}}};
      json fr = json::array();
      for (const auto& u : risks_of[q.id]) fr.push_back({{"risk-uuid", u}});
      if (!fr.empty()) f["related-risks"] = fr;
      findings.push_back(f);
    }
    if (answered) assessed.push_back(c);
  }
  json result = {
      {"uuid", uuid_v5(key + ":result")},
      {"title", "自己点検 " + a.period + " / Self-assessment " + a.period},
      {"description", d.fw->title.ja + " (" + d.fw->id + "@" + d.fw->version + "), " + a.role +
                          ", " + or_text(d.org.name, "—")},
      {"start", or_now(a.created_at)},
      {"end", or_now(last)},
      {"props", json::array({prop("framework", d.fw->id + "@" + d.fw->version),
                             prop("role", a.role), prop("period", a.period),
                             prop("coverage", d.coverage ? std::to_string(*d.coverage) : "none")})},
      {"reviewed-controls", {{"control-selections", control_selection(assessed)}}},
      {"observations", observations},
      {"findings", findings}};
  if (!risks.empty()) result["risks"] = risks;
  // The plan the results follow travels with them, and is also what
  // `anzen assess export ID --format oscal-plan` writes.
  std::string plan_res = uuid_v5(key + ":ap-resource");
  resources.push_back(
      {{"uuid", plan_res},
       {"title", "自己点検計画 / Assessment plan " + a.period},
       {"rlinks",
        json::array({{{"href", "/assessments/" + std::to_string(a.id) + "/oscal-plan.json"},
                      {"media-type", "application/oscal.ap+json"}}})},
       {"base64",
        {{"filename", "assessment-plan-" + std::to_string(a.id) + ".json"},
         {"media-type", "application/oscal.ap+json"},
         {"value", base64_encode(assessment_plan(d).dump())}}}});
  return {{"assessment-results",
           {{"uuid", uuid_v5(key + ":ar:" + or_now(last))},
            {"metadata",
             metadata("自己点検結果 " + d.org.name + " " + a.period + " / Self-assessment results",
                      std::to_string(a.id) + "-" + or_now(last), d.org)},
            {"import-ap", {{"href", "#" + plan_res}}},
            {"results", {result}},
            {"back-matter", {{"resources", resources}}}}}};
}

json poam(const assess::Organization& org, const std::vector<risk::PlanItem>& plan,
          const std::vector<risk::Risk>& risks, const risk::Matrix& m) {
  std::string key = "poam:org:" + std::to_string(org.id);
  std::string org_uuid = party(org)["uuid"];
  json items = json::array(), oscal_risks = json::array();
  std::map<int64_t, std::string> risk_uuid;
  std::map<int64_t, std::vector<const risk::PlanItem*>> treating;
  for (const auto& p : plan) {
    for (int64_t rid : p.risk_ids) treating[rid].push_back(&p);
  }
  for (const auto& r : risks) {
    json oj = oscal_risk(key, r, m, treating[r.id], org_uuid);
    risk_uuid[r.id] = oj["uuid"];
    oscal_risks.push_back(std::move(oj));
  }
  for (const auto& p : plan) {
    json props =
        json::array({prop("plan-status", p.status), prop("progress", std::to_string(p.progress))});
    if (!p.evaluation_method.empty())
      props.push_back(prop("evaluation-method", p.evaluation_method));
    for (const auto& q : p.question_ids) props.push_back(prop("question-id", q));
    json item = {{"uuid", uuid_v5(key + ":item:" + std::to_string(p.id))},
                 {"title", or_text(p.target_state, "plan item " + std::to_string(p.id))},
                 {"description", or_text(p.actions, or_text(p.target_state, "—"))},
                 {"props", props}};
    json rel = json::array();
    for (int64_t rid : p.risk_ids) {
      if (risk_uuid.count(rid)) rel.push_back({{"risk-uuid", risk_uuid[rid]}});
    }
    if (!rel.empty()) item["related-risks"] = rel;
    if (!p.owner.empty())
      item["remarks"] = "担当 / Owner: " + p.owner +
                        (p.deadline.empty() ? "" : "\n\n期限 / Deadline: " + p.deadline);
    items.push_back(item);
  }
  json doc = {
      {"uuid", uuid_v4()},  // a new document every time: OSCAL wants a new uuid for each revision
      {"metadata", metadata("リスク対応計画 " + org.name + " / Risk treatment plan",
                            std::to_string(plan.size()) + " items", org)},
      {"system-id",
       {{"identifier-type", "urn:anzen:organization-id"}, {"id", std::to_string(org.id)}}},
      {"poam-items", items}};
  if (!oscal_risks.empty()) doc["risks"] = oscal_risks;
  return {{"plan-of-action-and-milestones", doc}};
}

}  // namespace anzen::report
