// What a database engine provides to store::Db. Only store/ and its backends include this.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/db.h"

namespace anzen::store::detail {

class StmtImpl {
 public:
  virtual ~StmtImpl() = default;
  virtual void bind_text(int i, std::string_view v) = 0;
  virtual void bind_i64(int i, int64_t v) = 0;
  virtual void bind_f64(int i, double v) = 0;
  virtual void bind_null(int i) = 0;
  virtual void bind_blob(int i, std::string_view bytes) = 0;
  virtual bool step() = 0;
  // Stmt::send: runs it, unless the engine can send it without waiting.
  virtual void send() {
    while (step()) {
    }
  }
  // Stmt::start: nothing, unless the engine can send a read ahead of its first step().
  virtual void start() {}
  // Ends any result and clears the bindings, ready to be run again.
  virtual void reset() = 0;
  virtual int64_t i64(int col) const = 0;
  virtual double f64(int col) const = 0;
  virtual std::string str(int col) const = 0;
  virtual bool is_null(int col) const = 0;
  virtual int columns() const = 0;
  virtual std::string column_name(int col) const = 0;
  virtual ValueKind kind(int col) const = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  std::string audit_client;  // store/audit_client.h
  // The audit chain's last row (id, hash) as this connection appended it in the current write
  // transaction, which holds the write lock: the next append needs no read of the head. Cleared
  // when a transaction begins or ends and when a savepoint is rolled back (store/audit.h).
  std::optional<std::pair<int64_t, std::string>> audit_head;
  virtual Backend backend() const = 0;
  virtual void exec(std::string_view sql) = 0;
  // Db::send and Db::flush: an engine that pipelines sends now and waits in flush().
  virtual void send(std::string_view sql) { exec(sql); }
  virtual void flush() {}
  virtual std::unique_ptr<StmtImpl> prepare(std::string_view sql) = 0;
  virtual int64_t last_insert_id() = 0;
  virtual int changes() = 0;
  // Grows with every row the connection writes (or, where the engine cannot count rows, with
  // every statement it runs that is not a SELECT): a caller compares two readings to learn
  // whether anything was written in between (the writer queue: may a refused write's neighbours
  // commit without a savepoint around it?). Never smaller than the truth.
  virtual uint64_t writes_so_far() const = 0;
  // A read snapshot shared by the statements that follow, until end_read(), a write
  // transaction or a statement that writes (which end it first). SQLite: one WAL read lock per
  // request instead of one per statement. PostgreSQL: nothing (a BEGIN would cost a round trip;
  // each statement reads its own snapshot).
  virtual void begin_read() {}
  virtual void end_read() noexcept {}
  // A write transaction, serialised against every other writer of the same database.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  virtual bool has_table(std::string_view name) = 0;
  virtual std::vector<std::string> tables() = 0;
  // The DDL of a migration for this engine.
  virtual std::string migration_sql(const Migration& m) = 0;
  // After rows with explicit ids were loaded into `table`: generated ids continue after them.
  virtual void ids_loaded(std::string_view /*table*/) {}
  // Empties every table but schema_migrations, in one statement (restore into a database).
  virtual void empty_tables(const std::vector<std::string>& tables) = 0;
  // Called before the pooled statements are destroyed on close (no more round trips needed).
  virtual void closing() {}
};

std::unique_ptr<Connection> open_sqlite(const std::string& path);
void sqlite_backup(Connection& from, const std::string& file);
void sqlite_restore(Connection& from, Connection& to);
std::unique_ptr<Connection> open_postgres(const std::string& uri);

}  // namespace anzen::store::detail
