// Account lifecycle in the administration page: disable, enable, delete, set a password, and
// the organisation's API tokens with their expiry, last use and revocation.
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"

namespace anzen::web {

namespace {
// A user of the administrator's own organisation (also a disabled one), else 404.
User own_user(Ctx& c, Accounts& acc) {
  int64_t id = c.path_id(1);
  for (const auto& u : acc.users_of(c.org()))
    if (u.id == id) return u;
  throw HttpError(404, "not found");
}

std::string post_button(const Ctx& c, const std::string& action, const std::string& label) {
  return "<form class=\"inline\" method=\"post\" action=\"" + esc(action) + "\">" + csrf_field(c) +
         "<button type=\"submit\" class=\"secondary\">" + esc(label) + "</button></form> ";
}
}  // namespace

std::string account_admin_section(Ctx& c) {
  Accounts acc(c.db);
  bool en = c.lang == "en";
  std::string b = "<h2>" + esc(c.t("admin.accounts")) + "</h2><table><thead><tr><th>" +
                  esc(c.t("login.name")) + "</th><th>" + esc(c.t("admin.state")) +
                  "</th><th></th></tr></thead><tbody>";
  for (const auto& u : acc.users_of(c.org())) {
    bool off = acc.is_disabled(u.id);
    std::string base = "/admin/users/" + std::to_string(u.id);
    b += "<tr><td>" + esc(u.name) + "</td><td>" +
         esc(c.t(off ? "admin.disabled" : "admin.enabled")) + "</td><td>";
    if (c.user && u.id != c.user->id) {
      b += post_button(c, base + (off ? "/enable" : "/disable"),
                       c.t(off ? "admin.enable" : "admin.disable"));
      b += post_button(c, base + "/delete", c.t("admin.delete"));
    }
    b += "<form class=\"inline\" method=\"post\" action=\"" + base + "/password\">" +
         csrf_field(c) + "<label class=\"muted\" for=\"pw" + std::to_string(u.id) + "\">" +
         esc(c.t("admin.new_password")) + "</label><input type=\"password\" id=\"pw" +
         std::to_string(u.id) +
         "\" name=\"password\" minlength=\"10\" autocomplete=\"new-password\" required> <button "
         "type=\"submit\">" +
         esc(c.t("common.save")) + "</button></form></td></tr>";
  }
  b += "</tbody></table><p class=\"muted\">" + esc(c.t("admin.password_rule")) + "</p>";
  b += "<h2>" + esc(c.t("admin.tokens")) + "</h2><table><thead><tr><th>#</th><th>" +
       esc(c.t("login.name")) + "</th><th>" + (en ? "Label" : "用途") + "</th><th>" +
       (en ? "Expires" : "有効期限") + "</th><th>" + (en ? "Last used" : "最終利用") +
       "</th><th></th></tr></thead><tbody>";
  for (const auto& t : acc.tokens(c.org())) {
    b +=
        "<tr><td class=\"num\">" + std::to_string(t.id) + "</td><td>" + esc(t.user) + "</td><td>" +
        esc(t.label) + "</td><td>" + when_html(t.expires_at, c.lang) + "</td><td>" +
        (t.last_used_at.empty() ? esc(en ? "never" : "未使用")
                                : when_html(t.last_used_at, c.lang)) +
        "</td><td>" +
        (t.revoked_at.empty() ? post_button(c, "/admin/tokens/" + std::to_string(t.id) + "/revoke",
                                            c.t("admin.revoke"))
                              : esc(c.t("admin.revoked")) + " " + when_html(t.revoked_at, c.lang)) +
        "</td></tr>";
  }
  return b + "</tbody></table>";
}

void mount_account_pages(Router& r) {
  for (const char* verb : {"disable", "enable", "delete"}) {
    std::string v = verb;
    r.post(R"(/admin/users/(\d+)/)" + v, [v](Ctx& c) {
      c.require_admin();
      Accounts acc(c.db);
      User u = own_user(c, acc);
      if (u.id == c.user->id) throw std::invalid_argument("user: you cannot " + v + " yourself");
      if (v == "delete")
        acc.delete_user(u.id, c.actor());
      else
        acc.set_disabled(u.id, v == "disable", c.actor());
      c.redirect("/admin");
    });
  }
  r.post(R"(/admin/users/(\d+)/password)", [](Ctx& c) {
    c.require_admin();
    Accounts acc(c.db);
    User u = own_user(c, acc);
    if (acc.is_disabled(u.id)) throw std::invalid_argument("user: enable the user first");
    acc.set_password(u.id, c.param("password"), c.actor());
    c.redirect("/admin");
  });
  r.post(R"(/admin/tokens/(\d+)/revoke)", [](Ctx& c) {
    c.require_admin();
    if (!Accounts(c.db).revoke_token(c.path_id(1), c.org(), c.actor()))
      throw HttpError(404, "not found");
    c.redirect("/admin");
  });
}

}  // namespace anzen::web
