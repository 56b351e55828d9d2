// Tables of the supplier module (migrations 650-699; 600-649 are the catalog's imported
// frameworks).
#include "store/db.h"

namespace anzen::supplier {
namespace {
const bool kRegistered =
    (store::register_migrations(
         {{650, "suppliers, questionnaires, portal links, shared snapshots", R"(
CREATE TABLE suppliers (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  corporate_number TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  services TEXT NOT NULL DEFAULT '[]',
  contract_start TEXT NOT NULL DEFAULT '',
  contract_end TEXT NOT NULL DEFAULT '',
  criticality TEXT NOT NULL CHECK (criticality IN ('low','medium','high')),
  maker_org_id INTEGER REFERENCES organizations(id),
  created_at TEXT NOT NULL
);
CREATE TABLE questionnaires (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
  template TEXT NOT NULL,
  questions TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sent','in_progress','submitted','returned','accepted','rejected')),
  due TEXT NOT NULL,
  snapshot_id INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX questionnaires_org ON questionnaires(org_id);
CREATE TABLE questionnaire_answers (
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id),
  question_id TEXT NOT NULL,
  status TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  review_comment TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (questionnaire_id, question_id)
);
CREATE TABLE questionnaire_events (
  id INTEGER PRIMARY KEY,
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  question_id TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE portal_links (
  id INTEGER PRIMARY KEY,
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id),
  token_hash TEXT NOT NULL UNIQUE,
  form_secret TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE portal_hits (
  link_id INTEGER NOT NULL REFERENCES portal_links(id),
  minute TEXT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (link_id, minute)
);
CREATE TABLE supplier_snapshots (
  id INTEGER PRIMARY KEY,
  maker_org_id INTEGER NOT NULL REFERENCES organizations(id),
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id),
  version INTEGER NOT NULL,
  doc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (maker_org_id, version)
);
CREATE TABLE snapshot_shares (
  id INTEGER PRIMARY KEY,
  snapshot_id INTEGER NOT NULL REFERENCES supplier_snapshots(id),
  operator_org_id INTEGER NOT NULL REFERENCES organizations(id),
  granted_at TEXT NOT NULL,
  granted_by TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE snapshot_reads (
  id INTEGER PRIMARY KEY,
  share_id INTEGER NOT NULL REFERENCES snapshot_shares(id),
  reader TEXT NOT NULL,
  at TEXT NOT NULL
);
)"}}),
     true);
}  // namespace
// Referenced by the service so the linker keeps this translation unit's registration.
bool schema_registered() { return kRegistered; }
}  // namespace anzen::supplier
