// Risk register with heat map, and the risk-treatment plan with gap-to-plan proposals.
#include "catalog/catalog_dir.h"
#include "risk/repo.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"

namespace anzen::web {
using nlohmann::json;

namespace {
std::string lvl(const Ctx& c, const risk::RiskRepo& repo, int l, int i) {
  const auto& lv = repo.matrix().level(l, i);
  return "<span class=\"badge\" title=\"" + std::to_string(l) + "×" + std::to_string(i) + "\">" + esc(lv.name.in(c.lang)) + " " +
         std::to_string(l) + "×" + std::to_string(i) + "</span>";
}
std::string field(const std::string& id, const std::string& label, const std::string& type = "text", bool required = false) {
  return "<label for=\"" + id + "\">" + esc(label) + "</label><input type=\"" + type + "\" id=\"" + id + "\" name=\"" + id + "\"" +
         (required ? " required" : "") + ">";
}
int num(const Ctx& c, const std::string& name) {
  std::string v = c.param(name);
  if (v.empty() || v.size() > 2 || !std::all_of(v.begin(), v.end(), ::isdigit)) throw std::invalid_argument(name + ": expected a number");
  return std::stoi(v);
}
}  // namespace

void mount_risk_pages(Router& r) {
  r.get("/risks", [](Ctx& c) {
    risk::RiskRepo repo(c.db, c.actor());
    auto risks = repo.risks(c.org());
    std::vector<std::pair<int, int>> pos;
    for (const auto& k : risks) pos.emplace_back(k.current_l, k.current_i);
    std::string b = "<h1>" + esc(c.t("nav.risks")) + "</h1><div class=\"cards\"><div class=\"card\">" + risk::heat_map_svg(repo.matrix(), pos, c.lang) +
                    "<p class=\"muted\">" + (c.lang == "en" ? "Current level: likelihood (rows) × impact (columns)" : "現在のリスク: 発生可能性（行）× 影響度（列）") + "</p></div></div>";
    auto expired = repo.expired_acceptances(c.org(), today_jst());
    if (!expired.empty()) b += "<p class=\"error\">" + std::to_string(expired.size()) + (c.lang == "en" ? " risk acceptance(s) have expired." : " 件のリスク受容が有効期限切れです。") + "</p>";
    b += "<table><thead><tr><th>#</th><th>" + esc(c.t("common.title")) + "</th><th>" + (c.lang == "en" ? "Threat" : "脅威") + "</th><th>" +
         (c.lang == "en" ? "Inherent" : "固有") + "</th><th>" + (c.lang == "en" ? "Current" : "現在") + "</th><th>" + (c.lang == "en" ? "Residual" : "残留") +
         "</th><th>" + (c.lang == "en" ? "Treatment" : "対応") + "</th><th class=\"opt\">" + (c.lang == "en" ? "Risk owner" : "リスクオーナー") + "</th></tr></thead><tbody>";
    for (const auto& k : risks) {
      std::string th = k.threat == "custom" ? k.custom_threat : c.t("threat." + k.threat);
      b += "<tr><td>" + std::to_string(k.id) + "</td><td>" + esc(k.title) + "</td><td>" + esc(th) + "</td><td>" + lvl(c, repo, k.inherent_l, k.inherent_i) + "</td><td>" +
           lvl(c, repo, k.current_l, k.current_i) + "</td><td>" + lvl(c, repo, k.residual_l, k.residual_i) + "</td><td>" + esc(k.treatment) +
           (k.treatment == "accept" ? " (" + esc(k.approver) + ", ≤ " + esc(k.acceptance_expiry) + ")" : "") + "</td><td class=\"opt\">" + esc(k.owner) + "</td></tr>";
    }
    b += "</tbody></table>";
    if (c.user && can_edit(c.user->role)) {
      b += "<h2>" + std::string(c.lang == "en" ? "Add a risk" : "リスクを追加") + "</h2><form method=\"post\" action=\"/risks\">" + csrf_field(c) +
           field("title", c.t("common.title"), "text", true) + "<label for=\"threat\">" + (c.lang == "en" ? "Threat" : "脅威") + "</label><select id=\"threat\" name=\"threat\">";
      for (const char* t : {"cyber_attack", "congestion", "failure_disaster", "info_leak"}) b += std::string("<option value=\"") + t + "\">" + esc(c.t(std::string("threat.") + t)) + "</option>";
      b += "</select>" + field("owner", c.lang == "en" ? "Risk owner" : "リスクオーナー");
      for (const char* stage : {"inherent", "current", "residual"}) {
        for (const char* axis : {"_l", "_i"}) b += field(std::string(stage) + axis, std::string(stage) + (std::string(axis) == "_l" ? " likelihood 1-5" : " impact 1-5"), "number", true);
      }
      b += "<label for=\"treatment\">" + std::string(c.lang == "en" ? "Treatment" : "対応") + "</label><select id=\"treatment\" name=\"treatment\"><option value=\"\">–</option>"
           "<option value=\"reduce\">低減 reduce</option><option value=\"avoid\">回避 avoid</option><option value=\"transfer\">移転・共有 transfer</option><option value=\"accept\">保有・受容 accept</option></select>" +
           field("approver", c.lang == "en" ? "Approver (acceptance)" : "承認者（受容時）") + field("justification", c.lang == "en" ? "Justification" : "理由") +
           field("expiry", c.lang == "en" ? "Acceptance expiry" : "受容の有効期限", "date") + "<p><button type=\"submit\">" + esc(c.t("common.create")) + "</button></p></form>";
    }
    c.html(layout(c, c.t("nav.risks"), b));
  });
  r.post("/risks", [](Ctx& c) {
    c.require_edit();
    risk::RiskRepo repo(c.db, c.actor());
    risk::Risk k;
    k.org_id = c.org();
    k.title = c.param("title");
    k.threat = c.param("threat");
    k.owner = c.param("owner");
    k.inherent_l = num(c, "inherent_l"), k.inherent_i = num(c, "inherent_i");
    k.current_l = num(c, "current_l"), k.current_i = num(c, "current_i");
    k.residual_l = num(c, "residual_l"), k.residual_i = num(c, "residual_i");
    k.treatment = c.param("treatment");
    k.approver = c.param("approver");
    k.justification = c.param("justification");
    k.acceptance_expiry = c.param("expiry");
    repo.save_risk(k);
    c.redirect("/risks");
  });
  r.get("/plan", [](Ctx& c) {
    risk::RiskRepo repo(c.db, c.actor());
    std::string today = today_jst();
    std::string b = "<h1>" + esc(c.t("nav.plan")) + "</h1><table><thead><tr><th>" + (c.lang == "en" ? "Target state" : "目標とする将来像") + "</th><th>" +
                    (c.lang == "en" ? "Actions" : "実施事項") + "</th><th class=\"opt\">" + (c.lang == "en" ? "Resources" : "必要な資源") + "</th><th>" +
                    (c.lang == "en" ? "Owner" : "責任者") + "</th><th>" + (c.lang == "en" ? "Deadline" : "達成期限") + "</th><th class=\"opt\">" +
                    (c.lang == "en" ? "Evaluation" : "結果の評価方法") + "</th><th>" + esc(c.t("common.status")) + "</th></tr></thead><tbody>";
    for (const auto& p : repo.plan(c.org())) {
      bool late = p.deadline < today && p.status != "done" && p.status != "cancelled";
      b += "<tr><td>" + esc(p.target_state) + "</td><td>" + esc(p.actions) + "</td><td class=\"opt\">" + esc(p.resources) + "</td><td>" + esc(p.owner) +
           "</td><td class=\"" + (late ? "overdue" : "") + "\">" + esc(p.deadline) + "</td><td class=\"opt\">" + esc(p.evaluation_method) + "</td><td>" +
           esc(p.status) + " " + std::to_string(p.progress) + "%</td></tr>";
    }
    b += "</tbody></table>";
    auto latest = latest_assessment(c);
    if (latest && c.user && can_edit(c.user->role)) {
      const auto& fw = framework_of(*latest);
      auto props = repo.proposals(*latest, fw);
      b += "<h2>" + std::string(c.lang == "en" ? "Proposed from the gaps of " : "差異からの提案 ") + esc(latest->period) + " (" + std::to_string(props.size()) + ")</h2><table><tbody>";
      for (size_t i = 0; i < props.size() && i < 20; ++i) {
        const auto& p = props[i];
        b += "<tr><td>" + esc(p.question_id) + "</td><td>" + esc(fw.question(p.question_id)->text.in(c.lang)) + "</td><td><form class=\"inline\" method=\"post\" action=\"/plan/accept\">" +
             csrf_field(c) + "<input type=\"hidden\" name=\"question\" value=\"" + esc(p.question_id) + "\"><label class=\"skip\" for=\"o-" + esc(p.question_id) + "\">owner</label><input type=\"text\" id=\"o-" +
             esc(p.question_id) + "\" name=\"owner\" placeholder=\"" + (c.lang == "en" ? "owner" : "責任者") + "\" size=\"10\" required><label class=\"skip\" for=\"d-" + esc(p.question_id) +
             "\">deadline</label><input type=\"date\" id=\"d-" + esc(p.question_id) + "\" name=\"deadline\" required> <button type=\"submit\">" + (c.lang == "en" ? "Accept" : "採用") +
             "</button></form> <form class=\"inline\" method=\"post\" action=\"/plan/reject\">" + csrf_field(c) + "<input type=\"hidden\" name=\"question\" value=\"" +
             esc(p.question_id) + "\"><label class=\"skip\" for=\"r-" + esc(p.question_id) + "\">reason</label><input type=\"text\" id=\"r-" + esc(p.question_id) +
             "\" name=\"reason\" placeholder=\"" + (c.lang == "en" ? "reason" : "理由") + "\" size=\"10\" required> <button class=\"secondary\" type=\"submit\">" +
             (c.lang == "en" ? "Reject" : "不採用") + "</button></form></td></tr>";
      }
      b += "</tbody></table>";
    }
    c.html(layout(c, c.t("nav.plan"), b));
  });
  for (const char* verb : {"accept", "reject"}) {
    r.post(std::string("/plan/") + verb, [verb](Ctx& c) {
      c.require_edit();
      auto latest = latest_assessment(c);
      if (!latest) throw HttpError(404, "no assessment");
      risk::RiskRepo repo(c.db, c.actor());
      if (std::string(verb) == "accept") repo.accept_proposal(*latest, framework_of(*latest), c.param("question"), c.param("owner"), c.param("deadline"));
      else repo.reject_proposal(*latest, c.param("question"), c.param("reason"));
      c.redirect("/plan");
    });
  }
}

}  // namespace anzen::web
