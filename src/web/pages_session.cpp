// Login, logout and the stylesheet.
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/services.h"

namespace anzen::web {

namespace {
std::string login_form(const Ctx& c, const std::string& error, const std::string& login_csrf) {
  std::string next = c.param("next");
  std::string body = "<h1>" + esc(c.t("login.title")) + "</h1><p class=\"muted\">" + esc(c.t("app.tagline")) + "</p>";
  if (!error.empty()) body += "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>";
  body += "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"_login_csrf\" value=\"" +
          esc(login_csrf) + "\"><input type=\"hidden\" name=\"next\" value=\"" + esc(next) +
          "\"><label for=\"name\">" + esc(c.t("login.name")) +
          "</label><input type=\"text\" id=\"name\" name=\"name\" autocomplete=\"username\" required autofocus>"
          "<label for=\"password\">" + esc(c.t("login.password")) +
          "</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
          "<p><button type=\"submit\">" + esc(c.t("login.submit")) + "</button></p></form>";
  return bare_layout(c, c.t("login.title"), body);
}

// Login forms use a double-submit token (cookie + field) since there is no session yet.
std::string issue_login_csrf(Ctx& c, bool tls) {
  std::string tok = random_token();
  c.res.set_header("Set-Cookie", "anzen_login_csrf=" + tok + "; Path=/login; HttpOnly; SameSite=Strict" +
                                     std::string(tls ? "; Secure" : ""));
  return tok;
}

// Only a path on this site: browsers drop tabs and newlines and read a backslash as a slash,
// so "/<TAB>/evil.example" would become "//evil.example" (another site).
bool safe_next(const std::string& next) {
  if (next.empty() || next[0] != '/' || next.size() > 2000) return false;
  for (unsigned char ch : next)
    if (ch < 0x21 || ch == 0x7f || ch == '\\') return false;
  return next.size() < 2 || next[1] != '/';
}
}  // namespace

void mount_session_pages(Router& r) {
  bool tls = r.tls();
  r.get("/static/app.css", [](Ctx& c) {
    c.res.set_content(stylesheet(), "text/css; charset=utf-8");
    c.res.set_header("Cache-Control", "max-age=3600");
  }, true);

  r.get("/login", [tls](Ctx& c) {
    if (c.user) return c.redirect("/");
    c.html(login_form(c, "", issue_login_csrf(c, tls)));
  }, true);

  r.post("/login", [tls](Ctx& c) {
    std::string cookie = cookie_value(c.req.get_header_value("Cookie"), "anzen_login_csrf");
    std::string field = c.param("_login_csrf");
    if (cookie.empty() || cookie != field) throw HttpError(403, "CSRF token missing or wrong");
    auto acc = accounts(c);
    std::string client = c.req.remote_addr;
    auto result = acc.login(c.param("name"), c.param("password"), client);
    if (result.result == Accounts::LoginResult::throttled) {
      c.res.set_header("Retry-After", std::to_string(result.retry_after_seconds));
      return c.html(login_form(c, c.t("login.throttled"), issue_login_csrf(c, tls)), 429);
    }
    if (result.result != Accounts::LoginResult::ok) {
      return c.html(login_form(c, c.t("login.failed"), issue_login_csrf(c, tls)), 401);
    }
    c.res.set_header("Set-Cookie", "anzen_session=" + result.session_token +
                                       "; Path=/; HttpOnly; SameSite=Strict" + std::string(tls ? "; Secure" : ""));
    std::string next = c.param("next");
    c.redirect(safe_next(next) ? next : "/");
  }, true);

  r.post("/logout", [tls](Ctx& c) {
    accounts(c).logout(cookie_value(c.req.get_header_value("Cookie"), "anzen_session"),
                       c.req.remote_addr);
    c.res.set_header("Set-Cookie", "anzen_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
                                       std::string(tls ? "; Secure" : ""));
    c.redirect("/login");
  });
}

}  // namespace anzen::web
