// `anzen serve`: the web application and JSON API over the same services as the CLI.
#pragma once
#include <string>

namespace anzen::web {

struct ServerOptions {
  std::string db_path = "anzen.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string tls_cert;
  std::string tls_key;
  int threads = 8;
};

// Migrates the database, mounts every page and API route, and serves until stopped.
// Returns a non-zero status when the port cannot be bound.
int serve(const ServerOptions& opt);

}  // namespace anzen::web
