// `anzen serve`: the web application and JSON API over the same services as the CLI.
#pragma once
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace anzen::web {

class Router;

struct ServerOptions {
  std::string db_path = "anzen.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string tls_cert;
  std::string tls_key;
  int threads = 32;  // cpp-httplib keeps a worker per kept-alive connection
};

// The application: a migrated database and an HTTP(S) server with every route mounted.
class WebApp {
 public:
  explicit WebApp(const ServerOptions& opt);  // throws when TLS files cannot be loaded
  ~WebApp();
  // Binds to opt.port (0 = any free port) and returns the port.
  int bind();
  // Serves until stop(); call after bind().
  void run();
  void stop();

 private:
  ServerOptions opt_;
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<Router> router_;
};

// Binds and serves until SIGINT/SIGTERM. Returns non-zero when the port cannot be bound.
int serve(const ServerOptions& opt);

}  // namespace anzen::web
