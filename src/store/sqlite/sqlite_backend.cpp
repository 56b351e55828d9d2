// The embedded default: one SQLite file in WAL mode.
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>

#include "store/backend.h"

namespace anzen::store::detail {

namespace {
void check(sqlite3* db, int rc, std::string_view what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw DbError(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

// A connection's read snapshot (SqliteConnection::begin_read): BEGIN and COMMIT prepared once,
// since a request that reads runs both.
struct Snapshot {
  bool open = false;
  sqlite3_stmt* begin = nullptr;
  sqlite3_stmt* commit = nullptr;
};

// Ends the snapshot, if one is open. Statements still reading go on in their own implicit
// transaction; COMMIT of a transaction that only read waits for nothing.
void end_snapshot(Snapshot* s) noexcept {
  if (!s || !s->open) return;
  s->open = false;
  sqlite3_step(s->commit);
  sqlite3_reset(s->commit);
}

class SqliteStmt final : public StmtImpl {
 public:
  // `reading`: the connection's read-snapshot flag; a statement that writes ends the snapshot
  // before it runs, so that it never upgrades a read begun earlier (which SQLite refuses with
  // SQLITE_BUSY_SNAPSHOT when another connection wrote meanwhile).
  SqliteStmt(sqlite3* db, std::string_view sql, Snapshot* reading = nullptr)
      : db_(db), reading_(reading) {
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st_, nullptr);
    if (rc != SQLITE_OK) {
      throw DbError("prepare failed: " + std::string(sqlite3_errmsg(db)) +
                    " in: " + std::string(sql));
    }
  }
  ~SqliteStmt() override { sqlite3_finalize(st_); }
  void bind_text(int i, std::string_view v) override {
    check(db_, sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT),
          "bind");
  }
  void bind_i64(int i, int64_t v) override { check(db_, sqlite3_bind_int64(st_, i, v), "bind"); }
  void bind_f64(int i, double v) override { check(db_, sqlite3_bind_double(st_, i, v), "bind"); }
  void bind_null(int i) override { check(db_, sqlite3_bind_null(st_, i), "bind"); }
  void bind_blob(int i, std::string_view b) override {
    check(db_, sqlite3_bind_blob(st_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT),
          "bind");
  }
  bool step() override {
    if (reading_ && reading_->open && !sqlite3_stmt_readonly(st_)) end_snapshot(reading_);
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw DbError(std::string("step failed: ") + sqlite3_errmsg(db_));
  }
  void reset() override {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  int64_t i64(int c) const override { return sqlite3_column_int64(st_, c); }
  double f64(int c) const override { return sqlite3_column_double(st_, c); }
  std::string str(int c) const override {
    const void* p = sqlite3_column_type(st_, c) == SQLITE_BLOB ? sqlite3_column_blob(st_, c)
                                                               : sqlite3_column_text(st_, c);
    return p ? std::string(static_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(st_, c)))
             : std::string();
  }
  bool is_null(int c) const override { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
  int columns() const override { return sqlite3_column_count(st_); }
  std::string column_name(int c) const override { return sqlite3_column_name(st_, c); }
  ValueKind kind(int c) const override {
    switch (sqlite3_column_type(st_, c)) {
      case SQLITE_NULL:
        return ValueKind::null;
      case SQLITE_INTEGER:
        return ValueKind::integer;
      case SQLITE_FLOAT:
        return ValueKind::real;
      case SQLITE_BLOB:
        return ValueKind::blob;
      default:
        return ValueKind::text;
    }
  }

 private:
  sqlite3* db_;
  Snapshot* reading_;
  sqlite3_stmt* st_ = nullptr;
};

// Writers of one database file within this process queue on a mutex before BEGIN IMMEDIATE.
// Without it, concurrent writers (web threads) all spin in SQLite's busy handler, which sleeps
// and retries with growing delays: throughput drops and the slowest writer waits for seconds.
// SQLite's own lock still serialises writers across processes.
std::timed_mutex& writer_queue(const std::string& path) {
  static std::mutex registry_mu;
  static std::map<std::string, std::unique_ptr<std::timed_mutex>> queues;
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(path, ec);
  std::string key = ec ? path : canonical.string();
  std::lock_guard lk(registry_mu);
  auto& q = queues[key];
  if (!q) q = std::make_unique<std::timed_mutex>();
  return *q;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) : writers_(writer_queue(path)) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DbError("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    exec("PRAGMA journal_mode=WAL");
    // In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a killed process or
    // a crash of the application never loses or corrupts a committed transaction, and the file
    // stays consistent after a power cut too, which may lose only the last commits before it.
    // FULL cost one fsync per answer saved (the writer queue waited on the disk).
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
  }
  ~SqliteConnection() override {
    end_read();
    sqlite3_finalize(reading_.begin);
    sqlite3_finalize(reading_.commit);
    sqlite3_close_v2(db_);
  }

  Backend backend() const override { return Backend::sqlite; }
  void exec(std::string_view sql) override {
    end_read();  // a statement run as a whole (a pragma, DDL, a savepoint) is not a read
    char* err = nullptr;
    int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw DbError(msg);
    }
  }
  std::unique_ptr<StmtImpl> prepare(std::string_view sql) override {
    return std::make_unique<SqliteStmt>(db_, sql, &reading_);
  }
  int64_t last_insert_id() override { return sqlite3_last_insert_rowid(db_); }
  int changes() override { return sqlite3_changes(db_); }
  uint64_t writes_so_far() const override {
    return static_cast<uint64_t>(sqlite3_total_changes64(db_));
  }
  void begin_read() override {
    if (reading_.open || !sqlite3_get_autocommit(db_)) return;
    if (!reading_.begin) {
      sqlite3_stmt *b = nullptr, *c = nullptr;
      if (sqlite3_prepare_v2(db_, "BEGIN", -1, &b, nullptr) != SQLITE_OK ||
          sqlite3_prepare_v2(db_, "COMMIT", -1, &c, nullptr) != SQLITE_OK) {
        sqlite3_finalize(b);
        sqlite3_finalize(c);
        return;  // reads go on without a shared snapshot
      }
      reading_.begin = b;
      reading_.commit = c;
    }
    int rc = sqlite3_step(reading_.begin);
    sqlite3_reset(reading_.begin);
    reading_.open = rc == SQLITE_DONE;
  }
  void end_read() noexcept override { end_snapshot(&reading_); }
  void begin() override {
    end_read();
    // As long as SQLite's busy timeout: a writer waits, but a stuck one is reported.
    std::unique_lock lk(writers_, std::chrono::seconds(10));
    if (!lk.owns_lock()) throw DbError("database is locked (another writer in this process)");
    exec("BEGIN IMMEDIATE");
    held_ = std::move(lk);
  }
  void commit() override {
    exec("COMMIT");
    if (held_.owns_lock()) held_.unlock();
  }
  void rollback() noexcept override {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    if (held_.owns_lock()) held_.unlock();
  }
  bool has_table(std::string_view name) override {
    SqliteStmt st(db_, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?");
    st.bind_text(1, name);
    return st.step() && st.i64(0) > 0;
  }
  std::vector<std::string> tables() override {
    std::vector<std::string> out;
    SqliteStmt st(db_,
                  "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                  "ORDER BY rowid");
    while (st.step()) out.push_back(st.str(0));
    return out;
  }
  std::string migration_sql(const Migration& m) override { return m.sql; }
  void empty_tables(const std::vector<std::string>& tables) override {
    for (const auto& t : tables) exec("DELETE FROM \"" + t + "\"");
  }
  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  Snapshot reading_;  // begin_read
  std::timed_mutex& writers_;
  std::unique_lock<std::timed_mutex> held_;
};
}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

// Backup of an SQLite database into a new file. VACUUM INTO copies a consistent snapshot in one
// read transaction, so writers never make it start over (the page-by-page backup API restarted
// on every write and never finished under load). It goes to a temporary file beside the target,
// flushed and renamed over it only when complete, so a crash leaves no half-written backup.
void sqlite_backup(Connection& from, const std::string& file) {
  auto* src = dynamic_cast<SqliteConnection*>(&from);
  if (!src) throw DbError("not an SQLite database");
  std::filesystem::path target(file);
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  std::filesystem::remove(tmp);
  try {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(src->raw(), "VACUUM INTO ?", -1, &st, nullptr) != SQLITE_OK)
      throw DbError(std::string("backup failed: ") + sqlite3_errmsg(src->raw()));
    sqlite3_bind_text(st, 1, tmp.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw DbError(std::string("backup failed: ") + sqlite3_errmsg(src->raw()));
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

// Replaces the SQLite database `to` with the contents of the SQLite database `from`.
void sqlite_restore(Connection& from, Connection& to) {
  auto* src = dynamic_cast<SqliteConnection*>(&from);
  auto* dst = dynamic_cast<SqliteConnection*>(&to);
  if (!src || !dst) throw DbError("not an SQLite database");
  sqlite3_backup* b = sqlite3_backup_init(dst->raw(), "main", src->raw(), "main");
  if (!b) throw DbError(std::string("restore failed: ") + sqlite3_errmsg(dst->raw()));
  int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE)
    throw DbError(std::string("restore failed: ") + sqlite3_errmsg(dst->raw()));
}

}  // namespace anzen::store::detail
