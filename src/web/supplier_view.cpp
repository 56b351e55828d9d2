#include "web/supplier_view.h"

#include "common/clock.h"
#include "common/invalid.h"
#include "common/vocabulary.h"
#include "web/accounts.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"

namespace anzen::web {

supplier::Suppliers suppliers_for(Ctx& c, const std::string& actor) {
  return supplier::Suppliers(
      c.db, c.catalogs.risk_matrix(), actor, [&clock = c.clock] { return clock.now_iso(); },
      [] { return random_token(); });
}

std::string qstatus_badge(const Ctx& c, supplier::QStatus s) {
  return "<span class=\"badge q-" + supplier::to_string(s) + "\">" +
         esc(supplier::label(s).in(c.lang)) + "</span>";
}

std::string questions_table(const Ctx& c, const supplier::Questionnaire& q,
                            const supplier::QAnswers& answers, bool editable) {
  std::string h = "<table class=\"questions\"><thead><tr><th>" + tx(c, "番号", "No.") +
                  "</th><th>" + tx(c, "質問", "Question") + "</th><th>" + tx(c, "回答", "Answer") +
                  "</th><th>" + tx(c, "コメント", "Comment") + "</th></tr></thead><tbody>";
  for (const auto& x : q.questions) {
    auto it = answers.find(x.id);
    supplier::QAnswer a = it == answers.end() ? supplier::QAnswer{} : it->second;
    std::string text = esc(x.text.in(c.lang));
    if (x.framework.empty())
      text += " <span class=\"muted\">" + tx(c, "（独自の質問）", "(custom question)") + "</span>";
    if (!x.source.empty())
      text += "<br><span class=\"muted\">" + esc(x.framework + " " + x.item + " · " + x.source) +
              "</span>";
    if (!a.review_comment.empty()) {
      text += "<p class=\"review-comment\"><strong>" + tx(c, "確認者のコメント: ", "Reviewer: ") +
              "</strong>" + esc(a.review_comment) + "</p>";
    }
    std::string ans, comment;
    if (editable) {
      ans = "<select name=\"st_" + esc(x.id) + "\" aria-label=\"" + esc(x.id) + " " +
            tx(c, "回答", "answer") + "\"><option value=\"\">" + esc(c.t("status.unanswered")) +
            "</option>";
      for (auto s : assess::all_statuses()) {
        if (s == assess::Status::unanswered) continue;
        ans += "<option value=\"" + assess::to_string(s) + "\"" +
               (s == a.status ? " selected" : "") + ">" + esc(c.t(status_key(s))) + "</option>";
      }
      ans += "</select>";
      comment = "<textarea name=\"cm_" + esc(x.id) + "\" rows=\"2\" aria-label=\"" + esc(x.id) +
                " " + tx(c, "コメント", "comment") + "\">" + esc(a.comment) + "</textarea>";
    } else {
      ans = status_badge(c, a.status);
      comment = esc(a.comment);
    }
    h += "<tr id=\"q-" + esc(x.id) + "\"><td>" + esc(x.id) + "</td><td>" + text + "</td><td>" +
         ans + "</td><td>" + comment + "</td></tr>";
  }
  return h + "</tbody></table>";
}

int save_form_answers(Ctx& c, supplier::Suppliers& svc, const supplier::Questionnaire& q) {
  int n = 0;
  auto cur = svc.answers(q.id);
  c.db.transaction([&] {
    for (const auto& x : q.questions) {
      std::string st = c.param("st_" + x.id), cm = c.param("cm_" + x.id);
      if (st.empty()) continue;
      auto status = assess::status_from(st);
      if (!status)
        throw Invalid("st_" + x.id, "回答は一覧から選んでください。",
                      "Choose the answer from the list.", "not_in_list",
                      x.id + ": '" + st + "' is not an answer");
      auto it = cur.find(x.id);
      if (it != cur.end() && it->second.status == *status && it->second.comment == cm) continue;
      try {
        svc.set_answer(q, x.id, *status, cm);
      } catch (const std::invalid_argument& e) {
        // The question's number leads the message: the form holds one row per question.
        Invalid v = as_invalid(e);
        throw Invalid((v.field == "comment" ? "cm_" : "st_") + x.id, x.id + "：" + v.ja,
                      x.id + ": " + v.en, v.code, x.id + ": " + e.what());
      }
      ++n;
    }
  });
  return n;
}

std::string history_list(const Ctx& c, const std::vector<supplier::Event>& events) {
  std::string h = "<h2>" + tx(c, "履歴", "History") + "</h2><table><thead><tr><th>" +
                  tx(c, "日時", "When") + "</th><th>" + tx(c, "実施者", "Who") + "</th><th>" +
                  tx(c, "操作", "What") + "</th><th>" + tx(c, "内容", "Detail") +
                  "</th></tr></thead><tbody>";
  for (const auto& e : events) {
    std::string what = vocab::label_or_code("qevent", e.action, c.lang);
    // An answer's detail is a status code: show its label, never the code.
    std::string detail = e.detail;
    if (e.action == "answer") {
      if (auto st = assess::status_from(e.detail)) detail = c.t(status_key(*st));
    }
    h += "<tr><td>" + when_html(e.at, c.lang) + "</td><td>" + esc(e.actor) + "</td><td>" +
         esc(what) + (e.question_id.empty() ? "" : " " + esc(e.question_id)) + "</td><td>" +
         esc(detail) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

}  // namespace anzen::web

namespace anzen::web {

supplier::Questionnaire need_visible_questionnaire(Ctx& c, int64_t id) {
  auto q = suppliers_for(c, c.actor()).questionnaire(id, c.org());
  // A supplier user is one of the addressed organisation, never the sender's.
  if (!q || (c.user && c.user->role == Role::supplier && q->org_id == c.org()))
    throw HttpError(404, "not found");
  return *q;
}

bool may_answer(const Ctx& c) {
  return c.user && (can_edit(c.user->role) || c.user->role == Role::supplier);
}

void require_answer(const Ctx& c) {
  if (!may_answer(c)) throw HttpError(403, "your role cannot answer questionnaires");
}

std::string evidence_section(const Ctx& c, const supplier::Questionnaire& q,
                             supplier::Suppliers& svc, bool upload, const std::string& base,
                             const std::string& hidden) {
  std::string h = "<h2>" + tx(c, "証跡ファイル", "Evidence files") + "</h2>";
  auto files = svc.answer_files(q.id);
  if (files.empty())
    h += "<p class=\"muted\">—</p>";
  else {
    h += "<table><thead><tr><th>" + tx(c, "番号", "No.") + "</th><th>" + tx(c, "ファイル", "File") +
         "</th><th>" + tx(c, "大きさ", "Size") + "</th><th>" + tx(c, "登録者", "By") +
         "</th></tr></thead><tbody>";
    for (const auto& f : files) {
      h += "<tr><td>" + esc(f.question_id) + "</td><td><a href=\"" + esc(base) + "/evidence/" +
           std::to_string(f.id) + "\">" + esc(f.filename) + "</a></td><td>" +
           std::to_string(f.size) + "</td><td>" + esc(f.uploaded_by) + "</td></tr>";
    }
    h += "</tbody></table>";
  }
  if (upload) {
    h += "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" + esc(base) +
         "/evidence\">" + hidden + "<label for=\"ev-q\">" + tx(c, "質問", "Question") +
         "</label><select id=\"ev-q\" name=\"question\">";
    for (const auto& x : q.questions)
      h += "<option value=\"" + esc(x.id) + "\">" + esc(x.id) + "</option>";
    h += "</select><label for=\"ev-file\">" +
         tx(c, "ファイル（20 MB まで）", "File (up to 20 MB)") +
         "</label><input type=\"file\" id=\"ev-file\" name=\"file\" required> <button "
         "type=\"submit\">" +
         tx(c, "添付", "Attach") + "</button></form>";
  }
  return h;
}

void attach_posted_evidence(Ctx& c, supplier::Suppliers& svc, const supplier::Questionnaire& q) {
  if (!c.req.has_file("file"))
    throw Invalid("file", "添付するファイルを選んでください。", "Choose a file to attach.",
                  "required", "file: choose a file to attach");
  const auto& f = c.req.get_file_value("file");
  not_found_on_range([&] { svc.add_answer_file(q, c.param("question"), f.filename, f.content); });
}

void send_evidence_file(Ctx& c, supplier::Suppliers& svc, const supplier::Questionnaire& q,
                        int64_t file_id) {
  auto f = svc.answer_file(q.id, file_id);
  if (!f) throw HttpError(404, "not found");
  c.res.set_header("Content-Disposition", "attachment; filename=\"evidence\"; filename*=UTF-8''" +
                                              url_encode(f->first.filename));
  c.res.set_content(f->second, f->first.mime);
}

}  // namespace anzen::web
