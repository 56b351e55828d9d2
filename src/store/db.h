// Thin RAII layer over SQLite: connection, prepared statements, transactions, migrations.
// Every module keeps its own tables and migrations; versions are grouped by module:
//   1-99 store core (audit trail), 100-199 assess, 200-299 incident, 300-399 web/accounts,
//   400-499 risk, 500-599 report.
#pragma once
#include <sqlite3.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace anzen::store {

class DbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Db;

class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql);
  // A statement from the connection's pool: reset and handed back when destroyed.
  Stmt(sqlite3* db, sqlite3_stmt* st, Db* pool, std::string key);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept;

  // Binds by 1-based position. nullopt binds NULL.
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::nullptr_t);
  Stmt& bind(int i, const std::optional<std::string>& v);
  Stmt& bind(int i, const std::optional<int64_t>& v);
  Stmt& bind_blob(int i, std::string_view bytes);

  // Steps once; true when a row is available.
  bool step();
  // Runs to completion (for statements without results).
  void run();
  void reset();

  int64_t i64(int col) const;
  double f64(int col) const;
  std::string str(int col) const;
  std::optional<std::string> opt_str(int col) const;
  std::optional<int64_t> opt_i64(int col) const;
  bool is_null(int col) const;

 private:
  friend class Db;
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
  Db* pool_ = nullptr;
  std::string key_;
};

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

class Db {
 public:
  // Opens (creating if needed) with WAL journal, foreign keys, busy timeout, synchronous=FULL.
  explicit Db(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(std::string_view sql);
  // Prepared statements are pooled per connection by their SQL text: preparing is most of the
  // cost of a short query, and web requests repeat the same few.
  Stmt prepare(std::string_view sql);
  int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }
  const std::string& path() const { return path_; }

  // Runs fn inside BEGIN IMMEDIATE ... COMMIT; rolls back and rethrows on any exception.
  // Nested calls join the outer transaction.
  void transaction(const std::function<void()>& fn);

  // Applies every registered migration not yet applied, in version order, each in its own
  // transaction. `up_to` stops after that version (for tests of upgrades).
  void migrate(std::optional<int> up_to = std::nullopt);
  std::vector<int> applied_versions();

  // Online backup to a file (sqlite3_backup API), and restore from one (validated first).
  void backup_to(const std::string& file);
  static void restore(const std::string& backup_file, const std::string& db_file);

 private:
  friend class Stmt;
  void give_back(const std::string& key, sqlite3_stmt* st);
  sqlite3* db_ = nullptr;
  std::string path_;
  int tx_depth_ = 0;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;
};

// Modules register their migrations at static-initialisation time through this.
void register_migrations(const std::vector<Migration>& ms);
const std::vector<Migration>& all_migrations();

// Current time in UTC, ISO 8601 with 'Z' (used for created/updated stamps).
std::string now_utc();

}  // namespace anzen::store
