#include "store/audit.h"

#include <unistd.h>

#include <cstdlib>

#include "common/uuid.h"
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
const bool kRegistered =
    (register_migrations({{1, "audit trail", std::string(kAuditTable) + kSqliteGuards,
                           pg::ddl(kAuditTable) + kPostgresGuards}}),
     true);

std::string row_hash(const std::string& prev, const std::string& at, const std::string& actor,
                     const std::string& org, const std::string& entity, const std::string& eid,
                     const std::string& action, const std::string& before,
                     const std::string& after) {
  nlohmann::json j = {prev, at, actor, org, entity, eid, action, before, after};
  return sha256_hex(j.dump());
}
// Runs inside the write transaction, so no other append comes between reading the last row
// and inserting after it.
int64_t append_locked(Db& db, const AuditEntry& e) {
  std::string prev = "genesis";
  int64_t id = 1;
  // The id is the previous one plus one, set here rather than generated: the chain's check for
  // deleted rows relies on ids without gaps, and PostgreSQL sequences skip values on rollback.
  // Writers are serialised (Db::transaction), so no other append can come in between.
  {
    auto st = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (st.step()) {
      id = st.i64(0) + 1;
      prev = st.str(1);
    }
  }
  std::string at = now_utc();
  std::string org = e.org_id ? std::to_string(*e.org_id) : "";
  std::string before = e.before.is_null() ? "" : e.before.dump();
  std::string after = e.after.is_null() ? "" : e.after.dump();
  std::string h = row_hash(prev, at, e.actor, org, e.entity, e.entity_id, e.action, before, after);
  db.prepare(
        "INSERT INTO audit_log(at, actor, org_id, entity, entity_id, action, before_json, "
        "after_json, prev_hash, hash, id) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
      .bind(1, at)
      .bind(2, e.actor)
      .bind(3, e.org_id)
      .bind(4, e.entity)
      .bind(5, e.entity_id)
      .bind(6, e.action)
      .bind(7, e.before.is_null() ? std::optional<std::string>() : before)
      .bind(8, e.after.is_null() ? std::optional<std::string>() : after)
      .bind(9, prev)
      .bind(10, h)
      .bind(11, id)
      .run();
  return id;
}
}  // namespace

std::string default_actor() {
  if (const char* u = std::getenv("ANZEN_ACTOR"); u && *u) return u;
  if (const char* u = std::getenv("USER"); u && *u) return std::string("cli:") + u;
  return "cli:uid" + std::to_string(::getuid());
}

int64_t audit_append(Db& db, const AuditEntry& e) {
  (void)kRegistered;
  int64_t appended = 0;
  db.transaction([&] { appended = append_locked(db, e); });
  return appended;
}

AuditVerdict audit_verify(Db& db) {
  AuditVerdict v;
  std::string prev = "genesis";
  auto st = db.prepare(
      "SELECT id, at, actor, org_id, entity, entity_id, action, before_json, after_json, "
      "prev_hash, hash FROM audit_log ORDER BY id");
  int64_t expected_id = 0;
  while (st.step()) {
    ++v.rows;
    int64_t id = st.i64(0);
    std::string org = st.is_null(3) ? "" : std::to_string(st.i64(3));
    std::string h = row_hash(prev, st.str(1), st.str(2), org, st.str(4), st.str(5), st.str(6),
                             st.str(7), st.str(8));
    std::string why;
    if (expected_id && id != expected_id + 1)
      why = "row(s) before id " + std::to_string(id) + " were deleted";
    else if (st.str(9) != prev)
      why = "prev_hash does not match the previous row";
    else if (st.str(10) != h)
      why = "content does not match its hash (row altered)";
    if (!why.empty()) {
      v.ok = false;
      v.first_broken_id = id;
      v.reason = why;
      return v;
    }
    prev = st.str(10);
    expected_id = id;
  }
  return v;
}

}  // namespace anzen::store
