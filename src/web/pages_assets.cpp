// The asset inventory: sortable list and a page per asset to view, create and edit it
// (kind and services from the vocabulary, C/I/A on the organisation's classification scale).
#include <algorithm>

#include "common/text.h"
#include "common/vocabulary.h"
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
std::string heading(const Ctx& c) { return en(c) ? "Assets" : "資産台帳"; }

risk::Asset asset_from_form(const Ctx& c, risk::Asset a, FormError& err) {
  a.name = c.param("name");
  a.kind = c.param("kind");
  a.owner = c.param("owner");
  a.services = c.params("services");
  a.suppliers = text::split_list(c.param("suppliers"));
  a.depends_on.clear();
  try {
    for (const char* k : {"c", "i", "a"}) {
      std::string v = c.param(k);
      if (v.size() != 1 || !std::isdigit(static_cast<unsigned char>(v[0])))
        throw Invalid(k, "尺度の段階から選んでください。", "Choose a level of the scale.",
                      "not_a_number");
      (k[0] == 'c' ? a.c : k[0] == 'i' ? a.i : a.a) = v[0] - '0';
    }
    for (const auto& v : c.params("depends_on")) {
      if (v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), ::isdigit))
        throw Invalid("depends_on", "一覧から資産を選んでください。",
                      "Choose assets from the list.", "not_in_list");
      a.depends_on.push_back(std::stoll(v));
    }
  } catch (const std::invalid_argument& e) {
    err = form_error(c, e);
  }
  return a;
}

std::string asset_form(Ctx& c, risk::RiskRepo& repo, const risk::Asset& a, const FormError& e) {
  const auto& m = repo.matrix(c.org());
  std::string action = a.id ? "/assets/" + std::to_string(a.id) + "/edit" : "/assets";
  Options kinds, levels, services, others;
  for (const auto& k : vocab::codes("assetkind"))
    kinds.emplace_back(k, vocab::label_or_code("assetkind", k, c.lang));
  for (int v = 1; v <= static_cast<int>(m.classification.size()); ++v)
    levels.emplace_back(std::to_string(v), classification_label(c, m, v));
  for (const auto& s : vocab::codes("service"))
    services.emplace_back(s, vocab::label_or_code("service", s, c.lang));
  for (const auto& o : repo.assets(c.org())) {
    if (o.id != a.id) others.emplace_back(std::to_string(o.id), o.name);
  }
  std::set<std::string> on_services(a.services.begin(), a.services.end()), on_deps;
  for (int64_t d : a.depends_on) on_deps.insert(std::to_string(d));
  std::string suppliers;
  for (const auto& s : a.suppliers) suppliers += (suppliers.empty() ? "" : "、") + s;
  std::string b =
      error_summary(c, e) + "<form method=\"post\" action=\"" + action +
      "\" class=\"record-form\">" + csrf_field(c) + "<div class=\"form-grid\">" +
      text_input("name", en(c) ? "Name" : "名称", a.name, e, "text", true) +
      select_input("kind", en(c) ? "Kind" : "種別", kinds, a.kind, e) +
      text_input("owner", en(c) ? "Owner" : "管理責任者", a.owner, e) +
      "</div><div class=\"form-grid\">" +
      select_input("c", en(c) ? "Confidentiality" : "機密性", levels, std::to_string(a.c), e) +
      select_input("i", en(c) ? "Integrity" : "完全性", levels, std::to_string(a.i), e) +
      select_input("a", en(c) ? "Availability" : "可用性", levels, std::to_string(a.a), e) +
      "</div>" +
      check_boxes("services", en(c) ? "Services it supports" : "関係する役務", services,
                  on_services, e) +
      text_input("suppliers", en(c) ? "Suppliers (separated by 、 or ,)" : "委託先（「、」区切り）",
                 suppliers, e) +
      check_boxes("depends_on", en(c) ? "Depends on" : "依存する資産", others, on_deps, e);
  b += form_footer(c, "assets", a.id, "save-asset");
  return a.id ? b + linked_suppliers_note(c, "assets", a.id) : b;
}

risk::Asset need_asset(Ctx& c, risk::RiskRepo& repo) {
  auto a = repo.asset(c.org(), c.path_id(1));
  if (!a) throw HttpError(404, "not found");
  return *a;
}

risk::Asset blank_asset(const Ctx&) {
  risk::Asset a;
  a.kind = "information_system";
  return a;
}

void list_page(Ctx& c) {
  risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
  const auto& m = repo.matrix(c.org());
  std::string b = "<h1>" + esc(heading(c)) + "</h1>";
  if (c.user && can_edit(c.user->role))
    b += "<p><a class=\"button\" href=\"/assets/new\" id=\"new-asset\">" +
         std::string(en(c) ? "Add an asset" : "資産を登録") + "</a></p>";
  std::vector<Column> cols = {
      {"id", "#", true},
      {"name", en(c) ? "Name" : "名称"},
      {"kind", en(c) ? "Kind" : "種別"},
      {"owner", en(c) ? "Owner" : "管理責任者"},
      {"c", en(c) ? "C" : "機密性", true},
      {"i", en(c) ? "I" : "完全性", true},
      {"a", en(c) ? "A" : "可用性", true},
      {"services", en(c) ? "Services" : "関係する役務", false, false, "opt"}};
  std::vector<Row> rows;
  for (const auto& a : repo.assets(c.org())) {
    rows.push_back(
        {{number_cell(a.id),
          {"<a href=\"/assets/" + std::to_string(a.id) + "\">" + esc(a.name) + "</a>", a.name},
          text_cell(vocab::label_or_code("assetkind", a.kind, c.lang)),
          text_cell(a.owner),
          {esc(classification_label(c, m, a.c)), std::to_string(a.c)},
          {esc(classification_label(c, m, a.i)), std::to_string(a.i)},
          {esc(classification_label(c, m, a.a)), std::to_string(a.a)},
          text_cell(vocab::labels("service", a.services, c.lang))},
         ""});
  }
  b += sorted_table(c, cols, std::move(rows), {"", "", false, 25, "", "asset-table"});
  c.html(layout(c, heading(c), b + table_io(c, "assets")));
}

void view_page(Ctx& c) {
  risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
  auto a = need_asset(c, repo);
  const auto& m = repo.matrix(c.org());
  std::string b =
      "<p><a href=\"/assets\">← " + esc(heading(c)) + "</a></p><h1>" + esc(a.name) + "</h1>";
  if (c.user && can_edit(c.user->role))
    b += "<p><a class=\"button\" id=\"edit-asset\" href=\"/assets/" + std::to_string(a.id) +
         "/edit\">" + (en(c) ? "Edit" : "編集") + "</a>" + delete_link(c, "assets", a.id) + "</p>";
  std::string deps, risks;
  for (int64_t d : a.depends_on) {
    if (auto o = repo.asset(c.org(), d))
      deps += "<a href=\"/assets/" + std::to_string(d) + "\">" + esc(o->name) + "</a> ";
  }
  for (const auto& k : repo.risks(c.org())) {
    if (std::find(k.asset_ids.begin(), k.asset_ids.end(), a.id) != k.asset_ids.end())
      risks += "<a href=\"/risks/" + std::to_string(k.id) + "\">" + esc(k.title) + "</a> ";
  }
  auto row = [](const std::string& dt, const std::string& dd) {
    return "<dt>" + esc(dt) + "</dt><dd>" + dd + "</dd>";
  };
  std::string suppliers;
  for (const auto& s : a.suppliers) suppliers += (suppliers.empty() ? "" : "、") + s;
  b += "<dl class=\"record\">" +
       row(en(c) ? "Kind" : "種別", esc(vocab::label_or_code("assetkind", a.kind, c.lang))) +
       row(en(c) ? "Owner" : "管理責任者", esc(a.owner)) +
       row(en(c) ? "Confidentiality" : "機密性", esc(classification_label(c, m, a.c))) +
       row(en(c) ? "Integrity" : "完全性", esc(classification_label(c, m, a.i))) +
       row(en(c) ? "Availability" : "可用性", esc(classification_label(c, m, a.a))) +
       row(en(c) ? "Services" : "関係する役務", esc(vocab::labels("service", a.services, c.lang))) +
       row(en(c) ? "Suppliers" : "委託先", esc(suppliers)) +
       row(en(c) ? "Depends on" : "依存する資産", deps) +
       row(en(c) ? "Risks" : "関係するリスク", risks) + "</dl>";
  b += linked_suppliers_section(c, "assets", a.id);
  c.html(layout(c, a.name, b));
}
}  // namespace

void mount_asset_pages(Router& r) {
  r.get("/assets", list_page);
  r.get(R"(/assets/(\d+))", view_page);
  mount_record_forms<risk::Asset>(r, {"assets",
                                      "資産の登録",
                                      "New asset",
                                      "資産の編集",
                                      "Edit asset",
                                      {{"classification", "c"}},
                                      &risk::RiskRepo::asset,
                                      &risk::RiskRepo::save_asset,
                                      blank_asset,
                                      asset_from_form,
                                      asset_form});
}

}  // namespace anzen::web
