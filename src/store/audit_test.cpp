#include "store/audit.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testing/temp_db.h"

namespace anzen::store {
namespace {

using anzen::testing::TempDb;

// Dropping a trigger is spelled differently by the two engines.
std::string drop_trigger(Db& db, const std::string& name) {
  return "DROP TRIGGER " + name + (db.backend() == Backend::postgres ? " ON audit_log" : "");
}

TEST(Audit, ChainVerifiesAndDetectsAnAlteredRow) {
  TempDb t;
  Db db(t.path);
  db.migrate();
  db.transaction([&] {
    for (int i = 0; i < 5; ++i) {
      audit_append(db, {"alice",
                        1,
                        "answer",
                        "T2-00" + std::to_string(i) + ".1",
                        "update",
                        {{"status", "未実施"}},
                        {{"status", "実施済"}}});
    }
  });
  auto ok = audit_verify(db);
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(ok.rows, 5);

  // The triggers refuse tampering through SQL...
  EXPECT_THROW(db.exec("UPDATE audit_log SET actor='mallory' WHERE id=3"), DbError);
  EXPECT_THROW(db.exec("DELETE FROM audit_log WHERE id=2"), DbError);
  // ...and someone who drops them is still caught by the chain.
  db.exec(drop_trigger(db, "audit_log_no_update"));
  db.exec("UPDATE audit_log SET after_json='{\"status\":\"対象外\"}' WHERE id=3");
  auto bad = audit_verify(db);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.first_broken_id, 3);
}

TEST(Audit, DetectsDeletedRow) {
  TempDb t;
  Db db(t.path);
  db.migrate();
  for (int i = 0; i < 4; ++i)
    audit_append(db, {"bob", std::nullopt, "org", "1", "update", {}, {{"n", i}}});
  db.exec(drop_trigger(db, "audit_log_no_delete"));
  db.exec("DELETE FROM audit_log WHERE id=2");
  auto v = audit_verify(db);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 3);
}

TEST(Db, TransactionRollsBackOnException) {
  TempDb t;
  Db db(t.path);
  db.exec("CREATE TABLE x(v TEXT)");
  EXPECT_THROW(db.transaction([&] {
    db.prepare("INSERT INTO x VALUES (?)").bind(1, "日本語").run();
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  auto st = db.prepare("SELECT count(*) FROM x");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.i64(0), 0);
}

}  // namespace
}  // namespace anzen::store
