#include "web/server.h"

#include <malloc.h>

#include <csignal>
#include <iostream>
#include <stdexcept>

#include "app/catalogs.h"
#include "web/hook_limits.h"
#include "web/http_loop.h"
#include "web/portal_gate.h"
#include "web/router.h"

namespace anzen::web {

WebApp::WebApp(const ServerOptions& opt, const app::Catalogs& catalogs, const Clock& clock)
    : opt_(opt) {
  {
    store::Db db(opt.db_path);
    db.migrate();
  }
  catalogs.load_all();  // load and validate before accepting requests
  bool tls = !opt.tls_cert.empty();
  // Large buffers (request bodies) are mapped and unmapped on their own: glibc would otherwise
  // raise the threshold after the first and keep freed bodies in the heap.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  engine_ = std::make_unique<http::Engine>();
  engine_->set_keep_alive_max_count(100000);
  router_ = std::make_unique<Router>(*engine_, opt.db_path, tls, catalogs, clock);
  router_->set_public_url(opt.public_url.empty() ? std::string(tls ? "https://" : "http://") +
                                                       opt.bind + ":" + std::to_string(opt.port)
                                                 : opt.public_url);
  http::LoopOptions lo;
  lo.loops = opt.io_loops;
  lo.workers = opt.threads;
  lo.limits.head_timeout_ms = opt.header_timeout_seconds * 1000;
  lo.limits.body_limit_by_prefix.emplace_back(kHookPathPrefix, kMaxHookBody);
  lo.trusted_proxies = opt.trusted_proxies;
  lo.path_credential = [db = opt.db_path, &catalogs, &clock](const http::Head& h) {
    return portal_path_credential(db, catalogs.risk_matrix(), clock, h);
  };
  lo.tls_cert = opt.tls_cert;
  lo.tls_key = opt.tls_key;
  Router* router = router_.get();
  events_ = std::make_unique<http::EventServer>(*engine_, lo, [router](int status, const http::Head* head) {
    return router->refusal(status, head);
  });
  Router& r = *router_;
  mount_session_pages(r);
  mount_dashboard_pages(r);
  mount_catalog_pages(r);
  mount_admin_pages(r);
  mount_assessment_pages(r);
  mount_incident_pages(r);
  mount_risk_pages(r);
  mount_report_pages(r);
  mount_industry_pages(r);
  mount_catalog_api(r);
  mount_assessment_api(r);
  mount_incident_api(r);
  mount_filing_pages(r);
  mount_filing_api(r);
  mount_ops_pages(r);
  mount_ops_api(r);
  mount_supplier_pages(r);
  mount_portal_pages(r);
  mount_supplier_api(r);
  mount_records_api(r);
  mount_openapi(r);
}

WebApp::~WebApp() = default;

int WebApp::bind() {
  return events_->bind(opt_.bind, opt_.port);
}

void WebApp::run() { events_->run(); }
void WebApp::stop() { events_->stop(); }

namespace {
WebApp* g_app = nullptr;
void on_signal(int) {
  if (g_app) g_app->stop();
}
}  // namespace

int serve(const ServerOptions& opt, const app::Catalogs& catalogs, const Clock& clock) {
  WebApp app(opt, catalogs, clock);
  int port = app.bind();
  if (port < 0) {
    std::cerr << "error: cannot listen on " << opt.bind << ":" << opt.port << "\n";
    return 1;
  }
  g_app = &app;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::cout << "Anzen is serving " << (opt.tls_cert.empty() ? "http" : "https") << "://" << opt.bind << ":"
            << port << "/  (database " << opt.db_path << ")" << std::endl;
  app.run();
  g_app = nullptr;
  return 0;
}

}  // namespace anzen::web
