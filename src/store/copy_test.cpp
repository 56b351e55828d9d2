// Copying a whole database between engines. In the SQLite run of the suite TempDb is an SQLite
// file (SQLite → SQLite); in the PostgreSQL run it is a PostgreSQL schema, so the same test
// goes SQLite → PostgreSQL → SQLite and compares every value, evidence bytes included.
#include "store/copy.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/temp_db.h"

namespace anzen::store {
namespace {

const catalog::Framework& tcs() { return *anzen::testing::tree_catalog().find("tcs-2023"); }

// Every row of every table as text (blobs as their bytes), in a stable order.
std::vector<std::string> dump(Db& db) {
  std::vector<std::string> out;
  for (const auto& t : db.tables()) {
    if (t == "schema_migrations") continue;
    auto st = db.prepare("SELECT * FROM \"" + t + "\" ORDER BY 1");
    while (st.step()) {
      std::string row = t;
      for (int c = 0; c < st.columns(); ++c)
        row += "|" + st.column_name(c) + "=" + (st.is_null(c) ? "NULL" : st.str(c));
      out.push_back(row);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct SqliteFile {
  testing::TempDb names;  // only for a unique scratch file name
  std::string path = names.file(".copy.db");
  ~SqliteFile() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  }
};

TEST(Copy, RoundTripKeepsEveryValueAndTheAuditChain) {
  SqliteFile a, c;
  testing::TempDb middle;  // PostgreSQL in the PostgreSQL run of the suite
  std::string bytes("\x00\x01\xff\xfe binary 証跡\n", 18);
  {
    Db db(a.path);
    db.migrate();
    assess::AssessRepo repo(db, "copier");
    auto o = repo.create_org(
        {0, "株式会社コピー", "operator_registered", {"voice_emergency"}, 5000, {"東京都"}});
    auto as = repo.create(o.id, tcs(), "operator", "FY2025", "全社");
    assess::Answer x;
    x.question_id = "T2-001.1";
    x.status = assess::Status::partial;
    x.maturity = 2;
    x.comment = "引用符 ' と \" と ? を含む";
    repo.set_answer(as, tcs(), x);
    repo.add_file(as, "T2-001.1", "policy.bin", "application/octet-stream", bytes, "2025-04-01",
                  "");
    repo.next_period(as, tcs(), "FY2026", false, "2026-04-01");
  }
  Db src(a.path);
  Db mid(middle.path);
  auto counts = copy_database(src, mid);
  EXPECT_TRUE(audit_verify(mid).ok);
  Db dst(c.path);
  copy_database(mid, dst);
  EXPECT_TRUE(audit_verify(dst).ok);
  EXPECT_EQ(dump(src), dump(dst));
  EXPECT_EQ(dump(src), dump(mid));
  for (const auto& t : counts) {
    if (t.table == "evidence" || t.table == "assessments") {
      EXPECT_EQ(t.rows, 2) << t.table;
    }
  }

  // The copy is a working database: new rows get fresh ids, the chain goes on, evidence reads back.
  assess::AssessRepo repo(mid, "after");
  auto o2 = repo.create_org({0, "後から", "maker", {}, std::nullopt, {}});
  EXPECT_EQ(o2.id, 2);
  EXPECT_TRUE(audit_verify(mid).ok);
  auto ev = repo.evidence(1);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(repo.evidence_file(1, ev[0].id)->second, bytes);
}

TEST(Copy, RefusesATargetWithDataAndChangesNothing) {
  SqliteFile a;
  testing::TempDb b;
  Db src(a.path);
  src.migrate();
  assess::AssessRepo(src, "t").create_org({0, "甲", "maker", {}, std::nullopt, {}});
  Db dst(b.path);
  dst.migrate();
  assess::AssessRepo(dst, "t").create_org({0, "乙", "maker", {}, std::nullopt, {}});
  auto before = dump(dst);
  EXPECT_THROW(copy_database(src, dst), DbError);
  EXPECT_EQ(dump(dst), before);
}

}  // namespace
}  // namespace anzen::store
