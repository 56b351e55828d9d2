// Suppliers: the register, questionnaires sent and their review (operator side), questionnaires
// received (the maker's side, answered by its users in the application) and shared snapshots.
#include <algorithm>

#include "catalog/catalog_dir.h"
#include "common/clock.h"
#include "common/invalid.h"
#include "risk/repo.h"
#include "web/accounts.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/supplier_view.h"

namespace anzen::web {

namespace {
std::string field(const std::string& id, const std::string& label, const std::string& type = "text",
                  bool required = false, const std::string& extra = "") {
  return "<label for=\"" + id + "\">" + esc(label) + "</label><input type=\"" + type + "\" id=\"" +
         id + "\" name=\"" + id + "\"" + (required ? " required" : "") + extra + ">";
}

supplier::Questionnaire need_questionnaire(Ctx& c, int64_t id) {
  return need_visible_questionnaire(c, id);
}

// The maker's side of a questionnaire is the organisation it is addressed to, not the sender.
bool is_supplier_side(const Ctx& c, const supplier::Questionnaire& q) {
  return q.org_id != c.org();
}

std::string questionnaire_rows(Ctx& c, const std::vector<supplier::Questionnaire>& qs,
                               bool show_supplier) {
  auto svc = suppliers_for(c, c.actor());
  std::string today = c.clock.today_jst();
  std::string h = "<table><thead><tr><th>ID</th>" +
                  std::string(show_supplier ? "<th>" + tx(c, "委託先", "Supplier") + "</th>" : "") +
                  "<th>" + tx(c, "様式", "Template") + "</th><th>" + tx(c, "状態", "Status") +
                  "</th><th>" + tx(c, "回答期限", "Due") + "</th></tr></thead><tbody>";
  for (const auto& q : qs) {
    std::string name;
    if (show_supplier) {
      auto s = svc.supplier(q.org_id, q.supplier_id);
      name = "<td>" + esc(s ? s->name : "") + "</td>";
    }
    bool overdue = q.due < today && supplier::answerable(q.status);
    h += "<tr><td><a href=\"/questionnaires/" + std::to_string(q.id) + "\">" +
         std::to_string(q.id) + "</a></td>" + name + "<td>" + esc(q.tmpl) + "</td><td>" +
         qstatus_badge(c, q.status) + "</td><td>" + esc(q.due) +
         (overdue ? " <span class=\"badge overdue\">" + tx(c, "期限超過", "overdue") + "</span>"
                  : "") +
         "</td></tr>";
  }
  return h + "</tbody></table>";
}

void suppliers_page(Ctx& c) {
  auto svc = suppliers_for(c, c.actor());
  std::string b = "<h1>" + tx(c, "委託先・供給者", "Suppliers") + "</h1>";
  auto list = svc.suppliers(c.org());
  b += "<table><thead><tr><th>" + tx(c, "名称", "Name") + "</th><th>" +
       tx(c, "法人番号", "Corporate number") + "</th><th>" + tx(c, "提供サービス", "Services") +
       "</th><th>" + tx(c, "契約期間", "Contract") + "</th><th>" + tx(c, "重要度", "Criticality") +
       "</th></tr></thead><tbody>";
  for (const auto& s : list) {
    std::string services;
    for (const auto& x : s.services) services += (services.empty() ? "" : "、") + x;
    b += "<tr><td><a href=\"/suppliers/" + std::to_string(s.id) + "\">" + esc(s.name) +
         "</a></td><td>" + esc(s.corporate_number) + "</td><td>" + esc(services) + "</td><td>" +
         esc(s.contract_start) + (s.contract_start.empty() && s.contract_end.empty() ? "" : " – ") +
         esc(s.contract_end) + "</td><td>" +
         esc(supplier::criticality_label(s.criticality).in(c.lang)) + "</td></tr>";
  }
  b += "</tbody></table>";
  if (list.empty())
    b += "<p class=\"muted\">" + tx(c, "登録された委託先はありません。", "No suppliers yet.") +
         "</p>";
  if (c.user && can_edit(c.user->role)) {
    b += "<h2>" + tx(c, "委託先を登録", "Add a supplier") +
         "</h2><form method=\"post\" action=\"/suppliers\">" + csrf_field(c) +
         field("name", tx(c, "名称", "Name"), "text", true) +
         field("corporate_number",
               tx(c, "法人番号（13桁、任意）", "Corporate number (13 digits, optional)"), "text",
               false, " inputmode=\"numeric\" pattern=\"[0-9]{13}\"") +
         field("contact", tx(c, "連絡先", "Contact")) +
         field("services", tx(c, "提供サービス（読点区切り）", "Services (comma-separated)")) +
         field("contract_start", tx(c, "契約開始日", "Contract start"), "date") +
         field("contract_end", tx(c, "契約終了日", "Contract end"), "date") +
         "<label for=\"criticality\">" + tx(c, "重要度", "Criticality") +
         "</label><select id=\"criticality\" name=\"criticality\">";
    for (const char* k : {"high", "medium", "low"}) {
      b += "<option value=\"" + std::string(k) + "\"" +
           (std::string(k) == "medium" ? " selected" : "") + ">" +
           esc(supplier::criticality_label(k).in(c.lang)) + "</option>";
    }
    b += "</select><button type=\"submit\">" + tx(c, "登録", "Add") + "</button></form>";
  }
  auto sent = svc.sent_by(c.org());
  if (!sent.empty())
    b += "<h2>" + tx(c, "送付した質問票", "Questionnaires sent") + "</h2>" +
         questionnaire_rows(c, sent, true);
  auto received = svc.addressed_to(c.org());
  if (!received.empty())
    b += "<h2>" + tx(c, "届いた質問票", "Questionnaires received") + "</h2>" +
         questionnaire_rows(c, received, false);
  b += "<p><a href=\"/suppliers/overdue\">" + tx(c, "再評価の期限超過", "Overdue re-assessments") +
       "</a> · <a href=\"/suppliers/workbook.xlsx\">" +
       tx(c, "委託先の状況（Excel）", "Suppliers workbook (Excel)") +
       "</a> · <a href=\"/questionnaires\">" + tx(c, "届いた質問票", "Questionnaires received") +
       "</a></p>";
  b += "<p><a href=\"/snapshots\">" +
       tx(c, "共有された回答（スナップショット）", "Shared answers (snapshots)") + "</a></p>";
  c.html(layout(c, tx(c, "委託先", "Suppliers"), b));
}

void supplier_page(Ctx& c) {
  auto svc = suppliers_for(c, c.actor());
  auto s = svc.supplier(c.org(), c.path_id(1));
  if (!s) throw HttpError(404, "not found");
  std::string b = "<h1>" + esc(s->name) + "</h1><dl>";
  auto row = [&](const std::string& k, const std::string& v) {
    b += "<dt>" + k + "</dt><dd>" + esc(v) + "</dd>";
  };
  row(tx(c, "法人番号", "Corporate number"), s->corporate_number);
  row(tx(c, "連絡先", "Contact"), s->contact);
  std::string services;
  for (const auto& x : s->services) services += (services.empty() ? "" : "、") + x;
  row(tx(c, "提供サービス", "Services"), services);
  row(tx(c, "契約期間", "Contract"), s->contract_start + " – " + s->contract_end);
  row(tx(c, "重要度", "Criticality"), supplier::criticality_label(s->criticality).in(c.lang));
  b += "</dl>";
  b += supplier_detail_sections(c, *s);
  std::vector<supplier::Questionnaire> mine;
  for (const auto& q : svc.sent_by(c.org())) {
    if (q.supplier_id == s->id) mine.push_back(q);
  }
  b += "<h2>" + tx(c, "質問票", "Questionnaires") + "</h2>" + questionnaire_rows(c, mine, false);
  if (c.user && can_edit(c.user->role)) {
    b +=
        "<h2>" + tx(c, "質問票を送付", "Send a questionnaire") +
        "</h2><form method=\"post\" action=\"/suppliers/" + std::to_string(s->id) + "/send\">" +
        csrf_field(c) + "<label for=\"template\">" + tx(c, "様式", "Template") +
        "</label><select id=\"template\" name=\"template\">" + "<option value=\"maker\">" +
        tx(c, "メーカー等の項目（表2 ○ 89行）", "Maker column (表2, 89 rows)") + "</option>" +
        "<option value=\"tcs-2023:10\">" + tx(c, "第10章 外部委託", "Chapter 10: outsourcing") +
        "</option></select>" +
        field("custom_template", tx(c, "または フレームワーク[:項目,…]", "or FRAMEWORK[:ITEM,…]")) +
        "<label for=\"custom\">" +
        tx(c, "独自の質問（1行に1問）", "Custom questions (one per line)") +
        "</label><textarea id=\"custom\" name=\"custom\" rows=\"3\"></textarea>" +
        field("due", tx(c, "回答期限", "Due"), "date", true) + "<button type=\"submit\">" +
        tx(c, "送付", "Send") + "</button></form>";
  }
  c.html(layout(c, s->name, b));
}

void questionnaire_page(Ctx& c) {
  auto q = need_questionnaire(c, c.path_id(1));
  auto svc = suppliers_for(c, c.actor());
  auto answers = svc.answers(q.id);
  bool supplier_side = is_supplier_side(c, q);
  bool edit = c.user && can_edit(c.user->role);
  bool answer = may_answer(c);
  std::string id = std::to_string(q.id);
  std::string b = "<h1>" + tx(c, "質問票 ", "Questionnaire ") + id + " " +
                  qstatus_badge(c, q.status) + "</h1><p>" + esc(q.tmpl) + " · " +
                  tx(c, "回答期限 ", "due ") + esc(q.due) + " · " + std::to_string(answers.size()) +
                  " / " + std::to_string(q.questions.size()) + "</p>";
  if (!c.param("token").empty()) {
    b += "<p class=\"notice\" role=\"status\">" +
         tx(c, "回答用リンク（この画面でのみ表示されます）: ", "Portal link (shown only now): ") +
         "<code>/portal/" + esc(c.param("token")) + "</code></p>";
  }
  if (supplier_side && supplier::answerable(q.status) && answer) {
    b += "<form method=\"post\" action=\"/questionnaires/" + id + "/answers\">" + csrf_field(c) +
         questions_table(c, q, answers, true) + "<p><button type=\"submit\">" +
         tx(c, "回答を保存", "Save answers") +
         "</button></p></form><form method=\"post\" action=\"/questionnaires/" + id + "/submit\">" +
         csrf_field(c) + "<button type=\"submit\" class=\"primary\">" +
         tx(c, "提出する", "Submit") + "</button></form>";
  } else if (!supplier_side && q.status == supplier::QStatus::submitted && edit) {
    // Review: a comment box per question; the verdict buttons act on the whole questionnaire.
    b += "<form method=\"post\" action=\"/questionnaires/" + id + "/review\">" + csrf_field(c) +
         questions_table(c, q, answers, false) + "<h2>" + tx(c, "確認", "Review") +
         "</h2><p class=\"muted\">" +
         tx(c, "差し戻す質問にコメントを書いてください。",
            "Write a comment on each question you return.") +
         "</p>";
    for (const auto& x : q.questions) {
      b += "<label for=\"rc_" + esc(x.id) + "\">" + esc(x.id) +
           "</label><input type=\"text\" id=\"rc_" + esc(x.id) + "\" name=\"rc_" + esc(x.id) +
           "\">";
    }
    b += "<label for=\"comment\">" + tx(c, "全体コメント", "Overall comment") +
         "</label><textarea id=\"comment\" name=\"comment\" rows=\"2\"></textarea><p>" +
         "<button type=\"submit\" name=\"verdict\" value=\"accept\" class=\"primary\">" +
         tx(c, "承認", "Accept") + "</button> " +
         "<button type=\"submit\" name=\"verdict\" value=\"return\">" + tx(c, "差戻し", "Return") +
         "</button> " +
         "<button type=\"submit\" name=\"verdict\" value=\"reject\" class=\"secondary\">" +
         tx(c, "却下", "Reject") + "</button></p></form>";
  } else {
    b += questions_table(c, q, answers, false);
  }
  if (!supplier_side && edit && supplier::answerable(q.status)) {
    b += "<form method=\"post\" action=\"/questionnaires/" + id + "/revoke\">" + csrf_field(c) +
         "<button type=\"submit\" class=\"secondary\">" +
         tx(c, "回答用リンクを取り消す", "Revoke portal links") + "</button></form>";
  }
  if (supplier_side && edit && q.status == supplier::QStatus::accepted && q.tmpl == "maker") {
    b += "<form method=\"post\" action=\"/snapshots/take\">" + csrf_field(c) +
         "<input type=\"hidden\" name=\"questionnaire\" value=\"" + id +
         "\"><button type=\"submit\">" +
         tx(c, "この回答を保存して他の事業者と共有する",
            "Keep these answers to share with other operators") +
         "</button></form>";
  }
  b += evidence_section(c, q, svc, supplier_side && supplier::answerable(q.status) && answer,
                        "/questionnaires/" + id, csrf_field(c));
  b += history_list(c, svc.history(q.id));
  c.html(layout(c, tx(c, "質問票", "Questionnaire"), b));
}

void snapshots_page(Ctx& c) {
  auto svc = suppliers_for(c, c.actor());
  bool edit = c.user && can_edit(c.user->role);
  std::string b = "<h1>" + tx(c, "共有された回答", "Shared answers") + "</h1>";
  auto shared = svc.shared_with(c.org());
  b += "<h2>" + tx(c, "自組織に共有されたもの", "Shared with us") + "</h2>";
  if (shared.empty()) b += "<p class=\"muted\">—</p>";
  for (const auto& s : shared) {
    b += "<p><a href=\"/snapshots/" + std::to_string(s.id) + "\">" +
         tx(c, "スナップショット ", "Snapshot ") + std::to_string(s.id) + " (v" +
         std::to_string(s.version) + ", " + when_html(s.created_at, c.lang) + ")</a></p>";
  }
  auto mine = svc.snapshots(c.org());
  if (!mine.empty()) {
    b += "<h2>" + tx(c, "自組織の回答スナップショット", "Our snapshots") + "</h2><ul>";
    for (const auto& s : mine) {
      b += "<li>v" + std::to_string(s.version) + " (" + when_html(s.created_at, c.lang) + ")";
      if (edit) {
        b += " <form class=\"inline\" method=\"post\" action=\"/snapshots/" + std::to_string(s.id) +
             "/share\">" + csrf_field(c) + "<label for=\"with" + std::to_string(s.id) + "\">" +
             tx(c, "共有先の組織ID", "Share with organisation id") + "</label><input id=\"with" +
             std::to_string(s.id) +
             "\" name=\"with\" inputmode=\"numeric\" required> <button type=\"submit\">" +
             tx(c, "共有", "Share") + "</button></form>";
      }
      b += "</li>";
    }
    b += "</ul><h2>" + tx(c, "共有先", "Shares") + "</h2><table><thead><tr><th>ID</th><th>" +
         tx(c, "版", "Version") + "</th><th>" + tx(c, "共有先", "With") + "</th><th>" +
         tx(c, "共有日時", "Granted") + "</th><th>" + tx(c, "取消", "Revoked") +
         "</th></tr></thead><tbody>";
    for (const auto& sh : svc.shares(c.org())) {
      std::string revoke = sh.revoked_at ? when_html(*sh.revoked_at, c.lang)
                           : edit ? "<form class=\"inline\" method=\"post\" action=\"/shares/" +
                                        std::to_string(sh.id) + "/revoke\">" + csrf_field(c) +
                                        "<button type=\"submit\" class=\"secondary\">" +
                                        tx(c, "取り消す", "Revoke") + "</button></form>"
                                  : "";
      b += "<tr><td>" + std::to_string(sh.id) + "</td><td>" + std::to_string(sh.snapshot_id) +
           "</td><td>" + std::to_string(sh.operator_org_id) + "</td><td>" +
           when_html(sh.granted_at, c.lang) + "</td><td>" + revoke + "</td></tr>";
    }
    b += "</tbody></table><h2>" + tx(c, "閲覧記録", "Who opened what") +
         "</h2><table><thead><tr><th>" + tx(c, "日時", "When") + "</th><th>" +
         tx(c, "組織", "Organisation") + "</th><th>" + tx(c, "閲覧者", "Reader") + "</th><th>" +
         tx(c, "スナップショット", "Snapshot") + "</th></tr></thead><tbody>";
    for (const auto& r : svc.reads(c.org())) {
      b += "<tr><td>" + when_html(r.at, c.lang) + "</td><td>" + std::to_string(r.operator_org_id) +
           "</td><td>" + esc(r.reader) + "</td><td>" + std::to_string(r.snapshot_id) + "</td></tr>";
    }
    b += "</tbody></table>";
  }
  c.html(layout(c, tx(c, "共有された回答", "Shared answers"), b));
}

void snapshot_page(Ctx& c) {
  auto snap = suppliers_for(c, c.actor()).read_shared(c.org(), c.path_id(1));
  if (!snap) throw HttpError(404, "not found");
  std::string b = "<h1>" + tx(c, "共有された回答 v", "Shared answers v") +
                  std::to_string(snap->version) + "</h1><p class=\"muted\">" +
                  tx(c, "閲覧は共有元に記録されます。", "The maker sees that you opened this.") +
                  "</p><table><thead><tr><th>" + tx(c, "番号", "No.") + "</th><th>" +
                  tx(c, "質問", "Question") + "</th><th>" + tx(c, "回答", "Answer") + "</th><th>" +
                  tx(c, "コメント", "Comment") + "</th></tr></thead><tbody>";
  for (const auto& x : snap->doc["questions"]) {
    auto st = assess::status_from(x.value("status", "")).value_or(assess::Status::unanswered);
    b += "<tr><td>" + esc(x.value("id", "")) + "</td><td>" +
         esc(c.lang == "en" && !x.value("en", "").empty() ? x.value("en", "") : x.value("ja", "")) +
         "</td><td>" + esc(c.t("status." + assess::to_string(st))) + "</td><td>" +
         esc(x.value("comment", "")) + "</td></tr>";
  }
  c.html(layout(c, tx(c, "共有された回答", "Shared answers"), b + "</tbody></table>"));
}
}  // namespace

void mount_supplier_pages(Router& r) {
  mount_supplier_extra_pages(r);
  r.get("/suppliers", suppliers_page);
  r.post("/suppliers", [](Ctx& c) {
    c.require_edit();
    supplier::Supplier s;
    s.org_id = c.org();
    s.name = c.param("name");
    s.corporate_number = c.param("corporate_number");
    s.contact = c.param("contact");
    for (auto part : {c.param("services")}) {
      size_t pos = 0;
      while (pos < part.size()) {
        size_t next = part.find_first_of(",、", pos);
        std::string one =
            part.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
        if (!one.empty() && one.find_first_not_of(" ") != std::string::npos)
          s.services.push_back(one);
        if (next == std::string::npos) break;
        pos = next + (part.compare(next, 3, "、") == 0 ? 3 : 1);
      }
    }
    s.contract_start = c.param("contract_start");
    s.contract_end = c.param("contract_end");
    s.criticality = c.param("criticality").empty() ? "medium" : c.param("criticality");
    auto made = suppliers_for(c, c.actor()).create_supplier(s);
    c.redirect("/suppliers/" + std::to_string(made.id));
  });
  r.get(R"(/suppliers/(\d+))", supplier_page);
  r.post(R"(/suppliers/(\d+)/send)", [](Ctx& c) {
    c.require_edit();
    std::string tmpl =
        c.param("custom_template").empty() ? c.param("template") : c.param("custom_template");
    auto qs = supplier::build_questions(c.catalogs.catalog(), tmpl);
    std::vector<std::string> custom;
    std::string text = c.param("custom");
    for (size_t pos = 0; pos < text.size();) {
      size_t nl = text.find('\n', pos);
      std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) custom.push_back(line);
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
    supplier::add_custom(qs, custom);
    auto sent = suppliers_for(c, c.actor())
                    .send(c.org(), c.path_id(1), tmpl, std::move(qs), c.param("due"));
    c.redirect("/questionnaires/" + std::to_string(sent.q.id) + "?token=" + url_encode(sent.token));
  });
  r.get(R"(/questionnaires/(\d+))", questionnaire_page);
  r.post(R"(/questionnaires/(\d+)/answers)", [](Ctx& c) {
    require_answer(c);
    auto q = need_questionnaire(c, c.path_id(1));
    if (!is_supplier_side(c, q)) throw HttpError(403, "the supplier answers this questionnaire");
    auto svc = suppliers_for(c, c.actor());
    save_form_answers(c, svc, q);
    c.redirect("/questionnaires/" + std::to_string(q.id));
  });
  r.post(R"(/questionnaires/(\d+)/submit)", [](Ctx& c) {
    require_answer(c);
    auto q = need_questionnaire(c, c.path_id(1));
    if (!is_supplier_side(c, q)) throw HttpError(403, "the supplier submits this questionnaire");
    suppliers_for(c, c.actor()).submit(q);
    c.redirect("/questionnaires/" + std::to_string(q.id));
  });
  r.post(R"(/questionnaires/(\d+)/review)", [](Ctx& c) {
    c.require_edit();
    auto q = need_questionnaire(c, c.path_id(1));
    if (is_supplier_side(c, q)) throw HttpError(403, "the sender reviews this questionnaire");
    auto v = supplier::verdict_from(c.param("verdict"));
    if (!v)
      throw Invalid("verdict", "承認・差戻し・却下のいずれかを選んでください。",
                    "Choose accept, return or reject.", "not_in_list",
                    "verdict: expected accept, return or reject");
    std::map<std::string, std::string> per;
    for (const auto& x : q.questions) {
      if (!c.param("rc_" + x.id).empty()) per[x.id] = c.param("rc_" + x.id);
    }
    suppliers_for(c, c.actor()).review(q, *v, c.param("comment"), per);
    c.redirect("/questionnaires/" + std::to_string(q.id));
  });
  r.post(R"(/questionnaires/(\d+)/revoke)", [](Ctx& c) {
    c.require_edit();
    auto q = need_questionnaire(c, c.path_id(1));
    if (is_supplier_side(c, q)) throw HttpError(403, "the sender revokes links");
    suppliers_for(c, c.actor()).revoke_links(q);
    c.redirect("/questionnaires/" + std::to_string(q.id));
  });
  r.get("/snapshots", snapshots_page);
  r.get(R"(/snapshots/(\d+))", snapshot_page);
  r.post("/snapshots/take", [](Ctx& c) {
    c.require_edit();
    try {
      suppliers_for(c, c.actor()).take_snapshot(c.org(), c.id_param("questionnaire"));
    } catch (const std::out_of_range&) {
      throw HttpError(404, "not found");
    }
    c.redirect("/snapshots");
  });
  r.post(R"(/snapshots/(\d+)/share)", [](Ctx& c) {
    c.require_edit();
    try {
      suppliers_for(c, c.actor()).share(c.org(), c.path_id(1), c.id_param("with"));
    } catch (const std::out_of_range&) {
      throw HttpError(404, "not found");
    }
    c.redirect("/snapshots");
  });
  r.post(R"(/shares/(\d+)/revoke)", [](Ctx& c) {
    c.require_edit();
    try {
      suppliers_for(c, c.actor()).revoke_share(c.org(), c.path_id(1));
    } catch (const std::out_of_range&) {
      throw HttpError(404, "not found");
    }
    c.redirect("/snapshots");
  });
}

}  // namespace anzen::web
