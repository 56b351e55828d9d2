// Account lifecycle in the administration page: disable, enable, delete, set a password, and
// the organisation's API tokens (created here, shown once) with their expiry, last use and
// revocation. Every form goes through submit(): a refusal comes back beside its field, in the
// user's language, on the administration page.
#include "web/form.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/services.h"

namespace anzen::web {

std::string admin_page_with(Ctx& c, const Form& f, const std::string& notice);  // pages_admin.cpp

namespace {
// A user of the administrator's own organisation (also a disabled one), else 404.
User own_user(Ctx& c, Accounts& acc, int64_t id) {
  for (const auto& u : acc.users_of(c.org()))
    if (u.id == id) return u;
  throw HttpError(404, "not found");
}

// A one-button form; its refusal is shown under the buttons of the row (`error_key`).
std::string post_button(const Ctx& c, const std::string& action, const std::string& label,
                        const std::string& id) {
  return "<form class=\"inline\" method=\"post\" action=\"" + esc(action) + "\">" + csrf_field(c) +
         "<button type=\"submit\" class=\"secondary\" id=\"" + esc(id) + "\">" + esc(label) +
         "</button></form> ";
}

// The hand-made control's attributes: the id the error is keyed by, the name the handler reads.
std::string attrs(const Form& f, const std::string& key, const std::string& name) {
  std::string a = " id=\"" + esc(key) + "\" name=\"" + esc(name) + "\"";
  if (!f.error_html(key).empty())
    a += " aria-invalid=\"true\" aria-describedby=\"" + esc(key) + "-error\"";
  return a;
}

std::string token_form(const Ctx& c, const Form& f, const std::vector<User>& users) {
  bool en = c.lang == "en";
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto& u : users) options.emplace_back(std::to_string(u.id), u.name);
  return "<form method=\"post\" action=\"/admin/tokens\" id=\"new-token\" class=\"form-grid\">" +
         csrf_field(c) + "<div>" +
         f.select("token_user", c.t("login.name"), options,
                  c.user ? std::to_string(c.user->id) : "") +
         "</div><div>" +
         f.text("token_label", en ? "Label" : "用途", "", "maxlength=\"200\" required") +
         "</div><div>" +
         f.input("number", "token_days", en ? "Valid for (days)" : "有効日数",
                 std::to_string(Accounts::kTokenDays), "min=\"1\" max=\"3650\" required") +
         "</div><p><button type=\"submit\" id=\"create-token\">" +
         esc(en ? "Create a token" : "トークンを発行") + "</button></p></form>";
}
}  // namespace

FieldError account_field_error(const std::invalid_argument& e, const std::string& name_field,
                               const std::string& password_field) {
  // The accounts domain says what is wrong in both languages; only the form's field name differs.
  if (const auto* v = dynamic_cast<const Invalid*>(&e)) {
    if (v->field == "password")
      return FieldError(password_field, "このパスワードは使えません。" + v->ja,
                        "This password is refused: " + v->en, v->code);
    if (v->field == "name" && !name_field.empty()) return v->renamed(name_field);
  }
  std::string what = e.what();
  auto detail = [&](size_t skip) { return what.substr(skip); };
  if (what.rfind("password: ", 0) == 0)
    return FieldError(password_field,
                      "このパスワードは使えません。" + tr("ja", "admin.password_rule"),
                      "This password is refused: " + detail(10) + ".");
  if (what.rfind("name: ", 0) == 0)
    return FieldError(name_field,
                      "ユーザー名は 1〜64 バイトで、空白・スラッシュ・制御文字は使えません。",
                      "User names have 1 to 64 bytes, without spaces, slashes or control "
                      "characters.");
  if (what.find("already exists") != std::string::npos)
    return FieldError(name_field, "このユーザー名は既に使われています。",
                      "This user name is already taken.");
  return FieldError(name_field.empty() ? password_field : name_field,
                    "入力内容を確認してください（" + what + "）", what);
}

std::string account_admin_section(Ctx& c, const Form& f) {
  auto acc = accounts(c);
  bool en = c.lang == "en";
  auto users = acc.users_of(c.org());
  std::string b = "<h2>" + esc(c.t("admin.accounts")) + "</h2><table><thead><tr><th>" +
                  esc(c.t("login.name")) + "</th><th>" + esc(c.t("admin.state")) +
                  "</th><th></th></tr></thead><tbody>";
  for (const auto& u : users) {
    bool off = acc.is_disabled(u.id);
    std::string id = std::to_string(u.id), base = "/admin/users/" + id;
    b += "<tr><td>" + esc(u.name) + "</td><td>" +
         esc(c.t(off ? "admin.disabled" : "admin.enabled")) + "</td><td>" +
         f.error_html("user-" + id);
    if (c.user && u.id != c.user->id) {
      b += post_button(c, base + (off ? "/enable" : "/disable"),
                       c.t(off ? "admin.enable" : "admin.disable"),
                       (off ? "enable-" : "disable-") + id);
      b += post_button(c, base + "/delete", c.t("admin.delete"), "delete-" + id);
    }
    std::string key = "password-" + id;
    b += "<form class=\"inline\" method=\"post\" action=\"" + base + "/password\">" +
         csrf_field(c) + "<label class=\"muted\" for=\"" + key + "\">" +
         esc(c.t("admin.new_password")) + "</label>" + f.error_html(key) +
         "<input type=\"password\"" + attrs(f, key, "password") +
         " minlength=\"10\" autocomplete=\"new-password\" required> <button type=\"submit\">" +
         esc(c.t("common.save")) + "</button></form></td></tr>";
  }
  b += "</tbody></table><p class=\"muted\">" + esc(c.t("admin.password_rule")) + "</p>";
  b += "<h2>" + esc(c.t("admin.tokens")) + "</h2><table><thead><tr><th>#</th><th>" +
       esc(c.t("login.name")) + "</th><th>" + (en ? "Label" : "用途") + "</th><th>" +
       (en ? "Expires" : "有効期限") + "</th><th>" + (en ? "Last used" : "最終利用") +
       "</th><th></th></tr></thead><tbody>";
  for (const auto& t : acc.tokens(c.org())) {
    std::string id = std::to_string(t.id);
    b +=
        "<tr><td class=\"num\">" + id + "</td><td>" + esc(t.user) + "</td><td>" + esc(t.label) +
        "</td><td>" + when_html(t.expires_at, c.lang) + "</td><td>" +
        (t.last_used_at.empty() ? esc(en ? "never" : "未使用")
                                : when_html(t.last_used_at, c.lang)) +
        "</td><td>" + f.error_html("token-" + id) +
        (t.revoked_at.empty() ? post_button(c, "/admin/tokens/" + id + "/revoke",
                                            c.t("admin.revoke"), "revoke-" + id)
                              : esc(c.t("admin.revoked")) + " " + when_html(t.revoked_at, c.lang)) +
        "</td></tr>";
  }
  b += "</tbody></table>";
  std::vector<User> enabled;
  for (const auto& u : users)
    if (!acc.is_disabled(u.id)) enabled.push_back(u);
  return b + "<h3>" + esc(en ? "New API token" : "API トークンの発行") + "</h3>" +
         token_form(c, f, enabled);
}

void mount_account_pages(Router& r) {
  for (const char* verb : {"disable", "enable", "delete"}) {
    std::string v = verb;
    r.post(R"(/admin/users/(\d+)/)" + v, [v](Ctx& c) {
      c.require_admin();
      auto acc = accounts(c);
      User u = own_user(c, acc, c.path_id(1));
      submit(
          c,
          [&] {
            std::string key = "user-" + std::to_string(u.id);
            if (u.id == c.user->id)
              throw FieldError(key,
                               v == "delete" ? "自分自身は削除できません。"
                               : v == "enable" ? "自分自身は有効・無効を切り替えられません。"
                                               : "自分自身は無効にできません。",
                               "You cannot " + v + " yourself.");
            if (v == "delete")
              acc.delete_user(u.id, c.actor());
            else
              acc.set_disabled(u.id, v == "disable", c.actor());
            c.redirect("/admin");
          },
          [&](Form& f) { return admin_page_with(c, f, ""); });
    });
  }
  r.post(R"(/admin/users/(\d+)/password)", [](Ctx& c) {
    c.require_admin();
    auto acc = accounts(c);
    User u = own_user(c, acc, c.path_id(1));
    std::string key = "password-" + std::to_string(u.id);
    submit(
        c,
        [&] {
          if (acc.is_disabled(u.id))
            throw FieldError(key, "先にこのユーザーを有効にしてください。",
                             "Enable the user first.");
          try {
            acc.set_password(u.id, c.param("password"), c.actor());
          } catch (const std::invalid_argument& e) {
            throw account_field_error(e, "", key);
          }
          c.redirect("/admin");
        },
        [&](Form& f) { return admin_page_with(c, f, ""); });
  });
  // A new token for a user of the organisation: the page shows it once, then only its hash is kept.
  r.post("/admin/tokens", [](Ctx& c) {
    c.require_admin();
    auto acc = accounts(c);
    std::string raw;
    submit(
        c,
        [&] {
          bool en = c.lang == "en";
          std::string uid = c.param("token_user");
          if (uid.empty() || uid.size() > 18 ||
              uid.find_first_not_of("0123456789") != std::string::npos)
            throw FieldError("token_user", "ユーザーを選んでください。", "Choose a user.");
          User u = own_user(c, acc, std::stoll(uid));
          if (acc.is_disabled(u.id))
            throw FieldError("token_user", "無効なユーザーにはトークンを発行できません。",
                             "A disabled user cannot get a token.");
          std::string label = c.param("token_label");
          if (label.empty())
            throw FieldError("token_label", "用途を入力してください。",
                             "Enter what the token is for.");
          std::string d = c.param("token_days");
          int64_t days = 0;
          if (d.empty() || d.size() > 4 || d.find_first_not_of("0123456789") != std::string::npos ||
              (days = std::stoll(d)) < 1 || days > 3650)
            throw FieldError("token_days", "有効日数は 1〜3650 の整数で入力してください。",
                             "Enter a whole number of days from 1 to 3650.");
          try {
            raw = acc.create_token(u.id, label, c.actor(), static_cast<int>(days));
          } catch (const std::invalid_argument& e) {
            throw FieldError("token_label",
                             "入力内容を確認してください（" + std::string(e.what()) + "）",
                             e.what());
          }
          std::string notice =
              "<div class=\"flash\" id=\"new-token-value\" role=\"status\"><p>" +
              esc(en ? "The token of " + u.name + ". It is shown only now: copy it."
                     : u.name + " の API トークンです。表示はこの一度だけです。控えてください。") +
              "</p><p><code>" + esc(raw) + "</code></p></div>";
          Form fresh(c);
          c.html(admin_page_with(c, fresh, notice));
        },
        [&](Form& f) { return admin_page_with(c, f, ""); });
  });
  r.post(R"(/admin/tokens/(\d+)/revoke)", [](Ctx& c) {
    c.require_admin();
    if (!accounts(c).revoke_token(c.path_id(1), c.org(), c.actor()))
      throw HttpError(404, "not found");
    c.redirect("/admin");
  });
}

}  // namespace anzen::web
