// The industry benchmark's use cases, over the repository, the catalog and a clock given by
// the caller: keys, the submission of an assessment, imports, publication, comparison.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assess/repo.h"
#include "catalog/model.h"
#include "industry/repo.h"
#include "industry/submission.h"

namespace anzen::industry {

// Refused input (exit 2 / HTTP 400): the message names the file and the reason.
class IndustryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct NamedText {
  std::string name;  // file name, for messages
  std::string text;
};

struct Imported {
  std::string file;
  int64_t submitter_id;
  std::string period;
  bool replaced;
};

struct Profile {
  std::string role, size_band;
  std::vector<std::string> services;
};

inline constexpr size_t kMaxSubmissionBytes = 64 * 1024;
inline constexpr size_t kMaxBenchmarkBytes = 16 * 1024 * 1024;

class IndustryService {
 public:
  // `kek`: gives the key-encryption key that seals private keys (kept outside the database;
  // asked only when a private key is made or used);
  // `now`: the current time as ISO 8601 UTC.
  IndustryService(store::Db& db, const catalog::Catalog& cat, std::function<std::string()> kek,
                  std::function<std::string()> now, std::string actor);

  // ---- operator side
  // The organisation's profile for submissions: role from its kind, its services, its size
  // band (stored, else derived from its number of users). Throws IndustryError when incomplete.
  Profile profile(int64_t org_id);
  void set_profile(int64_t org_id, const std::string& size_band,
                   const std::vector<std::string>& services, const std::string& role);
  // The organisation's public key (base64), created on first use.
  std::string keygen(int64_t org_id);
  // Exactly what leaves: the submission of an assessment (unsigned, no nonce yet).
  Submission preview(const assess::Assessment& a, int64_t submitter_id);
  nlohmann::json preview_json(const assess::Assessment& a, int64_t submitter_id);
  // The signed document (a fresh nonce and the current time).
  std::string sign_submission(const assess::Assessment& a, int64_t submitter_id);
  // Own figures of an assessment and of up to four earlier periods of the organisation.
  nlohmann::json compare(const assess::Assessment& a, const std::string& benchmark_text,
                         const std::string& expected_key_b64);

  // ---- aggregator side
  int64_t register_submitter(const std::string& name, const std::string& public_key_b64);
  // All or nothing: every file is verified (canonical form, registered key, signature,
  // framework, period window, nonce, order); the first refusal throws IndustryError and
  // nothing is stored.
  std::vector<Imported> import(const std::vector<NamedText>& files);
  nlohmann::json benchmark(const std::string& period, int k);
  // Synthetic signed submissions (tests and benchmarks only): registers `n` synthetic
  // submitters and returns their documents, signed at `signed_at` (ISO; empty: 60 days into the
  // period, or now when that is later than now).
  std::vector<NamedText> simulate(int n, const std::string& period, uint64_t seed,
                                  std::string signed_at);
  std::string aggregator_public_key();
  std::string sign_as_aggregator(const nlohmann::json& payload);

  IndustryRepo& repo() { return repo_; }

 private:
  store::Db& db_;
  const catalog::Catalog& cat_;
  std::function<std::string()> kek_;
  std::function<std::string()> now_;
  IndustryRepo repo_;
  assess::AssessRepo assess_;
  std::string secret_of(const std::string& owner);
};

// Checks a published benchmark's signature (with its embedded key, and that key against
// `expected_key_b64` when given) and returns its payload. Throws IndustryError.
nlohmann::json open_benchmark(const std::string& text, const std::string& expected_key_b64);

}  // namespace anzen::industry
