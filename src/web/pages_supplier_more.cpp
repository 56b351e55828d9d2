// Supplier pages beyond the register and the questionnaire itself: the questionnaire inbox (the
// supplier user's home), answer evidence, re-assessments and the overdue list, links to assets
// and risks, outsourcing contracts with chapter 10's clauses.
#include <algorithm>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "common/clock.h"
#include "common/invalid.h"
#include "common/vocabulary.h"
#include "risk/repo.h"
#include "supplier/overview.h"
#include "web/accounts.h"
#include "web/dashboard_parts.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/supplier_view.h"

namespace anzen::web {

namespace {
std::string recurrence_badge(const Ctx& c, const supplier::Reassessment& r) {
  return "<span class=\"badge r-" + supplier::to_string(r.state) + "\">" +
         esc(vocab::label_or_code("recurrence", supplier::to_string(r.state), c.lang)) + "</span>";
}

std::string reassessment_table(const Ctx& c, const std::vector<supplier::Reassessment>& rs) {
  std::string h = "<table><thead><tr><th>" + tx(c, "委託先", "Supplier") + "</th><th>" +
                  tx(c, "重要度", "Criticality") + "</th><th>" +
                  tx(c, "前回の承認", "Last accepted") + "</th><th>" +
                  tx(c, "次回評価期限", "Next assessment due") + "</th><th>" +
                  tx(c, "状態", "State") + "</th></tr></thead><tbody>";
  for (const auto& r : rs) {
    h += "<tr><td><a href=\"/suppliers/" + std::to_string(r.supplier.id) + "\">" +
         esc(r.supplier.name) + "</a></td><td>" +
         esc(vocab::label_or_code("criticality", r.supplier.criticality, c.lang)) + "</td><td>" +
         esc(r.last_accepted.empty() ? "—" : r.last_accepted) + "</td><td>" + esc(r.due) +
         "</td><td>" + recurrence_badge(c, r) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

void inbox_page(Ctx& c) {
  auto svc = suppliers_for(c, c.actor());
  bool supplier_user = c.user && c.user->role == Role::supplier;
  std::string b = "<h1>" + tx(c, "質問票", "Questionnaires") + "</h1>";
  auto received = svc.addressed_to(c.org());
  b += "<h2>" + tx(c, "届いた質問票", "Questionnaires addressed to us") + "</h2>";
  if (received.empty())
    b += "<p class=\"muted\">—</p>";
  else {
    b += "<table><thead><tr><th>ID</th><th>" + tx(c, "様式", "Template") + "</th><th>" +
         tx(c, "状態", "Status") + "</th><th>" + tx(c, "回答期限", "Due") +
         "</th></tr></thead><tbody>";
    for (const auto& q : received)
      b += "<tr><td><a href=\"/questionnaires/" + std::to_string(q.id) + "\">" +
           std::to_string(q.id) + "</a></td><td>" + esc(q.tmpl) + "</td><td>" +
           qstatus_badge(c, q.status) + "</td><td>" + esc(q.due) + "</td></tr>";
    b += "</tbody></table>";
  }
  if (!supplier_user)
    b += "<p><a href=\"/suppliers\">" + tx(c, "委託先一覧", "Suppliers") + "</a></p>";
  c.html(layout(c, tx(c, "質問票", "Questionnaires"), b));
}

supplier::Supplier need_supplier(Ctx& c) {
  auto s = suppliers_for(c, c.actor()).supplier(c.org(), c.path_id(1));
  if (!s) throw HttpError(404, "not found");
  return *s;
}


void contract_page(Ctx& c) {
  auto svc = suppliers_for(c, c.actor());
  auto k = svc.contract(c.org(), c.path_id(1));
  if (!k) throw HttpError(404, "not found");
  auto s = svc.supplier(c.org(), k->supplier_id);
  auto known = supplier::contract_clauses(c.catalogs.catalog());
  auto states = svc.clauses(k->id);
  bool edit = c.user && can_edit(c.user->role);
  std::string id = std::to_string(k->id);
  std::string b =
      "<h1>" + esc(k->title) + "</h1><p><a href=\"/suppliers/" + std::to_string(k->supplier_id) +
      "\">" + esc(s ? s->name : "") + "</a> · " + tx(c, "締結日 ", "signed ") + esc(k->signed_on) +
      " · " + tx(c, "契約期間 ", "term ") + esc(k->starts_on) + " – " + esc(k->ends_on) +
      "</p><h2>" +
      tx(c, "契約の要求事項（安全基準 第10章）", "Contract requirements (tcs-2023 chapter 10)") +
      "</h2><p class=\"muted\">" +
      tx(c, "本文は安全基準の原文、英語は当方の訳です。",
         "The Japanese text is the standard's own; the English is ours.") +
      "</p><table><thead><tr><th>" + tx(c, "項目", "Item") + "</th><th>" +
      tx(c, "要求事項", "Requirement") + "</th><th>" + tx(c, "状況", "Status") + "</th><th>" +
      tx(c, "根拠（契約条項）", "Evidence (clause)") + "</th></tr></thead><tbody>";
  for (const auto& cl : known) {
    auto it = states.find(cl.item_id);
    supplier::ClauseState st = it == states.end() ? supplier::ClauseState{} : it->second;
    std::string text = "<strong>" + esc(cl.title.in(c.lang)) + "</strong>";
    if (!cl.text.ja.empty()) text += "<br>" + esc(cl.text.in(c.lang));
    text += "<br><span class=\"muted\">tcs-2023 " + esc(cl.item_id) + " · " + esc(cl.source) +
            "</span>";
    std::string cell = esc(c.t("status." + assess::to_string(st.status)));
    std::string ev = esc(st.evidence);
    if (edit) {
      std::string fid = "cl-" + cl.item_id;
      cell = "<form method=\"post\" action=\"/contracts/" + id + "/clauses\">" + csrf_field(c) +
             "<input type=\"hidden\" name=\"item\" value=\"" + esc(cl.item_id) +
             "\"><select name=\"status\" aria-label=\"" + esc(cl.item_id) + "\">";
      for (auto x : assess::all_statuses()) {
        if (x == assess::Status::unanswered) continue;
        cell += "<option value=\"" + assess::to_string(x) + "\"" +
                (x == st.status ? " selected" : "") + ">" +
                esc(c.t("status." + assess::to_string(x))) + "</option>";
      }
      cell += "</select><input type=\"text\" name=\"evidence\" aria-label=\"" + esc(cl.item_id) +
              " " + tx(c, "根拠", "evidence") + "\" value=\"" + esc(st.evidence) +
              "\"> <button type=\"submit\">" + esc(c.t("common.save")) + "</button></form>";
      ev = st.updated_at.empty() ? "" : esc(st.updated_by) + " " + when_html(st.updated_at, c.lang);
    }
    b += "<tr><td>" + esc(cl.item_id) + "</td><td>" + text + "</td><td>" + cell + "</td><td>" + ev +
         "</td></tr>";
  }
  c.html(layout(c, k->title, b + "</tbody></table>"));
}
}  // namespace

// The supplier's page: where it stands in the re-assessment cycle, its assets and risks, its
// contracts. Shown by supplier_page (pages_supplier.cpp).
std::string supplier_detail_sections(Ctx& c, const supplier::Supplier& s) {
  auto svc = suppliers_for(c, c.actor());
  bool edit = c.user && can_edit(c.user->role);
  std::string id = std::to_string(s.id);
  std::string b;
  for (const auto& r : svc.reassessments(c.org(), c.clock.today_jst())) {
    if (r.supplier.id != s.id) continue;
    b += "<h2>" + tx(c, "再評価", "Re-assessment") + "</h2><p>" + recurrence_badge(c, r) + " " +
         tx(c, "次回評価期限 ", "next assessment due ") + esc(r.due) + " (" +
         tx(c, "間隔 ", "every ") + std::to_string(s.reassess_months) + tx(c, " か月", " months") +
         ")</p>";
  }
  if (edit) {
    b += "<form method=\"post\" action=\"/suppliers/" + id + "/interval\">" + csrf_field(c) +
         "<label for=\"months\">" + tx(c, "再評価の間隔（月）", "Re-assessment interval (months)") +
         "</label><input type=\"number\" id=\"months\" name=\"months\" min=\"1\" max=\"60\" "
         "value=\"" +
         std::to_string(s.reassess_months) + "\"> <button type=\"submit\">" +
         esc(c.t("common.save")) + "</button></form>";
  }
  // Assets: the links, and any asset naming the supplier in its free text without a link.
  risk::RiskRepo risks(c.db, c.catalogs.risk_matrix(), c.actor());
  auto linked = svc.linked_assets(c.org(), s.id);
  std::string rows, options;
  for (const auto& a : risks.assets(c.org())) {
    bool is_linked = std::find(linked.begin(), linked.end(), a.id) != linked.end();
    bool named = std::find(a.suppliers.begin(), a.suppliers.end(), s.name) != a.suppliers.end();
    if (is_linked) {
      rows += "<li>" + esc(a.name) +
              (edit ? " <form class=\"inline\" method=\"post\" action=\"/suppliers/" + id +
                          "/assets/" + std::to_string(a.id) + "/unlink\">" + csrf_field(c) +
                          "<button type=\"submit\" class=\"secondary\">" +
                          tx(c, "リンク解除", "Unlink") + "</button></form>"
                    : "") +
              "</li>";
    } else {
      if (named)
        rows += "<li>" + esc(a.name) + " <span class=\"muted\">" +
                tx(c, "（名称の記載のみ・未リンク）", "(named in text, not linked)") +
                "</span></li>";
      options += "<option value=\"" + std::to_string(a.id) + "\">" + esc(a.name) + "</option>";
    }
  }
  b += "<h2>" + tx(c, "関連する資産", "Assets supplied") + "</h2>" +
       (rows.empty() ? "<p class=\"muted\">—</p>" : "<ul>" + rows + "</ul>");
  if (edit && !options.empty()) {
    b += "<form method=\"post\" action=\"/suppliers/" + id + "/assets\">" + csrf_field(c) +
         "<label for=\"asset\">" + tx(c, "資産をリンク", "Link an asset") +
         "</label><select id=\"asset\" name=\"asset\">" + options +
         "</select> <button type=\"submit\">" + tx(c, "リンク", "Link") + "</button></form>";
  }
  // Risks of the register linked to this supplier (raised from answers, or linked by hand).
  std::string rl;
  for (const auto& l : svc.supplier_risks(c.org(), s.id)) {
    auto r = risks.risk(c.org(), l.risk_id);
    if (!r) continue;
    rl += "<li><a href=\"/risks/" + std::to_string(r->id) + "\">" + esc(r->title) + "</a>" +
          (l.plan_item_id ? " <span class=\"muted\">" + tx(c, "（対策計画 #", "(plan item #") +
                                std::to_string(*l.plan_item_id) + tx(c, "）", ")") + "</span>"
                          : "") +
          "</li>";
  }
  b += "<h2>" + tx(c, "委託先のリスク", "Supplier risks") + "</h2>" +
       (rl.empty() ? "<p class=\"muted\">—</p>" : "<ul>" + rl + "</ul>");
  if (edit) {
    b += "<form method=\"post\" action=\"/suppliers/" + id + "/risks\">" + csrf_field(c) +
         "<label for=\"risk\">" + tx(c, "リスク番号をリンク", "Link a risk (id)") +
         "</label><input id=\"risk\" name=\"risk\" inputmode=\"numeric\" required> <button "
         "type=\"submit\">" +
         tx(c, "リンク", "Link") + "</button></form>";
  }
  // Contracts.
  b += "<h2>" + tx(c, "委託契約", "Outsourcing contracts") + "</h2>";
  auto ks = svc.contracts(c.org(), s.id);
  if (ks.empty())
    b += "<p class=\"muted\">—</p>";
  else {
    b += "<ul>";
    for (const auto& k : ks)
      b += "<li><a href=\"/contracts/" + std::to_string(k.id) + "\">" + esc(k.title) + "</a> " +
           esc(k.starts_on) + " – " + esc(k.ends_on) + "</li>";
    b += "</ul>";
  }
  if (edit) {
    b += "<form method=\"post\" action=\"/suppliers/" + id + "/contracts\">" + csrf_field(c) +
         "<label for=\"k-title\">" + tx(c, "契約名", "Contract title") +
         "</label><input id=\"k-title\" name=\"title\" required><label for=\"k-signed\">" +
         tx(c, "締結日", "Signed on") +
         "</label><input type=\"date\" id=\"k-signed\" name=\"signed_on\"><label for=\"k-start\">" +
         tx(c, "契約開始日", "Starts on") +
         "</label><input type=\"date\" id=\"k-start\" name=\"starts_on\"><label for=\"k-end\">" +
         tx(c, "契約終了日", "Ends on") +
         "</label><input type=\"date\" id=\"k-end\" name=\"ends_on\"> <button type=\"submit\">" +
         tx(c, "契約を登録", "Add contract") + "</button></form>";
  }
  return b;
}

// Reminders on the dashboard: suppliers whose re-assessment is overdue or due within 30 days.
std::string supplier_dashboard_section(Ctx& c) {
  if (!c.user) return "";
  std::vector<supplier::Reassessment> soon;
  for (auto& r : suppliers_for(c, c.actor()).reassessments(c.org(), c.clock.today_jst())) {
    if (r.state != supplier::Recurrence::ok) soon.push_back(std::move(r));
  }
  if (soon.empty()) return "";
  return "<h2>" + tx(c, "委託先の再評価", "Supplier re-assessments") + "</h2>" +
         reassessment_table(c, soon) + "<p><a href=\"/suppliers/overdue\">" +
         tx(c, "期限超過の一覧", "Overdue list") + "</a></p>";
}

void mount_supplier_extra_pages(Router& r) {
  mount_record_supplier_links(r);
  r.get("/questionnaires", inbox_page);
  r.post(R"(/questionnaires/(\d+)/evidence)", [](Ctx& c) {
    require_answer(c);
    auto q = need_visible_questionnaire(c, c.path_id(1));
    if (q.org_id == c.org()) throw HttpError(403, "the supplier attaches evidence");
    auto svc = suppliers_for(c, c.actor());
    attach_posted_evidence(c, svc, q);
    c.redirect("/questionnaires/" + std::to_string(q.id));
  });
  r.get(R"(/questionnaires/(\d+)/evidence/(\d+))", [](Ctx& c) {
    auto q = need_visible_questionnaire(c, c.path_id(1));
    auto svc = suppliers_for(c, c.actor());
    send_evidence_file(c, svc, q, c.path_id(2));
  });
  r.get("/suppliers/workbook.xlsx", [](Ctx& c) {
    auto org = assess::AssessRepo(c.db, c.actor()).org(c.org());
    if (!org) throw HttpError(404, "not found");
    auto svc = suppliers_for(c, c.actor());
    std::string today = c.clock.today_jst();
    auto bytes = xlsx_workbook_bytes({supplier::overview_sheet(
        supplier::overview(svc, c.org(), today), org->name, today, c.lang)});
    c.res.set_header("Content-Disposition", "attachment; filename=\"suppliers.xlsx\"");
    c.res.set_content(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
  r.get("/suppliers/overdue", [](Ctx& c) {
    auto list = suppliers_for(c, c.actor()).overdue(c.org(), c.clock.today_jst());
    std::string b = "<h1>" +
                    tx(c, "再評価の期限を過ぎた委託先", "Suppliers overdue for re-assessment") +
                    "</h1>";
    b += list.empty() ? "<p class=\"muted\">" + tx(c, "ありません。", "None.") + "</p>"
                      : reassessment_table(c, list);
    b += "<p><a href=\"/suppliers/workbook.xlsx\">" +
         tx(c, "委託先の状況（Excel）", "Suppliers workbook (Excel)") + "</a></p>";
    c.html(layout(c, tx(c, "再評価期限超過", "Overdue re-assessments"), b));
  });
  r.post(R"(/suppliers/(\d+)/interval)", [](Ctx& c) {
    c.require_edit();
    auto s = need_supplier(c);
    int months = 0;
    try {
      months = std::stoi(c.param("months"));
    } catch (const std::exception&) {
      throw Invalid("months", "再評価の間隔は 1〜60 か月の数字で入力してください。",
                    "Enter a number of months (1-60).", "not_a_number",
                    "months: expected a number of months (1-60)");
    }
    suppliers_for(c, c.actor()).set_interval(c.org(), s.id, months);
    c.redirect("/suppliers/" + std::to_string(s.id));
  });
  r.post(R"(/suppliers/(\d+)/assets)", [](Ctx& c) {
    c.require_edit();
    auto s = need_supplier(c);
    suppliers_for(c, c.actor()).link_asset(c.org(), s.id, c.id_param("asset"));
    c.redirect("/suppliers/" + std::to_string(s.id));
  });
  r.post(R"(/suppliers/(\d+)/assets/(\d+)/unlink)", [](Ctx& c) {
    c.require_edit();
    auto s = need_supplier(c);
    suppliers_for(c, c.actor()).unlink_asset(c.org(), s.id, c.path_id(2));
    c.redirect("/suppliers/" + std::to_string(s.id));
  });
  r.post(R"(/suppliers/(\d+)/risks)", [](Ctx& c) {
    c.require_edit();
    auto s = need_supplier(c);
    suppliers_for(c, c.actor()).link_risk(c.org(), s.id, c.id_param("risk"));
    c.redirect("/suppliers/" + std::to_string(s.id));
  });
  r.post(R"(/suppliers/(\d+)/contracts)", [](Ctx& c) {
    c.require_edit();
    auto s = need_supplier(c);
    supplier::Contract k;
    k.supplier_id = s.id;
    k.title = c.param("title");
    k.signed_on = c.param("signed_on");
    k.starts_on = c.param("starts_on");
    k.ends_on = c.param("ends_on");
    auto made = suppliers_for(c, c.actor()).add_contract(c.org(), k);
    c.redirect("/contracts/" + std::to_string(made.id));
  });
  r.get(R"(/contracts/(\d+))", contract_page);
  r.post(R"(/contracts/(\d+)/clauses)", [](Ctx& c) {
    c.require_edit();
    auto st = assess::status_from(c.param("status"));
    if (!st)
      throw Invalid("status", "状況は一覧から選んでください。", "Choose the status from the list.",
                    "not_in_list",
                    "status: expected implemented, partial, not_implemented or not_applicable");
    not_found_on_range([&] {
      suppliers_for(c, c.actor())
          .set_clause(c.org(), c.path_id(1), supplier::contract_clauses(c.catalogs.catalog()),
                      c.param("item"), *st, c.param("evidence"));
    });
    c.redirect("/contracts/" + std::to_string(c.path_id(1)));
  });
}

}  // namespace anzen::web
