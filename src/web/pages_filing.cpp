// Putting right the record of a filed report: correct when, by whom, the reference or the
// document, or withdraw a filing recorded by mistake (the report is due again). The page, its
// two forms and the matching API operations; incident/filings.* holds the rule.
#include "common/date.h"
#include "common/file_name.h"
#include "common/json_input.h"
#include "common/vocabulary.h"
#include "incident/service.h"
#include "web/accounts.h"
#include "web/filing_fields.h"
#include "web/form.h"
#include "web/html.h"
#include "web/json_body.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/services.h"

namespace anzen::web {
using nlohmann::json;

namespace {

// The filing at /incidents/{id}/filings/{filing}, or 404 (another organisation's, or another
// incident's filing under this incident's address).
incident::Filing filing_at(Ctx& c) {
  auto inc = incident_service(c).get(c.org(), c.path_id(1));
  if (inc) {
    for (const auto& f : inc->filings)
      if (f.id == c.path_id(2)) return f;
  }
  throw HttpError(404, "not found");
}

std::string filing_page(Ctx& c, const incident::Filing& fl, Form& f) {
  bool en = c.lang == "en";
  std::string base =
      "/incidents/" + std::to_string(fl.incident_id) + "/filings/" + std::to_string(fl.id);
  std::string report = vocab::label_or_code("report", fl.type, c.lang) + " — " + fl.form;
  std::string b = "<p><a href=\"/incidents/" + std::to_string(fl.incident_id) + "\">← " +
                  (en ? "Back to the incident" : "インシデントに戻る") + "</a></p><h1>" +
                  (en ? "Filed report" : "提出済みの報告") + "</h1>";
  b += "<dl class=\"facts\"><dt>" + std::string(en ? "Report" : "報告") + "</dt><dd>" +
       esc(report) + "</dd><dt>" + (en ? "Filed at" : "提出日時") + "</dt><dd>" +
       esc(date::display_time(fl.filed_at, c.lang)) + "</dd><dt>" + (en ? "Filed by" : "提出者") +
       "</dt><dd>" + esc(fl.filed_by) + "</dd><dt>" + (en ? "Reference" : "受付番号") +
       "</dt><dd>" + esc(fl.reference) + "</dd><dt>" + (en ? "Document" : "提出文書") +
       "</dt><dd>" + (fl.evidence_name.empty() ? std::string(en ? "(none)" : "（なし）") : esc(fl.evidence_name)) + "</dd><dt>" + (en ? "Recorded" : "記録") +
       "</dt><dd>" + esc(date::display_time(fl.recorded_at, c.lang)) + " " + esc(fl.recorded_by) +
       "</dd></dl>";
  b += "<h2>" + std::string(en ? "Correct the record" : "記録を訂正する") +
       "</h2><form method=\"post\" enctype=\"multipart/form-data\" action=\"" + base +
       "\" id=\"correct-filing\">" + csrf_field(c) + f.summary() +
       f.input("datetime-local", "filed_at", en ? "Filed at (JST)" : "提出日時（日本時間）",
               fl.filed_at.substr(0, 16), "required") +
       f.text("filed_by", en ? "Filed by" : "提出者", fl.filed_by, "required") +
       f.text("reference", en ? "Reference number" : "受付番号・文書番号", fl.reference) +
       "<label for=\"evidence\">" +
       (en ? "Replace the document (optional)" : "提出文書を差し替える（任意）") + "</label>" +
       upload_limit_hint(c) + f.error_html("evidence") +
       "<input type=\"file\" id=\"evidence\" name=\"evidence\">" +
       f.textarea("reason", en ? "Why the record was wrong (required)" : "訂正の理由（必須）") +
       "<p><button type=\"submit\" id=\"save-correction\">" +
       (en ? "Save the correction" : "訂正を保存") + "</button></p></form>";
  b +=
      "<h2>" + std::string(en ? "Withdraw the filing" : "提出記録を取り消す") + "</h2><p>" +
      (en ? "Only if the report was not in fact filed: it becomes due again and its deadline "
            "counts. The record stays in the timeline and the audit trail."
          : "実際には提出していなかった場合に限ります。報告は未提出に戻り、期限の管理が再開します。"
            "記録は経過と監査ログに残ります。") +
      "</p><form method=\"post\" action=\"" + base + "/withdraw\" id=\"withdraw-filing\">" +
      csrf_field(c) +
      f.textarea("withdraw_reason",
                 en ? "Why it is withdrawn (required)" : "取り消す理由（必須）") +
      "<p><button type=\"submit\" class=\"danger\" id=\"withdraw-button\">" +
      (en ? "Withdraw the filing" : "提出記録を取り消す") + "</button></p></form>";
  return layout(c, en ? "Filed report" : "提出済みの報告", b);
}

std::string required_reason(Ctx& c, const char* field) {
  std::string reason = c.param(field);
  if (reason.empty()) throw FieldError(field, "理由を入力してください。", "Enter the reason.");
  return reason;
}

}  // namespace

void mount_filing_pages(Router& r) {
  r.get(R"(/incidents/(\d+)/filings/(\d+))", [](Ctx& c) {
    c.require_edit();
    auto fl = filing_at(c);
    Form f(c);
    c.html(filing_page(c, fl, f));
  });

  r.post(R"(/incidents/(\d+)/filings/(\d+))", [](Ctx& c) {
    c.require_edit();
    auto fl = filing_at(c);
    submit(
        c,
        [&] {
          incident::FilingCorrection in;
          in.reason = required_reason(c, "reason");
          auto fields = filed_fields_from_form(c);
          // The form shows minutes: an unchanged minute keeps the recorded time, seconds and all.
          if (c.param("filed_at").substr(0, 16) != fl.filed_at.substr(0, 16))
            in.filed_at = fields.filed_at;
          in.filed_by = fields.filed_by;
          in.reference = fields.reference;
          in.evidence_name = fields.evidence_name;
          in.evidence_content = fields.evidence_content;
          incident_service(c).correct_filing(c.org(), fl.id, in);
          c.redirect("/incidents/" + std::to_string(fl.incident_id));
        },
        [&](Form& f) { return filing_page(c, fl, f); });
  });

  r.post(R"(/incidents/(\d+)/filings/(\d+)/withdraw)", [](Ctx& c) {
    c.require_edit();
    auto fl = filing_at(c);
    submit(
        c,
        [&] {
          incident_service(c).withdraw_filing(c.org(), fl.id,
                                              required_reason(c, "withdraw_reason"));
          c.redirect("/incidents/" + std::to_string(fl.incident_id));
        },
        [&](Form& f) { return filing_page(c, fl, f); });
  });
}

void mount_filing_api(Router& r) {
  r.api("PATCH", R"(/api/v1/incidents/(\d+)/filings/(\d+))",
        "/api/v1/incidents/{id}/filings/{filing}",
        "Correct the record of a filed report: {reason, filed_at?, filed_by?, reference?, "
        "evidence?: {name, content_base64}}; absent values keep the recorded ones",
        [](Ctx& c) {
          c.require_edit();
          auto fl = filing_at(c);
          json in = parse_json_input(c.req.body, "body");
          if (!in.is_object()) throw not_an_object();
          auto text = [&](const char* k) -> std::optional<std::string> {
            if (!in.contains(k) || in[k].is_null()) return std::nullopt;
            if (!in[k].is_string()) throw not_text(k);
            return in[k].get<std::string>();
          };
          incident::FilingCorrection fc;
          fc.reason = text("reason").value_or("");
          if (auto at = text("filed_at")) {
            auto t = incident::parse_instant(*at);
            if (!t) throw not_a_time("filed_at");
            fc.filed_at = *t;
          }
          fc.filed_by = text("filed_by");
          fc.reference = text("reference");
          evidence_from_json(in, fc.evidence_name, fc.evidence_content);
          c.json({{"filing",
                   incident::to_json(incident_service(c).correct_filing(c.org(), fl.id, fc))}});
        });
  r.api("POST", R"(/api/v1/incidents/(\d+)/filings/(\d+)/withdraw)",
        "/api/v1/incidents/{id}/filings/{filing}/withdraw",
        "Withdraw a filing recorded by mistake: {reason}; the report is due again", [](Ctx& c) {
          c.require_edit();
          auto fl = filing_at(c);
          json in = parse_json_input(c.req.body, "body");
          if (!in.is_object() || !in.value("reason", json()).is_string())
            throw text_required("reason");
          c.json({{"withdrawn", incident::to_json(incident_service(c).withdraw_filing(
                                    c.org(), fl.id, in["reason"].get<std::string>()))}});
        });
}

}  // namespace anzen::web
