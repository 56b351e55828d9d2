// Storage of the industry benchmark (all SQL through store::Db): organisation profiles and
// keys on the operator side; registered submitters, imported submissions and seen nonces on
// the aggregator side. Migrations 700-799.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace anzen::industry {

struct StoredKey {
  std::string owner;          // "org:<id>" or "aggregator"
  std::string public_key;     // base64
  std::string sealed_secret;  // see crypto.h seal()
  std::string created_at;
};

struct Submitter {
  int64_t id = 0;
  std::string name, public_key, created_at;
};

struct StoredSubmission {
  int64_t id = 0;
  int64_t submitter_id = 0;
  std::string period, nonce, created_at, document, imported_at;
};

class IndustryRepo {
 public:
  IndustryRepo(store::Db& db, std::string actor);

  std::optional<std::string> size_band(int64_t org_id);
  void set_size_band(int64_t org_id, const std::string& band);

  std::optional<StoredKey> key(const std::string& owner);
  void put_key(const StoredKey& k);

  Submitter register_submitter(const std::string& name, const std::string& public_key_b64);
  std::optional<Submitter> submitter(int64_t id);
  std::optional<Submitter> submitter_by_key(const std::string& public_key_b64);
  std::vector<Submitter> submitters();

  bool nonce_seen(const std::string& nonce);
  std::optional<StoredSubmission> submission_of(int64_t submitter_id, const std::string& period);
  // Stores (replacing the submitter's earlier one for the period) and records the nonce.
  void store_submission(const StoredSubmission& s);
  std::vector<StoredSubmission> submissions(const std::string& period);

  store::Db& db() { return db_; }
  const std::string& actor() const { return actor_; }

 private:
  store::Db& db_;
  std::string actor_;
};

}  // namespace anzen::industry
