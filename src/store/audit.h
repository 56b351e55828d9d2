// Append-only, hash-chained audit trail of every change and security event. Each row's hash
// covers its content and the previous row's hash, so altering or deleting any row breaks the
// chain from there on. The chain is keyed: rows carry an HMAC-SHA-256 with a key kept outside the
// database (a 0600 file beside it, or $ANZEN_AUDIT_KEY), so someone who can write the database
// but not read the key cannot recompute it. Rows written before the key existed keep their plain
// SHA-256 (the key file records the first keyed row). A signed checkpoint of the head detects a
// cut tail.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

#include "store/db.h"

namespace anzen::store {

struct AuditEntry {
  std::string actor;        // user name, "cli:<os user>" or "system"
  std::optional<int64_t> org_id;
  std::string entity;       // assessment, answer, incident, risk, user, ...
  std::string entity_id;
  std::string action;       // create, update, delete, import, login, ...
  nlohmann::json before;    // null when created
  nlohmann::json after;     // null when deleted
};

// Appends inside the caller's transaction (call it within Db::transaction). `client` is the
// address of the web client the event came from (empty from the command line).
int64_t audit_append(Db& db, const AuditEntry& e, const std::string& client = "");
// Appends several entries in order, chained as if appended one by one (same transaction, same
// time stamp), with multi-row INSERTs: a sheet import audits every answer it changes. Returns
// the id of the last row (0 when `entries` is empty).
int64_t audit_append_all(Db& db, std::span<const AuditEntry> entries,
                         const std::string& client = "");

// After a savepoint of the current transaction was rolled back: the chain's head this connection
// remembers from its last append may be gone, so the next append reads it again.
void audit_head_unknown(Db& db);

struct AuditVerdict {
  bool ok = true;
  int64_t rows = 0;
  std::optional<int64_t> first_broken_id;
  std::string reason;
  std::optional<int64_t> keyed_from;  // first HMAC-keyed row
};
// Verifies the chain; with a checkpoint (JSON from audit_checkpoint), also that the checkpointed
// head is still there unchanged (a cut tail or a rewritten chain fails).
AuditVerdict audit_verify(Db& db, const nlohmann::json* checkpoint = nullptr);

// The signed head of the chain: last id, its hash, the row count and an HMAC over them.
nlohmann::json audit_checkpoint(Db& db);

// Where the audit key of `db` is kept: $ANZEN_AUDIT_KEY, else "<database file>.audit-key";
// empty for a database that is not a file when the variable is unset (the chain stays unkeyed).
std::string audit_key_path(const Db& db);
// Copies a key file (0600) when `from` exists and `to` does not: backups carry their key.
void copy_audit_key(const std::string& from, const std::string& to);

// Who is acting on the command line: the operating-system user ("cli:<name>"). ANZEN_ACTOR
// only adds a label ("cli:<name> as <label>"): it cannot make a row look written by someone else.
std::string default_actor();

}  // namespace anzen::store
