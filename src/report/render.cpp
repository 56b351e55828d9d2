#include "report/render.h"

#include <map>
#include <stdexcept>

#include "assess/sheet.h"
#include "common/invalid.h"
#include "common/paths.h"
#include "common/text.h"
#include "common/vocabulary.h"
#include "common/xlsx_table.h"
#include "report/data.h"
#include "report/decisions.h"
#include "report/disclosure.h"
#include "report/management.h"
#include "report/soa.h"
#include "risk/table.h"

namespace anzen::report {

namespace {
using Table = std::vector<std::vector<std::string>>;

using risk::to_csv;

Table gaps_table(const ReportData& d, const std::string& lang) {
  bool en = lang == "en";
  std::map<std::string, std::vector<const risk::PlanItem*>> planned;
  for (const auto& p : d.plan) {
    for (const auto& q : p.question_ids) planned[q].push_back(&p);
  }
  Table t{{en ? "Priority" : "優先度", en ? "Question" : "質問ID", en ? "Chapter" : "章", en ? "Text" : "確認項目", en ? "Answer" : "回答",
           en ? "Why" : "理由", en ? "Plan items" : "計画項目", en ? "Owner" : "責任者", en ? "Deadline" : "達成期限"}};
  for (const auto& g : d.gaps) {
    const auto* q = d.fw->question(g.question_id);
    std::string why, ids, owners, deadlines;
    for (const auto& [e, j] : g.reasons) why += (why.empty() ? "" : "; ") + (en ? e : j);
    for (const auto* p : planned[g.question_id]) {
      ids += (ids.empty() ? "" : "; ") + std::to_string(p->id);
      owners += (owners.empty() ? "" : "; ") + p->owner;
      deadlines += (deadlines.empty() ? "" : "; ") + p->deadline;
    }
    t.push_back({std::to_string(g.priority), g.question_id, g.chapter_id, q ? q->text.in(lang) : "", en ? assess::to_string(g.status) : assess::to_japanese(g.status),
                 why, ids, owners, deadlines});
  }
  return t;
}

// The register tables hold codes so that they import back; a report shows their labels. Columns
// are found by their (Japanese) header; lists are "; "-separated as the tables write them.
Table with_labels(Table t, const std::string& lang) {
  static const std::map<std::string, std::string> domain_of = {{"種別", "assetkind"},
                                                               {"サービス", "service"},
                                                               {"対応", "treatment"},
                                                               {"状態", "planstatus"},
                                                               {"脅威", "threat"}};
  if (t.empty()) return t;
  for (size_t c = 0; c < t[0].size(); ++c) {
    auto it = domain_of.find(t[0][c]);
    if (it == domain_of.end()) continue;
    for (size_t r = 1; r < t.size(); ++r) {
      if (c >= t[r].size()) continue;
      std::string out;
      for (const auto& code : text::split_list(t[r][c], ";")) {
        out += (out.empty() ? "" : "; ") + vocab::label_or_code(it->second, code, lang);
      }
      t[r][c] = out;
    }
  }
  return t;
}

Table incidents_table(const ReportData& d, const std::string& lang) {
  bool en = lang == "en";
  Table t{{"ID", en ? "Title" : "件名", en ? "Started" : "発生日時", en ? "Ended" : "復旧日時", en ? "Service" : "役務の区分", en ? "Users affected" : "影響利用者数",
           en ? "Classification" : "区分", en ? "Reports" : "報告", en ? "Status" : "状態"}};
  auto s = [](const nlohmann::json& j) { return j.is_string() ? j.get<std::string>() : j.is_null() ? std::string() : j.dump(); };
  for (const auto& i : d.incidents) {
    std::string cls, reps;
    for (const auto& c : i.classification.value("classifications", nlohmann::json::array())) {
      cls += (cls.empty() ? "" : "; ") + c["label"].value(en ? "en" : "ja", "");
      for (const auto& r : c.value("reports", nlohmann::json::array())) {
        reps += (reps.empty() ? "" : "; ") + r.value("form", "") + " " + (r["due"].is_null() ? vocab::label_or_code("due", "prompt", lang) : r["due"].get<std::string>());
      }
    }
    t.push_back({std::to_string(i.id), i.title, s(i.event.value("started_at", nlohmann::json())), s(i.event.value("ended_at", nlohmann::json())),
                 vocab::label_or_code("service", s(i.event.value("service_category", nlohmann::json())), lang),
                 s(i.event.value("affected_users", nlohmann::json())), cls, reps, vocab::label_or_code("incidentstatus", i.status, lang)});
  }
  return t;
}

Table obligations_table(const ReportData& d, const std::string& lang) {
  bool en = lang == "en";
  Table t{{en ? "Incident" : "事故", en ? "Report" : "報告", en ? "Form" : "様式", en ? "Due" : "期限", en ? "Overdue" : "期限超過"}};
  for (const auto& o : d.obligations) {
    t.push_back({o.incident_title, vocab::label_or_code("report", o.type, lang), o.form, o.due ? o.due->str() : vocab::label_or_code("due", "prompt", lang), o.overdue ? (en ? "yes" : "超過") : ""});
  }
  return t;
}

void need_format(const ReportKind& k, const std::string& f) {
  if (std::find(k.formats.begin(), k.formats.end(), f) == k.formats.end()) {
    std::string all;
    for (const auto& x : k.formats) all += (all.empty() ? "" : ", ") + x;
    std::string upper;  // PDF, HTML, XLSX, CSV
    for (char ch : all) upper += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    throw Invalid(
        "format", std::string("「") + k.ja + "」の形式は " + upper + " から選んでください。",
        std::string("The ") + k.en + " comes as " + upper + ".", "not_in_list",
        std::string("format: the ") + k.id + " report comes as " + all + ", not '" + f + "'");
  }
}
}  // namespace

const std::vector<ReportKind>& report_kinds() {
  static const std::vector<ReportKind> k = {
      {"management", "経営層向け報告", "Management report", {"pdf", "html"}},
      {"checklist", "対策チェックシート", "Checklist (表2 layout)", {"xlsx", "csv"}},
      {"gaps", "差異とリスク対応計画", "Gaps and treatment plan", {"xlsx", "csv"}},
      {"risks", "リスク台帳", "Risk register", {"xlsx", "csv"}},
      {"incidents", "当年度の事故", "Accidents of the fiscal year", {"xlsx", "csv"}},
      {"soa", "適用宣言書", "Statement of applicability", {"pdf", "html", "xlsx", "csv"}},
      {"disclosure", "情報セキュリティ報告書", "Information security report", {"pdf", "html"}},
  };
  return k;
}

const ReportKind* find_kind(const std::string& id) {
  for (const auto& k : report_kinds()) {
    if (id == k.id) return &k;
  }
  return nullptr;
}

Rendered render(assess::AssessService& svc, const std::vector<incident::RuleSet>& rules,
                const risk::Matrix& risk_matrix, const std::string& report, int64_t assessment_id,
                std::optional<int64_t> org_id, const std::string& format, const std::string& lang) {
  store::Db& db = svc.repo().db();
  const ReportKind* k = find_kind(report);
  if (!k) {
    std::string ja, en;
    for (const auto& x : report_kinds()) {
      ja += (ja.empty() ? "" : "、") + std::string(x.ja);
      en += (en.empty() ? "" : ", ") + std::string(x.en);
    }
    throw Invalid("report", "報告書の種類は一覧から選んでください（" + ja + "）。",
                  "Choose the report from the list (" + en + ").", "not_in_list",
                  "report: unknown report '" + report +
                      "' (management, checklist, gaps, risks, incidents, soa, disclosure)");
  }
  need_format(*k, format);
  ReportData d = gather(svc, rules, risk_matrix, assessment_id, org_id);
  Rendered out;
  out.filename = report + "-" + d.assessment.period + "." + format;
  static const std::map<std::string, std::string> mimes = {{"pdf", "application/pdf"},
                                                           {"html", "text/html; charset=utf-8"},
                                                           {"csv", "text/csv; charset=utf-8"},
                                                           {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
  out.mime = mimes.at(format);
  Decisions dec(db, "report");
  // Every workbook sheet prints with the organisation, the period and the date in its header.
  auto printed = [&](std::vector<XlsxSheet> sheets) {
    for (auto& sh : sheets) sh.print = {d.org.name, sh.name, d.assessment.period, d.today};
    return xlsx_workbook_bytes(sheets);
  };
  if (report == "management") {
    out.bytes = format == "pdf" ? management_pdf(d, lang) : management_html(d, lang);
  } else if (report == "checklist") {
    if (format == "csv") {
      out.bytes = assess::export_csv(*d.fw, d.assessment, d.answers, d.evidence);
    } else {
      XlsxPrint print{d.org.name, "", d.assessment.period, d.today};
      out.bytes = bytes_via_temp_file([&](const std::string& path) { assess::export_xlsx(*d.fw, d.assessment, d.answers, d.evidence, path, print); }, ".xlsx");
    }
  } else if (report == "gaps") {
    risk::RiskRepo rr(db, risk_matrix, "report");
    auto g = gaps_table(d, lang);
    if (format == "csv") {
      out.bytes = to_csv(g);
    } else {
      std::vector<XlsxSheet> sheets;
      sheets.push_back({lang == "en" ? "Gaps" : "差異", g, {8, 12, 6, 60, 10, 40, 10, 14, 12}});
      sheets.push_back({lang == "en" ? "Treatment plan" : "リスク対応計画", with_labels(rr.plan_table(d.assessment.org_id), lang), {6, 36, 36, 20, 14, 12, 30, 12, 8, 12, 20}});
      out.bytes = printed(sheets);
    }
  } else if (report == "risks") {
    risk::RiskRepo rr(db, risk_matrix, "report");
    auto r = with_labels(rr.risks_table(d.assessment.org_id), lang);
    if (format == "csv") {
      out.bytes = to_csv(r);
    } else {
      std::vector<XlsxSheet> sheets;
      sheets.push_back({lang == "en" ? "Risk register" : "リスク台帳", r, {6, 30, 16, 16, 24, 16, 10, 16, 10, 10, 10, 12, 10, 14, 24, 12, 20}});
      sheets.push_back({lang == "en" ? "Assets" : "資産台帳", with_labels(rr.assets_table(d.assessment.org_id), lang), {6, 30, 20, 16, 8, 8, 8, 24, 20, 12}});
      out.bytes = printed(sheets);
    }
  } else if (report == "incidents") {
    auto t = incidents_table(d, lang);
    if (format == "csv") {
      out.bytes = to_csv(t);
    } else {
      std::vector<XlsxSheet> sheets;
      sheets.push_back({d.assessment.period + (lang == "en" ? " accidents" : " 事故一覧"), t, {6, 30, 24, 24, 16, 12, 30, 36, 8}});
      sheets.push_back({lang == "en" ? "Reporting deadlines" : "報告期限", obligations_table(d, lang), {30, 16, 12, 12, 10}});
      out.bytes = printed(sheets);
    }
  } else if (report == "soa") {
    auto rows = soa_rows(d, dec.soa(d.assessment.id), lang);
    if (format == "pdf") out.bytes = soa_pdf(d, rows, lang);
    else if (format == "html") out.bytes = soa_html(d, rows, lang);
    else if (format == "csv") out.bytes = to_csv(soa_table(rows, lang));
    else out.bytes = printed({XlsxSheet{lang == "en" ? "Statement of applicability" : "適用宣言書", soa_table(rows, lang), {10, 8, 40, 10, 30, 36, 14, 10}, {}}});
  } else {
    auto secs = disclosure_sections(d, dec.texts(d.assessment.id, "disclosure"), lang);
    out.bytes = format == "pdf" ? disclosure_pdf(d, secs, lang) : disclosure_html(d, secs, lang);
  }
  return out;
}

}  // namespace anzen::report
