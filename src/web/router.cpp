#include "web/router.h"

#include <sodium.h>

#include <iostream>
#include <map>
#include <memory>

#include "web/html.h"
#include "web/layout.h"

namespace anzen::web {

store::Db& thread_db(const std::string& path) {
  thread_local std::map<std::string, std::unique_ptr<store::Db>> conns;
  auto& slot = conns[path];
  if (!slot) slot = std::make_unique<store::Db>(path);
  return *slot;
}

Router::Router(httplib::Server& server, std::string db_path, bool tls)
    : server_(server), db_path_(std::move(db_path)), tls_(tls) {}

void Router::get(const std::string& pattern, Handler h, bool open) {
  server_.Get(pattern, [this, h, open](const httplib::Request& q, httplib::Response& s) { handle(q, s, h, open, false); });
}
void Router::post(const std::string& pattern, Handler h, bool open) {
  server_.Post(pattern, [this, h, open](const httplib::Request& q, httplib::Response& s) { handle(q, s, h, open, false); });
}
void Router::api(const std::string& method, const std::string& pattern, const std::string& doc_path,
                 const std::string& summary, Handler h, bool open) {
  docs_.push_back({method, doc_path, summary, open});
  auto fn = [this, h, open](const httplib::Request& q, httplib::Response& s) { handle(q, s, h, open, true); };
  if (method == "GET") server_.Get(pattern, fn);
  else if (method == "POST") server_.Post(pattern, fn);
  else if (method == "PUT") server_.Put(pattern, fn);
  else if (method == "PATCH") server_.Patch(pattern, fn);
  else if (method == "DELETE") server_.Delete(pattern, fn);
}

namespace {
bool same_secret(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void security_headers(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                 "form-action 'self'; frame-ancestors 'none'");
  res.set_header("Cache-Control", "no-store");
}

void error_out(Ctx& c, int status, const std::string& msg) {
  if (c.api) {
    c.json({{"error", msg}, {"status", status}}, status);
    return;
  }
  std::string key = status == 404 ? "common.not_found" : status == 403 ? "common.forbidden" : "";
  std::string text = key.empty() ? msg : c.t(key);
  std::string body = "<h1>" + std::to_string(status) + "</h1><p class=\"error\">" + esc(text) +
                     "</p><p><a href=\"/\">" + esc(c.t("nav.dashboard")) + "</a></p>";
  c.html(c.user ? layout(c, std::to_string(status), body) : bare_layout(c, std::to_string(status), body), status);
}
}  // namespace

void Router::handle(const httplib::Request& req, httplib::Response& res, const Handler& h, bool open,
                    bool api) {
  security_headers(res);
  store::Db& db = thread_db(db_path_);
  Ctx c{req, res, db, std::nullopt, "", "ja", api};
  try {
    Accounts acc(db);
    std::string auth = req.get_header_value("Authorization");
    bool bearer = auth.rfind("Bearer ", 0) == 0;
    std::string cookies = req.get_header_value("Cookie");
    if (bearer) {
      c.user = acc.user_for_token(auth.substr(7));
    } else if (auto s = acc.session(cookie_value(cookies, "anzen_session"))) {
      c.user = s->user;
      c.csrf = s->csrf_token;
    }
    std::string lang = req.has_param("lang") ? req.get_param_value("lang") : cookie_value(cookies, "anzen_lang");
    if (lang != "en" && lang != "ja") lang = c.user ? c.user->lang : "ja";
    c.lang = lang;
    if (req.has_param("lang")) {
      res.set_header("Set-Cookie", "anzen_lang=" + lang + "; Path=/; SameSite=Strict; Max-Age=31536000" +
                                       std::string(tls_ ? "; Secure" : ""));
    }
    if (!open && !c.user) {
      if (api || bearer) {
        c.api = true;
        c.json({{"error", "authentication required"}, {"status", 401}}, 401);
        res.set_header("WWW-Authenticate", "Bearer");
      } else {
        std::string next = req.path == "/" ? "" : "?next=" + url_encode(req.path);
        c.redirect("/login" + next);
      }
      return;
    }
    bool changes = req.method != "GET" && req.method != "HEAD";
    if (changes && c.user && !bearer) {
      std::string sent = req.has_header("X-CSRF-Token") ? req.get_header_value("X-CSRF-Token") : c.param("_csrf");
      if (!same_secret(sent, c.csrf)) throw HttpError(403, "CSRF token missing or wrong");
    }
    h(c);
  } catch (const HttpError& e) {
    error_out(c, e.status, e.what());
  } catch (const std::invalid_argument& e) {
    error_out(c, 400, e.what());
  } catch (const std::exception& e) {
    std::cerr << "error: " << req.method << " " << req.path << ": " << e.what() << "\n";
    error_out(c, 500, "internal error");
  }
}

}  // namespace anzen::web
