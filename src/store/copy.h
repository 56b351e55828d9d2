// Moving a whole Anzen database between engines (SQLite ⇄ PostgreSQL): every table, every row,
// ids kept, so the audit chain verifies on the copy exactly as on the original.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "store/db.h"

namespace anzen::store {

struct TableCount {
  std::string table;
  int64_t rows = 0;
};

// Copies every application table of `from` into `to`, in one transaction on `to`. Both are
// migrated first. `to` must hold no data (only its schema); otherwise a DbError names the first
// table that has rows and nothing is written. Returns the rows copied per table.
std::vector<TableCount> copy_database(Db& from, Db& to);

// Rows per application table (schema_migrations included), in creation order.
std::vector<TableCount> table_counts(Db& db);

}  // namespace anzen::store
