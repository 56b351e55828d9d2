// The writer queue on a real database (SQLite, and PostgreSQL in the pg. twin): writes that
// arrive together share a transaction, a failing one is rolled back alone, the audit chain stays
// whole across the batch.
#include "store/write_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <map>
#include <thread>

#include "store/audit.h"
#include "store/audit_client.h"
#include "testing/temp_db.h"

namespace anzen::store {
namespace {

using anzen::testing::TempDb;

struct Fixture {
  TempDb t;
  Fixture() {
    Db db(t.path);
    db.migrate();
    db.exec("CREATE TABLE wq_rows (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
  }
  std::vector<std::pair<int64_t, std::string>> rows() {
    Db db(t.path);
    std::vector<std::pair<int64_t, std::string>> out;
    auto st = db.prepare("SELECT k, v FROM wq_rows ORDER BY k");
    while (st.step()) out.emplace_back(st.i64(0), st.str(1));
    return out;
  }
};

void insert(Db& db, int64_t k, const std::string& v) {
  db.prepare("INSERT INTO wq_rows(k, v) VALUES (?, ?)").bind(1, k).bind(2, v).run();
  audit_append(db, {"tester", 1, "row", std::to_string(k), "create", nullptr, {{"v", v}}});
}
// The same row sent, as the answer writers send theirs (Stmt::send): on PostgreSQL its failure
// shows only when the queue flushes the write.
void insert_sent(Db& db, int64_t k, const std::string& v) {
  db.prepare("INSERT INTO wq_rows(k, v) VALUES (?, ?)").bind(1, k).bind(2, v).send();
}

// Five writes queued while the writer is busy with a first one: they are committed together in
// one transaction, the failing three (an SQL error, a sent write that fails, an exception of the
// caller's code after writing) fail it, and each write runs again alone: each error goes to its
// own caller, the others commit, and the audit chain has every committed row.
TEST(WriteQueue, WritesQueuedTogetherShareATransactionAndFailuresStayTheirOwn) {
  Fixture f;
  WriteQueue q(f.t.path);
  std::latch queued(6);  // every caller, the first included, once its write is queued
  std::atomic<bool> running{false};
  q.on_wait([&] { queued.count_down(); });
  std::thread first([&] {
    q.run([&](Db& db) {
      insert(db, 1, "first");
      running = true;
      queued.wait();  // holds the writer until the five others are queued
    });
  });
  while (!running) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::vector<std::thread> callers;
  std::atomic<int> sql_errors{0}, own_errors{0}, ok{0};
  for (int i = 2; i <= 6; ++i) {
    callers.emplace_back([&, i] {
      try {
        q.run(
            [&, i](Db& db) {
              if (i == 3) {
                insert(db, 30, "rolled back");
                insert(db, 1, "duplicate key");  // the first write's row: a constraint error
              } else if (i == 4) {
                insert(db, i, "write " + std::to_string(i));
                insert_sent(db, 1, "sent duplicate key");  // fails when the write is flushed
              } else if (i == 5) {
                insert(db, 50, "rolled back");
                throw std::invalid_argument("status: not accepted");
              } else {
                insert(db, i, "write " + std::to_string(i));
              }
            },
            "192.0.2." + std::to_string(i));
        ++ok;
      } catch (const DbError&) {
        ++sql_errors;
      } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "status: not accepted");
        ++own_errors;
      }
    });
  }
  first.join();
  for (auto& t : callers) t.join();
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(sql_errors, 2);
  EXPECT_EQ(own_errors, 1);
  auto s = q.stats();
  EXPECT_EQ(s.writes, 6u);
  EXPECT_EQ(s.batches, 2u);  // the first alone, then the five together
  EXPECT_EQ(s.largest_batch, 5u);
  std::vector<std::pair<int64_t, std::string>> want = {
      {1, "first"}, {2, "write 2"}, {6, "write 6"}};
  EXPECT_EQ(f.rows(), want);
  Db db(f.t.path);
  auto v = audit_verify(db);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.rows, 3);  // one per committed row, none of the rolled-back ones
  // Each audit row carries the client of its own write.
  auto st = db.prepare("SELECT entity_id, COALESCE(client, '') FROM audit_log ORDER BY id");
  std::map<std::string, std::string> client;
  while (st.step()) client[st.str(0)] = st.str(1);
  EXPECT_EQ(client["1"], "");
  EXPECT_EQ(client["2"], "192.0.2.2");
  EXPECT_EQ(client["6"], "192.0.2.6");
}

// A write refused by its own checks before it wrote anything (most refusals: bad input) costs
// its neighbours nothing: the batch commits as it is, and no write runs twice. (A failure after
// writing, above, runs the batch again write by write.)
TEST(WriteQueue, AWriteRefusedBeforeWritingLeavesItsBatchAsItIs) {
  Fixture f;
  WriteQueue q(f.t.path);
  std::latch queued(5);
  std::atomic<bool> running{false};
  std::atomic<int> runs{0};
  q.on_wait([&] { queued.count_down(); });
  std::thread first([&] {
    q.run([&](Db& db) {
      insert(db, 1, "first");
      running = true;
      queued.wait();
    });
  });
  while (!running) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::vector<std::thread> callers;
  std::atomic<int> refused{0}, ok{0};
  for (int i = 2; i <= 5; ++i) {
    callers.emplace_back([&, i] {
      try {
        q.run([&, i](Db& db) {
          ++runs;
          // Reads first, as an answer update does, then checks.
          auto st = db.prepare("SELECT count(*) FROM wq_rows");
          st.step();
          if (i == 3) throw std::invalid_argument("maturity: out of range");
          insert_sent(db, i, "write " + std::to_string(i));
          audit_append(db, {"tester", 1, "row", std::to_string(i), "create", nullptr, {}});
        });
        ++ok;
      } catch (const std::invalid_argument&) {
        ++refused;
      }
    });
  }
  first.join();
  for (auto& t : callers) t.join();
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(refused, 1);
  EXPECT_EQ(runs, 4);  // nobody ran again
  EXPECT_EQ(q.stats().largest_batch, 4u);
  std::vector<std::pair<int64_t, std::string>> want = {
      {1, "first"}, {2, "write 2"}, {4, "write 4"}, {5, "write 5"}};
  EXPECT_EQ(f.rows(), want);
  Db db(f.t.path);
  auto v = audit_verify(db);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.rows, 4);
}

// Writes whose reads go ahead (run with reads and a key): a batch sends its writes' reads before
// the first write runs, so two writes of one key never share a batch, and none is lost: each
// read sees the writes of its key before it. Writes of other keys still share.
TEST(WriteQueue, WritesWhoseReadsGoAheadSeeTheWritesOfTheirKeyBeforeThem) {
  Fixture f;
  {
    Db db(f.t.path);
    db.exec("INSERT INTO wq_rows(k, v) VALUES (1, ''), (2, '')");
  }
  WriteQueue q(f.t.path);
  constexpr int kCallers = 8;
  std::latch queued(kCallers + 1);
  std::atomic<bool> running{false};
  q.on_wait([&] { queued.count_down(); });
  std::thread first([&] {
    q.run([&](Db&) {
      running = true;
      queued.wait();  // every caller below is queued behind this
    });
  });
  while (!running) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&, i] {
      int64_t k = 1 + i % 2;
      q.run(
          [&, k](Db& db) {
            std::vector<Stmt> reads;
            reads.push_back(db.prepare("SELECT v FROM wq_rows WHERE k=?"));
            reads.back().bind(1, k).start();
            return reads;
          },
          [&, k](Db& db, std::vector<Stmt>& reads) {
            ASSERT_TRUE(reads.at(0).step());
            std::string v = reads[0].str(0) + "x";
            db.prepare("UPDATE wq_rows SET v=? WHERE k=?").bind(1, v).bind(2, k).send();
          },
          "row " + std::to_string(k));
    });
  }
  first.join();
  for (auto& t : callers) t.join();
  std::vector<std::pair<int64_t, std::string>> want = {{1, "xxxx"}, {2, "xxxx"}};
  EXPECT_EQ(f.rows(), want);  // no write lost
  auto s = q.stats();
  EXPECT_EQ(s.writes, 9u);
  EXPECT_LE(s.largest_batch, 2u);  // at most one write of each key per batch
  EXPECT_GE(s.batches, 5u);        // the first, then four batches at least
}

// A write alone that fails leaves nothing behind, and the queue goes on writing.
TEST(WriteQueue, AFailingWriteAloneIsRolledBackAndTheNextOneCommits) {
  Fixture f;
  WriteQueue q(f.t.path);
  EXPECT_THROW(q.run([](Db& db) {
    insert(db, 7, "gone");
    throw std::runtime_error("no");
  }),
               std::runtime_error);
  q.run([](Db& db) { insert(db, 8, "kept"); });
  std::vector<std::pair<int64_t, std::string>> want = {{8, "kept"}};
  EXPECT_EQ(f.rows(), want);
  Db db(f.t.path);
  EXPECT_TRUE(audit_verify(db).ok);
  EXPECT_EQ(audit_verify(db).rows, 1);
}

// Many callers at once: every write lands exactly once, in fewer transactions than writes when
// they overlap, and the chain verifies.
TEST(WriteQueue, ConcurrentCallersEachLandOnce) {
  Fixture f;
  WriteQueue q(f.t.path);
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::thread> ts;
  for (int t = 0; t < kThreads; ++t)
    ts.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        int64_t k = t * 1000 + i;
        q.run([&](Db& db) { insert(db, k, "v" + std::to_string(k)); });
      }
    });
  for (auto& t : ts) t.join();
  auto rows = f.rows();
  ASSERT_EQ(rows.size(), static_cast<size_t>(kThreads * kEach));
  for (const auto& [k, v] : rows) EXPECT_EQ(v, "v" + std::to_string(k));
  EXPECT_EQ(q.stats().writes, static_cast<size_t>(kThreads * kEach));
  Db db(f.t.path);
  auto v = audit_verify(db);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.rows, kThreads * kEach);
}

// A write that runs a write of its own through the queue (on the writer's thread) joins its
// transaction instead of waiting for itself.
TEST(WriteQueue, AWriteWithinAWriteJoinsItsTransaction) {
  Fixture f;
  WriteQueue q(f.t.path);
  q.run([&](Db& db) {
    insert(db, 1, "outer");
    q.run([](Db& inner) { insert(inner, 2, "inner"); });
  });
  EXPECT_EQ(f.rows().size(), 2u);
}

}  // namespace
}  // namespace anzen::store
