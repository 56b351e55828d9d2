#include "web/server.h"

#include <httplib.h>

#include <csignal>
#include <iostream>
#include <stdexcept>

#include "catalog/catalog_dir.h"
#include "web/router.h"

namespace anzen::web {

WebApp::WebApp(const ServerOptions& opt) : opt_(opt) {
  {
    store::Db db(opt.db_path);
    db.migrate();
  }
  catalog::shipped_catalog();  // load and validate before accepting requests
  bool tls = !opt.tls_cert.empty();
  if (tls) {
    server_ = std::make_unique<httplib::SSLServer>(opt.tls_cert.c_str(), opt.tls_key.c_str());
    if (!server_->is_valid()) throw std::runtime_error("cannot load TLS certificate/key");
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  int threads = opt.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server_->set_payload_max_length(64 * 1024 * 1024);
  server_->set_keep_alive_max_count(1000);
  server_->set_keep_alive_timeout(2);
  server_->set_tcp_nodelay(true);  // headers and body go out in separate writes: avoid Nagle delays
  router_ = std::make_unique<Router>(*server_, opt.db_path, tls);
  Router& r = *router_;
  mount_session_pages(r);
  mount_dashboard_pages(r);
  mount_catalog_pages(r);
  mount_admin_pages(r);
  mount_assessment_pages(r);
  mount_incident_pages(r);
  mount_risk_pages(r);
  mount_report_pages(r);
  mount_catalog_api(r);
  mount_assessment_api(r);
  mount_incident_api(r);
  mount_supplier_pages(r);
  mount_portal_pages(r);
  mount_supplier_api(r);
  mount_openapi(r);
}

WebApp::~WebApp() = default;

int WebApp::bind() {
  if (opt_.port == 0) return server_->bind_to_any_port(opt_.bind.c_str());
  return server_->bind_to_port(opt_.bind.c_str(), opt_.port) ? opt_.port : -1;
}

void WebApp::run() { server_->listen_after_bind(); }
void WebApp::stop() { server_->stop(); }

namespace {
WebApp* g_app = nullptr;
void on_signal(int) {
  if (g_app) g_app->stop();
}
}  // namespace

int serve(const ServerOptions& opt) {
  WebApp app(opt);
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
