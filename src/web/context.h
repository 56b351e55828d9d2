// Per-request context handed to every page and API handler.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/catalogs.h"
#include "common/clock.h"
#include "store/db.h"
#include "store/write_queue.h"
#include "web/accounts.h"

namespace anzen::web {

// Errors handlers throw; the router turns them into pages or JSON with the status code.
struct HttpError : std::runtime_error {
  int status;
  HttpError(int s, const std::string& msg) : std::runtime_error(msg), status(s) {}
};

struct Ctx {
  const httplib::Request& req;
  httplib::Response& res;
  store::Db& db;
  const app::Catalogs& catalogs;  // the server's catalogs, rule sets and maturity scale
  const Clock& clock;             // the server's one clock
  std::optional<User> user;
  std::string csrf;      // the session's CSRF token (empty for bearer-token requests)
  std::string lang = "ja";
  bool api = false;
  httplib::Params form;  // urlencoded form fields (query parameters stay in req.params)
  // The server's one writer of the database: answer changes are handed to it and committed
  // together with those of concurrent requests (store/write_queue.h). Null outside the server.
  store::WriteQueue* writes = nullptr;

  // First value of a form field (urlencoded or multipart) or query parameter.
  std::string param(const std::string& name) const;
  // A field of the request body only (never the query string): for secrets such as CSRF tokens.
  std::optional<std::string> body_param(const std::string& name) const;
  // Every value of a repeated field (body, then query).
  std::vector<std::string> params(const std::string& name) const;
  bool has_param(const std::string& name) const;
  int64_t id_param(const std::string& name) const;   // path match or query; 404 when not a number
  std::string path_arg(size_t i) const { return req.matches.size() > i ? std::string(req.matches[i]) : ""; }
  int64_t path_id(size_t i) const;

  const std::string& t(std::string_view key) const;
  int64_t org() const { return user ? user->org_id : 0; }
  std::string actor() const { return user ? user->name : "anonymous"; }

  // The body is taken by value and moved into the response (no copy from a temporary).
  void html(std::string body, int status = 200);
  void json(const nlohmann::json& j, int status = 200);
  void json_text(std::string dumped, int status = 200);  // JSON already serialised
  void redirect(const std::string& to);
  void require_edit() const;
  void require_admin() const;
  void require_audit() const;
};

}  // namespace anzen::web
