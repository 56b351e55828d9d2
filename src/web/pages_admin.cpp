// Administration of the organisation's users, and the audit trail with its verification.
#include <algorithm>

#include "assess/repo.h"
#include "store/audit.h"
#include "common/text.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"

namespace anzen::web {

void mount_admin_pages(Router& r) {
  r.get("/admin", [](Ctx& c) {
    c.require_admin();
    Accounts acc(c.db);
    assess::AssessRepo repo(c.db, c.actor());
    auto org = repo.org(c.org());
    std::string b = "<h1>" + esc(c.t("nav.admin")) + "</h1><h2>" + esc(c.t("admin.org")) + "</h2>";
    if (org) {
      std::string prefs;
      for (const auto& p : org->prefectures) prefs += (prefs.empty() ? "" : "、") + p;
      b += "<form method=\"post\" action=\"/admin/org\">" + csrf_field(c) + "<label for=\"org-name\">" + esc(c.t("common.title")) +
           "</label><input type=\"text\" id=\"org-name\" name=\"name\" value=\"" + esc(org->name) + "\" size=\"40\" required><p class=\"muted\">" +
           esc(org->kind) + "</p><fieldset><legend>" + (c.lang == "en" ? "Services offered" : "提供サービス") + "</legend>";
      for (const char* sv : {"voice_emergency", "voice_no_emergency", "mobile", "lpwa", "isp_data", "free_internet", "cloud"}) {
        bool on = std::find(org->services.begin(), org->services.end(), sv) != org->services.end();
        b += std::string("<label><input type=\"checkbox\" name=\"services\" value=\"") + sv + "\"" + (on ? " checked" : "") + "> " + sv + "</label>";
      }
      b += "</fieldset><label for=\"org-users\">" + std::string(c.lang == "en" ? "Number of users" : "利用者数") + "</label><input type=\"number\" min=\"0\" id=\"org-users\" name=\"users\" value=\"" +
           (org->users ? std::to_string(*org->users) : "") + "\"><label for=\"org-prefs\">" + (c.lang == "en" ? "Prefectures served" : "提供都道府県") +
           "</label><input type=\"text\" id=\"org-prefs\" name=\"prefectures\" value=\"" + esc(prefs) + "\" size=\"50\"><p><button type=\"submit\">" +
           esc(c.t("common.save")) + "</button></p></form>";
    }
    b += "<h2>" + esc(c.t("admin.users")) + "</h2><table><thead><tr><th>" +
                    esc(c.t("login.name")) + "</th><th>" + esc(c.t("admin.role")) + "</th><th></th></tr></thead><tbody>";
    for (const auto& u : acc.users_of(c.org())) {
      b += "<tr><td>" + esc(u.name) + "</td><td>" + esc(to_string(u.role)) + "</td><td><form method=\"post\" action=\"/admin/users/" +
           std::to_string(u.id) + "/role\">" + csrf_field(c) + "<label class=\"muted\" for=\"role" + std::to_string(u.id) + "\">" +
           esc(c.t("admin.role")) + "</label><select id=\"role" + std::to_string(u.id) + "\" name=\"role\">";
      for (const char* role : {"admin", "assessor", "viewer", "auditor"}) {
        b += std::string("<option") + (to_string(u.role) == role ? " selected" : "") + ">" + role + "</option>";
      }
      b += "</select> <button type=\"submit\">" + esc(c.t("common.save")) + "</button></form></td></tr>";
    }
    b += "</tbody></table><h2>" + esc(c.t("admin.new_user")) + "</h2><form method=\"post\" action=\"/admin/users\">" + csrf_field(c) +
         "<label for=\"nu-name\">" + esc(c.t("login.name")) + "</label><input type=\"text\" id=\"nu-name\" name=\"name\" required>"
         "<label for=\"nu-pass\">" + esc(c.t("login.password")) + "</label><input type=\"password\" id=\"nu-pass\" name=\"password\" minlength=\"8\" required>"
         "<label for=\"nu-role\">" + esc(c.t("admin.role")) + "</label><select id=\"nu-role\" name=\"role\"><option>assessor</option><option>viewer</option><option>auditor</option><option>admin</option></select>"
         "<p><button type=\"submit\">" + esc(c.t("common.create")) + "</button></p></form>";
    c.html(layout(c, c.t("nav.admin"), b));
  });

  r.post("/admin/org", [](Ctx& c) {
    c.require_admin();
    assess::AssessRepo repo(c.db, c.actor());
    auto org = repo.org(c.org());
    if (!org) throw HttpError(404, "not found");
    org->name = c.param("name");
    org->services.clear();
    for (auto it = c.req.params.lower_bound("services"); it != c.req.params.end() && it->first == "services"; ++it) org->services.push_back(it->second);
    std::string u = c.param("users");
    if (u.empty()) org->users.reset();
    else if (std::all_of(u.begin(), u.end(), ::isdigit) && u.size() < 12) org->users = std::stoll(u);
    else throw std::invalid_argument("users: expected a whole number");
    org->prefectures = text::split_list(c.param("prefectures"));
    repo.update_org(*org);
    c.redirect("/admin");
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

  r.get("/audit", [](Ctx& c) {
    c.require_audit();
    auto v = store::audit_verify(c.db);
    std::string b = "<h1>" + esc(c.t("nav.audit")) + "</h1>";
    b += v.ok ? "<p class=\"flash\">" + esc(c.t("audit.verify_ok")) + " (" + std::to_string(v.rows) + ")</p>"
              : "<p class=\"error\">" + esc(c.t("audit.verify_bad")) + " #" + std::to_string(*v.first_broken_id) + " — " +
                    esc(v.reason) + "</p>";
    b += "<table><thead><tr><th>#</th><th>" + esc(c.t("common.when")) + "</th><th>" + esc(c.t("common.who")) + "</th><th>" +
         esc(c.t("common.what")) + "</th><th class=\"opt\">before → after</th></tr></thead><tbody>";
    auto st = c.db.prepare(
        "SELECT id, at, actor, entity, entity_id, action, coalesce(before_json,''), coalesce(after_json,'') "
        "FROM audit_log WHERE org_id=? ORDER BY id DESC LIMIT 200");
    st.bind(1, c.org());
    while (st.step()) {
      b += "<tr><td class=\"num\">" + std::to_string(st.i64(0)) + "</td><td>" + esc(st.str(1)) + "</td><td>" + esc(st.str(2)) +
           "</td><td>" + esc(st.str(5)) + " " + esc(st.str(3)) + " " + esc(st.str(4)) + "</td><td class=\"opt\"><code>" +
           esc(st.str(6)) + "</code> → <code>" + esc(st.str(7)) + "</code></td></tr>";
    }
    c.html(layout(c, c.t("nav.audit"), b + "</tbody></table>"));
  });
}

}  // namespace anzen::web
