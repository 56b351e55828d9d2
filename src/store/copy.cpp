#include "store/copy.h"

#include <algorithm>
#include <filesystem>

#include "store/audit.h"
#include "store/backend.h"

namespace anzen::store {

namespace {
int64_t count_rows(Db& db, const std::string& table) {
  auto st = db.prepare("SELECT count(*) FROM \"" + table + "\"");
  return st.step() ? st.i64(0) : 0;
}

// Rows go in the order of the first column (the id where there is one), so that rows which
// refer to earlier rows of the same table (assessments.previous_id) find them already there.
int64_t copy_table(Db& from, Db& to, const std::string& table) {
  auto src = from.prepare("SELECT * FROM \"" + table + "\" ORDER BY 1");
  std::optional<Stmt> ins;
  int n = 0;
  int64_t rows = 0;
  while (src.step()) {
    if (!ins) {
      n = src.columns();
      std::string cols, marks;
      for (int c = 0; c < n; ++c) {
        cols += (c ? ", \"" : "\"") + src.column_name(c) + "\"";
        marks += c ? ",?" : "?";
      }
      ins.emplace(to.prepare("INSERT INTO \"" + table + "\"(" + cols + ") VALUES (" + marks + ")"));
    }
    for (int c = 0; c < n; ++c) {
      switch (src.kind(c)) {
        case ValueKind::null:
          ins->bind(c + 1, nullptr);
          break;
        case ValueKind::integer:
          ins->bind(c + 1, src.i64(c));
          break;
        case ValueKind::real:
          ins->bind(c + 1, src.f64(c));
          break;
        case ValueKind::blob:
          ins->bind_blob(c + 1, src.str(c));
          break;
        case ValueKind::text:
          ins->bind(c + 1, src.str(c));
          break;
      }
    }
    ins->run();
    ins->reset();
    ++rows;
  }
  return rows;
}

std::vector<std::string> data_tables(Db& db) {
  auto t = db.tables();
  t.erase(std::remove(t.begin(), t.end(), "schema_migrations"), t.end());
  return t;
}
}  // namespace

std::vector<TableCount> table_counts(Db& db) {
  std::vector<TableCount> out;
  for (const auto& t : db.tables()) out.push_back({t, count_rows(db, t)});
  return out;
}

std::vector<TableCount> copy_database(Db& from, Db& to) {
  from.migrate();
  to.migrate();
  if (from.applied_versions() != to.applied_versions()) {
    throw DbError("the two databases are at different schema versions");
  }
  auto tables = data_tables(to);
  std::vector<TableCount> out;
  to.transaction([&] {
    for (const auto& t : tables) {
      if (int64_t n = count_rows(to, t); n > 0) {
        throw DbError("the target database is not empty: table " + t + " has " + std::to_string(n) +
                      " rows");
      }
    }
    for (const auto& t : tables) {
      if (!from.has_table(t)) continue;
      out.push_back({t, copy_table(from, to, t)});
      to.connection().ids_loaded(t);
    }
  });
  // The chain is keyed: the copy verifies only with the same key beside it.
  copy_audit_key(audit_key_path(from), audit_key_path(to));
  return out;
}

void Db::backup_to(const std::string& file) {
  if (backend() == Backend::sqlite) {
    detail::sqlite_backup(*conn_, file);
    return;
  }
  std::string tmp = file + ".partial";
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(tmp + s);
  {
    Db dst(tmp);
    copy_database(*this, dst);
  }
  for (const char* s : {"-wal", "-shm"}) std::filesystem::remove(tmp + s);
  std::filesystem::rename(tmp, file);
}

void Db::restore(const std::string& backup_file, const std::string& db_path_or_uri) {
  if (is_postgres_uri(backup_file) || !std::filesystem::exists(backup_file)) {
    throw DbError(backup_file + " is not a backup file");
  }
  {
    Db src(backup_file);
    auto st = src.prepare("PRAGMA integrity_check");
    if (!st.step() || st.str(0) != "ok") throw DbError(backup_file + " fails integrity_check");
    if (!src.has_table("schema_migrations"))
      throw DbError(backup_file + " is not an Anzen database");
  }
  Db src(backup_file);
  Db dst(db_path_or_uri);
  if (dst.backend() == Backend::sqlite) {
    detail::sqlite_restore(*src.conn_, *dst.conn_);
    return;
  }
  // PostgreSQL: the same contents, replaced in one transaction (all or nothing).
  src.migrate();
  dst.migrate();
  auto tables = data_tables(dst);
  dst.transaction([&] {
    dst.conn_->empty_tables(tables);
    copy_database(src, dst);
  });
}

}  // namespace anzen::store
