// Administration of the organisation's users, and the audit trail with its verification.
#include <algorithm>

#include "assess/repo.h"
#include "common/number_input.h"
#include "common/text.h"
#include "common/vocabulary.h"
#include "store/audit.h"
#include "web/form.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/services.h"

namespace anzen::web {

void mount_audit_pages(Router& r);    // pages_audit.cpp
void mount_account_pages(Router& r);  // pages_accounts.cpp
std::string account_admin_section(Ctx& c, const Form& f);
// pages_accounts.cpp: a refusal of web/accounts (an Invalid about "name" or "password", or an
// older English "field: rule") as an error of the form's own name or password field.
FieldError account_field_error(const std::invalid_argument& e, const std::string& name_field,
                               const std::string& password_field);
// pages_org_profile.cpp: the classifier's standing facts, and a count typed with or without commas.
std::string incident_profile_fields(Ctx& c, const Form& f, const assess::Organization& org);
void save_incident_profile(Ctx& c);
int64_t user_count(const std::string& field, const std::string& text);

namespace {
// The organisation's settings as a form (stored values, or the typed ones after a refusal).
std::string org_form(Ctx& c, const Form& f, const assess::Organization& org) {
  std::string prefs;
  for (const auto& p : org.prefectures) prefs += (prefs.empty() ? "" : "、") + p;
  std::vector<std::pair<std::string, std::string>> services;
  for (const char* sv : {"voice_emergency", "voice_no_emergency", "mobile", "lpwa", "isp_data",
                         "free_internet", "cloud"})
    services.emplace_back(sv, vocab::label_or_code("service", sv, c.lang));
  return "<form method=\"post\" action=\"/admin/org\" id=\"org-form\">" + csrf_field(c) +
         f.text("name", c.t("common.title"), org.name, "size=\"40\" required") +
         "<p class=\"muted\">" + esc(vocab::label_or_code("orgkind", org.kind, c.lang)) + "</p>" +
         f.checkboxes("services", c.lang == "en" ? "Services offered" : "提供サービス", services,
                      org.services) +
         f.text("users", c.lang == "en" ? "Number of users" : "利用者数",
                org.users ? std::to_string(*org.users) : "", "inputmode=\"numeric\"") +
         f.text("prefectures", c.lang == "en" ? "Prefectures served" : "提供都道府県", prefs,
                "size=\"50\"") +
         incident_profile_fields(c, f, org) + "<p><button type=\"submit\" id=\"save-org\">" +
         esc(c.t("common.save")) + "</button></p></form>";
}

// Roles as (code, label) options; `with_supplier` adds the supplier role (kept on a user who has
// it).
std::vector<std::pair<std::string, std::string>> role_options(const Ctx& c, bool with_supplier) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* role : {"assessor", "viewer", "auditor", "admin", "supplier"}) {
    if (std::string(role) == "supplier" && !with_supplier) continue;
    out.emplace_back(role, vocab::label_or_code("userrole", role, c.lang));
  }
  return out;
}

// One user's role as a one-field form. Its error (an unknown role) sits beside the select,
// keyed "role-<id>"; the select keeps the name "role" the handler reads.
std::string role_form(const Ctx& c, const Form& f, const User& u) {
  std::string id = std::to_string(u.id), key = "role-" + id;
  std::string h = "<form method=\"post\" action=\"/admin/users/" + id + "/role\">" + csrf_field(c) +
                  "<label class=\"muted\" for=\"" + key + "\">" + esc(c.t("admin.role")) +
                  "</label>" + f.error_html(key) + "<select id=\"" + key + "\" name=\"role\"" +
                  (f.error_html(key).empty()
                       ? ""
                       : " aria-invalid=\"true\" aria-describedby=\"" + key + "-error\"") +
                  ">";
  for (const auto& [code, label] : role_options(c, true))
    h += "<option value=\"" + code + "\"" + (to_string(u.role) == code ? " selected" : "") + ">" +
         esc(label) + "</option>";
  return h + "</select> <button type=\"submit\">" + esc(c.t("common.save")) + "</button></form>";
}

// A new user: name and role are kept after a refusal, the password never is.
std::string new_user_form(const Ctx& c, const Form& f) {
  return "<form method=\"post\" action=\"/admin/users\" id=\"new-user\">" + csrf_field(c) +
         f.text("new_name", c.t("login.name"), "",
                "required maxlength=\"64\" autocomplete=\"off\"") +
         "<label for=\"new_password\">" + esc(c.t("login.password")) + "</label>" +
         f.error_html("new_password") + "<input type=\"password\"" +
         f.control_attrs("new_password") +
         " minlength=\"10\" autocomplete=\"new-password\" required>" + "<p class=\"hint\">" +
         esc(c.t("admin.password_rule")) + "</p>" +
         f.select("new_role", c.t("admin.role"), role_options(c, false), "assessor") +
         "<p><button type=\"submit\" id=\"create-user\">" + esc(c.t("common.create")) +
         "</button></p></form>";
}

// The whole administration page; `f` carries the error of whichever of its forms was refused
// (the forms' field names differ, so each keeps only what was typed into it). `notice` is shown
// at the top (a new API token, once).
std::string admin_page(Ctx& c, const Form& f, const std::string& notice = "") {
  auto acc = accounts(c);
  assess::AssessRepo repo(c.db, c.actor());
  auto org = repo.org(c.org());
  std::string b = "<h1>" + esc(c.t("nav.admin")) + "</h1>" + notice + f.summary() + "<h2>" +
                  esc(c.t("admin.org")) + "</h2>";
  if (org) b += org_form(c, f, *org);
  b += "<h2>" + esc(c.t("admin.users")) + "</h2><table><thead><tr><th>" + esc(c.t("login.name")) +
       "</th><th>" + esc(c.t("admin.role")) + "</th><th></th></tr></thead><tbody>";
  for (const auto& u : acc.users_of(c.org())) {
    b += "<tr><td>" + esc(u.name) + "</td><td>" +
         esc(vocab::label_or_code("userrole", to_string(u.role), c.lang)) + "</td><td>" +
         role_form(c, f, u) + "</td></tr>";
  }
  b += "</tbody></table><h2>" + esc(c.t("admin.new_user")) + "</h2>" + new_user_form(c, f);
  b += account_admin_section(c, f);
  return layout(c, c.t("nav.admin"), b);
}
}  // namespace

// pages_accounts.cpp renders the page again after a refused account form (and once with a new
// token).
std::string admin_page_with(Ctx& c, const Form& f, const std::string& notice) {
  return admin_page(c, f, notice);
}

void mount_admin_pages(Router& r) {
  r.get("/admin", [](Ctx& c) {
    c.require_admin();
    Form f(c);
    c.html(admin_page(c, f));
  });

  // The organisation's settings: a refused value comes back beside its field, the rest kept.
  r.post("/admin/org", [](Ctx& c) {
    c.require_admin();
    assess::AssessRepo repo(c.db, c.actor());
    auto org = repo.org(c.org());
    if (!org) throw HttpError(404, "not found");
    submit(
        c,
        [&] {
          org->name = c.param("name");
          if (org->name.empty())
            throw FieldError("name", "名称を入力してください。", "Enter the name.");
          org->services.clear();
          for (const auto& v : c.params("services")) org->services.push_back(v);
          std::string u = c.param("users");
          if (u.empty())
            org->users.reset();
          else
            org->users = user_count("users", u);
          org->prefectures = text::split_list(c.param("prefectures"));
          org->designated_operator = c.param("designated_operator") == "on";
          c.db.transaction([&] {
            repo.update_org(*org);
            save_incident_profile(c);
          });
          c.redirect("/admin");
        },
        [&](Form& f) { return admin_page(c, f); });
  });

  // A new user: a refused name, password or role comes back beside its field (name and role
  // kept), in the user's language.
  r.post("/admin/users", [](Ctx& c) {
    c.require_admin();
    submit(
        c,
        [&] {
          auto role = role_from(c.param("new_role"));
          if (!role) throw FieldError("new_role", "ロールを選んでください。", "Choose a role.");
          try {
            accounts(c).create_user(c.org(), c.param("new_name"), *role, c.param("new_password"),
                                       c.actor());
          } catch (const std::invalid_argument& e) {
            throw account_field_error(e, "new_name", "new_password");
          }
          c.redirect("/admin");
        },
        [&](Form& f) { return admin_page(c, f); });
  });

  r.post(R"(/admin/users/(\d+)/role)", [](Ctx& c) {
    c.require_admin();
    auto acc = accounts(c);
    auto u = acc.user_by_id(c.path_id(1));
    if (!u || u->org_id != c.org()) throw HttpError(404, "not found");
    submit(
        c,
        [&] {
          auto role = role_from(c.param("role"));
          if (!role)
            throw FieldError("role-" + std::to_string(u->id), "ロールを選んでください。",
                             "Choose a role.");
          acc.set_role(u->id, *role, c.actor());
          c.redirect("/admin");
        },
        [&](Form& f) { return admin_page(c, f); });
  });

  mount_audit_pages(r);
  mount_account_pages(r);
}

}  // namespace anzen::web
