// `anzen serve`: the web application and JSON API over the same services as the CLI.
#pragma once
#include <memory>
#include <string>

#include <vector>

namespace anzen {
class Clock;
namespace app {
class Catalogs;
}
}  // namespace anzen

namespace anzen::web::http {
class Engine;
class EventServer;
}  // namespace anzen::web::http

namespace anzen::web {

class Router;

struct ServerOptions {
  std::string db_path = "anzen.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string tls_cert;
  std::string tls_key;
  int threads = 8;   // standby threads taking a loop over while its handler runs long
  int io_loops = 2;  // event loops reading requests, holding idle connections, running handlers
  // Reverse proxies (addresses or CIDR blocks) whose X-Forwarded-For names the client.
  std::vector<std::string> trusted_proxies;
  int header_timeout_seconds = 10;  // from a request's first byte to the end of its head
  std::string public_url;  // absolute base URL for links in notifications sent from the web
};

// The application: a migrated database and an HTTP(S) server with every route mounted.
class WebApp {
 public:
  // Loads every catalog before accepting requests; throws when one is invalid or when TLS files
  // cannot be loaded. `catalogs` and `clock` are the server's, for every request.
  WebApp(const ServerOptions& opt, const app::Catalogs& catalogs, const Clock& clock);
  ~WebApp();
  // Binds to opt.port (0 = any free port) and returns the port.
  int bind();
  // Serves until stop(); call after bind().
  void run();
  void stop();

 private:
  ServerOptions opt_;
  std::unique_ptr<http::Engine> engine_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<http::EventServer> events_;
};

// Binds and serves until SIGINT/SIGTERM. Returns non-zero when the port cannot be bound.
int serve(const ServerOptions& opt, const app::Catalogs& catalogs, const Clock& clock);

}  // namespace anzen::web
