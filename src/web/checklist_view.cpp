#include "web/checklist_view.h"

#include <algorithm>

#include "assess/maturity.h"
#include "assess/scoring.h"
#include "catalog/catalog_dir.h"
#include "common/invalid.h"
#include "common/text.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"

namespace anzen::web {
using assess::Answer;
using assess::Status;

namespace {

std::string opt(const std::string& value, const std::string& label, const std::string& current) {
  return "<option value=\"" + esc(value) + "\"" + (value == current ? " selected" : "") + ">" +
         esc(label) + "</option>";
}

// Filters come from the query string only: the row forms post a field called status too.
std::string query(const Ctx& c, const std::string& name) {
  return c.req.has_param(name) ? c.req.get_param_value(name) : "";
}

// The checklist's own query (filters, expansion) to carry through a row save and back.
std::string filter_query(const Ctx& c) {
  std::string q;
  for (const char* k : {"chapter", "threat", "status", "owner", "q", "expand"}) {
    std::string v = query(c, k);
    if (!v.empty()) q += (q.empty() ? "" : "&") + std::string(k) + "=" + url_encode(v);
  }
  return q;
}

std::string message_for(const Ctx& c, const std::string& what) {
  // The repository names the field first ("na_reason: …"); the reason rule gets the user's words.
  if (what.rfind("na_reason", 0) == 0) {
    return c.lang == "en" ? "Not applicable needs a reason: enter why this question does not apply."
                          : "対象外とするには理由が必要です。理由を入力してください。";
  }
  return what;
}

const catalog::Item* ancestor(const catalog::Framework& fw, const catalog::Item& it,
                              const std::string& kind) {
  for (const catalog::Item* p = fw.find(it.parent); p;
       p = p->parent.empty() ? nullptr : fw.find(p->parent)) {
    if (p->kind == kind) return p;
  }
  return nullptr;
}

struct Progress {
  int total = 0, answered = 0, implemented = 0;
};

std::string progress_html(const Ctx& c, const Progress& p) {
  bool en = c.lang == "en";
  return "<span class=\"progress\"><progress max=\"" + std::to_string(p.total) + "\" value=\"" +
         std::to_string(p.answered) + "\"></progress> <span class=\"answered\">" +
         std::to_string(p.answered) + "</span>/" + std::to_string(p.total) +
         (en ? " answered · " : " 回答 · ") + esc(c.t("status.implemented")) + " " +
         std::to_string(p.implemented) + "</span>";
}

std::string row_html(Ctx& c, const assess::Assessment& a, const catalog::Framework& fw,
                     const catalog::Question& q, bool rec, const Answer& an,
                     const std::string* error, bool edit) {
  bool en = c.lang == "en";
  std::string qid = esc(q.id), aid = std::to_string(a.id);
  std::string link = "/assessments/" + aid + "/questions/" + url_encode(q.id);
  std::string h = "<div class=\"q-id\"><a href=\"" + link + "\">" + qid +
                  "</a> <span class=\"rec\" title=\"" +
                  esc(en ? (rec ? "Recommended for your role" : "Not recommended for your role")
                         : (rec ? "この立場で推奨" : "この立場では推奨対象外")) +
                  "\">" + (rec ? "○" : "－") + "</span></div><div class=\"q-text\">" +
                  esc(q.text.in(c.lang)) + authored_badge(c, q.author, true) + "</div>";
  std::string mat = an.maturity ? std::to_string(*an.maturity) : "";
  if (!edit) {
    return "<div class=\"qrow\" id=\"row-" + qid + "\">" + h + "<div class=\"q-status\">" +
           status_badge(c, an.status, fw.answer_scale) +
           (an.na_reason.empty() ? "" : " <span class=\"muted\">" + esc(an.na_reason) + "</span>") +
           "</div><div class=\"q-mat num\">" + mat + "</div><div class=\"q-owner\">" +
           esc(an.owner) + "</div><div class=\"q-due\">" + esc(an.due) +
           "</div><div class=\"q-save\"></div></div>";
  }
  std::string fq = filter_query(c);
  h = "<form class=\"qrow" + std::string(error ? " has-error" : "") + "\" id=\"row-" + qid +
      "\" method=\"post\" action=\"" + link + "/row" + (fq.empty() ? "" : "?" + esc(fq)) +
      "\" data-api=\"/api/v1/assessments/" + aid + "/answers/" + esc(url_encode(q.id)) + "\">" +
      csrf_field(c) + h;
  std::string st = assess::to_string(an.status);
  h += "<div class=\"q-status\"><label class=\"vh\" for=\"st-" + qid + "\">" + qid + " " +
       esc(c.t("common.status")) + "</label><select name=\"status\" id=\"st-" + qid + "\"" +
       (error ? " aria-invalid=\"true\" aria-describedby=\"err-" + qid + "\"" : "") + ">";
  for (Status s : assess::all_statuses())
    h += opt(assess::to_string(s), c.t(status_key(s, fw.answer_scale)), st);
  bool show_reason = an.status == Status::not_applicable || error;
  h += "</select><label class=\"vh\" for=\"na-" + qid + "\">" +
       esc(en ? "Reason for not applicable" : "対象外の理由") +
       "</label><input type=\"text\" class=\"na\" name=\"na_reason\" id=\"na-" + qid +
       "\" value=\"" + esc(an.na_reason) + "\" placeholder=\"" +
       esc(en ? "Reason (required)" : "対象外の理由（必須）") + "\"" +
       (show_reason ? "" : " hidden") + "></div>";
  h += "<div class=\"q-mat\"><label class=\"vh\" for=\"mt-" + qid + "\">" + qid + " " +
       (en ? "Maturity" : "成熟度") + "</label><select name=\"maturity\" id=\"mt-" + qid + "\">" +
       opt("", "–", mat);
  for (const auto& lv : c.catalogs.scale().levels)
    h += opt(std::to_string(lv.level), std::to_string(lv.level) + " " + lv.name.in(c.lang), mat);
  h += "</select></div><div class=\"q-owner\"><label class=\"vh\" for=\"ow-" + qid + "\">" + qid +
       " " + esc(c.t("common.owner")) + "</label><input type=\"text\" name=\"owner\" id=\"ow-" +
       qid + "\" value=\"" + esc(an.owner) +
       "\"></div><div class=\"q-due\"><label class=\"vh\" for=\"du-" + qid + "\">" + qid + " " +
       esc(c.t("common.due")) + "</label><input type=\"date\" name=\"due\" id=\"du-" + qid +
       "\" value=\"" + esc(an.due) +
       "\"></div><div class=\"q-save\"><button type=\"submit\" class=\"secondary row-save\">" +
       esc(c.t("common.save")) +
       "</button><span class=\"row-state\" role=\"status\" aria-live=\"polite\"></span></div>";
  h += "<p class=\"row-error\" id=\"err-" + qid + "\" role=\"alert\"" + (error ? "" : " hidden") +
       ">" + (error ? esc(*error) : "") + "</p></form>";
  return h;
}

}  // namespace

std::string checklist_body(Ctx& c, const assess::Assessment& a,
                           const std::map<std::string, RowError>& errors) {
  bool en = c.lang == "en";
  const auto& fw = framework_of(c, a);
  assess::AssessRepo repo(c.db, c.actor());
  auto answers = repo.answers(a.id);
  std::string f_ch = query(c, "chapter"), f_th = query(c, "threat"), f_st = query(c, "status"),
              f_ow = query(c, "owner"), f_q = query(c, "q"), expand = query(c, "expand");
  bool filtered = !(f_ch + f_th + f_st + f_ow + f_q).empty();
  assess::ScoringConfig cfg;
  auto sc = assess::score(fw, a.role, answers, cfg);
  std::string aid = std::to_string(a.id);
  std::string b =
      "<h1>" + esc(fw.title.in(c.lang)) + " — " + esc(a.period) + "</h1><p class=\"muted\">" +
      esc(c.t("role." + a.role)) + " · " + esc(c.t("dash.coverage")) + " <strong>" +
      text::percent(sc.overall.coverage(cfg)) + "</strong> · " +
      std::to_string(sc.overall.answered) + "/" + std::to_string(sc.overall.questions) +
      " · <a href=\"/assessments/" + aid + "/gaps\">" + esc(c.t("nav.gaps")) +
      "</a> · <a href=\"/assessments/" + aid + "/export.xlsx\">XLSX</a> · <a href=\"/assessments/" +
      aid + "/export.csv\">CSV</a> · <a href=\"/assessments/" + aid + "/reports\">" +
      esc(c.t("nav.reports")) + "</a></p>";
  // Filters: a GET form, so every filter is in the URL (bookmarkable, kept across saves).
  b += "<form class=\"filters\" method=\"get\"><div><label for=\"f-ch\">" +
       std::string(en ? "Chapter" : "章") + "</label><select id=\"f-ch\" name=\"chapter\">" +
       opt("", c.t("common.all"), f_ch);
  for (const auto& it : fw.items) {
    if (it.kind == "chapter") b += opt(it.id, it.label + " " + it.title.in(c.lang), f_ch);
  }
  b += "</select></div><div><label for=\"f-th\">" + std::string(en ? "Threat" : "脅威") +
       "</label><select id=\"f-th\" name=\"threat\">" + opt("", c.t("common.all"), f_th);
  for (const auto& t : catalog::threat_tags()) b += opt(t, c.t("threat." + t), f_th);
  b += "</select></div><div><label for=\"f-st\">" + esc(c.t("common.status")) +
       "</label><select id=\"f-st\" name=\"status\">" + opt("", c.t("common.all"), f_st);
  for (Status s : assess::all_statuses())
    b += opt(assess::to_string(s), c.t(status_key(s, fw.answer_scale)), f_st);
  b += "</select></div><div><label for=\"f-ow\">" + esc(c.t("common.owner")) +
       "</label><input type=\"text\" id=\"f-ow\" name=\"owner\" value=\"" + esc(f_ow) +
       "\" size=\"10\"></div><div><label for=\"f-q\">" + esc(c.t("common.search")) +
       "</label><input type=\"text\" id=\"f-q\" name=\"q\" value=\"" + esc(f_q) +
       "\" size=\"14\"></div><button type=\"submit\">" + esc(c.t("common.filter")) + "</button>";
  auto with_expand = [&](const std::string& v) {
    std::string q;
    for (const char* k : {"chapter", "threat", "status", "owner", "q"}) {
      if (!query(c, k).empty()) q += std::string(k) + "=" + url_encode(query(c, k)) + "&";
    }
    return "/assessments/" + aid + "?" + q + "expand=" + v;
  };
  b += " <a href=\"" + esc(with_expand("all")) + "\" id=\"expand-all\">" +
       (en ? "Open all" : "すべて開く") + "</a> <a href=\"" + esc(with_expand("none")) +
       "\" id=\"collapse-all\">" + (en ? "Close all" : "すべて閉じる") + "</a></form>";
  b += "<p class=\"muted kbd-help\">" +
       std::string(en ? "Changes save themselves. Tab moves between fields, Alt+↓ / Alt+↑ to the "
                        "same field of the next / previous question."
                      : "変更は自動で保存されます。Tab で項目間を、Alt+↓ / Alt+↑ "
                        "で次／前の設問の同じ項目へ移動します。") +
       "</p>";

  bool edit = c.user && can_edit(c.user->role);
  std::string head = "<div class=\"qhead\" aria-hidden=\"true\"><div>" + esc(c.t("common.id")) +
                     "</div><div>" + esc(c.t("catalog.questions")) + "</div><div>" +
                     esc(c.t("common.status")) + "</div><div>" + (en ? "Maturity" : "成熟度") +
                     "</div><div>" + esc(c.t("common.owner")) + "</div><div>" +
                     esc(c.t("common.due")) + "</div><div></div></div>";
  std::string fold_q = text::fold(f_q), fold_ow = text::fold(f_ow);
  bool opened_default = false;
  int shown = 0;
  b += "<div class=\"checklist\" data-saved=\"" + esc(en ? "Saved" : "保存しました") +
       "\" data-saving=\"" + esc(en ? "Saving…" : "保存中…") + "\" data-failed=\"" +
       esc(en ? "Not saved" : "未保存") + "\" data-na=\"" + esc(message_for(c, "na_reason")) +
       "\">";
  for (const auto& chapter : fw.items) {
    if (chapter.kind != "chapter" || (!f_ch.empty() && chapter.id != f_ch)) continue;
    Progress prog;
    std::string rows, current_item;
    bool has_error = false, has_open_work = false;
    for (const catalog::Item* chk : fw.checks()) {
      const catalog::Item* ch = ancestor(fw, *chk, "chapter");
      if (!ch || ch->id != chapter.id) continue;
      bool rec = assess::recommended_for(*chk, a.role);
      bool threat_ok = f_th.empty() || std::find(chk->threats.begin(), chk->threats.end(), f_th) !=
                                           chk->threats.end();
      const catalog::Item* item = ancestor(fw, *chk, "item");
      if (!item) item = fw.find(chk->parent);
      for (const auto& q : chk->questions) {
        Answer an;
        if (auto it = answers.find(q.id); it != answers.end()) an = it->second;
        ++prog.total;
        if (an.status != Status::unanswered) ++prog.answered;
        if (an.status == Status::implemented) ++prog.implemented;
        if (an.status == Status::unanswered) has_open_work = true;
        auto err = errors.find(q.id);
        if (err == errors.end()) {
          if (!threat_ok || (!f_st.empty() && assess::to_string(an.status) != f_st)) continue;
          if (!fold_ow.empty() && text::fold(an.owner).find(fold_ow) == std::string::npos) continue;
          if (!fold_q.empty() &&
              text::fold(q.text.ja + q.text.en + q.id).find(fold_q) == std::string::npos)
            continue;
        } else {
          has_error = true;
        }
        ++shown;
        if (item && item->id != current_item) {
          current_item = item->id;
          rows += "<h3 class=\"item-title\">" + esc(item->label) + " " +
                  esc(item->title.in(c.lang)) + "</h3>";
        }
        rows += err == errors.end()
                    ? row_html(c, a, fw, q, rec, an, nullptr, edit)
                    : row_html(c, a, fw, q, rec, err->second.typed, &err->second.message, edit);
      }
    }
    if (rows.empty()) continue;
    // Open: on request, when filtered, where an error is, and else the first chapter with work
    // left.
    bool open = expand == "all" || has_error ||
                (expand != "none" && (filtered || (!opened_default && has_open_work)));
    if (open && !filtered && expand.empty()) opened_default = true;
    b += "<details class=\"chapter\" id=\"ch-" + esc(chapter.id) + "\"" + (open ? " open" : "") +
         "><summary><span class=\"ch-title\">" + esc(chapter.label) + " " +
         esc(chapter.title.in(c.lang)) + "</span> " + progress_html(c, prog) + "</summary>" + head +
         rows + "</details>";
  }
  b += "</div><p class=\"muted\">" + std::to_string(shown) +
       (en ? " question(s) shown" : " 件表示") + "</p>";
  if (edit) b += "<script src=\"/static/checklist.js\" defer></script>";
  return b;
}

void save_checklist_row(Ctx& c) {
  c.require_edit();
  auto a = need_assessment(c, c.path_id(1));
  const auto& fw = framework_of(c, a);
  std::string qid = url_decode(c.path_arg(2));
  if (!fw.question(qid)) throw HttpError(404, "no such question");
  assess::AssessRepo repo(c.db, c.actor());
  Answer next;
  if (auto cur = repo.answers(a.id, qid); !cur.empty()) next = cur.begin()->second;
  next.question_id = qid;
  std::string error;
  auto st = assess::status_from(c.param("status"));
  if (st)
    next.status = *st;
  else
    error = "status: unknown value '" + c.param("status") + "'";
  next.na_reason = c.param("na_reason");
  std::string m = c.param("maturity");
  if (m.empty())
    next.maturity.reset();
  else if (m.size() == 1 && std::isdigit(static_cast<unsigned char>(m[0])))
    next.maturity = m[0] - '0';
  else
    error =
        c.lang == "en" ? "Choose a level of the maturity scale." : "成熟度の段階を選んでください。";
  next.owner = c.param("owner");
  next.due = c.param("due");
  if (error.empty()) {
    try {
      repo.set_answer(a, fw, next);
    } catch (const std::invalid_argument& e) {
      Invalid v = as_invalid(e);
      error = v.field == "na_reason" ? v.field : v.in(c.lang);  // message_for words the reason rule
    }
  }
  if (!error.empty()) {
    c.html(layout(c, a.period + " " + fw.title.in(c.lang),
                  checklist_body(c, a, {{qid, {next, message_for(c, error)}}})),
           400);
    return;
  }
  std::string fq = filter_query(c);
  c.redirect("/assessments/" + std::to_string(a.id) + (fq.empty() ? "" : "?" + fq) + "#row-" +
             url_encode(qid));
}

}  // namespace anzen::web
