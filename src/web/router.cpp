#include "web/router.h"

#include <sodium.h>

#include <cctype>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "common/invalid.h"
#include "common/json_input.h"
#include "store/audit.h"
#include "store/audit_client.h"
#include "web/api_schemas.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"
#include "web/supplier_role.h"

namespace anzen::web {

store::Db& thread_db(const std::string& path) {
  thread_local std::map<std::string, std::unique_ptr<store::Db>> conns;
  auto& slot = conns[path];
  if (!slot) slot = std::make_unique<store::Db>(path);
  return *slot;
}

namespace {
using HeaderList = std::vector<std::pair<std::string, std::string>>;
// Built once: every answer carries them.
const HeaderList& security_header_list(bool tls) {
  static const HeaderList plain = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'"},
      {"Cache-Control", "no-store"}};
  static const HeaderList with_tls = [] {
    HeaderList h = plain;
    h.emplace_back("Strict-Transport-Security", "max-age=31536000");
    return h;
  }();
  return tls ? with_tls : plain;
}

void security_headers(httplib::Response& res, bool tls) {
  for (const auto& [k, v] : security_header_list(tls))
    if (!res.has_header(k.c_str())) res.headers.emplace(k, v);  // constants: no CR/LF to check
}

// A page for errors raised outside any handler (unknown path, refused request).
std::string plain_error_page(const std::string& lang, int status, const std::string& message) {
  return "<!doctype html><html lang=\"" + lang +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width,initial-scale=1\">"
         "<title>" +
         std::to_string(status) +
         " — Anzen</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head>"
         "<body><header class=\"top\"><a class=\"brand\" href=\"/\">" +
         esc(tr(lang, "app.name")) + "</a></header><main><h1>" + std::to_string(status) +
         "</h1><p class=\"error\" role=\"alert\">" + esc(message) + "</p><p><a href=\"/\">" +
         esc(tr(lang, "nav.dashboard")) + "</a></p></main></body></html>";
}

std::string status_key(int status) {
  switch (status) {
    case 404: return "common.not_found";
    case 403: return "common.forbidden";
    case 408: return "http.timeout";
    case 413: return "http.too_large";
    case 415: return "http.encoding";
    case 429: return "http.too_many";
    case 431: return "http.head_too_large";
    case 503: return "http.busy";
    default: return "http.bad_request";
  }
}
}  // namespace

Router::Router(httplib::Server& server, std::string db_path, bool tls,
               const app::Catalogs& catalogs, const Clock& clock)
    : server_(server),
      db_path_(std::move(db_path)),
      tls_(tls),
      catalogs_(catalogs),
      clock_(clock),
      writes_(db_path_) {
  // A handler waiting for its write's commit gives its event loop to another thread, which
  // reads the next requests meanwhile: their writes join the same transaction.
  writes_.on_wait([] { http::handler_waits(); });
  // The library's own answers (unknown path, unparsable request) get the headers and a page too.
  server_.set_error_handler([tls](const httplib::Request& req, httplib::Response& res) {
    security_headers(res, tls);
    if (!res.body.empty()) return;
    std::string lang = cookie_value(req.get_header_value("Cookie"), "anzen_lang") == "en" ? "en" : "ja";
    res.set_content(plain_error_page(lang, res.status, tr(lang, status_key(res.status))), "text/html; charset=utf-8");
  });
  server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return answer_plain_get(req, res) ? httplib::Server::HandlerResponse::Handled
                                      : httplib::Server::HandlerResponse::Unhandled;
  });
}

http::RefusalResponse Router::refusal(int status, const http::Head* head) const {
  std::string lang = "ja";
  if (head) {
    std::string cookie_lang = cookie_value(head->cookie, "anzen_lang");
    if (cookie_lang == "en" || (cookie_lang.empty() && head->accept_language.rfind("en", 0) == 0)) lang = "en";
  }
  http::RefusalResponse r;
  r.headers = security_header_list(tls_);
  r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  if (status == 413 && head) {
    // A too-large upload comes from a signed-in user's page: answer with the normal page chrome
    // (navigation, language, logout) from the session cookie alone; the body is never read.
    if (auto page = signed_in_refusal_page(status, *head, lang)) {
      r.body = std::move(*page);
      return r;
    }
  }
  r.body = plain_error_page(lang, status, tr(lang, status_key(status)));
  return r;
}

std::optional<std::string> Router::signed_in_refusal_page(int status, const http::Head& head,
                                                          const std::string& lang) const {
  std::string token = cookie_value(head.cookie, "anzen_session");
  if (token.empty()) return std::nullopt;
  try {
    store::Db& db = thread_db(db_path_);
    auto session = Accounts(db, catalogs_.common_passwords(), clock_).session(token);
    if (!session) return std::nullopt;
    httplib::Request req;
    req.method = head.method;
    req.path = head.target.substr(0, head.target.find('?'));
    httplib::Response res;
    Ctx c{req, res, db, catalogs_, clock_, session->user, session->csrf_token, lang, false, {}, nullptr};
    // Back to the page the form was on (the Referer's path), else the dashboard.
    std::string back = "/";
    if (const std::string* ref = head.header("Referer")) {
      size_t scheme = ref->find("://");
      size_t slash = scheme == std::string::npos ? std::string::npos : ref->find('/', scheme + 3);
      if (slash != std::string::npos && ref->compare(slash, 2, "//") != 0)
        back = ref->substr(slash);
    }
    std::string body = "<h1>" + std::to_string(status) + "</h1><p class=\"error\" role=\"alert\">" +
                       esc(c.t(status_key(status))) + "</p><p><a href=\"" + esc(back) + "\">" +
                       esc(c.lang == "en" ? "Back to the form" : "元の画面に戻る") +
                       "</a> · <a href=\"/\">" + esc(c.t("nav.dashboard")) + "</a></p>";
    return layout(c, std::to_string(status), body);
  } catch (const std::exception& e) {
    std::cerr << "warning: plain " << status << " page (session lookup failed: " << e.what()
              << ")\n";
    return std::nullopt;
  }
}

namespace {
// Whether a route pattern matches exactly one path, itself: no regex syntax but `.` (which
// matches itself too).
bool plain_pattern(const std::string& pattern) {
  for (char ch : pattern)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '/' && ch != '_' && ch != '-' &&
        ch != '.')
      return false;
  return !pattern.empty();
}
}  // namespace

void Router::add_get(const std::string& pattern, httplib::Server::Handler fn) {
  if (plain_pattern(pattern) && !plain_get_.count(pattern)) {
    bool shadowed = false;  // an earlier route takes this path in the library's order
    for (const auto& re : get_patterns_) shadowed = shadowed || std::regex_match(pattern, re);
    if (!shadowed) plain_get_.emplace(pattern, fn);
  }
  get_patterns_.emplace_back(pattern);
  server_.Get(pattern, std::move(fn));
}

// Before the library's own routing (its pre-routing hook), for GET and HEAD without a body (a
// body is read only after this hook): the handler the library would pick, found in one lookup.
bool Router::answer_plain_get(const httplib::Request& req, httplib::Response& res) const {
  if (req.method != "GET" && req.method != "HEAD") return false;
  if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) return false;
  auto it = plain_get_.find(req.path);
  if (it == plain_get_.end()) return false;
  it->second(req, res);
  return true;
}

void Router::get(const std::string& pattern, Handler h, bool open) {
  add_get(pattern, [this, h, open](const httplib::Request& q, httplib::Response& s) {
    handle(q, s, h, open, false);
  });
}
void Router::post(const std::string& pattern, Handler h, bool open) {
  server_.Post(pattern, [this, h, open](const httplib::Request& q, httplib::Response& s) { handle(q, s, h, open, false); });
}
void Router::api(const std::string& method, const std::string& pattern, const std::string& doc_path,
                 const std::string& summary, Handler h, bool open) {
  docs_.push_back({method, doc_path, summary, open});
  // The body is checked against the operation's field table (web/api_schemas.cpp), the one the
  // OpenAPI document shows, before the handler reads it.
  const ApiOperation* op = api_operation(method, doc_path);
  if (op && op->body) {
    h = [h, op](Ctx& c) {
      if (!(op->multipart && c.req.is_multipart_form_data()))
        check_body(
            c.req.body.empty() ? nlohmann::json::object() : parse_json_input(c.req.body, "body"),
            *op->body);
      h(c);
    };
  }
  auto fn = [this, h, open](const httplib::Request& q, httplib::Response& s) { handle(q, s, h, open, true); };
  if (method == "GET")
    add_get(pattern, fn);
  else if (method == "POST") server_.Post(pattern, fn);
  else if (method == "PUT") server_.Put(pattern, fn);
  else if (method == "PATCH") server_.Patch(pattern, fn);
  else if (method == "DELETE") server_.Delete(pattern, fn);
}

namespace {
bool same_secret(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// Every text field of a form or query: no NUL, at most kMaxFieldBytes (≈ 66,000 Japanese
// characters). Files are bounded by the body limit.
constexpr size_t kMaxFieldBytes = 200'000;
void check_field(const std::string& name, const std::string& value) {
  if (name.find('\0') != std::string::npos || value.find('\0') != std::string::npos)
    throw Invalid(
        name.substr(0, name.find('\0')),
        "「" + name.substr(0, name.find('\0')) + "」に使用できない文字（NUL）が含まれています。",
        "Must not contain NUL.", "invalid",
        name.substr(0, name.find('\0')) + ": must not contain NUL");
  if (value.size() > kMaxFieldBytes)
    throw Invalid(name,
                  "「" + name + "」が長すぎます（200,000 バイト、全角で約 66,000 文字まで）。",
                  "Too long: at most 200,000 bytes (about 66,000 Japanese characters).", "too_long",
                  name + ": at most " + std::to_string(kMaxFieldBytes) +
                      " bytes (about 66,000 Japanese characters)");
}
void check_fields(const Ctx& c) {
  for (const auto& [k, v] : c.form) check_field(k, v);
  for (const auto& [k, v] : c.req.params) check_field(k, v);
  for (const auto& [k, f] : c.req.files)
    if (f.filename.empty()) check_field(k, f.content);
}

// A refusal that concerns no field of the input, in words (i18n key) and as a stable code, so
// that an API client reads `message` in its language like a 400's.
struct StatusWords {
  const char* key;
  const char* code;
};
std::optional<StatusWords> status_words(int status) {
  switch (status) {
    case 401:
      return StatusWords{"common.unauthenticated", "unauthenticated"};
    case 403:
      return StatusWords{"common.forbidden", "forbidden"};
    case 404:
      return StatusWords{"common.not_found", "not_found"};
    case 500:
      return StatusWords{"common.internal", "internal"};
    default:
      return std::nullopt;
  }
}

// `bad`: the bad input behind a 400, whose message the JSON answer (as `field`, `message` in the
// request's language and `code`) and the page give in the user's language; `error` stays the
// English line the CLI prints.
void error_out(Ctx& c, int status, const std::string& msg, const Invalid* bad = nullptr) {
  if (c.api) {
    nlohmann::json j = {{"error", msg}, {"status", status}};
    if (bad) {
      if (!bad->field.empty()) j["field"] = bad->field;
      j["message"] = bad->in(c.lang);
      if (!bad->code.empty()) j["code"] = bad->code;
    } else if (auto w = status_words(status)) {
      j["message"] = c.t(w->key);
      j["code"] = w->code;
    }
    c.json(j, status);
    return;
  }
  // A page says what went wrong in the user's language: a 403/404 never more than that (it must
  // not tell another organisation's record from one that never was), a refusal its own words.
  auto w = status_words(status);
  std::string text = w && (status == 403 || status == 404 || !bad) ? c.t(w->key)
                     : bad                                         ? bad->in(c.lang)
                                                                   : msg;
  std::string body = "<h1>" + std::to_string(status) + "</h1><p class=\"error\">" + esc(text) +
                     "</p><p><a href=\"/\">" + esc(c.t("nav.dashboard")) + "</a></p>";
  c.html(c.user ? layout(c, std::to_string(status), body) : bare_layout(c, std::to_string(status), body), status);
}
}  // namespace

void Router::handle(const httplib::Request& req, httplib::Response& res, const Handler& h, bool open,
                    bool api) {
  // A handler starts from an empty response: the headers go in without looking for them first.
  for (const auto& [k, v] : security_header_list(tls_)) res.headers.emplace(k, v);
  store::Db& db = thread_db(db_path_);
  // A request that reads sees one snapshot of the data, taken with one lock for all its
  // statements (the credential, the data revision, the page's data; store::ReadSnapshot). A write
  // it makes (a token's last use, an audited download or refusal) ends the snapshot first.
  std::optional<store::ReadSnapshot> snapshot;
  if (req.method == "GET" || req.method == "HEAD") snapshot.emplace(db);
  // Every change this request makes is audited with the client's address (already resolved
  // through the trusted proxies); the connection forgets it when the request ends.
  struct AuditClient {
    store::Db& db;
    AuditClient(store::Db& d, const std::string& client) : db(d) {
      store::set_audit_client(db, client);
    }
    ~AuditClient() { store::set_audit_client(db, ""); }
  } audit_client(db, req.remote_addr);
  Ctx c{req, res, db, catalogs_, clock_, std::nullopt, "", "ja", api, {}, &writes_};
  try {
    if (req.get_header_value("Content-Type") == http::kFormType) httplib::detail::parse_query_text(req.body, c.form);
    check_fields(c);
    Accounts acc(db, catalogs_.common_passwords(), clock_);
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
    if (lang != "en" && lang != "ja" && api) {
      // An API client without the cookie says its language in Accept-Language.
      std::string al = req.get_header_value("Accept-Language");
      if (al.rfind("en", 0) == 0 || al.rfind("ja", 0) == 0) lang = al.substr(0, 2);
    }
    if (lang != "en" && lang != "ja") lang = c.user ? c.user->lang : "ja";
    c.lang = lang;
    if (req.has_param("lang")) {
      res.set_header("Set-Cookie", "anzen_lang=" + lang + "; Path=/; SameSite=Strict; Max-Age=31536000" +
                                       std::string(tls_ ? "; Secure" : ""));
    }
    if (!open && !c.user) {
      if (api || bearer) {
        c.api = true;
        error_out(c, 401, "authentication required");
        res.set_header("WWW-Authenticate", "Bearer");
      } else {
        std::string next = req.path == "/" ? "" : "?next=" + url_encode(req.path);
        c.redirect("/login" + next);
      }
      return;
    }
    if (c.user && c.user->role == Role::supplier) {
      auto reach = supplier_reach(req.method, req.path);
      if (reach == SupplierReach::home) return c.redirect(kSupplierHome);
      if (reach == SupplierReach::denied) throw HttpError(404, "not found");
    }
    bool changes = req.method != "GET" && req.method != "HEAD";
    if (changes && c.user && !bearer) {
      // The token comes in a header or the body, never in the URL (which logs and Referer leak).
      std::string sent = req.has_header("X-CSRF-Token") ? req.get_header_value("X-CSRF-Token") : c.body_param("_csrf").value_or("");
      if (!same_secret(sent, c.csrf)) throw HttpError(403, "CSRF token missing or wrong");
    }
    h(c);
    // Downloads and exports (every attachment) are audited with who, where from and what.
    if ((res.status == -1 || res.status == 200) && res.has_header("Content-Disposition") && c.user) {
      db.transaction([&] {
        store::audit_append(db, {c.actor(), c.org(), "download", req.path, "download", nullptr,
                                 {{"disposition", res.get_header_value("Content-Disposition")}, {"bytes", res.body.size()}}},
                            req.remote_addr);
      });
    }
  } catch (const HttpError& e) {
    // Refused attempts of a signed-in user (another organisation's id, a role's limit) are audited.
    if ((e.status == 403 || e.status == 404) && c.user) {
      try {
        db.transaction([&] {
          store::audit_append(db, {c.actor(), c.org(), "request", req.method + " " + req.path.substr(0, 300), "denied",
                                   nullptr, {{"status", e.status}, {"reason", e.what()}}},
                              req.remote_addr);
        });
      } catch (const std::exception& ae) {
        std::cerr << "error: cannot audit a denied request: " << ae.what() << "\n";
      }
    }
    error_out(c, e.status, e.what());
  } catch (const std::invalid_argument& e) {
    Invalid bad = as_invalid(e);
    error_out(c, 400, e.what(), &bad);
  } catch (const nlohmann::json::exception& e) {
    // A JSON value of the wrong type that a handler did not check itself: the caller's mistake.
    std::string what = std::string("body: a value has the wrong type (") + e.what() + ")";
    Invalid bad("body", "送られた JSON に型の誤った値があります。",
                "A value in the JSON body has the wrong type.", "wrong_type", what);
    error_out(c, 400, what, &bad);
  } catch (const std::exception& e) {
    std::cerr << "error: " << req.method << " " << req.path << ": " << e.what() << "\n";
    error_out(c, 500, "internal error");
  }
}

}  // namespace anzen::web
