// JSON API for outsourcing contracts and their chapter 10 checklist (tcs-2023 10.x contract
// requirements): list, read, create, update and delete contracts, and set a clause's status and
// evidence. Scoped to the caller's organisation (another's contract is 404); writes need an
// editing role; supplier users never get here (web/supplier_role.cpp). Every change is audited
// by the service.
#include "catalog/catalog_dir.h"
#include "supplier/view.h"
#include "web/json_body.h"
#include "web/router.h"
#include "web/supplier_view.h"

namespace anzen::web {
using nlohmann::json;

namespace {
json contract_doc(const Ctx& c, supplier::Suppliers& svc, const supplier::Contract& k) {
  return supplier::contract_json(k, supplier::contract_clauses(c.catalogs.catalog()),
                                 svc.clauses(k.id));
}

supplier::Contract need_contract(Ctx& c, supplier::Suppliers& svc) {
  auto k = svc.contract(c.org(), c.path_id(1));
  if (!k) throw HttpError(404, "not found");
  return *k;
}

// The contract's terms from a body; on update, absent fields keep their current value.
void read_terms(const json& in, supplier::Contract& k, bool create) {
  if (create || in.contains("title")) k.title = string_field(in, "title", true);
  for (auto [name, field] :
       {std::pair{"signed_on", &k.signed_on}, std::pair{"starts_on", &k.starts_on},
        std::pair{"ends_on", &k.ends_on}})
    if (create || in.contains(name)) *field = string_field(in, name);
}
}  // namespace

void mount_contract_api(Router& r) {
  r.api("GET", "/api/v1/contracts", "/api/v1/contracts",
        "Your organisation's outsourcing contracts (query: supplier)", [](Ctx& c) {
          int64_t sup = c.has_param("supplier") ? c.id_param("supplier") : 0;
          auto svc = suppliers_for(c, c.actor());
          json out = json::array();
          for (const auto& k : svc.contracts(c.org(), sup)) out.push_back(contract_doc(c, svc, k));
          c.json({{"contracts", out}});
        });
  r.api("POST", "/api/v1/contracts", "/api/v1/contracts",
        "Record an outsourcing contract with a supplier (JSON: supplier, title, signed_on, "
        "starts_on, ends_on)",
        [](Ctx& c) {
          c.require_edit();
          json in = body_object(c);
          if (!in.contains("supplier") || !in["supplier"].is_number_integer())
            throw Invalid("supplier", "委託先を ID（整数）で指定してください。",
                          "Give the supplier as an id (a whole number).", "required",
                          "supplier: expected a supplier id");
          supplier::Contract k;
          k.supplier_id = in["supplier"].get<int64_t>();
          read_terms(in, k, true);
          auto svc = suppliers_for(c, c.actor());
          supplier::Contract made;
          try {
            made = svc.add_contract(c.org(), k);
          } catch (const std::out_of_range& e) {
            throw supplier::unknown_supplier(k.supplier_id, e.what());
          }
          c.json(contract_doc(c, svc, made), 201);
        });
  r.api("GET", R"(/api/v1/contracts/(\d+))", "/api/v1/contracts/{id}",
        "An outsourcing contract with its chapter 10 checklist (the standard's text, source "
        "lines, each clause's status and evidence)",
        [](Ctx& c) {
          auto svc = suppliers_for(c, c.actor());
          c.json(contract_doc(c, svc, need_contract(c, svc)));
        });
  r.api("PUT", R"(/api/v1/contracts/(\d+))", "/api/v1/contracts/{id}",
        "Change a contract's title and dates (JSON: title, signed_on, starts_on, ends_on; absent "
        "fields stay)",
        [](Ctx& c) {
          c.require_edit();
          auto svc = suppliers_for(c, c.actor());
          auto k = need_contract(c, svc);
          read_terms(body_object(c), k, false);
          c.json(contract_doc(c, svc, svc.update_contract(c.org(), k)));
        });
  r.api("DELETE", R"(/api/v1/contracts/(\d+))", "/api/v1/contracts/{id}",
        "Delete a contract with its checklist", [](Ctx& c) {
          c.require_edit();
          auto svc = suppliers_for(c, c.actor());
          auto k = need_contract(c, svc);
          svc.delete_contract(c.org(), k.id);
          c.json({{"id", k.id}, {"deleted", true}});
        });
  r.api("PUT", R"(/api/v1/contracts/(\d+)/clauses/([0-9.]+))",
        "/api/v1/contracts/{id}/clauses/{item}",
        "Whether the contract covers a chapter 10 requirement and where (JSON: status, evidence; "
        "implemented needs the evidence)",
        [](Ctx& c) {
          c.require_edit();
          auto svc = suppliers_for(c, c.actor());
          auto k = need_contract(c, svc);
          json in = body_object(c);
          auto st = assess::status_from(string_field(in, "status", true));
          if (!st)
            throw assess::status_refused(
                "status", false,
                "status: expected implemented, partial, not_implemented or not_applicable");
          auto known = supplier::contract_clauses(c.catalogs.catalog());
          bool found = false;
          for (const auto& x : known) found = found || x.item_id == c.path_arg(2);
          if (!found) throw HttpError(404, "no contract requirement " + c.path_arg(2));
          svc.set_clause(c.org(), k.id, known, c.path_arg(2), *st, string_field(in, "evidence"));
          c.json(contract_doc(c, svc, k));
        });
}

}  // namespace anzen::web
