// Stmt::send on a real database (SQLite, and PostgreSQL in the pg. twin, where sent statements
// are pipelined): what was sent is read back in the same transaction, its failure fails the
// transaction (or the flush) and names the statement, nothing of a failed transaction stays.
#include <gtest/gtest.h>

#include <list>

#include "store/db.h"
#include "testing/temp_db.h"

namespace anzen::store {
namespace {

using anzen::testing::TempDb;

struct Fixture {
  TempDb t;
  Db db{t.path};
  Fixture() { db.exec("CREATE TABLE sent_rows (k INTEGER PRIMARY KEY, v TEXT NOT NULL)"); }
  void send(int64_t k, const std::string& v) {
    db.prepare("INSERT INTO sent_rows(k, v) VALUES (?, ?)").bind(1, k).bind(2, v).send();
  }
  int64_t count() {
    auto st = db.prepare("SELECT count(*) FROM sent_rows");
    st.step();
    return st.i64(0);
  }
};

TEST(Send, WhatWasSentIsReadBackInTheSameTransaction) {
  Fixture f;
  f.db.transaction([&] {
    f.send(1, "a");
    f.send(2, "b");
    EXPECT_EQ(f.count(), 2);
    f.db.prepare("UPDATE sent_rows SET v='c'").send();
    EXPECT_EQ(f.db.changes(), 2) << "changes() waits for the sent update";
  });
  EXPECT_EQ(f.count(), 2);
}

TEST(Send, ASentWriteThatFailsFailsTheCommitAndLeavesNothing) {
  Fixture f;
  f.send(1, "before");
  try {
    f.db.transaction([&] {
      f.send(2, "kept only if all is well");
      f.send(1, "duplicate key");
      f.send(3, "after the failure");
    });
    FAIL() << "the duplicate key was accepted";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("sent_rows"), std::string::npos) << e.what();
  }
  EXPECT_EQ(f.count(), 1);
  f.db.transaction([&] { f.send(4, "the connection goes on"); });
  EXPECT_EQ(f.count(), 2);
}

// How the writer queue keeps a write's failure its own: flush() at the write's end, and a
// rollback to its savepoint.
TEST(Send, AFailureFlushedIsRolledBackToItsSavepoint) {
  Fixture f;
  f.db.transaction([&] {
    f.db.send("SAVEPOINT w");
    f.send(1, "first write");
    f.db.flush();
    f.db.send("RELEASE SAVEPOINT w");
    f.db.send("SAVEPOINT w");
    // SQLite refuses it at once, PostgreSQL when the write is flushed.
    EXPECT_THROW(
        {
          f.send(1, "second write: duplicate key");
          f.db.flush();
        },
        DbError);
    f.db.exec("ROLLBACK TO SAVEPOINT w");
    f.send(2, "third write");
    f.db.flush();
  });
  auto st = f.db.prepare("SELECT k, v FROM sent_rows ORDER BY k");
  std::vector<std::string> rows;
  while (st.step()) rows.push_back(std::to_string(st.i64(0)) + " " + st.str(1));
  EXPECT_EQ(rows, (std::vector<std::string>{"1 first write", "2 third write"}));
}

TEST(Send, ManySendsInOneTransaction) {
  Fixture f;
  f.db.transaction([&] {
    for (int64_t k = 1; k <= 700; ++k) f.send(k, "row " + std::to_string(k));
  });
  EXPECT_EQ(f.count(), 700);
}

// More statements of one SQL than the pool keeps: those it drops while sends are on their way
// are dropped on the server afterwards, without disturbing them.
TEST(Send, StatementsDroppedWhileSendsAreOnTheirWay) {
  Fixture f;
  f.db.transaction([&] {
    std::list<Stmt> held;
    for (int64_t k = 1; k <= 8; ++k) {
      held.push_back(f.db.prepare("INSERT INTO sent_rows(k, v) VALUES (?, ?)"));
      held.back().bind(1, k).bind(2, "held").send();
    }
    held.clear();
    f.send(9, "after");
  });
  EXPECT_EQ(f.count(), 9);
}

// Stmt::start: reads started together (on PostgreSQL in one round trip) each get their own
// rows, in a transaction among sent writes, whatever order they are read in.
TEST(Start, ReadsStartedTogetherEachGetTheirOwnRows) {
  Fixture f;
  for (int k = 1; k <= 3; ++k) f.send(k, "v" + std::to_string(k));
  f.db.transaction([&] {
    std::vector<Stmt> reads;
    for (int k = 3; k >= 1; --k) {
      reads.push_back(f.db.prepare("SELECT v FROM sent_rows WHERE k=?"));
      reads.back().bind(1, k).start();
    }
    f.send(4, "sent after the reads");
    auto none = f.db.prepare("SELECT v FROM sent_rows WHERE k=?");
    none.bind(1, 99).start();
    // Read out of order: each statement has its own result.
    EXPECT_TRUE(reads[2].step());
    EXPECT_EQ(reads[2].str(0), "v1");
    EXPECT_FALSE(none.step());
    EXPECT_TRUE(reads[0].step());
    EXPECT_EQ(reads[0].str(0), "v3");
    EXPECT_FALSE(reads[0].step());
    EXPECT_TRUE(reads[1].step());
    EXPECT_EQ(reads[1].str(0), "v2");
  });
  EXPECT_EQ(f.count(), 4);
  // Outside a transaction a started read simply runs at its first step.
  auto st = f.db.prepare("SELECT count(*) FROM sent_rows");
  st.start();
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.i64(0), 4);
}

// A started read nobody reads (its statement reset or dropped first) costs nothing later: the
// next statements get their own results, and the pooled statement runs again normally.
TEST(Start, ReadsDroppedBeforeTheirRowsAreRead) {
  Fixture f;
  f.send(1, "a");
  f.db.transaction([&] {
    {
      auto dropped = f.db.prepare("SELECT v FROM sent_rows WHERE k=?");
      dropped.bind(1, 1).start();
    }  // back to the pool before its result came
    auto reset = f.db.prepare("SELECT count(*) FROM sent_rows");
    reset.start();
    reset.reset();
    f.send(2, "b");
    auto again = f.db.prepare("SELECT v FROM sent_rows WHERE k=?");
    again.bind(1, 2);
    ASSERT_TRUE(again.step());
    EXPECT_EQ(again.str(0), "b");
    EXPECT_EQ(f.count(), 2);
  });
}

// A started read that fails fails the transaction, as a statement run at once would, and
// nothing sent beside it stays. (SQLite divides by zero into NULL; PostgreSQL refuses.)
TEST(Start, AReadThatFailsFailsItsTransaction) {
  Fixture f;
  f.send(1, "one");
  auto run = [&] {
    f.db.transaction([&] {
      f.send(2, "sent before");
      auto st = f.db.prepare("SELECT 1 / (k - 1) FROM sent_rows WHERE k=?");
      st.bind(1, 1).start();
      f.send(3, "sent after");
      ASSERT_TRUE(st.step());
      EXPECT_TRUE(st.is_null(0));
    });
  };
  if (f.db.backend() == Backend::postgres) {
    EXPECT_THROW(run(), DbError);
    EXPECT_EQ(f.count(), 1);
  } else {
    run();
    EXPECT_EQ(f.count(), 3);
  }
  EXPECT_THROW(f.db.transaction([&] {
    auto missing = f.db.prepare("SELECT x FROM no_such_table");
    missing.start();
    missing.step();
  }),
               DbError);
}

}  // namespace
}  // namespace anzen::store
