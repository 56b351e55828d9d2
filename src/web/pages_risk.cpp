// Risk register with heat map, and the risk-treatment plan with gap-to-plan proposals.
#include "catalog/catalog_dir.h"
#include "common/xlsx_table.h"
#include "risk/repo.h"
#include "risk/table.h"
#include "web/accounts.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"

namespace anzen::web {
using nlohmann::json;

namespace {
std::string lvl(Ctx& c, risk::RiskRepo& repo, int l, int i) {
  const auto& lv = repo.matrix(c.org()).level(l, i);
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
// Download links and the all-or-nothing import form shared by the register, assets and plan.
std::string table_io(Ctx& c, const std::string& what, bool svg = false) {
  std::string b = "<p>" + std::string(c.lang == "en" ? "Download: " : "ダウンロード: ") + "<a href=\"/" + what + "/export.csv\">CSV</a> · <a href=\"/" + what +
                  "/export.xlsx\">XLSX</a>" + (svg ? " · <a href=\"/" + what + "/export.svg\">SVG</a>" : "") + "</p>";
  if (c.user && can_edit(c.user->role)) {
    b += "<form method=\"post\" action=\"/" + what + "/import\" enctype=\"multipart/form-data\">" + csrf_field(c) + "<label for=\"imp\">" +
         (c.lang == "en" ? "Import (CSV or XLSX, same columns; all rows or none)" : "取り込み（CSV・XLSX、同じ列。全行が正しい場合のみ反映）") +
         "</label><input type=\"file\" id=\"imp\" name=\"file\" accept=\".csv,.xlsx\" required> <button type=\"submit\">" + (c.lang == "en" ? "Import" : "取り込む") +
         "</button></form>";
  }
  return b;
}

struct TableKind {
  const char* path;
  const char* sheet;
  risk::Table (risk::RiskRepo::*table)(int64_t);
  risk::TableImport (*import_fn)(risk::RiskRepo&, store::Db&, int64_t, const std::string&, const std::string&);
};
const std::vector<TableKind>& table_kinds() {
  static const std::vector<TableKind> k = {{"risks", "リスク台帳", &risk::RiskRepo::risks_table, &risk::import_risks},
                                           {"assets", "資産台帳", &risk::RiskRepo::assets_table, &risk::import_assets},
                                           {"plan", "リスク対応計画", &risk::RiskRepo::plan_table, &risk::import_plan}};
  return k;
}
const TableKind& kind_of(const std::string& path) {
  for (const auto& k : table_kinds()) {
    if (path == k.path) return k;
  }
  throw HttpError(404, "not found");
}
}  // namespace

void mount_risk_pages(Router& r) {
  r.get(R"(/(risks|assets|plan)/export\.(csv|xlsx|svg))", [](Ctx& c) {
    const auto& k = kind_of(c.path_arg(1));
    risk::RiskRepo repo(c.db, c.actor());
    std::string fmt = c.path_arg(2);
    c.res.set_header("Content-Disposition", "attachment; filename=\"" + std::string(k.path) + "." + fmt + "\"");
    if (fmt == "csv") return c.res.set_content(risk::to_csv((repo.*k.table)(c.org())), "text/csv; charset=utf-8");
    if (fmt == "svg") {
      if (std::string(k.path) != "risks") throw HttpError(404, "not found");
      std::vector<std::pair<int, int>> pos;
      for (const auto& x : repo.risks(c.org())) pos.emplace_back(x.current_l, x.current_i);
      return c.res.set_content(risk::heat_map_svg(repo.matrix(c.org()), pos, c.lang), "image/svg+xml");
    }
    c.res.set_content(xlsx_workbook_bytes({XlsxSheet{k.sheet, (repo.*k.table)(c.org()), {}}}), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
  r.post(R"(/(risks|assets|plan)/import)", [](Ctx& c) {
    c.require_edit();
    const auto& k = kind_of(c.path_arg(1));
    if (!c.req.has_file("file")) throw std::invalid_argument("file: choose a CSV or XLSX file");
    const auto& f = c.req.get_file_value("file");
    risk::RiskRepo repo(c.db, c.actor());
    std::string b;
    int status = 200;
    try {
      auto res = k.import_fn(repo, c.db, c.org(), f.filename, f.content);
      b = "<p class=\"flash\">" + std::to_string(res.rows) + (c.lang == "en" ? " row(s) read (" : " 行を読み込みました（") + esc(res.encoding) + "): " +
          std::to_string(res.created) + (c.lang == "en" ? " created, " : " 件作成、") + std::to_string(res.updated) + (c.lang == "en" ? " updated." : " 件更新。") + "</p>";
    } catch (const assess::ImportError& e) {
      b = "<div class=\"error\" role=\"alert\"><p>" + std::string(c.lang == "en" ? "Nothing was imported:" : "取り込みは行われませんでした:") + "</p><ul>";
      for (const auto& i : e.issues()) b += "<li>" + esc(i.str()) + "</li>";
      b += "</ul></div>";
      status = 422;
    }
    b += "<p><a href=\"/" + std::string(k.path) + "\">← " + esc(k.sheet) + "</a></p>";
    c.html(layout(c, "import", b), status);
  });
  r.get("/assets", [](Ctx& c) {
    risk::RiskRepo repo(c.db, c.actor());
    auto t = repo.assets_table(c.org());
    std::string b = "<h1>" + std::string(c.lang == "en" ? "Assets" : "資産台帳") + "</h1><table><thead><tr>";
    for (const auto& h : t[0]) b += "<th>" + esc(h) + "</th>";
    b += "</tr></thead><tbody>";
    for (size_t i = 1; i < t.size(); ++i) {
      b += "<tr>";
      for (const auto& v : t[i]) b += "<td>" + esc(v) + "</td>";
      b += "</tr>";
    }
    c.html(layout(c, c.lang == "en" ? "Assets" : "資産台帳", b + "</tbody></table>" + table_io(c, "assets")));
  });
  r.post(R"(/plan/(\d+))", [](Ctx& c) {
    c.require_edit();
    risk::RiskRepo repo(c.db, c.actor());
    auto p = repo.plan_item(c.org(), c.path_id(1));
    if (!p) throw HttpError(404, "not found");
    p->status = c.param("status");
    std::string prog = c.param("progress");
    if (prog.empty() || prog.size() > 3 || !std::all_of(prog.begin(), prog.end(), ::isdigit)) throw std::invalid_argument("progress: expected 0-100");
    p->progress = std::stoi(prog);
    repo.save_plan_item(*p);
    c.redirect("/plan");
  });
  r.get("/risks", [](Ctx& c) {
    risk::RiskRepo repo(c.db, c.actor());
    auto risks = repo.risks(c.org());
    std::vector<std::pair<int, int>> pos;
    for (const auto& k : risks) pos.emplace_back(k.current_l, k.current_i);
    std::string b = "<h1>" + esc(c.t("nav.risks")) + "</h1><div class=\"cards\"><div class=\"card heat\">" + risk::heat_map_svg(repo.matrix(c.org()), pos, c.lang) +
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
    b += "</tbody></table>" + table_io(c, "risks", true) + "<p><a href=\"/assets\">" + (c.lang == "en" ? "Asset inventory" : "資産台帳") + " →</a></p>";
    if (c.user && can_edit(c.user->role)) {
      const auto& m = repo.matrix(c.org());
      b += "<h2>" + std::string(c.lang == "en" ? "Add a risk" : "リスクを追加") + "</h2><form method=\"post\" action=\"/risks\">" + csrf_field(c) +
           field("title", c.t("common.title"), "text", true) + "<label for=\"threat\">" + (c.lang == "en" ? "Threat" : "脅威") + "</label><select id=\"threat\" name=\"threat\">";
      for (const char* t : {"cyber_attack", "congestion", "failure_disaster", "info_leak"}) b += std::string("<option value=\"") + t + "\">" + esc(c.t(std::string("threat.") + t)) + "</option>";
      b += "</select>" + field("owner", c.lang == "en" ? "Risk owner" : "リスクオーナー");
      for (const char* stage : {"inherent", "current", "residual"}) {
        for (const char* axis : {"_l", "_i"}) b += field(std::string(stage) + axis, std::string(stage) + (std::string(axis) == "_l" ? " likelihood 1-" + std::to_string(m.likelihoods) : " impact 1-" + std::to_string(m.impacts)), "number", true);
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
           "</td><td class=\"" + (late ? "overdue" : "") + "\">" + esc(p.deadline) + "</td><td class=\"opt\">" + esc(p.evaluation_method) + "</td><td>";
      if (c.user && can_edit(c.user->role)) {
        std::string id = std::to_string(p.id);
        b += "<form class=\"inline\" method=\"post\" action=\"/plan/" + id + "\">" + csrf_field(c) + "<label class=\"skip\" for=\"s-" + id + "\">status</label><select id=\"s-" +
             id + "\" name=\"status\">";
        for (const char* st : {"planned", "in_progress", "done", "cancelled"}) {
          b += std::string("<option value=\"") + st + "\"" + (p.status == st ? " selected" : "") + ">" + esc(c.t(std::string("plan.") + st)) + "</option>";
        }
        b += "</select><label class=\"skip\" for=\"p-" + id + "\">progress</label><input type=\"number\" min=\"0\" max=\"100\" id=\"p-" + id +
             "\" name=\"progress\" value=\"" + std::to_string(p.progress) + "\" class=\"narrow\">% <button type=\"submit\">" + (c.lang == "en" ? "Save" : "保存") +
             "</button></form>";
      } else {
        b += esc(c.t("plan." + p.status)) + " " + std::to_string(p.progress) + "%";
      }
      b += "</td></tr>";
    }
    b += "</tbody></table>" + table_io(c, "plan");
    auto latest = latest_assessment(c);
    if (latest && c.user && can_edit(c.user->role)) {
      const auto& fw = framework_of(*latest);
      auto props = repo.proposals(*latest, assess_service(c).gaps(*latest));
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
      if (std::string(verb) == "accept")
        repo.accept_proposal(*latest, framework_of(*latest), assess_service(c).gaps(*latest),
                             c.param("question"), c.param("owner"), c.param("deadline"));
      else repo.reject_proposal(*latest, c.param("question"), c.param("reason"));
      c.redirect("/plan");
    });
  }
}

}  // namespace anzen::web
