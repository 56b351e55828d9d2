// Inbound integrations: authenticates a delivery, maps each alert by the integration's rules,
// groups alerts of the same service and region into one incident, and ends the incident when
// its alerts resolve. Idempotent: a repeated delivery changes nothing. Incidents are written
// only through incident::Register (one classifier, one timeline).
#pragma once
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "incident/rules.h"
#include "ops/alerts.h"
#include "ops/clock.h"
#include "ops/repo.h"

namespace anzen::ops {

// The caller could not be authenticated (web: 401) or the integration is off (403).
struct AuthError : std::runtime_error {
  int status;
  AuthError(int s, const std::string& m) : std::runtime_error(m), status(s) {}
};

struct IngestResult {
  int received = 0, created = 0, grouped = 0, resolved = 0, unchanged = 0, unmatched = 0;
  std::vector<int64_t> incidents;
  nlohmann::json to_json() const;
};

struct NewIntegration {
  Integration integration;
  std::string token;  // shown once
  std::string url;    // /api/v1/hooks/{id}
};

class IngestService {
 public:
  IngestService(store::Db& db, const std::vector<incident::RuleSet>& rules, const Clock& clock)
      : db_(db), rules_(rules), clock_(clock) {}

  // Validates the rules file (RulesError names the line) and creates the integration with a
  // fresh bearer token (only its hash is kept) and an optional HMAC secret.
  NewIntegration create(int64_t org_id, const std::string& kind, const std::string& name,
                        const std::string& rules_yaml, const std::string& hmac_secret,
                        const std::string& actor);
  // Checks the bearer token and, when the integration has a secret, the body's HMAC-SHA256
  // signature (header "sha256=<hex>"). Throws AuthError.
  Integration authenticate(int64_t id, const std::string& bearer_token,
                           const std::string& signature, const std::string& body);
  // Parses the payload for the integration's kind (PayloadError names the field) and applies
  // it in one transaction.
  IngestResult deliver(const Integration& integ, const nlohmann::json& payload);

 private:
  store::Db& db_;
  const std::vector<incident::RuleSet>& rules_;
  const Clock& clock_;
};

std::string hmac_sha256_hex(const std::string& key, const std::string& data);

}  // namespace anzen::ops
