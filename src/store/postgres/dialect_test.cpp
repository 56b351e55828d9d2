// The mapping of portable SQL to PostgreSQL's dialect (pure; the PostgreSQL run of the suite
// executes all of the application's SQL for real).
#include "store/postgres/dialect.h"

#include <gtest/gtest.h>

namespace anzen::store::pg {
namespace {

TEST(PgDialect, NumbersPlaceholdersOutsideQuotes) {
  int n = 0;
  EXPECT_EQ(statement("SELECT a FROM t WHERE b=? AND c='?' AND d=\"x?\" AND e=?", &n),
            "SELECT a FROM t WHERE b=$1 AND c='?' AND d=\"x?\" AND e=$2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(statement("SELECT 1 WHERE (?1 IS NULL OR org=?1) AND (?2='' OR q=?2)", &n),
            "SELECT 1 WHERE ($1 IS NULL OR org=$1) AND ($2='' OR q=$2)");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(statement("SELECT 'it''s ?', ?", &n), "SELECT 'it''s ?', $1");
  EXPECT_EQ(n, 1);
}

TEST(PgDialect, InsertOrIgnoreBecomesOnConflictDoNothing) {
  EXPECT_EQ(statement("INSERT OR IGNORE INTO t(a) VALUES (?);"),
            "INSERT INTO t(a) VALUES ($1) ON CONFLICT DO NOTHING");
}

TEST(PgDialect, InsertOrReplaceBecomesAnUpsertOnThePrimaryKey) {
  EXPECT_EQ(replace_target("INSERT OR REPLACE INTO soa(a, b) VALUES (?,?)"), "soa");
  EXPECT_EQ(replace_target("INSERT INTO soa(a, b) VALUES (?,?)"), "");
  EXPECT_EQ(upsert("INSERT OR REPLACE INTO m(org_id, doc, at) VALUES (?,?,?)",
                   {"org_id", "doc", "at"}, {"org_id"}),
            "INSERT INTO m(org_id, doc, at) VALUES (?,?,?) ON CONFLICT (org_id) DO UPDATE SET "
            "doc=excluded.doc, at=excluded.at");
  // Without a column list the table's columns are used, in order.
  EXPECT_EQ(upsert("insert or replace into r VALUES (?,?,?)", {"a", "s", "t"}, {"a", "s"}),
            "INSERT INTO r(a, s, t) VALUES (?,?,?) ON CONFLICT (a, s) DO UPDATE SET t=excluded.t");
  EXPECT_EQ(upsert("INSERT OR REPLACE INTO k(a) VALUES (?)", {"a"}, {"a"}),
            "INSERT INTO k(a) VALUES (?) ON CONFLICT (a) DO NOTHING");
}

TEST(PgDialect, MapsSqliteTypesInDdlButNotInTextOrComments) {
  EXPECT_EQ(ddl("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, b BLOB, r REAL, s "
                "TEXT DEFAULT 'INTEGER');"),
            "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, n BIGINT NOT NULL, b BYTEA, r DOUBLE "
            "PRECISION, s TEXT DEFAULT 'INTEGER');");
  EXPECT_EQ(ddl("CREATE TABLE u (id integer primary key autoincrement); -- the user's INTEGER\n"),
            "CREATE TABLE u (id BIGSERIAL PRIMARY KEY); -- the user's INTEGER\n");
}

}  // namespace
}  // namespace anzen::store::pg
