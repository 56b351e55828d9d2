// Append-only, hash-chained audit trail of every change. Each row's hash covers its content
// and the previous row's hash, so altering or deleting any row breaks the chain from there on.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
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

// Appends inside the caller's transaction (call it within Db::transaction).
int64_t audit_append(Db& db, const AuditEntry& e);

struct AuditVerdict {
  bool ok = true;
  int64_t rows = 0;
  std::optional<int64_t> first_broken_id;
  std::string reason;
};
AuditVerdict audit_verify(Db& db);

// Who is acting: set by the CLI (OS user) or the web layer (logged-in user).
std::string default_actor();

}  // namespace anzen::store
