// Wraps cpp-httplib routes with what every request needs: a database connection, the caller's
// identity (session cookie or bearer token), language, CSRF checks, role checks and error pages.
#pragma once
#include <httplib.h>

#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include "web/context.h"
#include "web/http_loop.h"
#include "web/revision_cache.h"

namespace anzen::web {

using Handler = std::function<void(Ctx&)>;

class Router {
 public:
  Router(httplib::Server& server, std::string db_path, bool tls, const app::Catalogs& catalogs,
         const Clock& clock);

  // HTML pages: no identity -> 303 to /login. `open` pages (login) need none.
  void get(const std::string& pattern, Handler h, bool open = false);
  void post(const std::string& pattern, Handler h, bool open = false);
  // JSON API under /api/v1: no identity -> 401 JSON. `doc_path` (OpenAPI form, e.g.
  // /api/v1/assessments/{id}) and `summary` feed /api/v1/openapi.json.
  // `open` routes need no session or bearer token: inbound webhooks authenticate the caller
  // themselves, the supplier portal is authorised by the token in its path.
  void api(const std::string& method, const std::string& pattern, const std::string& doc_path,
           const std::string& summary, Handler h, bool open = false);

  struct ApiDoc {
    std::string method, path, summary;
    bool open = false;
  };
  const std::vector<ApiDoc>& api_docs() const { return docs_; }

  bool tls() const { return tls_; }

  // The answer to a request refused before any handler ran (too large, too slow, malformed):
  // an Anzen page in the client's language with the security headers.
  http::RefusalResponse refusal(int status, const http::Head* head) const;
  const std::string& db_path() const { return db_path_; }
  const app::Catalogs& catalogs() const { return catalogs_; }
  const Clock& clock() const { return clock_; }
  // The deployment's absolute base URL, for links in what the web sends (notifications).
  void set_public_url(std::string url) { public_url_ = std::move(url); }
  const std::string& public_url() const { return public_url_; }
  // Answers kept per data revision (see revision_cache.h), shared by every worker thread.
  RevisionCache& revision_cache() { return revision_cache_; }
  // The server's one writer of the database (answer changes of every request go through it).
  store::WriteQueue& writes() { return writes_; }

 private:
  void handle(const httplib::Request& req, httplib::Response& res, const Handler& h, bool open,
              bool api);
  // Registers a GET route with the library, and also in plain_get_ when its pattern is a plain
  // path that no earlier GET route matches (the library tries its routes in order, each a
  // std::regex match; a plain path is then answered by one hash lookup, to the same handler).
  void add_get(const std::string& pattern, httplib::Server::Handler fn);
  bool answer_plain_get(const httplib::Request& req, httplib::Response& res) const;
  // The refusal page inside the normal page chrome when the head carries a live session.
  std::optional<std::string> signed_in_refusal_page(int status, const http::Head& head,
                                                    const std::string& lang) const;
  httplib::Server& server_;
  std::vector<ApiDoc> docs_;
  std::string db_path_;
  bool tls_;
  const app::Catalogs& catalogs_;
  const Clock& clock_;
  std::string public_url_;
  RevisionCache revision_cache_;
  std::vector<std::regex> get_patterns_;  // every GET route so far, in the library's order
  std::unordered_map<std::string, httplib::Server::Handler> plain_get_;
  store::WriteQueue writes_;  // after db_path_, which it is made from
};

// A connection per worker thread, opened (and migrated) once.
store::Db& thread_db(const std::string& path);

// Mount points of the page and API modules.
void mount_session_pages(Router& r);
void mount_dashboard_pages(Router& r);
void mount_catalog_pages(Router& r);
void mount_admin_pages(Router& r);
void mount_assessment_pages(Router& r);
void mount_incident_pages(Router& r);
void mount_filing_pages(Router& r);
void mount_filing_api(Router& r);
void mount_risk_pages(Router& r);
void mount_report_pages(Router& r);
void mount_industry_pages(Router& r);
void mount_catalog_api(Router& r);
void mount_assessment_api(Router& r);
void mount_incident_api(Router& r);
void mount_ops_pages(Router& r);  // integrations, notifications, congestion view
void mount_ops_api(Router& r);    // inbound webhooks and the ops JSON routes
void mount_supplier_pages(Router& r);
void mount_portal_pages(Router& r);
void mount_supplier_api(Router& r);
void mount_records_api(Router& r);  // risks, assets, plan, reports, evidence, users
void mount_openapi(Router& r);  // last: documents every api() route

}  // namespace anzen::web
