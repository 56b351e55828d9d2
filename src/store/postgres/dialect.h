// Rewrites the portable SQL that modules write (SQLite's dialect where both engines differ)
// into PostgreSQL's. Pure functions: no connection needed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace anzen::store::pg {

// `?` → $1, $2 … in order; `?N` → $N; `INSERT OR IGNORE` → `… ON CONFLICT DO NOTHING`.
// Quoted text and identifiers are left alone. `params` receives the highest parameter number.
std::string statement(std::string_view sql, int* params = nullptr);

// SQLite DDL → PostgreSQL DDL: INTEGER → BIGINT (SQLite integers are 64-bit),
// `INTEGER PRIMARY KEY [AUTOINCREMENT]` → BIGSERIAL PRIMARY KEY, BLOB → BYTEA, REAL → DOUBLE
// PRECISION.
std::string ddl(std::string_view sqlite_ddl);

// `INSERT OR REPLACE INTO t[(cols)] VALUES|SELECT …` → an upsert on the table's primary key.
// Returns the table name through `table` when sql is such a statement; empty otherwise.
std::string replace_target(std::string_view sql);
std::string upsert(std::string_view sql, const std::vector<std::string>& table_columns,
                   const std::vector<std::string>& primary_key);

}  // namespace anzen::store::pg
