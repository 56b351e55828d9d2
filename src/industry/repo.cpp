#include "industry/repo.h"

#include "store/audit.h"

namespace anzen::industry {

namespace {
const bool kRegistered = (store::register_migrations({{700, "industry benchmark", R"(
CREATE TABLE industry_profiles (
  org_id INTEGER PRIMARY KEY REFERENCES organizations(id),
  size_band TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE industry_keys (
  owner TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  sealed_secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE industry_submitters (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  public_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE industry_submissions (
  id INTEGER PRIMARY KEY,
  submitter_id INTEGER NOT NULL REFERENCES industry_submitters(id),
  period TEXT NOT NULL,
  nonce TEXT NOT NULL,
  created_at TEXT NOT NULL,
  document TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (submitter_id, period)
);
CREATE INDEX industry_submissions_period ON industry_submissions(period);
CREATE TABLE industry_nonces (
  nonce TEXT PRIMARY KEY,
  submitter_id INTEGER NOT NULL REFERENCES industry_submitters(id),
  seen_at TEXT NOT NULL
);
)"}}),
                          true);
}  // namespace

IndustryRepo::IndustryRepo(store::Db& db, std::string actor) : db_(db), actor_(std::move(actor)) {
  (void)kRegistered;
}

std::optional<std::string> IndustryRepo::size_band(int64_t org_id) {
  auto st = db_.prepare("SELECT size_band FROM industry_profiles WHERE org_id=?");
  st.bind(1, org_id);
  if (!st.step()) return std::nullopt;
  return st.str(0);
}

void IndustryRepo::set_size_band(int64_t org_id, const std::string& band) {
  db_.transaction([&] {
    auto before = size_band(org_id);
    db_.prepare("DELETE FROM industry_profiles WHERE org_id=?").bind(1, org_id).run();
    db_.prepare("INSERT INTO industry_profiles(org_id, size_band, updated_at) VALUES (?,?,?)")
        .bind(1, org_id)
        .bind(2, band)
        .bind(3, store::now_utc())
        .run();
    store::audit_append(db_, {actor_,
                              org_id,
                              "industry_profile",
                              std::to_string(org_id),
                              "update",
                              before ? nlohmann::json{{"size_band", *before}} : nlohmann::json(),
                              {{"size_band", band}}});
  });
}

std::optional<StoredKey> IndustryRepo::key(const std::string& owner) {
  auto st = db_.prepare(
      "SELECT owner, public_key, sealed_secret, created_at FROM industry_keys WHERE owner=?");
  st.bind(1, owner);
  if (!st.step()) return std::nullopt;
  return StoredKey{st.str(0), st.str(1), st.str(2), st.str(3)};
}

void IndustryRepo::put_key(const StoredKey& k) {
  db_.transaction([&] {
    auto before = key(k.owner);
    db_.prepare("DELETE FROM industry_keys WHERE owner=?").bind(1, k.owner).run();
    db_.prepare(
           "INSERT INTO industry_keys(owner, public_key, sealed_secret, created_at) VALUES "
           "(?,?,?,?)")
        .bind(1, k.owner)
        .bind(2, k.public_key)
        .bind(3, k.sealed_secret)
        .bind(4, k.created_at)
        .run();
    // The audit trail records public keys only.
    store::audit_append(
        db_, {actor_,
              std::nullopt,
              "industry_key",
              k.owner,
              before ? "rotate" : "create",
              before ? nlohmann::json{{"public_key", before->public_key}} : nlohmann::json(),
              {{"public_key", k.public_key}}});
  });
}

Submitter IndustryRepo::register_submitter(const std::string& name,
                                           const std::string& public_key_b64) {
  Submitter s;
  db_.transaction([&] {
    db_.prepare("INSERT INTO industry_submitters(name, public_key, created_at) VALUES (?,?,?)")
        .bind(1, name)
        .bind(2, public_key_b64)
        .bind(3, store::now_utc())
        .run();
    s = *submitter(db_.last_insert_id());
    store::audit_append(db_, {actor_,
                              std::nullopt,
                              "industry_submitter",
                              std::to_string(s.id),
                              "create",
                              nullptr,
                              {{"name", name}, {"public_key", public_key_b64}}});
  });
  return s;
}

std::optional<Submitter> IndustryRepo::submitter(int64_t id) {
  auto st =
      db_.prepare("SELECT id, name, public_key, created_at FROM industry_submitters WHERE id=?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return Submitter{st.i64(0), st.str(1), st.str(2), st.str(3)};
}

std::optional<Submitter> IndustryRepo::submitter_by_key(const std::string& public_key_b64) {
  auto st = db_.prepare(
      "SELECT id, name, public_key, created_at FROM industry_submitters WHERE public_key=?");
  st.bind(1, public_key_b64);
  if (!st.step()) return std::nullopt;
  return Submitter{st.i64(0), st.str(1), st.str(2), st.str(3)};
}

std::vector<Submitter> IndustryRepo::submitters() {
  std::vector<Submitter> out;
  auto st =
      db_.prepare("SELECT id, name, public_key, created_at FROM industry_submitters ORDER BY id");
  while (st.step()) out.push_back({st.i64(0), st.str(1), st.str(2), st.str(3)});
  return out;
}

bool IndustryRepo::nonce_seen(const std::string& nonce) {
  auto st = db_.prepare("SELECT 1 FROM industry_nonces WHERE nonce=?");
  st.bind(1, nonce);
  return st.step();
}

std::optional<StoredSubmission> IndustryRepo::submission_of(int64_t submitter_id,
                                                            const std::string& period) {
  auto st = db_.prepare(
      "SELECT id, submitter_id, period, nonce, created_at, document, imported_at FROM "
      "industry_submissions WHERE submitter_id=? AND period=?");
  st.bind(1, submitter_id).bind(2, period);
  if (!st.step()) return std::nullopt;
  return StoredSubmission{st.i64(0), st.i64(1), st.str(2), st.str(3),
                          st.str(4), st.str(5), st.str(6)};
}

void IndustryRepo::store_submission(const StoredSubmission& s) {
  db_.transaction([&] {
    db_.prepare("DELETE FROM industry_submissions WHERE submitter_id=? AND period=?")
        .bind(1, s.submitter_id)
        .bind(2, s.period)
        .run();
    db_.prepare(
           "INSERT INTO industry_submissions(submitter_id, period, nonce, created_at, document, "
           "imported_at) VALUES (?,?,?,?,?,?)")
        .bind(1, s.submitter_id)
        .bind(2, s.period)
        .bind(3, s.nonce)
        .bind(4, s.created_at)
        .bind(5, s.document)
        .bind(6, s.imported_at)
        .run();
    db_.prepare("INSERT INTO industry_nonces(nonce, submitter_id, seen_at) VALUES (?,?,?)")
        .bind(1, s.nonce)
        .bind(2, s.submitter_id)
        .bind(3, s.imported_at)
        .run();
  });
}

std::vector<StoredSubmission> IndustryRepo::submissions(const std::string& period) {
  std::vector<StoredSubmission> out;
  auto st = db_.prepare(
      "SELECT id, submitter_id, period, nonce, created_at, document, imported_at FROM "
      "industry_submissions WHERE period=? ORDER BY submitter_id");
  st.bind(1, period);
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), st.str(2), st.str(3), st.str(4), st.str(5), st.str(6)});
  return out;
}

}  // namespace anzen::industry
