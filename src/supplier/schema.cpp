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
)"},
          // The supplier role narrows a user to the questionnaires addressed to its organisation.
          // It is a flag beside users.role: widening the CHECK of migration 300 needs a table
          // rebuild on SQLite, which would reorder the tables a database copy relies on.
          {660, "supplier role, recurrence, asset and risk links, contracts, answer evidence", R"(
ALTER TABLE users ADD COLUMN supplier_role INTEGER NOT NULL DEFAULT 0;
ALTER TABLE suppliers ADD COLUMN reassess_months INTEGER NOT NULL DEFAULT 12;
CREATE TABLE supplier_assets (
  supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
  asset_id INTEGER NOT NULL REFERENCES assets(id),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (supplier_id, asset_id)
);
CREATE TABLE supplier_risks (
  supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
  risk_id INTEGER NOT NULL REFERENCES risks(id),
  questionnaire_id INTEGER REFERENCES questionnaires(id),
  question_id TEXT NOT NULL DEFAULT '',
  plan_item_id INTEGER REFERENCES plan_items(id),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (supplier_id, risk_id)
);
CREATE TABLE supplier_contracts (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
  title TEXT NOT NULL,
  signed_on TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL DEFAULT '',
  ends_on TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE TABLE contract_clauses (
  contract_id INTEGER NOT NULL REFERENCES supplier_contracts(id),
  item_id TEXT NOT NULL,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (contract_id, item_id)
);
CREATE TABLE answer_evidence (
  id INTEGER PRIMARY KEY,
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id),
  question_id TEXT NOT NULL,
  filename TEXT NOT NULL,
  mime TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  content BLOB NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL
);
)"},
          // Existing free-text supplier names of assets become links where a supplier of the
          // same organisation has exactly that name; the text stays in the asset either way.
          {661, "asset supplier names linked by exact match", R"(
INSERT INTO supplier_assets(supplier_id, asset_id, linked_at)
SELECT DISTINCT s.id, a.id, a.created_at FROM assets a, json_each(a.doc, '$.suppliers') j
JOIN suppliers s ON s.org_id = a.org_id AND s.name = j.value;
)",
           R"(
INSERT INTO supplier_assets(supplier_id, asset_id, linked_at)
SELECT DISTINCT s.id, a.id, a.created_at FROM assets a
CROSS JOIN LATERAL jsonb_array_elements_text((a.doc::jsonb) -> 'suppliers') AS j(v)
JOIN suppliers s ON s.org_id = a.org_id AND s.name = j.v;
)"}}),
     true);
}  // namespace
// Referenced by the service so the linker keeps this translation unit's registration.
bool schema_registered() { return kRegistered; }
}  // namespace anzen::supplier
