#include "store/audit.h"

#include <gtest/gtest.h>

#include <sodium.h>

#include <filesystem>
#include <fstream>

#include "testing/temp_db.h"
#include "common/uuid.h"

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

TEST(Audit, KeyedChainContinuesAnOldUnkeyedOne) {
  TempDb t;
  Db db(t.path);
  db.migrate();
  // Rows as the previous version wrote them: plain SHA-256 over the row, no key file.
  std::string prev = "genesis";
  for (int i = 1; i <= 3; ++i) {
    nlohmann::json j = {prev, "2026-01-0" + std::to_string(i) + "T00:00:00Z", "alice", "1", "answer", "q", "update", "", "{}"};
    std::string h = sha256_hex(j.dump());
    db.prepare("INSERT INTO audit_log(id, at, actor, org_id, entity, entity_id, action, before_json, after_json, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, int64_t{i}).bind(2, "2026-01-0" + std::to_string(i) + "T00:00:00Z").bind(3, "alice").bind(4, int64_t{1})
        .bind(5, "answer").bind(6, "q").bind(7, "update").bind(8, std::optional<std::string>()).bind(9, std::string("{}"))
        .bind(10, prev).bind(11, h).run();
    prev = h;
  }
  ASSERT_FALSE(std::filesystem::exists(audit_key_path(db)));
  EXPECT_TRUE(audit_verify(db).ok);
  // The next row creates the key (0600) and is keyed from there on; the whole chain verifies.
  audit_append(db, {"bob", 1, "answer", "q", "update", {}, {{"n", 1}}}, "192.0.2.1");
  ASSERT_TRUE(std::filesystem::exists(audit_key_path(db)));
  EXPECT_EQ(std::filesystem::status(audit_key_path(db)).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto v = audit_verify(db);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.rows, 4);
  EXPECT_EQ(v.keyed_from, 4);
  // Someone without the key recomputes the keyed row as a plain one: detected.
  db.exec(drop_trigger(db, "audit_log_no_update"));
  nlohmann::json forged = {prev, "2026-01-04T00:00:00Z", "mallory", "1", "answer", "q", "update", "", "{}"};
  db.prepare("UPDATE audit_log SET actor='mallory', at='2026-01-04T00:00:00Z', before_json=NULL, after_json='{}', hash=? WHERE id=4")
      .bind(1, sha256_hex(forged.dump())).run();
  auto bad = audit_verify(db);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.first_broken_id, 4);
}

// The keyed rows written before December 2026 MAC the row's fields as a JSON array ("hmac:");
// rows now MAC each field's length and bytes ("hmac2:"). A chain holding both verifies, and an
// altered row of either kind is found.
TEST(Audit, KeyedRowsOfTheFirstFormatStillVerify) {
  TempDb t;
  Db db(t.path);
  db.migrate();
  audit_append(db, {"alice", 1, "answer", "q", "update", {}, {{"n", 1}}});  // creates the key
  std::string prev;
  {
    auto st = db.prepare("SELECT hash FROM audit_log WHERE id=1");
    ASSERT_TRUE(st.step());
    prev = st.str(0);
  }
  EXPECT_EQ(prev.rfind("hmac2:", 0), 0u) << prev;
  std::ifstream in(audit_key_path(db));
  std::string magic, version, word, hexkey;
  in >> magic >> version >> word >> hexkey;
  ASSERT_EQ(word, "key");
  unsigned char key[32];
  ASSERT_EQ(
      sodium_hex2bin(key, sizeof key, hexkey.c_str(), hexkey.size(), nullptr, nullptr, nullptr), 0);
  // Row 2 as the first keyed format wrote it.
  const std::string at = "2026-11-01T00:00:00Z", after = R"({"status":"実施済"})";
  nlohmann::json fields = {2,   prev,     at, "bob", "1",        "answer",
                           "q", "update", "", after, "192.0.2.1"};
  std::string msg = fields.dump();
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state hs;
  crypto_auth_hmacsha256_init(&hs, key, sizeof key);
  crypto_auth_hmacsha256_update(&hs, reinterpret_cast<const unsigned char*>(msg.data()),
                                msg.size());
  crypto_auth_hmacsha256_final(&hs, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  db.prepare(
        "INSERT INTO audit_log(id, at, actor, org_id, entity, entity_id, action, before_json, "
        "after_json, prev_hash, hash, client) VALUES (2,?,'bob',1,'answer','q','update',NULL,?,?,?,"
        "'192.0.2.1')")
      .bind(1, at)
      .bind(2, after)
      .bind(3, prev)
      .bind(4, "hmac:" + std::string(hex))
      .run();
  audit_head_unknown(db);
  audit_append(db, {"carol", 1, "answer", "q", "update", {}, {{"n", 3}}});
  auto v = audit_verify(db);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.rows, 3);
  db.exec(drop_trigger(db, "audit_log_no_update"));
  db.exec("UPDATE audit_log SET actor='mallory' WHERE id=2");
  auto bad = audit_verify(db);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.first_broken_id, 2);
}

TEST(Audit, CheckpointDetectsACutTail) {
  TempDb t;
  Db db(t.path);
  db.migrate();
  for (int i = 0; i < 5; ++i) audit_append(db, {"carol", 1, "org", "1", "update", {}, {{"n", i}}});
  auto cp = audit_checkpoint(db);
  EXPECT_TRUE(audit_verify(db, &cp).ok);
  db.exec(drop_trigger(db, "audit_log_no_delete"));
  db.exec("DELETE FROM audit_log WHERE id>=4");
  EXPECT_TRUE(audit_verify(db).ok);  // a shorter chain is still a chain...
  auto v = audit_verify(db, &cp);    // ...but not the one that was checkpointed
  EXPECT_FALSE(v.ok);
  nlohmann::json forged = cp;
  forged["last_id"] = 3;
  EXPECT_FALSE(audit_verify(db, &forged).ok);  // and the checkpoint cannot be edited without the key
}

TEST(Audit, EnvironmentCannotChooseTheActor) {
  ::setenv("ANZEN_ACTOR", "alice", 1);
  std::string a = default_actor();
  ::unsetenv("ANZEN_ACTOR");
  EXPECT_EQ(a.rfind("cli:", 0), 0u);
  EXPECT_NE(a.find(" as alice"), std::string::npos);
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
