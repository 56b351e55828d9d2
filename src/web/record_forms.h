// The create and edit routes the risk, asset and plan-item pages share: GET /{path}/new and
// /{path}/{id}/edit show the form, POST /{path} and /{path}/{id}/edit save it and open the
// record's page, or answer 400 with the form, the typed values and the error beside its field.
// Only editors reach the forms; an id of another organisation is 404.
// Deleting (what the API's DELETE does): GET /{path}/{id}/delete asks for confirmation, its POST
// (CSRF-checked by the router, editors only, 404 for another organisation's id) deletes through
// the repository, which audits it and refuses while other records refer to the entry.
#pragma once
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "risk/repo.h"
#include "web/form.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"

namespace anzen::web {

template <class T>
struct RecordForms {
  std::string path;                                          // "risks"
  std::string new_ja, new_en, edit_ja, edit_en;              // page titles
  std::vector<std::pair<std::string, std::string>> aliases;  // validator field -> form field
  std::optional<T> (risk::RiskRepo::*one)(int64_t, int64_t);
  T (risk::RiskRepo::*save)(T);
  T (*blank)(const Ctx&);                     // a new record with its defaults
  T (*from_form)(const Ctx&, T, FormError&);  // reads the fields; bad numbers go to the error
  std::string (*form)(Ctx&, risk::RiskRepo&, const T&, const FormError&);
};

// How each record is deleted and named on the confirmation page.
template <class T>
struct RecordDelete;
template <>
struct RecordDelete<risk::Risk> {
  static constexpr auto remove = &risk::RiskRepo::delete_risk;
  static std::string name(const risk::Risk& x) { return x.title; }
};
template <>
struct RecordDelete<risk::Asset> {
  static constexpr auto remove = &risk::RiskRepo::delete_asset;
  static std::string name(const risk::Asset& x) { return x.name; }
};
template <>
struct RecordDelete<risk::PlanItem> {
  static constexpr auto remove = &risk::RiskRepo::delete_plan_item;
  static std::string name(const risk::PlanItem& x) {
    return x.actions.empty() ? x.target_state : x.actions;  // as the item's page heads it
  }
};

// The delete link of a record's page (editors only).
std::string delete_link(const Ctx& c, const std::string& path, int64_t id);
// The confirmation page; `refusal` (the repository's reason) when deleting was refused.
std::string delete_page(Ctx& c, const std::string& path, int64_t id, const std::string& name,
                        const std::string& refusal);

template <class T>
void mount_record_delete(Router& r, const RecordForms<T>& k) {
  const std::string item = "/" + k.path + R"(/(\d+)/delete)";
  auto need = [k](Ctx& c, risk::RiskRepo& repo) {
    c.require_edit();
    auto x = (repo.*k.one)(c.org(), c.path_id(1));
    if (!x) throw HttpError(404, "not found");
    return *x;
  };
  r.get(item, [k, need](Ctx& c) {
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    T x = need(c, repo);
    c.html(delete_page(c, k.path, x.id, RecordDelete<T>::name(x), ""));
  });
  r.post(item, [k, need](Ctx& c) {
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    T x = need(c, repo);
    try {
      (repo.*RecordDelete<T>::remove)(c.org(), x.id);
    } catch (const std::invalid_argument& e) {
      c.html(delete_page(c, k.path, x.id, RecordDelete<T>::name(x), e.what()), 400);
      return;
    }
    c.redirect("/" + k.path);
  });
}

template <class T>
void mount_record_forms(Router& r, const RecordForms<T>& k) {
  mount_record_delete(r, k);
  auto title = [k](const Ctx& c, bool edit) {
    return c.lang == "en" ? (edit ? k.edit_en : k.new_en) : (edit ? k.edit_ja : k.new_ja);
  };
  auto need = [k](Ctx& c, risk::RiskRepo& repo) {
    auto x = (repo.*k.one)(c.org(), c.path_id(1));
    if (!x) throw HttpError(404, "not found");
    return *x;
  };
  auto show = [k, title](Ctx& c, risk::RiskRepo& repo, const T& x, const FormError& e, int status) {
    std::string t = title(c, x.id != 0);
    c.html(layout(c, t, "<h1>" + esc(t) + "</h1>" + k.form(c, repo, x, e)), status);
  };
  auto store = [k, show](Ctx& c, risk::RiskRepo& repo, T x) {
    c.require_edit();
    FormError err;
    x = k.from_form(c, x, err);
    if (err.message.empty()) {
      try {
        T saved = (repo.*k.save)(x);
        return c.redirect("/" + k.path + "/" + std::to_string(saved.id));
      } catch (const std::invalid_argument& e) {
        err = form_error(c, e, k.aliases);
      }
    }
    show(c, repo, x, err, 400);
  };
  r.get("/" + k.path + "/new", [k, show](Ctx& c) {
    c.require_edit();
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    show(c, repo, k.blank(c), {}, 200);
  });
  r.post("/" + k.path, [k, store](Ctx& c) {
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    T x = k.blank(c);
    x.org_id = c.org();
    store(c, repo, x);
  });
  r.get("/" + k.path + R"(/(\d+)/edit)", [need, show](Ctx& c) {
    c.require_edit();
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    show(c, repo, need(c, repo), {}, 200);
  });
  r.post("/" + k.path + R"(/(\d+)/edit)", [need, store](Ctx& c) {
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    store(c, repo, need(c, repo));
  });
}

}  // namespace anzen::web
