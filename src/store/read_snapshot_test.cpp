// A request that reads shares one snapshot (store::ReadSnapshot); its writes behave as without
// it: a write, as a transaction or a plain statement, ends the snapshot first and never fails
// because another connection wrote meanwhile.
#include <gtest/gtest.h>

#include "store/db.h"
#include "testing/temp_db.h"

namespace anzen::store {
namespace {

int64_t count(Db& db) {
  auto st = db.prepare("SELECT count(*) FROM t");
  st.step();
  return st.i64(0);
}

void add(Db& db, int64_t v) {
  db.transaction([&] { db.prepare("INSERT INTO t(v) VALUES (?)").bind(1, v).run(); });
}

struct Two {
  anzen::testing::TempDb tmp;
  Db reader{tmp.path}, writer{tmp.path};
  Two() {
    writer.exec("CREATE TABLE t (v INTEGER NOT NULL)");
    add(writer, 1);
  }
};

TEST(ReadSnapshot, StatementsOfOneRequestSeeOneSnapshot) {
  Two d;
  {
    ReadSnapshot snap(d.reader);
    EXPECT_EQ(count(d.reader), 1);
    add(d.writer, 2);
    // SQLite: the request's later statements see what its first one saw; PostgreSQL reads each
    // statement's own snapshot (nothing is held there).
    EXPECT_EQ(count(d.reader), d.tmp.postgres() ? 2 : 1);
  }
  EXPECT_EQ(count(d.reader), 2) << "the next request sees the new row";
}

TEST(ReadSnapshot, AWriteTransactionEndsTheSnapshotAndSeesTheLatestRows) {
  Two d;
  ReadSnapshot snap(d.reader);
  EXPECT_EQ(count(d.reader), 1);
  add(d.writer, 2);
  // The write would upgrade a stale read (SQLITE_BUSY_SNAPSHOT) if the snapshot were kept.
  ASSERT_NO_THROW(add(d.reader, 3));
  EXPECT_EQ(count(d.reader), 3);
  EXPECT_EQ(count(d.writer), 3);
}

TEST(ReadSnapshot, AWriteStatementOutsideATransactionEndsTheSnapshotToo) {
  Two d;
  ReadSnapshot snap(d.reader);
  EXPECT_EQ(count(d.reader), 1);
  add(d.writer, 2);
  ASSERT_NO_THROW(d.reader.prepare("INSERT INTO t(v) VALUES (4)").run());
  EXPECT_EQ(count(d.writer), 3) << "committed at once, as without a snapshot";
}

TEST(ReadSnapshot, ARowBeingReadWhileTheSnapshotEndsIsStillRead) {
  Two d;
  add(d.writer, 2);
  ReadSnapshot snap(d.reader);
  auto rows = d.reader.prepare("SELECT v FROM t ORDER BY v");
  ASSERT_TRUE(rows.step());
  EXPECT_EQ(rows.i64(0), 1);
  d.reader.transaction([&] { d.reader.prepare("UPDATE t SET v=v+10 WHERE v=2").run(); });
  ASSERT_TRUE(rows.step());
  EXPECT_FALSE(rows.step());
  EXPECT_EQ(count(d.writer), 2);
}

}  // namespace
}  // namespace anzen::store
