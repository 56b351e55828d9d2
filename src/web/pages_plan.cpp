// The risk-treatment plan (the six fields of 2(1)ウ(ウ)): sortable paged list with a quick
// status/progress update, proposals from the latest gaps (paged, counted as shown), and a page
// per plan item to view, create and edit it.
#include <algorithm>

#include "common/clock.h"
#include "common/vocabulary.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/record_forms.h"
#include "web/records_view.h"
#include "web/router.h"
#include "web/table_view.h"

namespace anzen::web {

namespace {
bool en(const Ctx& c) { return c.lang == "en"; }

risk::PlanItem plan_from_form(const Ctx& c, risk::PlanItem p, FormError& err) {
  p.target_state = c.param("target_state");
  p.actions = c.param("actions");
  p.resources = c.param("resources");
  p.owner = c.param("owner");
  p.deadline = c.param("deadline");
  p.evaluation_method = c.param("evaluation_method");
  p.status = c.param("status");
  p.risk_ids.clear();
  std::string prog = c.param("progress");
  if (prog.empty() || prog.size() > 3 || !std::all_of(prog.begin(), prog.end(), ::isdigit))
    err = {"progress", en(c) ? "Enter a percentage from 0 to 100."
                             : "進捗は 0 から 100 までの数字（%）で入力してください。"};
  else
    p.progress = std::stoi(prog);
  for (const auto& v : c.params("risk_ids")) {
    if (v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), ::isdigit))
      err = {"risk_ids",
             en(c) ? "Choose risks from the list." : "一覧からリスクを選んでください。"};
    else
      p.risk_ids.push_back(std::stoll(v));
  }
  return p;
}

Options plan_statuses(const Ctx& c) {
  Options o;
  for (const auto& s : vocab::codes("planstatus"))
    o.emplace_back(s, vocab::label_or_code("planstatus", s, c.lang));
  return o;
}

std::string plan_form(Ctx& c, risk::RiskRepo& repo, const risk::PlanItem& p, const FormError& e) {
  std::string action = p.id ? "/plan/" + std::to_string(p.id) + "/edit" : "/plan";
  Options risks;
  for (const auto& k : repo.risks(c.org())) risks.emplace_back(std::to_string(k.id), k.title);
  std::set<std::string> linked;
  for (int64_t id : p.risk_ids) linked.insert(std::to_string(id));
  std::string b =
      error_summary(c, e) + "<form method=\"post\" action=\"" + action +
      "\" class=\"record-form\">" + csrf_field(c) +
      text_area("target_state", en(c) ? "Target state" : "目標とする将来像", p.target_state, e) +
      text_area("actions", en(c) ? "Actions" : "実施事項", p.actions, e) +
      "<div class=\"form-grid\">" +
      text_input("resources", en(c) ? "Resources" : "必要な資源", p.resources, e) +
      text_input("owner", en(c) ? "Owner" : "責任者", p.owner, e, "text", true) +
      text_input("deadline", en(c) ? "Deadline" : "達成期限", p.deadline, e, "date", true) +
      "</div>" +
      text_area("evaluation_method", en(c) ? "Evaluation method" : "結果の評価方法",
                p.evaluation_method, e) +
      "<div class=\"form-grid\">" +
      select_input("status", c.t("common.status"), plan_statuses(c), p.status, e) +
      text_input("progress", en(c) ? "Progress (%)" : "進捗（%）", std::to_string(p.progress), e,
                 "number") +
      "</div>" +
      check_boxes("risk_ids", en(c) ? "Risks treated" : "対応するリスク", risks, linked, e);
  return b + form_footer(c, "plan", p.id, "save-plan");
}

risk::PlanItem need_item(Ctx& c, risk::RiskRepo& repo) {
  auto p = repo.plan_item(c.org(), c.path_id(1));
  if (!p) throw HttpError(404, "not found");
  return *p;
}

risk::PlanItem blank_plan(const Ctx&) { return {}; }

std::string status_cell(Ctx& c, const risk::PlanItem& p) {
  std::string label = vocab::label_or_code("planstatus", p.status, c.lang);
  if (!(c.user && can_edit(c.user->role)))
    return esc(label) + " " + std::to_string(p.progress) + "%";
  std::string id = std::to_string(p.id);
  std::string h = "<form class=\"inline\" method=\"post\" action=\"/plan/" + id + "\">" +
                  csrf_field(c) + "<label class=\"vh\" for=\"s-" + id + "\">" +
                  esc(c.t("common.status")) + "</label><select id=\"s-" + id +
                  "\" name=\"status\">";
  for (const auto& [v, l] : plan_statuses(c))
    h += "<option value=\"" + v + "\"" + (p.status == v ? " selected" : "") + ">" + esc(l) +
         "</option>";
  return h + "</select> <label class=\"vh\" for=\"p-" + id + "\">" + (en(c) ? "Progress" : "進捗") +
         "</label><input type=\"number\" min=\"0\" max=\"100\" id=\"p-" + id +
         "\" name=\"progress\" value=\"" + std::to_string(p.progress) +
         "\" class=\"narrow\">% <button type=\"submit\" class=\"secondary\">" +
         esc(c.t("common.save")) + "</button></form>";
}

std::string proposals_section(Ctx& c, risk::RiskRepo& repo) {
  auto latest = latest_assessment(c);
  if (!latest || !c.user || !can_edit(c.user->role)) return "";
  const auto& fw = framework_of(c, *latest);
  auto props = repo.proposals(*latest, assess_service(c).gaps(*latest));
  std::string b = "<h2 id=\"proposals\">" +
                  std::string(en(c) ? "Proposed from the gaps of " : "差異からの提案 ") +
                  esc(latest->period) + "</h2>";
  std::vector<Column> cols = {{"question", c.t("common.id")},
                              {"text", c.t("catalog.questions")},
                              {"priority", en(c) ? "Priority" : "優先度", true},
                              {"do", en(c) ? "Decision" : "採否", false, false}};
  std::vector<Row> rows;
  for (const auto& p : props) {
    std::string q = esc(p.question_id);
    std::string forms =
        "<form class=\"inline\" method=\"post\" action=\"/plan/accept\">" + csrf_field(c) +
        "<input type=\"hidden\" name=\"question\" value=\"" + q +
        "\"><label class=\"vh\" for=\"o-" + q + "\">" + (en(c) ? "Owner" : "責任者") +
        "</label><input type=\"text\" id=\"o-" + q + "\" name=\"owner\" placeholder=\"" +
        (en(c) ? "owner" : "責任者") + "\" size=\"10\" required><label class=\"vh\" for=\"d-" + q +
        "\">" + (en(c) ? "Deadline" : "達成期限") + "</label><input type=\"date\" id=\"d-" + q +
        "\" name=\"deadline\" required> <button type=\"submit\">" + (en(c) ? "Accept" : "採用") +
        "</button></form> <form class=\"inline\" method=\"post\" action=\"/plan/reject\">" +
        csrf_field(c) + "<input type=\"hidden\" name=\"question\" value=\"" + q +
        "\"><label class=\"vh\" for=\"r-" + q + "\">" + (en(c) ? "Reason" : "理由") +
        "</label><input type=\"text\" id=\"r-" + q + "\" name=\"reason\" placeholder=\"" +
        (en(c) ? "reason" : "理由") +
        "\" size=\"10\" required> <button class=\"secondary\" type=\"submit\">" +
        (en(c) ? "Reject" : "不採用") + "</button></form>";
    rows.push_back({{text_cell(p.question_id),
                     text_cell(fw.question(p.question_id)->text.in(c.lang)),
                     number_cell(p.priority),
                     {forms, ""}},
                    ""});
  }
  return b + sorted_table(c, cols, std::move(rows), {"p_", "", false, 20, "", "proposal-table"});
}

void list_page(Ctx& c) {
  risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
  std::string today = c.clock.today_jst();
  std::string b = "<h1>" + esc(c.t("nav.plan")) + "</h1>";
  if (c.user && can_edit(c.user->role))
    b += "<p><a class=\"button\" href=\"/plan/new\" id=\"new-plan\">" +
         std::string(en(c) ? "Add a plan item" : "計画項目を登録") + "</a></p>";
  std::vector<Column> cols = {{"target", en(c) ? "Target state" : "目標とする将来像"},
                              {"actions", en(c) ? "Actions" : "実施事項"},
                              {"owner", en(c) ? "Owner" : "責任者"},
                              {"deadline", en(c) ? "Deadline" : "達成期限"},
                              {"status", c.t("common.status")},
                              {"progress", en(c) ? "Progress" : "進捗", true, true, "opt"}};
  std::vector<Row> rows;
  for (const auto& p : repo.plan(c.org())) {
    bool late = p.deadline < today && p.status != "done" && p.status != "cancelled";
    rows.push_back(
        {{{"<a href=\"/plan/" + std::to_string(p.id) + "\">" + esc(p.target_state) + "</a>",
           p.target_state},
          text_cell(p.actions),
          text_cell(p.owner),
          {"<span class=\"" + std::string(late ? "overdue" : "") + "\">" + esc(p.deadline) +
               "</span>",
           p.deadline},
          {status_cell(c, p), p.status},
          {std::to_string(p.progress) + "%", std::to_string(p.progress)}},
         ""});
  }
  b += sorted_table(c, cols, std::move(rows), {"", "", false, 25, "", "plan-table"}) +
       table_io(c, "plan") + proposals_section(c, repo);
  c.html(layout(c, c.t("nav.plan"), b));
}

void view_page(Ctx& c) {
  risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
  auto p = need_item(c, repo);
  std::string b =
      "<p><a href=\"/plan\">← " + esc(c.t("nav.plan")) + "</a></p><h1>" + esc(p.actions) + "</h1>";
  if (c.user && can_edit(c.user->role))
    b += "<p><a class=\"button\" id=\"edit-plan\" href=\"/plan/" + std::to_string(p.id) +
         "/edit\">" + (en(c) ? "Edit" : "編集") + "</a>" + delete_link(c, "plan", p.id) + "</p>";
  std::string risks, questions;
  for (int64_t id : p.risk_ids) {
    if (auto k = repo.risk(c.org(), id))
      risks += "<a href=\"/risks/" + std::to_string(id) + "\">" + esc(k->title) + "</a> ";
  }
  for (const auto& q : p.question_ids) questions += esc(q) + " ";
  auto row = [](const std::string& dt, const std::string& dd) {
    return "<dt>" + esc(dt) + "</dt><dd>" + dd + "</dd>";
  };
  b += "<dl class=\"record\">" +
       row(en(c) ? "Target state" : "目標とする将来像", esc(p.target_state)) +
       row(en(c) ? "Actions" : "実施事項", esc(p.actions)) +
       row(en(c) ? "Resources" : "必要な資源", esc(p.resources)) +
       row(en(c) ? "Owner" : "責任者", esc(p.owner)) +
       row(en(c) ? "Deadline" : "達成期限", esc(p.deadline)) +
       row(en(c) ? "Evaluation method" : "結果の評価方法", esc(p.evaluation_method)) +
       row(c.t("common.status"), esc(vocab::label_or_code("planstatus", p.status, c.lang)) + " " +
                                     std::to_string(p.progress) + "%") +
       row(en(c) ? "Risks treated" : "対応するリスク", risks) +
       row(en(c) ? "Gaps" : "差異", questions) + "</dl>";
  c.html(layout(c, p.actions, b));
}
}  // namespace

void mount_plan_pages(Router& r) {
  r.get("/plan", list_page);
  r.get(R"(/plan/(\d+))", view_page);
  // The list's quick update: status and progress only.
  r.post(R"(/plan/(\d+))", [](Ctx& c) {
    c.require_edit();
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    auto p = need_item(c, repo);
    p.status = c.param("status");
    std::string prog = c.param("progress");
    if (prog.empty() || prog.size() > 3 || !std::all_of(prog.begin(), prog.end(), ::isdigit))
      throw Invalid("progress", "進捗は 0 から 100 までの数字（%）で入力してください。",
                    "Enter a percentage from 0 to 100.", "out_of_range",
                    "progress: expected 0-100");
    p.progress = std::stoi(prog);
    repo.save_plan_item(p);
    c.redirect("/plan");
  });
  mount_record_forms<risk::PlanItem>(r, {"plan",
                                         "計画項目の登録",
                                         "New plan item",
                                         "計画項目の編集",
                                         "Edit plan item",
                                         {},
                                         &risk::RiskRepo::plan_item,
                                         &risk::RiskRepo::save_plan_item,
                                         blank_plan,
                                         plan_from_form,
                                         plan_form});
}

}  // namespace anzen::web
