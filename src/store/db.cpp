#include "store/db.h"

#include <fcntl.h>
#include <unistd.h>

#include "common/clock.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>

namespace anzen::store {

namespace {
void check(sqlite3* db, int rc, std::string_view what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw DbError(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

std::map<int, Migration>& registry() {
  static std::map<int, Migration> r;
  return r;
}
std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}
}  // namespace

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st_, nullptr);
  if (rc != SQLITE_OK) {
    throw DbError("prepare failed: " + std::string(sqlite3_errmsg(db)) + " in: " + std::string(sql));
  }
}
Stmt::Stmt(sqlite3* db, sqlite3_stmt* st, Db* pool, std::string key) : db_(db), st_(st), pool_(pool), key_(std::move(key)) {}
Stmt::~Stmt() {
  if (!st_) return;
  if (pool_) pool_->give_back(key_, st_);
  else sqlite3_finalize(st_);
}
Stmt::Stmt(Stmt&& o) noexcept : db_(o.db_), st_(o.st_), pool_(o.pool_), key_(std::move(o.key_)) { o.st_ = nullptr; }

Stmt Db::prepare(std::string_view sql) {
  auto it = idle_.find(std::string(sql));
  if (it != idle_.end() && !it->second.empty()) {
    sqlite3_stmt* st = it->second.back();
    it->second.pop_back();
    return Stmt(db_, st, this, it->first);
  }
  Stmt fresh(db_, sql);
  // Pool only a bounded number of distinct statements (SQL built from data is rarely repeated).
  if (idle_.size() >= 256 && it == idle_.end()) return fresh;
  sqlite3_stmt* st = fresh.st_;
  fresh.st_ = nullptr;
  return Stmt(db_, st, this, std::string(sql));
}

void Db::give_back(const std::string& key, sqlite3_stmt* st) {
  sqlite3_reset(st);  // ends any read the statement held, like finalize would
  sqlite3_clear_bindings(st);
  auto& v = idle_[key];
  if (v.size() < 4) v.push_back(st);
  else sqlite3_finalize(st);
}

Stmt& Stmt::bind(int i, std::string_view v) {
  check(db_, sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT),
        "bind");
  return *this;
}
Stmt& Stmt::bind(int i, int64_t v) {
  check(db_, sqlite3_bind_int64(st_, i, v), "bind");
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  check(db_, sqlite3_bind_double(st_, i, v), "bind");
  return *this;
}
Stmt& Stmt::bind(int i, std::nullptr_t) {
  check(db_, sqlite3_bind_null(st_, i), "bind");
  return *this;
}
Stmt& Stmt::bind(int i, const std::optional<std::string>& v) {
  return v ? bind(i, std::string_view(*v)) : bind(i, nullptr);
}
Stmt& Stmt::bind(int i, const std::optional<int64_t>& v) { return v ? bind(i, *v) : bind(i, nullptr); }
Stmt& Stmt::bind_blob(int i, std::string_view b) {
  check(db_, sqlite3_bind_blob(st_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT),
        "bind");
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw DbError(std::string("step failed: ") + sqlite3_errmsg(db_));
}
void Stmt::run() {
  while (step()) {
  }
}
void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}
int64_t Stmt::i64(int c) const { return sqlite3_column_int64(st_, c); }
double Stmt::f64(int c) const { return sqlite3_column_double(st_, c); }
std::string Stmt::str(int c) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(st_, c))) : std::string();
}
std::optional<std::string> Stmt::opt_str(int c) const {
  if (is_null(c)) return std::nullopt;
  return str(c);
}
std::optional<int64_t> Stmt::opt_i64(int c) const {
  if (is_null(c)) return std::nullopt;
  return i64(c);
}
bool Stmt::is_null(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }

Db::Db(const std::string& path) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DbError("cannot open database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, 10000);
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=FULL");
  exec("PRAGMA foreign_keys=ON");
}

Db::~Db() {
  for (auto& [sql, sts] : idle_) {
    for (auto* st : sts) sqlite3_finalize(st);
  }
  sqlite3_close_v2(db_);
}

void Db::exec(std::string_view sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    throw DbError(msg);
  }
}

void Db::transaction(const std::function<void()>& fn) {
  if (tx_depth_ > 0) {
    ++tx_depth_;
    try {
      fn();
    } catch (...) {
      --tx_depth_;
      throw;
    }
    --tx_depth_;
    return;
  }
  exec("BEGIN IMMEDIATE");
  tx_depth_ = 1;
  try {
    fn();
    exec("COMMIT");
    tx_depth_ = 0;
  } catch (...) {
    tx_depth_ = 0;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<int> Db::applied_versions() {
  exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at TEXT NOT NULL)");
  std::vector<int> v;
  auto st = prepare("SELECT version FROM schema_migrations ORDER BY version");
  while (st.step()) v.push_back(static_cast<int>(st.i64(0)));
  return v;
}

void Db::migrate(std::optional<int> up_to) {
  auto done = applied_versions();
  for (const auto& m : all_migrations()) {
    if (up_to && m.version > *up_to) break;
    if (std::find(done.begin(), done.end(), m.version) != done.end()) continue;
    transaction([&] {
      exec(m.sql);
      prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?,?,?)")
          .bind(1, m.version)
          .bind(2, m.name)
          .bind(3, now_utc())
          .run();
    });
  }
}

void Db::backup_to(const std::string& file) {
  // VACUUM INTO copies a consistent snapshot in one read transaction, so writers never make it
  // start over (the page-by-page backup API restarted on every write). It goes to a temporary
  // file beside the target, which is renamed over it only when complete.
  std::filesystem::path target(file);
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  std::filesystem::remove(tmp);
  try {
    prepare("VACUUM INTO ?").bind(1, tmp).run();
    int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      ::fsync(fd);
      ::close(fd);
    }
    std::filesystem::rename(tmp, target);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
}

void Db::restore(const std::string& backup_file, const std::string& db_file) {
  {
    Db src(backup_file);
    auto st = src.prepare("PRAGMA integrity_check");
    if (!st.step() || st.str(0) != "ok") throw DbError(backup_file + " fails integrity_check");
    auto mig = src.prepare("SELECT count(*) FROM sqlite_master WHERE name='schema_migrations'");
    if (!mig.step() || mig.i64(0) == 0) throw DbError(backup_file + " is not an Anzen database");
  }
  Db dst(db_file);
  Db src(backup_file);
  sqlite3_backup* b = sqlite3_backup_init(dst.raw(), "main", src.raw(), "main");
  if (!b) throw DbError(std::string("restore failed: ") + sqlite3_errmsg(dst.raw()));
  int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw DbError(std::string("restore failed: ") + sqlite3_errmsg(dst.raw()));
}

void register_migrations(const std::vector<Migration>& ms) {
  std::lock_guard lk(registry_mutex());
  for (const auto& m : ms) {
    if (!registry().emplace(m.version, m).second) {
      throw std::logic_error("duplicate migration version " + std::to_string(m.version));
    }
  }
}

const std::vector<Migration>& all_migrations() {
  static std::vector<Migration> sorted;
  std::lock_guard lk(registry_mutex());
  sorted.clear();
  for (const auto& [v, m] : registry()) sorted.push_back(m);
  return sorted;
}

std::string now_utc() { return utc_now_iso(); }

}  // namespace anzen::store
