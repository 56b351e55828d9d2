// The suppliers of an asset or a risk, shown on the record's page with link and unlink forms
// (the same links the supplier's page makes, audited by the service).
#include <algorithm>

#include "risk/repo.h"
#include "supplier/view.h"
#include "web/html.h"
#include "web/json_body.h"
#include "web/layout.h"
#include "web/supplier_view.h"

namespace anzen::web {

namespace {
// The suppliers linked to the asset or risk (kind "assets" or "risks").
std::vector<supplier::Supplier> linked_to(Ctx& c, supplier::Suppliers& svc, const std::string& kind,
                                          int64_t id) {
  return kind == "assets" ? svc.suppliers_of_asset(c.org(), id)
                          : svc.suppliers_of_risk(c.org(), id);
}

// Links (or unlinks) the supplier and the asset or risk.
void set_link(Ctx& c, supplier::Suppliers& svc, const std::string& kind, int64_t supplier_id,
              int64_t id, bool link) {
  if (kind == "assets" && link) svc.link_asset(c.org(), supplier_id, id);
  if (kind == "assets" && !link) svc.unlink_asset(c.org(), supplier_id, id);
  if (kind == "risks" && link) svc.link_risk(c.org(), supplier_id, id);
  if (kind == "risks" && !link) svc.unlink_risk(c.org(), supplier_id, id);
}

// The record exists in the caller's organisation, or 404 (another organisation's id).
void need_record(Ctx& c, const std::string& kind, int64_t id) {
  risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
  bool found =
      kind == "assets" ? repo.asset(c.org(), id).has_value() : repo.risk(c.org(), id).has_value();
  if (!found) throw HttpError(404, "not found");
}
}  // namespace

std::string linked_suppliers_section(Ctx& c, const std::string& kind, int64_t id) {
  auto svc = suppliers_for(c, c.actor());
  auto linked = linked_to(c, svc, kind, id);
  bool edit = c.user && can_edit(c.user->role);
  std::string base = "/" + kind + "/" + std::to_string(id) + "/suppliers";
  std::string b = "<h2 id=\"suppliers\">" +
                  tx(c, "委託先（委託先一覧へのリンク）", "Suppliers (linked to the register)") +
                  "</h2>";
  std::string items;
  for (const auto& s : linked) {
    items += "<li><a href=\"/suppliers/" + std::to_string(s.id) + "\">" + esc(s.name) + "</a>";
    if (edit)
      items += " <form class=\"inline\" method=\"post\" action=\"" + base + "/" +
               std::to_string(s.id) + "/unlink\">" + csrf_field(c) +
               "<button type=\"submit\" class=\"secondary\">" + tx(c, "リンク解除", "Unlink") +
               "</button></form>";
    items += "</li>";
  }
  b += items.empty()
           ? "<p class=\"muted\">" +
                 tx(c, "リンクされた委託先はありません。", "No supplier is linked.") + "</p>"
           : "<ul class=\"linked-suppliers\">" + items + "</ul>";
  if (!edit) return b;
  std::string options;
  auto all = svc.suppliers(c.org());
  for (const auto& s : all) {
    bool is_linked = false;
    for (const auto& l : linked) is_linked = is_linked || l.id == s.id;
    if (!is_linked)
      options += "<option value=\"" + std::to_string(s.id) + "\">" + esc(s.name) + "</option>";
  }
  if (all.empty())
    return b + "<p class=\"muted\"><a href=\"/suppliers\">" +
           tx(c, "委託先一覧で委託先を登録できます。", "Register suppliers in the supplier list.") +
           "</a></p>";
  if (options.empty()) return b;  // every supplier is linked already
  return b + "<form method=\"post\" action=\"" + base + "\">" + csrf_field(c) +
         "<label for=\"link-supplier\">" + tx(c, "委託先をリンク", "Link a supplier") +
         "</label><select id=\"link-supplier\" name=\"supplier\">" + options +
         "</select> <button type=\"submit\">" + tx(c, "リンク", "Link") + "</button></form>";
}

std::string linked_suppliers_note(Ctx& c, const std::string& kind, int64_t id) {
  auto svc = suppliers_for(c, c.actor());
  std::string names;
  for (const auto& s : linked_to(c, svc, kind, id))
    names += std::string(names.empty() ? "" : "、") + "<a href=\"/suppliers/" +
             std::to_string(s.id) + "\">" + esc(s.name) + "</a>";
  std::string page = "/" + kind + "/" + std::to_string(id) + "#suppliers";
  return "<section class=\"linked-suppliers-note\" id=\"suppliers\"><h2>" +
         tx(c, "リンクされた委託先", "Linked suppliers") + "</h2><p>" +
         (names.empty() ? tx(c, "リンクされた委託先はありません。", "No supplier is linked.")
                        : names) +
         "</p><p class=\"muted\"><a href=\"" + page + "\">" +
         tx(c, "委託先のリンクは詳細ページで追加・解除できます（この編集中の内容は保存してから）。",
            "Link or unlink suppliers on the record's page (save this form first).") +
         "</a></p></section>";
}

namespace {
// Links (or unlinks) a supplier and the asset or risk of the path, then back to its page.
void change_link(Ctx& c, bool link, int64_t supplier_id) {
  c.require_edit();
  std::string kind = c.path_arg(1);
  int64_t id = c.path_id(2);
  need_record(c, kind, id);
  auto svc = suppliers_for(c, c.actor());
  not_found_on_range([&] { set_link(c, svc, kind, supplier_id, id, link); });
  c.redirect("/" + kind + "/" + std::to_string(id) + "#suppliers");
}
}  // namespace

void mount_record_supplier_links(Router& r) {
  r.post(R"(/(assets|risks)/(\d+)/suppliers)",
         [](Ctx& c) { change_link(c, true, c.id_param("supplier")); });
  r.post(R"(/(assets|risks)/(\d+)/suppliers/(\d+)/unlink)",
         [](Ctx& c) { change_link(c, false, c.path_id(3)); });
}

namespace {
// {"suppliers": [...]}: the suppliers linked to the asset or risk of the path, as the register
// lists them.
void linked_json(Ctx& c, supplier::Suppliers& svc, const std::string& kind, int64_t id,
                 int status = 200) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : linked_to(c, svc, kind, id)) out.push_back(supplier::supplier_json(s));
  c.json({{"suppliers", out}}, status);
}

}  // namespace

void mount_record_supplier_api(Router& r) {
  for (std::string kind : {"assets", "risks"}) {
    const std::string one = kind == "assets" ? "asset" : "risk";
    const std::string base = "/api/v1/" + kind + R"(/(\d+)/suppliers)";
    const std::string doc = "/api/v1/" + kind + "/{id}/suppliers";
    r.api("GET", base, doc,
          "The suppliers linked to " + std::string(one == "asset" ? "an " : "a ") + one,
          [kind](Ctx& c) {
            need_record(c, kind, c.path_id(1));
            auto svc = suppliers_for(c, c.actor());
            linked_json(c, svc, kind, c.path_id(1));
          });
    r.api("POST", base, doc,
          "Link a supplier of the register to the " + one +
              " (JSON: supplier); answers 201 with the linked suppliers",
          [kind](Ctx& c) {
            c.require_edit();
            need_record(c, kind, c.path_id(1));
            auto svc = suppliers_for(c, c.actor());
            // The body was checked against the operation (web/api_schemas.cpp): an integer.
            int64_t supplier_id = body_object(c)["supplier"].get<int64_t>();
            if (!svc.supplier(c.org(), supplier_id)) throw supplier::unknown_supplier(supplier_id);
            set_link(c, svc, kind, supplier_id, c.path_id(1), true);
            linked_json(c, svc, kind, c.path_id(1), 201);
          });
    r.api("DELETE", base + R"(/(\d+))", doc + "/{supplier}",
          "Unlink a supplier from the " + one + "; answers with the suppliers still linked",
          [kind](Ctx& c) {
            c.require_edit();
            need_record(c, kind, c.path_id(1));
            auto svc = suppliers_for(c, c.actor());
            auto now = linked_to(c, svc, kind, c.path_id(1));
            if (std::none_of(now.begin(), now.end(),
                             [&](const supplier::Supplier& s) { return s.id == c.path_id(2); }))
              throw HttpError(404, "not found");
            set_link(c, svc, kind, c.path_id(2), c.path_id(1), false);
            linked_json(c, svc, kind, c.path_id(1));
          });
  }
}

}  // namespace anzen::web
