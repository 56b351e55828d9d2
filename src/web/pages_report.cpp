// Reports of an assessment: downloads in every format, the statement of applicability's
// adoption decisions and the disclosure report's editable sections, and OSCAL exports.
#include "report/data.h"
#include "report/decisions.h"
#include "report/disclosure.h"
#include "report/oscal.h"
#include "report/render.h"
#include "report/soa.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"

namespace anzen::web {

namespace {
std::string base(int64_t id) { return "/assessments/" + std::to_string(id); }

std::string reports_page(Ctx& c, const assess::Assessment& a) {
  bool en = c.lang == "en";
  auto svc = assess_service(c);
  auto d = report::gather(svc, c.catalogs.rules(), c.catalogs.risk_matrix(), a.id, c.org());
  std::string b = "<h1>" + esc(c.t("nav.reports")) + " — " + esc(a.period) + "</h1><table><thead><tr><th>" + (en ? "Report" : "報告書") + "</th><th>" +
                  (en ? "Download" : "ダウンロード") + "</th></tr></thead><tbody>";
  for (const auto& k : report::report_kinds()) {
    b += "<tr><td>" + esc(en ? k.en : k.ja) + "</td><td>";
    for (const auto& f : k.formats) {
      b += "<a href=\"" + base(a.id) + "/reports/" + k.id + "." + f + "?lang=" + c.lang + "\">" + f + "</a> ";
    }
    b += "</td></tr>";
  }
  b += "<tr><td>OSCAL assessment-results</td><td><a href=\"" + base(a.id) + "/oscal.json\">json</a></td></tr>"
       "<tr><td>OSCAL assessment-plan</td><td><a href=\"" + base(a.id) + "/oscal-plan.json\">json</a></td></tr>"
       "<tr><td>OSCAL POA&amp;M (" + std::string(en ? "treatment plan" : "リスク対応計画") + ")</td><td><a href=\"/plan/oscal.json\">json</a></td></tr></tbody></table>";
  bool edit = c.user && can_edit(c.user->role);
  // Disclosure: every section editable; an empty box goes back to the generated text.
  report::Decisions dec(c.db, c.actor());
  b += "<h2>" + std::string(en ? "Information security report: sections" : "情報セキュリティ報告書の記載内容") + "</h2>";
  if (edit) b += "<form method=\"post\" action=\"" + base(a.id) + "/disclosure\">" + csrf_field(c);
  for (const auto& s : report::disclosure_sections(d, dec.texts(a.id, "disclosure"), c.lang)) {
    std::string id = "sec-" + s.key;
    b += "<label for=\"" + id + "\">" + s.key + ". " + esc(s.heading.in(c.lang)) + (s.edited ? (en ? " (edited)" : "（編集済）") : "") + "</label>";
    if (edit) b += "<textarea id=\"" + id + "\" name=\"" + id + "\" rows=\"3\">" + esc(s.edited ? s.text : "") + "</textarea><p class=\"muted\">" + esc(s.generated) + "</p>";
    else b += "<p>" + esc(s.text) + "</p>";
  }
  if (edit) b += "<p class=\"muted\">" + std::string(en ? "Leave a box empty to use the text generated from the data (shown below it)." : "空欄の場合はデータから生成した文（各欄の下）を使います。") +
                 "</p><button type=\"submit\">" + esc(c.t("common.save")) + "</button></form>";
  // Statement of applicability: adoption per item.
  b += "<h2>" + std::string(en ? "Statement of applicability" : "適用宣言書") + "</h2>";
  auto rows = report::soa_rows(d, dec.soa(a.id), c.lang);
  if (edit) {
    b += "<form method=\"post\" action=\"" + base(a.id) + "/soa\">" + csrf_field(c) + "<label for=\"soa-item\">" + (en ? "Item" : "対策項目") +
         "</label><select id=\"soa-item\" name=\"item\">";
    for (const auto& r : rows) b += "<option value=\"" + esc(r.item_id) + "\">" + esc(r.item_id + " " + r.title) + "</option>";
    b += "</select><label for=\"soa-adopted\">" + std::string(en ? "Adopted" : "採否") + "</label><select id=\"soa-adopted\" name=\"adopted\"><option value=\"yes\">" +
         (en ? "adopted" : "採用") + "</option><option value=\"no\">" + (en ? "not adopted" : "不採用") + "</option></select><label for=\"soa-reason\">" +
         (en ? "Reason (required when not adopted)" : "理由（不採用の場合は必須）") + "</label><input type=\"text\" id=\"soa-reason\" name=\"reason\"><label for=\"soa-where\">" +
         (en ? "Where implemented" : "実施箇所") + "</label><input type=\"text\" id=\"soa-where\" name=\"where\"><p><button type=\"submit\">" + esc(c.t("common.save")) +
         "</button></p></form>";
  }
  b += "<table><thead><tr><th>ID</th><th>" + std::string(en ? "Item" : "対策項目") + "</th><th>" + (en ? "Adopted" : "採否") + "</th><th>" + (en ? "Reason" : "理由") +
       "</th><th class=\"opt\">" + (en ? "Where implemented" : "実施箇所") + "</th></tr></thead><tbody>";
  for (const auto& r : rows) {
    b += "<tr><td>" + esc(r.item_id) + "</td><td>" + esc(r.title) + "</td><td>" + (r.adopted ? (en ? "adopted" : "採用") : (en ? "not adopted" : "不採用")) +
         (r.decided ? " ✓" : "") + "</td><td>" + esc(r.reason) + "</td><td class=\"opt\">" + esc(r.location) + "</td></tr>";
  }
  return b + "</tbody></table>";
}
}  // namespace

void mount_report_pages(Router& r) {
  r.get("/reports", [](Ctx& c) {
    auto latest = latest_assessment(c);
    if (!latest) return c.html(layout(c, c.t("nav.reports"), "<p>" + esc(c.t("dash.no_assessment")) + "</p>"));
    c.redirect(base(latest->id) + "/reports");
  });
  r.get(R"(/assessments/(\d+)/reports)", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    c.html(layout(c, c.t("nav.reports"), reports_page(c, a)));
  });
  r.get(R"(/assessments/(\d+)/reports/([a-z]+)\.(pdf|html|xlsx|csv))", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    if (!report::find_kind(c.path_arg(2))) throw HttpError(404, "not found");
    std::string lang = c.param("lang") == "en" ? "en" : c.lang;
    auto svc = assess_service(c);
    auto out = report::render(svc, c.catalogs.rules(), c.catalogs.risk_matrix(), c.path_arg(2),
                              a.id, c.org(), c.path_arg(3), lang);
    c.res.set_header("Content-Disposition", "attachment; filename=\"" + out.filename + "\"");
    c.res.set_content(out.bytes, out.mime);
  });
  r.get(R"(/assessments/(\d+)/oscal\.json)", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    c.res.set_header("Content-Disposition", "attachment; filename=\"assessment-results-" + a.period + ".json\"");
    auto svc = assess_service(c);
    c.res.set_content(
        report::assessment_results(
            report::gather(svc, c.catalogs.rules(), c.catalogs.risk_matrix(), a.id, c.org()))
            .dump(2),
        "application/json");
  });
  r.get(R"(/assessments/(\d+)/oscal-plan\.json)", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    c.res.set_header("Content-Disposition", "attachment; filename=\"assessment-plan-" + a.period + ".json\"");
    auto svc = assess_service(c);
    c.res.set_content(
        report::assessment_plan(
            report::gather(svc, c.catalogs.rules(), c.catalogs.risk_matrix(), a.id, c.org()))
            .dump(2),
        "application/json");
  });
  r.get("/plan/oscal.json", [](Ctx& c) {
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    auto org = assess::AssessRepo(c.db, c.actor()).org(c.org());
    if (!org) throw HttpError(404, "not found");
    c.res.set_header("Content-Disposition", "attachment; filename=\"poam.json\"");
    c.res.set_content(report::poam(*org, repo.plan(c.org()), repo.risks(c.org()), repo.matrix(c.org())).dump(2), "application/json");
  });
  r.post(R"(/assessments/(\d+)/disclosure)", [](Ctx& c) {
    c.require_edit();
    auto a = need_assessment(c, c.path_id(1));
    report::Decisions dec(c.db, c.actor());
    auto current = dec.texts(a.id, "disclosure");
    for (int k = 1; k <= 8; ++k) {
      std::string key = std::to_string(k), text = c.param("sec-" + key);
      std::string before = current.count(key) ? current[key] : "";
      if (text != before) dec.set_text(a, "disclosure", key, text);
    }
    c.redirect(base(a.id) + "/reports");
  });
  r.post(R"(/assessments/(\d+)/soa)", [](Ctx& c) {
    c.require_edit();
    auto a = need_assessment(c, c.path_id(1));
    report::Decisions(c.db, c.actor())
        .set_soa(a, framework_of(c, a), c.param("item"),
                 {c.param("adopted") != "no", c.param("reason"), c.param("where"), "", ""});
    c.redirect(base(a.id) + "/reports");
  });
}

}  // namespace anzen::web
