// Self-assessment pages: list, checklist with filters, question page (answer, evidence,
// history), gaps, spreadsheet export and import.
#include <algorithm>

#include "assess/history_labels.h"
#include "assess/maturity.h"
#include "assess/scoring.h"
#include "assess/sheet.h"
#include "catalog/catalog_dir.h"
#include "common/file_name.h"
#include "common/paths.h"
#include "common/text.h"
#include "web/assess_view.h"
#include "web/checklist_view.h"
#include "web/form.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/table_view.h"

namespace anzen::web {
using assess::Answer;
using assess::AssessRepo;
using assess::Status;

namespace {

std::string question_link(int64_t aid, const std::string& qid) {
  return "/assessments/" + std::to_string(aid) + "/questions/" + url_encode(qid);
}

// The list of assessments and the form that starts one (typed values kept after a refusal).
std::string list_html(Ctx& c, const Form& form) {
  AssessRepo repo(c.db, c.actor());
  std::string b = "<h1>" + esc(c.t("nav.assessments")) + "</h1><table><thead><tr><th>ID</th><th>" +
                  (c.lang == "en" ? "Period" : "年度") + "</th><th>" + (c.lang == "en" ? "Framework" : "安全基準") + "</th><th>" +
                  (c.lang == "en" ? "Role" : "立場") + "</th><th class=\"num\">" + esc(c.t("dash.coverage")) + "</th></tr></thead><tbody>";
  assess::ScoringConfig cfg;
  for (const auto& a : repo.list(c.org())) {
    const auto& fw = framework_of(c, a);
    auto sc = assess::score(fw, a.role, repo.answers(a.id), cfg);
    b += "<tr><td><a href=\"/assessments/" + std::to_string(a.id) + "\">#" + std::to_string(a.id) + "</a></td><td>" + esc(a.period) +
         "</td><td>" + esc(fw.title.in(c.lang)) + " (" + esc(fw.key()) + ")</td><td>" + esc(c.t("role." + a.role)) +
         "</td><td class=\"num\">" + text::percent(sc.overall.coverage(cfg)) + "</td></tr>";
  }
  b += "</tbody></table>";
  if (c.user && can_edit(c.user->role)) {
    std::vector<std::pair<std::string, std::string>> frameworks;
    for (const auto& f : c.catalogs.catalog().frameworks) {
      if (!f.checks().empty())
        frameworks.emplace_back(f.key(), f.title.in(c.lang) + " (" + f.key() + ")");
    }
    b += "<h2>" + std::string(c.lang == "en" ? "Start a self-assessment" : "自己点検を開始") +
         "</h2><form method=\"post\" action=\"/assessments\" id=\"new-assessment\">" +
         csrf_field(c) + form.summary() +
         form.select("framework", c.lang == "en" ? "Framework" : "安全基準", frameworks,
                     "tcs-2023@1") +
         form.select("role", c.lang == "en" ? "Role" : "立場",
                     {{"operator", c.t("role.operator")}, {"maker", c.t("role.maker")}},
                     "operator") +
         form.text("period", c.lang == "en" ? "Fiscal year" : "年度", "",
                   "placeholder=\"FY2026\" pattern=\"FY[0-9]{4}\" required") +
         form.text("scope", c.lang == "en" ? "Scope" : "対象範囲") +
         "<p><button type=\"submit\" id=\"create-assessment\">" + esc(c.t("common.create")) +
         "</button></p></form>";
  }
  return layout(c, c.t("nav.assessments"), b);
}

void list_page(Ctx& c) {
  Form f(c);
  c.html(list_html(c, f));
}

void checklist_page(Ctx& c) {
  auto a = need_assessment(c, c.path_id(1));
  const auto& fw = framework_of(c, a);
  std::string b = checklist_body(c, a);
  if (c.user && can_edit(c.user->role)) {
    b += "<h2>" +
         std::string(c.lang == "en" ? "Import a filled spreadsheet" : "記入済みシートの取り込み") +
         "</h2><form method=\"post\" enctype=\"multipart/form-data\" action=\"/assessments/" +
         std::to_string(a.id) + "/import\">" + csrf_field(c) +
         "<label for=\"imp\">CSV (UTF-8 / Shift_JIS) / XLSX</label>" + upload_limit_hint(c) +
         "<input type=\"file\" id=\"imp\" name=\"file\" accept=\".csv,.xlsx\" required> <button "
         "type=\"submit\">" +
         (c.lang == "en" ? "Import" : "取り込む") + "</button></form>";
  }
  c.html(layout(c, a.period + " " + fw.title.in(c.lang), b));
}

void save_answer_fields(Ctx& c);

// The question page; `f` carries the typed values and errors after a failed save.
std::string question_html(Ctx& c, Form& f) {
  auto a = need_assessment(c, c.path_id(1));
  const auto& fw = framework_of(c, a);
  std::string qid = url_decode(c.path_arg(2));
  const auto* q = fw.question(qid);
  const auto* chk = fw.check_of_question(qid);
  if (!q) throw HttpError(404, "no such question");
  AssessRepo repo(c.db, c.actor());
  auto answers = repo.answers(a.id);
  Answer an;
  if (auto it = answers.find(qid); it != answers.end()) an = it->second;
  std::string base = question_link(a.id, qid);
  std::string b = "<p><a href=\"/assessments/" + std::to_string(a.id) + "\">← " + esc(a.period) +
                  "</a></p><h1>" + esc(qid) + "</h1><p>" + esc(q->text.in(c.lang)) +
                  authored_badge(c, q->author, true) + "</p>";
  if (c.lang == "en") b += "<p class=\"muted\" lang=\"ja\">" + esc(q->text.ja) + "</p>";
  b += "<p>" + esc(c.t("role.operator")) + ": " +
       (chk->operator_rec == catalog::Recommendation::recommended ? "○" : "－") + " · " +
       esc(c.t("role.maker")) + ": " +
       (chk->maker_rec == catalog::Recommendation::recommended ? "○" : "－") +
       authored_badge(c, chk->recommendation_author, false) + " · <a href=\"/catalog/" +
       url_encode(fw.id) + "/" + url_encode(chk->id) + "\">" + esc(c.t("nav.catalog")) + "</a></p>";
  b += "<p>" + status_badge(c, an.status, fw.answer_scale) +
       (an.updated_at.empty() ? ""
                              : " <span class=\"muted\">" + when_html(an.updated_at, c.lang) + " " +
                                    esc(an.updated_by) + "</span>") +
       "</p>";
  if (!an.comment.empty()) b += "<p>" + esc(an.comment) + "</p>";
  bool edit = c.user && can_edit(c.user->role);
  if (edit) {
    std::vector<std::pair<std::string, std::string>> statuses;
    for (Status s : assess::all_statuses())
      statuses.emplace_back(assess::to_string(s), c.t(status_key(s, fw.answer_scale)));
    std::vector<std::pair<std::string, std::string>> levels = {{"", "–"}};
    const auto& scale = c.catalogs.scale();
    for (const auto& lv : scale.levels)
      levels.emplace_back(std::to_string(lv.level),
                          std::to_string(lv.level) + " — " + lv.name.in(c.lang));
    b += "<form method=\"post\" action=\"" + base + "\">" + csrf_field(c) + f.summary() +
         f.select("status", c.t("common.status"), statuses, assess::to_string(an.status)) +
         f.text("na_reason",
                c.lang == "en" ? "Reason (required for not applicable)"
                               : "対象外の理由（対象外の場合は必須）",
                an.na_reason, "size=\"40\"") +
         f.select("maturity", c.lang == "en" ? "Maturity (0-5)" : "成熟度（0〜5）", levels,
                  an.maturity ? std::to_string(*an.maturity) : "");
    b += "<details><summary>" + esc(scale.title.in(c.lang)) + "</summary><dl>";
    for (const auto& lv : scale.levels) {
      b += "<dt>" + std::to_string(lv.level) + " " + esc(lv.name.in(c.lang)) + "</dt><dd>" + esc(lv.definition.in(c.lang)) + "</dd>";
    }
    b += "</dl></details>" + f.text("owner", c.t("common.owner"), an.owner) +
         f.input("date", "due", c.t("common.due"), an.due) +
         f.textarea("comment", c.t("common.comment"), an.comment) +
         "<p><button type=\"submit\" id=\"save-answer\">" + esc(c.t("common.save")) +
         "</button></p></form>";
  }
  b += "<h2>" + std::string(c.lang == "en" ? "Evidence" : "証跡") + "</h2><ul>";
  for (const auto& e : repo.evidence(a.id, qid)) {
    if (e.kind == "url") {
      b += "<li><a href=\"" + esc(e.url) + "\" rel=\"noopener\">" + esc(e.url) + "</a>";
    } else {
      b += "<li><a class=\"evidence-download\" href=\"/assessments/" + std::to_string(a.id) + "/evidence/" + std::to_string(e.id) + "\">" +
           esc(e.filename) + "</a> <span class=\"muted\">" + std::to_string(e.size) + " B · SHA-256 " + esc(e.sha256.substr(0, 16)) + "…</span>";
    }
    b += (e.expires_on.empty() ? "" : " <span class=\"muted\">(" + std::string(c.lang == "en" ? "expires " : "有効期限 ") + esc(e.expires_on) + ")</span>") + "</li>";
  }
  b += "</ul>";
  if (edit) {
    b += "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" + base + "/evidence\">" +
         csrf_field(c) + "<label for=\"file\">" + (c.lang == "en" ? "File" : "ファイル") +
         "</label>" + upload_limit_hint(c) +
         "<input type=\"file\" id=\"file\" name=\"file\"><label for=\"url\">" +
         (c.lang == "en" ? "or URL" : "または URL") +
         "</label><input type=\"url\" id=\"url\" name=\"url\" size=\"40\"><label for=\"edate\">" +
         (c.lang == "en" ? "Evidence date" : "証跡の日付") +
         "</label><input type=\"date\" id=\"edate\" name=\"evidence_date\"><label for=\"eexp\">" +
         (c.lang == "en" ? "Expires" : "有効期限") +
         "</label><input type=\"date\" id=\"eexp\" name=\"expires_on\"><p><button type=\"submit\" "
         "id=\"upload-evidence\">" +
         (c.lang == "en" ? "Add evidence" : "証跡を追加") + "</button></p></form>";
  }
  b += "<h2>" + std::string(c.lang == "en" ? "History" : "変更履歴") +
       "</h2><table id=\"history\"><thead><tr><th>" + esc(c.t("common.when")) + "</th><th>" +
       esc(c.t("common.who")) + "</th><th>" + esc(c.t("common.what")) + "</th><th>" +
       (c.lang == "en" ? "Before → after" : "変更前 → 変更後") + "</th></tr></thead><tbody>";
  for (const auto& h : repo.history(a.id, qid)) {
    b += "<tr><td>" + when_html(h.at, c.lang) + "</td><td>" + esc(h.actor) + "</td><td>" +
         esc(assess::history_field_label(h.field, c.lang)) + "</td><td>" +
         esc(assess::history_value_text(h.field, h.old_value, c.lang)) + " → " +
         esc(assess::history_value_text(h.field, h.new_value, c.lang)) + "</td></tr>";
  }
  return layout(c, qid, b + "</tbody></table>");
}

void question_page(Ctx& c) {
  Form f(c);
  c.html(question_html(c, f));
}

void save_answer(Ctx& c) {
  c.require_edit();
  submit(
      c, [&] { save_answer_fields(c); }, [&](Form& f) { return question_html(c, f); });
}

void save_answer_fields(Ctx& c) {
  auto a = need_assessment(c, c.path_id(1));
  framework_of(c, a);  // 500 when its framework is not loaded
  std::string qid = url_decode(c.path_arg(2));
  assess::AnswerPatch next;
  auto st = assess::status_from(c.param("status"));
  if (!st)
    throw FieldError("status", "状況は一覧から選んでください。", "Choose the status from the list.",
                     "not_in_list", "status: unknown value '" + c.param("status") + "'");
  next.status = *st;
  next.na_reason = c.param("na_reason");
  if (next.status == Status::not_applicable && next.na_reason->empty())
    throw FieldError("na_reason", "対象外を選ぶときは理由を入力してください。",
                     "Enter a reason when choosing not applicable.");
  std::string m = c.param("maturity");
  if (m.empty())
    next.maturity = std::optional<int>();
  else if (m.size() <= 2 && std::all_of(m.begin(), m.end(), ::isdigit)) next.maturity = std::stoi(m);
  else
    throw FieldError("maturity", "成熟度の段階を選んでください。",
                     "Choose a level of the maturity scale.");
  next.owner = c.param("owner");
  next.due = c.param("due");
  next.comment = c.param("comment");
  assess_service(c).update_answer(a, qid, next);
  c.redirect(question_link(a.id, qid));
}

void add_evidence(Ctx& c) {
  c.require_edit();
  auto a = need_assessment(c, c.path_id(1));
  const auto& fw = framework_of(c, a);
  std::string qid = url_decode(c.path_arg(2));
  if (!fw.question(qid)) throw HttpError(404, "no such question");
  AssessRepo repo(c.db, c.actor());
  if (c.req.has_file("file") && !c.req.get_file_value("file").filename.empty()) {
    const auto& f = c.req.get_file_value("file");
    repo.add_file(a, qid, f.filename, f.content_type, f.content, c.param("evidence_date"), c.param("expires_on"));
  } else if (!c.param("url").empty()) {
    repo.add_url(a, qid, c.param("url"), c.param("evidence_date"), c.param("expires_on"));
  } else {
    throw FieldError("evidence", "ファイルを選ぶか URL を入力してください。",
                     "Choose a file or enter a URL.", "required",
                     "evidence: choose a file or enter a URL");
  }
  c.redirect(question_link(a.id, qid));
}

void download_evidence(Ctx& c) {
  auto a = need_assessment(c, c.path_id(1));
  AssessRepo repo(c.db, c.actor());
  auto f = repo.evidence_file(a.id, c.path_id(2));
  if (!f || f->first.kind != "file") throw HttpError(404, "not found");
  // Always an attachment with a type chosen from the (cleaned) name: rows stored before names and
  // types were cleaned carry whatever the uploader sent.
  std::string name = safe_file_name(f->first.filename);
  c.res.set_header("Content-Disposition", "attachment; filename=\"evidence\"; filename*=UTF-8''" + url_encode(name));
  c.res.set_header("X-Content-SHA256", f->first.sha256);
  c.res.set_content(f->second, download_type(name));
}

void gaps_page(Ctx& c) {
  auto a = need_assessment(c, c.path_id(1));
  const auto& fw = framework_of(c, a);
  auto gs = assess_service(c).gaps(a);
  bool en = c.lang == "en";
  std::string b = "<h1>" + esc(c.t("nav.gaps")) + " — " + esc(a.period) +
                  "</h1><p class=\"muted\">" +
                  (en ? "Every question not fully implemented, highest priority first "
                        "(docs/assessment.md explains the points)."
                      : "実施済でない全ての確認項目を優先度の高い順に示します。") +
                  "</p>";
  std::vector<Column> cols = {{"rank", "#", true},
                              {"id", c.t("common.id")},
                              {"question", c.t("catalog.questions")},
                              {"status", c.t("common.status")},
                              {"priority", en ? "Priority" : "優先度", true},
                              {"why", en ? "Why" : "理由", false, false, "opt"}};
  std::vector<Row> rows;
  int pos = 0;
  for (const auto& g : gs) {
    const auto* q = fw.question(g.question_id);
    std::string why;
    for (const auto& [why_en, why_ja] : g.reasons) why += esc(en ? why_en : why_ja) + "<br>";
    rows.push_back(
        {{number_cell(++pos),
          {"<a href=\"" + question_link(a.id, g.question_id) + "\">" + esc(g.question_id) + "</a>",
           g.question_id},
          text_cell(q->text.in(c.lang)),
          {status_badge(c, g.status, fw.answer_scale), assess::to_string(g.status)},
          number_cell(g.priority),
          {why, ""}},
         ""});
  }
  b += sorted_table(c, cols, std::move(rows), {"", "", false, 50, "gaps", "gaps"});
  c.html(layout(c, c.t("nav.gaps"), b));
}

}  // namespace

void mount_assessment_pages(Router& r) {
  r.get("/assessments", list_page);
  r.post("/assessments", [](Ctx& c) {
    c.require_edit();
    submit(
        c,
        [&] {
          std::string key = c.param("framework");
          auto at = key.find('@');
          const auto* fw = at == std::string::npos ? c.catalogs.catalog().find(key)
                                                   : c.catalogs.catalog().find(
                                                         key.substr(0, at), key.substr(at + 1));
          if (!fw)
            throw FieldError("framework", "一覧から安全基準を選んでください。",
                             "Choose a framework from the list.");
          if (!assess::valid_period(c.param("period")))
            throw FieldError("period", "年度は FY2026 のように FY と西暦で入力してください。",
                             "Enter the fiscal year as FY and the year, e.g. FY2026.");
          AssessRepo repo(c.db, c.actor());
          auto a = repo.create(c.org(), *fw, c.param("role"), c.param("period"), c.param("scope"));
          c.redirect("/assessments/" + std::to_string(a.id));
        },
        [&](Form& f) { return list_html(c, f); });
  });
  r.get(R"(/assessments/(\d+))", checklist_page);
  r.get(R"(/assessments/(\d+)/questions/([^/]+))", question_page);
  r.post(R"(/assessments/(\d+)/questions/([^/]+))", save_answer);
  r.post(R"(/assessments/(\d+)/questions/([^/]+)/evidence)", add_evidence);
  r.post(R"(/assessments/(\d+)/questions/([^/]+)/status)", [](Ctx& c) {
    c.require_edit();
    auto a = need_assessment(c, c.path_id(1));
    framework_of(c, a);  // 500 when its framework is not loaded
    std::string qid = url_decode(c.path_arg(2));
    auto svc = assess_service(c);
    auto st = assess::status_from(c.param("status"));
    if (!st)
      throw FieldError("status", "状況は一覧から選んでください。",
                       "Choose the status from the list.", "not_in_list",
                       "status: unknown value '" + c.param("status") + "'");
    assess::AnswerPatch next;
    next.status = *st;
    try {
      svc.update_answer(a, qid, next);
    } catch (const assess::AnswerErrors& e) {
      if (e.issues().front().field != "na_reason") throw;
      // A reason is needed: the question page, with 対象外 kept and the error at the reason field.
      Form f(c);
      f.mark_resubmitted();
      f.add_error(FieldError("na_reason", "対象外を選ぶときは理由を入力してください。",
                             "Enter a reason when choosing not applicable."));
      return c.html(question_html(c, f), 400);
    }
    std::string back = c.param("back");
    bool safe = back.rfind("/assessments/" + std::to_string(a.id), 0) == 0;
    c.redirect((safe ? back : "/assessments/" + std::to_string(a.id)) + "#row-" + qid);
  });
  r.post(R"(/assessments/(\d+)/questions/([^/]+)/row)", save_checklist_row);
  r.get(
      "/static/checklist.js",
      [](Ctx& c) {
        c.res.set_content(checklist_script(), "text/javascript; charset=utf-8");
        c.res.set_header("Cache-Control", "max-age=3600");
      },
      true);
  r.get(R"(/assessments/(\d+)/evidence/(\d+))", download_evidence);
  r.get(R"(/assessments/(\d+)/gaps)", gaps_page);
  r.get("/gaps", [](Ctx& c) {
    auto a = latest_assessment(c);
    if (!a) return c.redirect("/assessments");
    c.redirect("/assessments/" + std::to_string(a->id) + "/gaps");
  });
  r.get(R"(/assessments/(\d+)/export\.(csv|xlsx))", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    const auto& fw = framework_of(c, a);
    AssessRepo repo(c.db, c.actor());
    std::string name = "checklist-" + a.period + "." + c.path_arg(2);
    c.res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    if (c.path_arg(2) == "csv") {
      c.res.set_content(assess::export_csv(fw, a, repo.answers(a.id), repo.evidence(a.id)), "text/csv; charset=utf-8");
      return;
    }
    std::string bytes = bytes_via_temp_file([&](const std::string& path) { assess::export_xlsx(fw, a, repo.answers(a.id), repo.evidence(a.id), path); }, ".xlsx");
    c.res.set_content(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
  r.post(R"(/assessments/(\d+)/import)", [](Ctx& c) {
    c.require_edit();
    auto a = need_assessment(c, c.path_id(1));
    framework_of(c, a);  // 500 when its framework is not loaded
    if (!c.req.has_file("file"))
      throw FieldError("file", "CSV ファイルを選んでください。", "Choose a CSV file.", "required",
                       "file: choose a CSV file");
    const auto& f = c.req.get_file_value("file");
    auto svc = assess_service(c);
    std::string b;
    try {
      auto res = assess::import_file(svc, a, f.filename, f.content);
      b = "<p class=\"flash\">" + std::to_string(res.rows) + (c.lang == "en" ? " row(s) read (" : " 行を読み込みました（") + esc(res.encoding) + "): " +
          std::to_string(res.changed) + (c.lang == "en" ? " changed, " : " 件更新、") + std::to_string(res.unchanged) + (c.lang == "en" ? " unchanged." : " 件変更なし。") + "</p>";
    } catch (const assess::ImportError& e) {
      b = "<div class=\"error\" role=\"alert\"><p>" + std::string(c.lang == "en" ? "Nothing was imported:" : "取り込みは行われませんでした:") + "</p><ul>";
      for (const auto& i : e.issues()) b += "<li>" + esc(i.str()) + "</li>";
      b += "</ul></div>";
      c.res.status = 422;
    }
    b += "<p><a href=\"/assessments/" + std::to_string(a.id) + "\">← " + esc(a.period) + "</a></p>";
    int status = c.res.status == 422 ? 422 : 200;
    c.html(layout(c, "import", b), status);
  });
}

}  // namespace anzen::web
