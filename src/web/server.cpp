#include "web/server.h"

#include <httplib.h>

#include <csignal>
#include <iostream>
#include <memory>

#include "catalog/catalog_dir.h"
#include "web/router.h"

namespace anzen::web {

namespace {
httplib::Server* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}
}  // namespace

int serve(const ServerOptions& opt) {
  {
    store::Db db(opt.db_path);
    db.migrate();
  }
  catalog::shipped_catalog();  // load and validate before accepting requests
  std::unique_ptr<httplib::Server> server;
  bool tls = !opt.tls_cert.empty();
  if (tls) {
    server = std::make_unique<httplib::SSLServer>(opt.tls_cert.c_str(), opt.tls_key.c_str());
    if (!server->is_valid()) {
      std::cerr << "error: cannot load TLS certificate/key\n";
      return 1;
    }
  } else {
    server = std::make_unique<httplib::Server>();
  }
  int threads = opt.threads;
  server->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server->set_payload_max_length(64 * 1024 * 1024);
  Router r(*server, opt.db_path, tls);
  mount_session_pages(r);
  mount_dashboard_pages(r);
  mount_catalog_pages(r);
  mount_admin_pages(r);
  mount_assessment_pages(r);
  mount_incident_pages(r);
  mount_catalog_api(r);
  mount_assessment_api(r);
  mount_incident_api(r);
  mount_openapi(r);
  g_server = server.get();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::cout << "Anzen is serving " << (tls ? "https" : "http") << "://" << opt.bind << ":" << opt.port
            << "/  (database " << opt.db_path << ")" << std::endl;
  if (!server->listen(opt.bind.c_str(), opt.port)) {
    std::cerr << "error: cannot listen on " << opt.bind << ":" << opt.port << "\n";
    return 1;
  }
  return 0;
}

}  // namespace anzen::web
