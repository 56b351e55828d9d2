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

namespace anzen::web {

void mount_audit_pages(Router& r);    // pages_audit.cpp
void mount_account_pages(Router& r);  // pages_accounts.cpp
std::string account_admin_section(Ctx& c);
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
         f.summary() + f.text("name", c.t("common.title"), org.name, "size=\"40\" required") +
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

std::string admin_page(Ctx& c, const Form& f) {
  Accounts acc(c.db);
  assess::AssessRepo repo(c.db, c.actor());
  auto org = repo.org(c.org());
  std::string b = "<h1>" + esc(c.t("nav.admin")) + "</h1><h2>" + esc(c.t("admin.org")) + "</h2>";
  if (org) b += org_form(c, f, *org);
  b += "<h2>" + esc(c.t("admin.users")) + "</h2><table><thead><tr><th>" + esc(c.t("login.name")) +
       "</th><th>" + esc(c.t("admin.role")) + "</th><th></th></tr></thead><tbody>";
  for (const auto& u : acc.users_of(c.org())) {
    b += "<tr><td>" + esc(u.name) + "</td><td>" + esc(to_string(u.role)) +
         "</td><td><form method=\"post\" action=\"/admin/users/" + std::to_string(u.id) +
         "/role\">" + csrf_field(c) + "<label class=\"muted\" for=\"role" + std::to_string(u.id) +
         "\">" + esc(c.t("admin.role")) + "</label><select id=\"role" + std::to_string(u.id) +
         "\" name=\"role\">";
    for (const char* role : {"admin", "assessor", "viewer", "auditor", "supplier"}) {
      b += std::string("<option") + (to_string(u.role) == role ? " selected" : "") + ">" + role +
           "</option>";
    }
    b += "</select> <button type=\"submit\">" + esc(c.t("common.save")) +
         "</button></form></td></tr>";
  }
  b +=
      "</tbody></table><h2>" + esc(c.t("admin.new_user")) +
      "</h2><form method=\"post\" action=\"/admin/users\">" + csrf_field(c) +
      "<label for=\"nu-name\">" + esc(c.t("login.name")) +
      "</label><input type=\"text\" id=\"nu-name\" name=\"name\" required>"
      "<label for=\"nu-pass\">" +
      esc(c.t("login.password")) +
      "</label><input type=\"password\" id=\"nu-pass\" name=\"password\" minlength=\"10\" required>"
      "<label for=\"nu-role\">" +
      esc(c.t("admin.role")) +
      "</label><select id=\"nu-role\" "
      "name=\"role\"><option>assessor</option><option>viewer</option><option>auditor</"
      "option><option>admin</option></select>"
      "<p><button type=\"submit\">" +
      esc(c.t("common.create")) + "</button></p></form>";
  b += account_admin_section(c);
  return layout(c, c.t("nav.admin"), b);
}
}  // namespace

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

  r.post("/admin/users", [](Ctx& c) {
    c.require_admin();
    auto role = role_from(c.param("role"));
    if (!role) throw std::invalid_argument("role must be admin, assessor, viewer or auditor");
    Accounts(c.db).create_user(c.org(), c.param("name"), *role, c.param("password"), c.actor());
    c.redirect("/admin");
  });

  r.post(R"(/admin/users/(\d+)/role)", [](Ctx& c) {
    c.require_admin();
    Accounts acc(c.db);
    auto u = acc.user_by_id(c.path_id(1));
    if (!u || u->org_id != c.org()) throw HttpError(404, "not found");
    auto role = role_from(c.param("role"));
    if (!role) throw std::invalid_argument("role must be admin, assessor, viewer or auditor");
    acc.set_role(u->id, *role, c.actor());
    c.redirect("/admin");
  });

  mount_audit_pages(r);
  mount_account_pages(r);
}

}  // namespace anzen::web
