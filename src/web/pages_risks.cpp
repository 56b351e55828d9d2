// The risk register: sortable list with the heat map, and a page per risk to view, create and
// edit it (levels on the organisation's matrix, treatment, acceptance, linked assets).
#include <algorithm>

#include "common/clock.h"
#include "common/vocabulary.h"
#include "risk/table.h"
#include "risk/threat.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/record_forms.h"
#include "web/records_view.h"
#include "web/router.h"
#include "web/supplier_view.h"
#include "web/table_view.h"

namespace anzen::web {

namespace {
bool en(const Ctx& c) { return c.lang == "en"; }

int level_param(const Ctx& c, const std::string& name) {
  std::string v = c.param(name);
  if (v.empty() || v.size() > 2 || !std::all_of(v.begin(), v.end(), ::isdigit))
    throw Invalid(name, "段階を一覧から選んでください。", "Choose a level number.", "not_a_number");
  return std::stoi(v);
}

std::vector<int64_t> id_list(const Ctx& c, const std::string& name) {
  std::vector<int64_t> out;
  for (const auto& v : c.params(name)) {
    if (v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), ::isdigit))
      throw Invalid(name, "一覧から選んでください。", "Choose from the list.", "not_in_list");
    out.push_back(std::stoll(v));
  }
  return out;
}

// The risk as typed; level fields that are not numbers are reported as the form's error.
risk::Risk risk_from_form(const Ctx& c, risk::Risk k, FormError& err) {
  k.title = c.param("title");
  k.threat = c.param("threat");
  k.custom_threat = c.param("custom_threat");
  k.description = c.param("description");
  k.owner = c.param("owner");
  k.treatment = c.param("treatment");
  k.approver = c.param("approver");
  k.justification = c.param("justification");
  k.acceptance_expiry = c.param("expiry");
  try {
    k.asset_ids = id_list(c, "asset_ids");
    k.inherent_l = level_param(c, "inherent_l"), k.inherent_i = level_param(c, "inherent_i");
    k.current_l = level_param(c, "current_l"), k.current_i = level_param(c, "current_i");
    k.residual_l = level_param(c, "residual_l"), k.residual_i = level_param(c, "residual_i");
  } catch (const std::invalid_argument& e) {
    err = form_error(c, e);
  }
  return k;
}

std::string risk_form(Ctx& c, risk::RiskRepo& repo, const risk::Risk& k, const FormError& e) {
  const auto& m = repo.matrix(c.org());
  std::string action = k.id ? "/risks/" + std::to_string(k.id) + "/edit" : "/risks";
  std::string b = error_summary(c, e) + "<form method=\"post\" action=\"" + action +
                  "\" class=\"record-form\">" + csrf_field(c) + "<div class=\"form-grid\">" +
                  text_input("title", c.t("common.title"), k.title, e, "text", true);
  Options threats;
  for (const auto& t : risk::threat_codes()) {
    // The own threat is named in the field below it.
    threats.emplace_back(t, t == "custom"
                                ? (en(c) ? "Other (name it below)" : "その他（下欄に記入）")
                                : risk::threat_label(t, c.lang));
  }
  b += select_input("threat", en(c) ? "Threat" : "脅威", threats, k.threat, e) +
       text_input("custom_threat", en(c) ? "Other threat" : "その他の脅威", k.custom_threat, e) +
       text_input("owner", en(c) ? "Risk owner" : "リスクオーナー", k.owner, e) + "</div>" +
       text_area("description", en(c) ? "Description" : "説明", k.description, e) +
       "<div class=\"form-grid\">";
  Options ls, is;
  for (int l = 1; l <= m.likelihoods; ++l)
    ls.emplace_back(std::to_string(l), likelihood_label(c, m, l));
  for (int i = 1; i <= m.impacts; ++i) is.emplace_back(std::to_string(i), impact_label(c, m, i));
  struct Stage {
    const char* key;
    const char* ja;
    const char* en;
    int l, i;
  };
  for (const Stage& s : {Stage{"inherent", "固有リスク", "Inherent", k.inherent_l, k.inherent_i},
                         Stage{"current", "現在のリスク", "Current", k.current_l, k.current_i},
                         Stage{"residual", "残留リスク", "Residual", k.residual_l, k.residual_i}}) {
    std::string stage = en(c) ? s.en : s.ja;
    // The validator names the stage ("inherent: …"): show it under the stage's likelihood.
    FormError here = e.field == s.key ? FormError{std::string(s.key) + "_l", e.message} : e;
    b += select_input(std::string(s.key) + "_l", stage + (en(c) ? ": likelihood" : "：発生可能性"),
                      ls, s.l ? std::to_string(s.l) : "", here) +
         select_input(std::string(s.key) + "_i", stage + (en(c) ? ": impact" : "：影響度"), is,
                      s.i ? std::to_string(s.i) : "", here);
  }
  Options treatments = {{"", en(c) ? "Not decided" : "未定"}};
  for (const auto& t : vocab::codes("treatment"))
    treatments.emplace_back(t, vocab::label_or_code("treatment", t, c.lang));
  b +=
      "</div><div class=\"form-grid\">" +
      select_input("treatment", en(c) ? "Treatment" : "対応", treatments, k.treatment, e) +
      text_input("approver", en(c) ? "Approver (acceptance)" : "承認者（保有・受容の場合）",
                 k.approver, e) +
      text_input("justification", en(c) ? "Justification (acceptance)" : "理由（保有・受容の場合）",
                 k.justification, e) +
      text_input("expiry", en(c) ? "Acceptance expiry" : "受容の有効期限", k.acceptance_expiry, e,
                 "date") +
      "</div>";
  Options assets;
  for (const auto& a : repo.assets(c.org())) assets.emplace_back(std::to_string(a.id), a.name);
  std::set<std::string> linked;
  for (int64_t id : k.asset_ids) linked.insert(std::to_string(id));
  b += check_boxes("asset_ids", en(c) ? "Assets concerned" : "関係する資産", assets, linked, e);
  b += form_footer(c, "risks", k.id, "save-risk");
  return k.id ? b + linked_suppliers_note(c, "risks", k.id) : b;
}

risk::Risk need_risk(Ctx& c, risk::RiskRepo& repo) {
  auto k = repo.risk(c.org(), c.path_id(1));
  if (!k) throw HttpError(404, "not found");
  return *k;
}

risk::Risk blank_risk(const Ctx&) {
  risk::Risk k;
  k.threat = "cyber_attack";
  return k;
}

void list_page(Ctx& c) {
  risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
  const auto& m = repo.matrix(c.org());
  auto risks = repo.risks(c.org());
  std::vector<std::pair<int, int>> pos;
  for (const auto& k : risks) pos.emplace_back(k.current_l, k.current_i);
  std::string b = "<h1>" + esc(c.t("nav.risks")) + "</h1>";
  if (c.user && can_edit(c.user->role))
    b += "<p><a class=\"button\" href=\"/risks/new\" id=\"new-risk\">" +
         std::string(en(c) ? "Add a risk" : "リスクを登録") + "</a></p>";
  b += "<div class=\"cards\"><div class=\"card heat\">" + risk::heat_map_svg(m, pos, c.lang) +
       "<p class=\"muted\">" +
       (en(c) ? "Current level: likelihood (rows) × impact (columns)"
              : "現在のリスク: 発生可能性（行）× 影響度（列）") +
       "</p></div></div>";
  auto expired = repo.expired_acceptances(c.org(), c.clock.today_jst());
  if (!expired.empty())
    b += "<p class=\"error\">" + std::to_string(expired.size()) +
         (en(c) ? " risk acceptance(s) have expired." : " 件のリスク受容が有効期限切れです。") +
         "</p>";
  std::vector<Column> cols = {
      {"id", "#", true},
      {"title", c.t("common.title")},
      {"threat", en(c) ? "Threat" : "脅威"},
      {"inherent", en(c) ? "Inherent" : "固有", true},
      {"current", en(c) ? "Current" : "現在", true},
      {"residual", en(c) ? "Residual" : "残留", true},
      {"treatment", en(c) ? "Treatment" : "対応"},
      {"owner", en(c) ? "Risk owner" : "リスクオーナー", false, true, "opt"}};
  std::vector<Row> rows;
  for (const auto& k : risks) {
    std::string tr = k.treatment.empty() ? (en(c) ? "Not decided" : "未定")
                                         : vocab::label_or_code("treatment", k.treatment, c.lang);
    std::string tr_html = esc(tr) + (k.treatment == "accept" ? " (" + esc(k.approver) + ", ≤ " +
                                                                   esc(k.acceptance_expiry) + ")"
                                                             : "");
    auto score = [](int l, int i) { return std::to_string(l * i); };
    rows.push_back(
        {{number_cell(k.id),
          {"<a href=\"/risks/" + std::to_string(k.id) + "\">" + esc(k.title) + "</a>", k.title},
          text_cell(threat_label(c, k)),
          {level_badge(c, m, k.inherent_l, k.inherent_i), score(k.inherent_l, k.inherent_i)},
          {level_badge(c, m, k.current_l, k.current_i), score(k.current_l, k.current_i)},
          {level_badge(c, m, k.residual_l, k.residual_i), score(k.residual_l, k.residual_i)},
          {tr_html, tr},
          text_cell(k.owner)},
         ""});
  }
  b += sorted_table(c, cols, std::move(rows), {"", "", false, 25, "risks", "risk-table"});
  b += table_io(c, "risks", true) + "<p><a href=\"/assets\">" +
       (en(c) ? "Asset inventory" : "資産台帳") + " →</a></p>";
  c.html(layout(c, c.t("nav.risks"), b));
}

void view_page(Ctx& c) {
  risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
  auto k = need_risk(c, repo);
  const auto& m = repo.matrix(c.org());
  std::string b =
      "<p><a href=\"/risks\">← " + esc(c.t("nav.risks")) + "</a></p><h1>" + esc(k.title) + "</h1>";
  if (c.user && can_edit(c.user->role))
    b += "<p><a class=\"button\" id=\"edit-risk\" href=\"/risks/" + std::to_string(k.id) +
         "/edit\">" + (en(c) ? "Edit" : "編集") + "</a>" + delete_link(c, "risks", k.id) + "</p>";
  std::string assets;
  for (int64_t id : k.asset_ids) {
    if (auto a = repo.asset(c.org(), id))
      assets += "<a href=\"/assets/" + std::to_string(id) + "\">" + esc(a->name) + "</a> ";
  }
  std::string plan;
  for (const auto& p : repo.plan(c.org())) {
    if (std::find(p.risk_ids.begin(), p.risk_ids.end(), k.id) != p.risk_ids.end()) {
      plan += "<a href=\"/plan/" + std::to_string(p.id) + "\">" + esc(p.actions) + "</a> ";
    }
  }
  auto row = [](const std::string& dt, const std::string& dd) {
    return "<dt>" + esc(dt) + "</dt><dd>" + dd + "</dd>";
  };
  b += "<dl class=\"record\">" + row(en(c) ? "Threat" : "脅威", esc(threat_label(c, k))) +
       row(en(c) ? "Risk owner" : "リスクオーナー", esc(k.owner)) +
       row(en(c) ? "Description" : "説明",
           "<span class=\"statement\">" + esc(k.description) + "</span>") +
       row(en(c) ? "Inherent" : "固有リスク", level_badge(c, m, k.inherent_l, k.inherent_i) + " " +
                                                  esc(likelihood_label(c, m, k.inherent_l)) +
                                                  " × " + esc(impact_label(c, m, k.inherent_i))) +
       row(en(c) ? "Current" : "現在のリスク", level_badge(c, m, k.current_l, k.current_i) + " " +
                                                   esc(likelihood_label(c, m, k.current_l)) +
                                                   " × " + esc(impact_label(c, m, k.current_i))) +
       row(en(c) ? "Residual" : "残留リスク", level_badge(c, m, k.residual_l, k.residual_i) + " " +
                                                  esc(likelihood_label(c, m, k.residual_l)) +
                                                  " × " + esc(impact_label(c, m, k.residual_i))) +
       row(en(c) ? "Treatment" : "対応",
           esc(k.treatment.empty() ? (en(c) ? "Not decided" : "未定")
                                   : vocab::label_or_code("treatment", k.treatment, c.lang)));
  if (k.treatment == "accept") {
    b += row(en(c) ? "Approver" : "承認者", esc(k.approver)) +
         row(en(c) ? "Justification" : "理由", esc(k.justification)) +
         row(en(c) ? "Acceptance expiry" : "受容の有効期限", esc(k.acceptance_expiry));
  }
  b += row(en(c) ? "Assets" : "関係する資産", assets) +
       row(en(c) ? "Treatment plan" : "リスク対応計画", plan) + "</dl>";
  b += linked_suppliers_section(c, "risks", k.id);
  c.html(layout(c, k.title, b));
}
}  // namespace

void mount_risk_register_pages(Router& r) {
  r.get("/risks", list_page);
  r.get(R"(/risks/(\d+))", view_page);
  mount_record_forms<risk::Risk>(r, {"risks",
                                     "リスクの登録",
                                     "New risk",
                                     "リスクの編集",
                                     "Edit risk",
                                     {{"acceptance_expiry", "expiry"}, {"acceptance", "approver"}},
                                     &risk::RiskRepo::risk,
                                     &risk::RiskRepo::save_risk,
                                     blank_risk,
                                     risk_from_form,
                                     risk_form});
}

}  // namespace anzen::web
