#include "store/audit.h"

#include <pwd.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "common/uuid.h"
#include "store/audit_client.h"
#include "store/backend.h"
#include "store/key_file.h"
#include "store/postgres/dialect.h"

namespace anzen::store {

namespace {
constexpr const char* kAuditTable = R"(
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  org_id INTEGER,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
)";
// Append-only: the database itself refuses updates and deletes (triggers differ per engine).
constexpr const char* kSqliteGuards = R"(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)";
constexpr const char* kPostgresGuards = R"(
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
)";
// Migration 2 records the client address and indexes rows per organisation (the /audit pages).
constexpr const char* kClientColumn = R"(
ALTER TABLE audit_log ADD COLUMN client TEXT;
CREATE INDEX audit_log_org ON audit_log(org_id, id);
)";
const bool kRegistered =
    (register_migrations({{1, "audit trail", std::string(kAuditTable) + kSqliteGuards,
                           pg::ddl(kAuditTable) + kPostgresGuards},
                          {2, "audit client address", kClientColumn}}),
     true);

struct AuditKey {
  std::string key;  // 32 raw bytes
  int64_t from = 0; // first keyed row id
  ino_t inode = 0;  // of the file it was read from: a replaced or removed file is read again
};

std::string hex(const unsigned char* p, size_t n) {
  std::string out(n * 2, '0');
  sodium_bin2hex(out.data(), out.size() + 1, p, n);
  return out;
}

std::string hmac_hex(const std::string& key, const std::string& msg) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(msg.data()), msg.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return hex(mac, sizeof mac);
}

std::optional<AuditKey> read_key(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::string magic, version, word, hexkey;
  AuditKey k;
  in >> magic >> version >> word >> hexkey;
  if (magic != "anzen-audit-key" || word != "key" || hexkey.size() != 64) throw std::runtime_error(path + ": not an audit key file");
  in >> word >> k.from;
  if (word != "from" || !in) throw std::runtime_error(path + ": not an audit key file");
  k.key.resize(32);
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(k.key.data()), 32, hexkey.c_str(), hexkey.size(), nullptr, &len, nullptr) != 0 || len != 32)
    throw std::runtime_error(path + ": not an audit key file");
  return k;
}

// The key of `db`, created (0600, exclusively) on first use with `from` = the next row id.
std::optional<AuditKey> key_for(Db& db, bool create) {
  static std::mutex mu;
  static std::map<std::string, AuditKey> cache;
  std::string path = audit_key_path(db);
  if (path.empty()) return std::nullopt;
  std::lock_guard lock(mu);
  struct stat sb {};
  bool exists = ::stat(path.c_str(), &sb) == 0;
  if (auto it = cache.find(path); it != cache.end()) {
    if (exists && it->second.inode == sb.st_ino) return it->second;
    cache.erase(it);
  }
  auto k = read_key(path);
  if (!k && create) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    int64_t next = 1;
    {
      auto st = db.prepare("SELECT COALESCE(max(id), 0) FROM audit_log");
      if (st.step()) next = st.i64(0) + 1;
    }
    std::string text = "anzen-audit-key 1\nkey " + hex(raw, sizeof raw) + "\nfrom " + std::to_string(next) + "\n";
    if (!create_private_file(path, text) && errno != EEXIST) {
      throw std::runtime_error(path + ": cannot create the audit key");
    }
    k = read_key(path);  // ours, or the one another process created first
    if (::stat(path.c_str(), &sb) != 0) return k;
  }
  if (k) {
    k->inode = sb.st_ino;
    cache[path] = *k;
  }
  return k;
}

// Keyed rows: "hmac:" rows (until December 2026) MAC the fields as a JSON array; "hmac2:" rows
// MAC each field as its length and bytes, which needs no copy or escaping of the before/after
// JSON (a sheet import's row holds every answer). Both verify; new rows are "hmac2:".
constexpr std::string_view kKeyedPrefix = "hmac:";
constexpr std::string_view kKeyedPrefix2 = "hmac2:";

std::string keyed_hash_v1(const AuditKey& k, int64_t id, const std::string& prev,
                          const std::string& at, const std::string& actor, const std::string& org,
                          const std::string& entity, const std::string& eid,
                          const std::string& action, const std::string& before,
                          const std::string& after, const std::string& client) {
  nlohmann::json j = {id, prev, at, actor, org, entity, eid, action, before, after, client};
  return std::string(kKeyedPrefix) + hmac_hex(k.key, j.dump());
}

std::string keyed_hash(const AuditKey& k, int64_t id, const std::string& prev, const std::string& at,
                       const std::string& actor, const std::string& org, const std::string& entity,
                       const std::string& eid, const std::string& action, const std::string& before,
                       const std::string& after, const std::string& client) {
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(k.key.data()),
                              k.key.size());
  auto field = [&](std::string_view v) {
    // The length first (8 bytes, little-endian), so that no two field lists run together.
    unsigned char len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(uint64_t{v.size()} >> (8 * i));
    crypto_auth_hmacsha256_update(&st, len, sizeof len);
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(v.data()), v.size());
  };
  field("anzen-audit-row/2");
  std::string id_text = std::to_string(id);
  for (std::string_view v :
       {std::string_view(id_text), std::string_view(prev), std::string_view(at),
        std::string_view(actor), std::string_view(org), std::string_view(entity),
        std::string_view(eid), std::string_view(action), std::string_view(before),
        std::string_view(after), std::string_view(client)})
    field(v);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&st, mac);
  return std::string(kKeyedPrefix2) + hex(mac, sizeof mac);
}

std::string row_hash(const std::string& prev, const std::string& at, const std::string& actor,
                     const std::string& org, const std::string& entity, const std::string& eid,
                     const std::string& action, const std::string& before,
                     const std::string& after) {
  nlohmann::json j = {prev, at, actor, org, entity, eid, action, before, after};
  return sha256_hex(j.dump());
}
}  // namespace

std::string audit_key_path(const Db& db) {
  if (const char* p = std::getenv("ANZEN_AUDIT_KEY"); p && *p) return p;
  return key_file_for(db.path(), ".audit-key");
}

void copy_audit_key(const std::string& from, const std::string& to) {
  if (from.empty() || to.empty() || from == to) return;
  std::ifstream in(from, std::ios::binary);
  if (!in) return;
  std::string text((std::istreambuf_iterator<char>(in)), {});
  create_private_file(to, text);  // false: already there
}

std::string default_actor() {
  // The operating system says who runs the command; the environment cannot override it.
  std::string who;
  if (passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) who = pw->pw_name;
  else who = "uid" + std::to_string(::getuid());
  std::string actor = "cli:" + who;
  if (const char* label = std::getenv("ANZEN_ACTOR"); label && *label && std::string(label) != actor)
    actor += " as " + std::string(label).substr(0, 64);
  return actor;
}

void set_audit_client(Db& db, std::string client) {
  db.connection().audit_client = std::move(client);
}
const std::string& audit_client(Db& db) { return db.connection().audit_client; }

int64_t audit_append(Db& db, const AuditEntry& e, const std::string& client) {
  return audit_append_all(db, {&e, 1}, client);
}

namespace {
// Rows per multi-row INSERT: well under both engines' limits on bound parameters.
constexpr size_t kAuditRowsPerInsert = 64;

std::string audit_insert_sql(size_t rows, bool with_client) {
  std::string sql =
      with_client
          ? "INSERT INTO audit_log(id, at, actor, org_id, entity, entity_id, action, before_json, "
            "after_json, prev_hash, hash, client) VALUES "
          : "INSERT INTO audit_log(id, at, actor, org_id, entity, entity_id, action, before_json, "
            "after_json, prev_hash, hash) VALUES ";
  for (size_t r = 0; r < rows; ++r)
    sql += (r ? ",(" : "(") +
           std::string(with_client ? "?,?,?,?,?,?,?,?,?,?,?,?)" : "?,?,?,?,?,?,?,?,?,?,?)");
  return sql;
}
}  // namespace

int64_t audit_append_all(Db& db, std::span<const AuditEntry> entries, const std::string& explicit_client) {
  (void)kRegistered;
  // Without a client named here, the client of the web request the connection serves.
  const std::string& client = explicit_client.empty() ? audit_client(db) : explicit_client;
  int64_t appended = 0;
  if (entries.empty()) return appended;
  // Inside the write transaction: no other append comes between reading the last row and
  // inserting after it (ids stay without gaps; PostgreSQL sequences would skip on rollback).
  db.transaction([&] {
    // The last row gives both the previous hash and the next id (one round trip); the rows of
    // a batch chain in memory and go in with multi-row INSERTs.
    // Appends earlier in this transaction left the head in the connection (the write lock is
    // held: nobody else appended since).
    std::string prev = "genesis";
    int64_t id = 1;
    auto& head = db.connection().audit_head;
    if (head) {
      id = head->first + 1;
      prev = head->second;
    } else {
      auto st = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
      if (st.step()) {
        id = st.i64(0) + 1;
        prev = st.str(1);
      }
    }
    std::string at = now_utc();
    auto key = key_for(db, true);
    // Without a client the column is left out, so appending also works on a schema that predates
    // it (migration 2), as during an upgrade.
    const bool with_client = !client.empty();
    const int cols = with_client ? 12 : 11;
    for (size_t done = 0; done < entries.size();) {
      size_t n = std::min(kAuditRowsPerInsert, entries.size() - done);
      auto st = db.prepare(audit_insert_sql(n, with_client));
      for (size_t r = 0; r < n; ++r, ++id) {
        const AuditEntry& e = entries[done + r];
        std::string org = e.org_id ? std::to_string(*e.org_id) : "";
        std::string before = e.before.is_null() ? "" : e.before.dump();
        std::string after = e.after.is_null() ? "" : e.after.dump();
        std::string h =
            key && id >= key->from
                ? keyed_hash(*key, id, prev, at, e.actor, org, e.entity, e.entity_id, e.action,
                             before, after, client)
                : row_hash(prev, at, e.actor, org, e.entity, e.entity_id, e.action, before, after);
        int b = static_cast<int>(r) * cols;
        st.bind(b + 1, id)
            .bind(b + 2, at)
            .bind(b + 3, e.actor)
            .bind(b + 4, e.org_id)
            .bind(b + 5, e.entity)
            .bind(b + 6, e.entity_id)
            .bind(b + 7, e.action)
            .bind(b + 8, e.before.is_null() ? std::optional<std::string>() : before)
            .bind(b + 9, e.after.is_null() ? std::optional<std::string>() : after)
            .bind(b + 10, prev)
            .bind(b + 11, h);
        if (with_client) st.bind(b + 12, client);
        prev = std::move(h);
        appended = id;
      }
      head.reset();  // until the rows are in
      st.send();     // a failure fails the transaction (Stmt::send), which forgets the head
      done += n;
      head.emplace(appended, prev);
    }
  });
  return appended;
}

void audit_head_unknown(Db& db) { db.connection().audit_head.reset(); }

AuditVerdict audit_verify(Db& db, const nlohmann::json* checkpoint) {
  AuditVerdict v;
  std::optional<AuditKey> key;
  try {
    key = key_for(db, false);
  } catch (const std::exception& e) {
    v.ok = false;
    v.reason = e.what();
    return v;
  }
  if (key) v.keyed_from = key->from;
  std::string prev = "genesis";
  auto st = db.prepare(
      "SELECT id, at, actor, org_id, entity, entity_id, action, before_json, after_json, "
      "prev_hash, hash, client FROM audit_log ORDER BY id");
  int64_t expected_id = 0;
  std::map<int64_t, std::string> seen_head;  // only the checkpointed row is kept
  int64_t cp_id = checkpoint ? checkpoint->value("last_id", int64_t{0}) : 0;
  auto fail = [&](std::optional<int64_t> id, std::string why) {
    v.ok = false;
    v.first_broken_id = id;
    v.reason = std::move(why);
    return v;
  };
  while (st.step()) {
    ++v.rows;
    int64_t id = st.i64(0);
    std::string org = st.is_null(3) ? "" : std::to_string(st.i64(3));
    std::string stored = st.str(10);
    bool keyed_v1 = stored.rfind(kKeyedPrefix, 0) == 0;
    bool keyed_row = keyed_v1 || stored.rfind(kKeyedPrefix2, 0) == 0;
    if (keyed_row && !key) return fail(id, "keyed rows but the audit key (" + audit_key_path(db) + ") is missing");
    if (key && id >= key->from && !keyed_row) return fail(id, "row is not keyed although the key covers it (chain rewritten)");
    auto keyed = keyed_v1 ? keyed_hash_v1 : keyed_hash;
    std::string h = keyed_row ? keyed(*key, id, prev, st.str(1), st.str(2), org, st.str(4),
                                      st.str(5), st.str(6), st.str(7), st.str(8), st.str(11))
                              : row_hash(prev, st.str(1), st.str(2), org, st.str(4), st.str(5),
                                         st.str(6), st.str(7), st.str(8));
    if (expected_id && id != expected_id + 1) return fail(id, "row(s) before id " + std::to_string(id) + " were deleted");
    if (st.str(9) != prev) return fail(id, "prev_hash does not match the previous row");
    if (stored != h) return fail(id, "content does not match its hash (row altered)");
    if (id == cp_id) seen_head[id] = stored;
    prev = stored;
    expected_id = id;
  }
  if (key && expected_id < key->from - 1) return fail(std::nullopt, "rows the audit key covers were deleted (tail cut)");
  if (checkpoint) {
    if (!key) return fail(std::nullopt, "a checkpoint needs the audit key");
    nlohmann::json body = *checkpoint;
    std::string mac = body.value("mac", "");
    body.erase("mac");
    if (hmac_hex(key->key, body.dump()) != mac) return fail(std::nullopt, "checkpoint signature does not match the key");
    auto it = seen_head.find(cp_id);
    if (it == seen_head.end()) return fail(std::nullopt, "checkpointed row " + std::to_string(cp_id) + " is gone (tail cut)");
    if (it->second != body.value("last_hash", "")) return fail(cp_id, "checkpointed row differs (chain rewritten)");
    if (v.rows < body.value("rows", int64_t{0})) return fail(std::nullopt, "fewer rows than at the checkpoint");
  }
  return v;
}

nlohmann::json audit_checkpoint(Db& db) {
  auto key = key_for(db, true);
  if (!key) throw std::runtime_error("no audit key for this database: set ANZEN_AUDIT_KEY");
  nlohmann::json body = {{"format", "anzen-audit-checkpoint/1"}, {"at", now_utc()}, {"last_id", 0}, {"last_hash", "genesis"}, {"rows", 0}};
  {
    auto st = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (st.step()) {
      body["last_id"] = st.i64(0);
      body["last_hash"] = st.str(1);
    }
    auto cnt = db.prepare("SELECT count(*) FROM audit_log");
    cnt.step();
    body["rows"] = cnt.i64(0);
  }
  body["mac"] = hmac_hex(key->key, body.dump());
  return body;
}

}  // namespace anzen::store
