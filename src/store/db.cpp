#include "store/db.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "common/clock.h"
#include "store/backend.h"

namespace anzen::store {

namespace {
std::map<int, Migration>& registry() {
  static std::map<int, Migration> r;
  return r;
}
std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}
}  // namespace

Stmt::Stmt(std::unique_ptr<detail::StmtImpl> impl, Db* pool, std::string key)
    : impl_(std::move(impl)), pool_(pool), key_(std::move(key)) {}
Stmt::~Stmt() {
  if (impl_ && pool_) pool_->give_back(key_, std::move(impl_));
}
Stmt::Stmt(Stmt&& o) noexcept
    : impl_(std::move(o.impl_)), pool_(o.pool_), key_(std::move(o.key_)) {}

Stmt& Stmt::bind(int i, std::string_view v) {
  impl_->bind_text(i, v);
  return *this;
}
Stmt& Stmt::bind(int i, int64_t v) {
  impl_->bind_i64(i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  impl_->bind_f64(i, v);
  return *this;
}
Stmt& Stmt::bind(int i, std::nullptr_t) {
  impl_->bind_null(i);
  return *this;
}
Stmt& Stmt::bind(int i, const std::optional<std::string>& v) {
  return v ? bind(i, std::string_view(*v)) : bind(i, nullptr);
}
Stmt& Stmt::bind(int i, const std::optional<int64_t>& v) {
  return v ? bind(i, *v) : bind(i, nullptr);
}
Stmt& Stmt::bind_blob(int i, std::string_view b) {
  impl_->bind_blob(i, b);
  return *this;
}
bool Stmt::step() { return impl_->step(); }
void Stmt::send() { impl_->send(); }
void Stmt::start() { impl_->start(); }
void Stmt::run() {
  while (step()) {
  }
}
void Stmt::reset() { impl_->reset(); }
int64_t Stmt::i64(int c) const { return impl_->i64(c); }
double Stmt::f64(int c) const { return impl_->f64(c); }
std::string Stmt::str(int c) const { return impl_->str(c); }
std::optional<std::string> Stmt::opt_str(int c) const {
  if (is_null(c)) return std::nullopt;
  return str(c);
}
std::optional<int64_t> Stmt::opt_i64(int c) const {
  if (is_null(c)) return std::nullopt;
  return i64(c);
}
bool Stmt::is_null(int c) const { return impl_->is_null(c); }
int Stmt::columns() const { return impl_->columns(); }
std::string Stmt::column_name(int c) const { return impl_->column_name(c); }
ValueKind Stmt::kind(int c) const { return impl_->kind(c); }

bool Db::is_postgres_uri(std::string_view s) {
  return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

Db::Db(const std::string& path_or_uri)
    : conn_(is_postgres_uri(path_or_uri) ? detail::open_postgres(path_or_uri)
                                         : detail::open_sqlite(path_or_uri)),
      path_(path_or_uri) {}

Db::~Db() {
  conn_->closing();
  idle_.clear();
}

Backend Db::backend() const { return conn_->backend(); }
void Db::exec(std::string_view sql) { conn_->exec(sql); }
void Db::send(std::string_view sql) { conn_->send(sql); }
void Db::flush() { conn_->flush(); }
int64_t Db::last_insert_id() { return conn_->last_insert_id(); }
int Db::changes() { return conn_->changes(); }
bool Db::has_table(std::string_view name) { return conn_->has_table(name); }
std::vector<std::string> Db::tables() { return conn_->tables(); }

Stmt Db::prepare(std::string_view sql) {
  auto it = idle_.find(std::string(sql));
  if (it != idle_.end() && !it->second.empty()) {
    auto st = std::move(it->second.back());
    it->second.pop_back();
    return Stmt(std::move(st), this, it->first);
  }
  auto fresh = conn_->prepare(sql);
  // Pool only a bounded number of distinct statements (SQL built from data is rarely repeated).
  if (idle_.size() >= 256 && it == idle_.end()) return Stmt(std::move(fresh), nullptr, {});
  return Stmt(std::move(fresh), this, std::string(sql));
}

void Db::give_back(const std::string& key, std::unique_ptr<detail::StmtImpl> st) {
  st->reset();  // ends any read the statement held, like finalize would
  auto& v = idle_[key];
  if (v.size() < 4) v.push_back(std::move(st));
}

void Db::begin_read() {
  if (tx_depth_ == 0) conn_->begin_read();
}
void Db::end_read() noexcept { conn_->end_read(); }

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
  conn_->begin();
  conn_->audit_head.reset();
  tx_depth_ = 1;
  try {
    fn();
    conn_->audit_head.reset();
    conn_->commit();
    tx_depth_ = 0;
  } catch (...) {
    tx_depth_ = 0;
    conn_->audit_head.reset();
    conn_->rollback();
    throw;
  }
}

std::vector<int> Db::applied_versions() {
  if (!has_table("schema_migrations")) {
    transaction([&] {
      exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT "
          "NOT "
          "NULL, applied_at TEXT NOT NULL)");
    });
  }
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
      // Another process (a second server starting at the same time) may have applied it while
      // this one waited for the write lock.
      auto seen = prepare("SELECT count(*) FROM schema_migrations WHERE version=?");
      seen.bind(1, m.version);
      if (seen.step() && seen.i64(0) > 0) return;
      exec(conn_->migration_sql(m));
      prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?,?,?)")
          .bind(1, m.version)
          .bind(2, m.name)
          .bind(3, now_utc())
          .run();
    });
  }
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
