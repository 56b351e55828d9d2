// A fresh database per test, removed afterwards. SQLite by default: a file in the temporary
// folder (with its WAL files). When ANZEN_TEST_PG_URI names a PostgreSQL database (the CTest
// fixture sets it for the second run of every test), a fresh schema in that database instead:
// `path` is then a libpq URI whose search_path points at the schema, so every test written
// against TempDb runs unchanged on both engines.
#pragma once
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "store/db.h"

namespace anzen::testing {

// The PostgreSQL database the tests run against, or empty for SQLite: ANZEN_TEST_PG_URI, or
// the URI that scripts/pg-cluster.sh wrote into the folder ANZEN_TEST_PG_CLUSTER names (the
// cluster's port is only known once the CTest fixture has started it).
inline std::string test_pg_uri() {
  if (const char* u = std::getenv("ANZEN_TEST_PG_URI"); u && *u) return u;
  const char* dir = std::getenv("ANZEN_TEST_PG_CLUSTER");
  if (!dir || !*dir) return "";
  std::ifstream in(std::filesystem::path(dir) / "uri");
  std::string uri;
  if (!std::getline(in, uri) || uri.empty()) {
    throw std::runtime_error(std::string("no PostgreSQL test cluster in ") + dir +
                             " (scripts/pg-cluster.sh start)");
  }
  return uri;
}

struct TempDb {
  std::string path;
  std::string schema;  // PostgreSQL only
  std::string id;
  TempDb() {
    static std::atomic<int> n{0};
    id = std::to_string(::getpid()) + "_" + std::to_string(n++);
    if (std::string base = test_pg_uri(); !base.empty()) {
      schema = "t_" + id;
      store::Db admin(base);
      admin.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
      path = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
             schema;
      return;
    }
    path = (std::filesystem::temp_directory_path() / ("anzen-test-" + id + ".db")).string();
    remove_all();
  }
  ~TempDb() { remove_all(); }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  bool postgres() const { return !schema.empty(); }
  // A scratch file beside the database (exports, workbooks), whichever engine is in use.
  std::string file(const std::string& suffix) const {
    return (std::filesystem::temp_directory_path() / ("anzen-test-" + id + suffix)).string();
  }
  void remove_all() const {
    if (postgres()) {
      try {
        store::Db admin(test_pg_uri());
        admin.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (...) {  // the cluster is thrown away after the run anyway
      }
      return;
    }
    for (const char* s : {"", "-wal", "-shm", ".audit-key"}) std::filesystem::remove(path + s);
  }
};

}  // namespace anzen::testing
