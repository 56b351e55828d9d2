#include "supplier/view.h"

#include "common/vocabulary.h"

namespace anzen::supplier {
using nlohmann::json;

namespace {
json text_json(const catalog::Text& t) { return {{"ja", t.ja}, {"en", t.en}}; }
// An answer's status in both languages, from the one vocabulary (never the code as the label).
json status_label(assess::Status s) {
  std::string code = assess::to_string(s);
  return {{"ja", vocab::label_or_code("status", code, "ja")},
          {"en", vocab::label_or_code("status", code, "en")}};
}
}  // namespace

json supplier_json(const Supplier& s) {
  return {{"id", s.id},
          {"org_id", s.org_id},
          {"name", s.name},
          {"corporate_number", s.corporate_number},
          {"contact", s.contact},
          {"services", s.services},
          {"contract_start", s.contract_start},
          {"contract_end", s.contract_end},
          {"criticality", s.criticality},
          {"criticality_label", text_json(criticality_label(s.criticality))},
          {"maker_org_id", s.maker_org_id ? json(*s.maker_org_id) : json(nullptr)},
          {"created_at", s.created_at},
          {"reassess_months", s.reassess_months}};
}

json questionnaire_json(const Questionnaire& q, const QAnswers& answers, bool for_portal) {
  json qs = json::array();
  json ans = json::object();
  int answered = 0;
  for (const auto& x : q.questions) {
    auto it = answers.find(x.id);
    QAnswer a = it == answers.end() ? QAnswer{} : it->second;
    if (it != answers.end()) ++answered;
    json one = {{"id", x.id},
                {"framework", x.framework},
                {"item", x.item},
                {"text", text_json(x.text)},
                {"source", x.source},
                {"custom", x.framework.empty()},
                {"status", assess::to_string(a.status)},
                {"status_label", status_label(a.status)},
                {"comment", a.comment},
                {"review_comment", a.review_comment}};
    qs.push_back(one);
    if (it != answers.end()) {
      ans[x.id] = {{"status", assess::to_string(a.status)},
                   {"comment", a.comment},
                   {"review_comment", a.review_comment},
                   {"updated_at", a.updated_at},
                   {"updated_by", a.updated_by}};
    }
  }
  json j = {{"id", q.id},
            {"template", q.tmpl},
            {"status", to_string(q.status)},
            {"status_label", text_json(label(q.status))},
            {"due", q.due},
            {"answerable", answerable(q.status)},
            {"answered", answered},
            {"total", q.questions.size()},
            {"questions", qs},
            {"answers", ans},
            {"created_at", q.created_at},
            {"updated_at", q.updated_at}};
  if (!for_portal) {
    j["org_id"] = q.org_id;
    j["supplier_id"] = q.supplier_id;
    j["snapshot_id"] = q.snapshot_id ? json(*q.snapshot_id) : json(nullptr);
  }
  return j;
}

json history_json(const std::vector<Event>& events) {
  json a = json::array();
  for (const auto& e : events)
    a.push_back({{"at", e.at},
                 {"actor", e.actor},
                 {"action", e.action},
                 {"question_id", e.question_id},
                 {"detail", e.detail}});
  return a;
}

json snapshot_json(const Snapshot& s) {
  return {{"id", s.id},
          {"maker_org_id", s.maker_org_id},
          {"questionnaire_id", s.questionnaire_id},
          {"version", s.version},
          {"created_at", s.created_at},
          {"questions", s.doc.value("questions", json::array())}};
}

json share_json(const Share& s) {
  return {{"id", s.id},
          {"snapshot_id", s.snapshot_id},
          {"operator_org_id", s.operator_org_id},
          {"granted_at", s.granted_at},
          {"granted_by", s.granted_by},
          {"revoked_at", s.revoked_at ? json(*s.revoked_at) : json(nullptr)}};
}

json read_json(const ShareRead& r) {
  return {{"share_id", r.share_id},
          {"snapshot_id", r.snapshot_id},
          {"operator_org_id", r.operator_org_id},
          {"reader", r.reader},
          {"at", r.at}};
}

json reassessment_json(const Reassessment& r) {
  std::string st = to_string(r.state);
  return {{"supplier_id", r.supplier.id},
          {"name", r.supplier.name},
          {"reassess_months", r.supplier.reassess_months},
          {"last_accepted", r.last_accepted},
          {"due", r.due},
          {"state", st},
          {"state_label",
           {{"ja", vocab::label_or_code("recurrence", st, "ja")},
            {"en", vocab::label_or_code("recurrence", st, "en")}}}};
}

json contract_json(const Contract& k, const std::vector<Clause>& clauses,
                   const std::map<std::string, ClauseState>& states) {
  json cl = json::array();
  for (const auto& c : clauses) {
    auto it = states.find(c.item_id);
    ClauseState s = it == states.end() ? ClauseState{} : it->second;
    cl.push_back({{"item", c.item_id},
                  {"title", text_json(c.title)},
                  {"text", text_json(c.text)},
                  {"source", c.source},
                  {"status", assess::to_string(s.status)},
                  {"status_label", status_label(s.status)},
                  {"evidence", s.evidence},
                  {"updated_at", s.updated_at},
                  {"updated_by", s.updated_by}});
  }
  return {{"id", k.id},
          {"supplier_id", k.supplier_id},
          {"title", k.title},
          {"signed_on", k.signed_on},
          {"starts_on", k.starts_on},
          {"ends_on", k.ends_on},
          {"created_at", k.created_at},
          {"clauses", cl}};
}

json supplier_detail_json(Suppliers& svc, const Supplier& x, const std::string& today) {
  json j = supplier_json(x);
  for (const auto& r : svc.reassessments(x.org_id, today)) {
    if (r.supplier.id == x.id) j["reassessment"] = reassessment_json(r);
  }
  j["asset_ids"] = svc.linked_assets(x.org_id, x.id);
  json risks = json::array();
  for (const auto& l : svc.supplier_risks(x.org_id, x.id))
    risks.push_back({{"risk_id", l.risk_id},
                     {"questionnaire_id", l.questionnaire_id ? json(*l.questionnaire_id) : json()},
                     {"question_id", l.question_id},
                     {"plan_item_id", l.plan_item_id ? json(*l.plan_item_id) : json()}});
  j["risks"] = risks;
  json ks = json::array();
  for (const auto& k : svc.contracts(x.org_id, x.id))
    ks.push_back({{"id", k.id}, {"title", k.title}});
  j["contracts"] = ks;
  return j;
}

}  // namespace anzen::supplier
