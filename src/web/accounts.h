// Users, roles, password hashing (argon2id), sessions with CSRF tokens, personal API tokens and
// login throttling. Everything is stored in the store (migrations 300-399). The accounts service
// receives its storage and its clock (session and token expiry, login delays) explicitly: the
// CLI and the server hand it theirs.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/random_token.h"
#include "store/db.h"

namespace anzen::web {

// `supplier`: a user of a supplier's organisation who sees and answers only the questionnaires
// addressed to it (web/supplier_role.h keeps it to those pages; everything else is 404).
enum class Role { admin, assessor, viewer, auditor, supplier };
std::string to_string(Role r);
std::optional<Role> role_from(std::string_view s);
// What a role may do. Viewers and auditors read; assessors also change assessments, risks and
// incidents; admins also manage users of their organisation.
bool can_edit(Role r);
bool can_admin(Role r);
bool can_audit(Role r);

struct User {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string name;
  Role role = Role::viewer;
  std::string lang = "ja";
};

// argon2id (libsodium crypto_pwhash_str, interactive limits): salt and parameters are in the
// encoded string.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& encoded, const std::string& password);

class Accounts {
 public:
  // `common_passwords`: what the password policy refuses (app::Catalogs::common_passwords()).
  Accounts(store::Db& db, const std::set<std::string>& common_passwords, const Clock& clock)
      : db_(db), common_passwords_(common_passwords), clock_(clock) {}

  // Throws std::invalid_argument for an empty/duplicate name or a password the policy refuses.
  User create_user(int64_t org_id, const std::string& name, Role role, const std::string& password,
                   const std::string& actor);
  std::optional<User> find_user(const std::string& name);
  std::optional<User> user_by_id(int64_t id);
  std::vector<User> users_of(int64_t org_id);
  void set_role(int64_t user_id, Role role, const std::string& actor);
  void set_password(int64_t user_id, const std::string& password, const std::string& actor);
  // Any user, also a disabled one.
  std::optional<User> user_any(const std::string& name);
  bool is_disabled(int64_t user_id);
  // Disabling ends the user's sessions; their tokens stop working at once (every request checks).
  void set_disabled(int64_t user_id, bool disabled, const std::string& actor);
  // Removes the user, their sessions and tokens; the audit trail keeps their name.
  void delete_user(int64_t user_id, const std::string& actor);

  enum class LoginResult { ok, bad_credentials, throttled };
  struct Login {
    LoginResult result;
    std::optional<User> user;
    std::string session_token;  // raw token for the cookie; only its hash is stored
    std::string csrf_token;
    int retry_after_seconds = 0;
  };
  // Throttling, never a lockout: failures are counted per (user name, client address), per
  // client address and per user name across all clients; past a few, the next attempt from that
  // pair (or client, or at that name) must wait a delay that doubles with every failure (capped;
  // the name's own delay at kMaxAccountDelaySeconds, so its owner can always wait it out).
  // Another client with the right password is not affected by the pair's and the client's delays.
  // The state is in the database, so several server processes share it. Failed and throttled
  // attempts are audited with the client address.
  Login login(const std::string& name, const std::string& password, const std::string& client);
  // Seconds the pair must still wait (0 = may try now); `scope` (when given) says which count
  // imposed it: name_and_client, client or account.
  int throttle_wait(const std::string& name, const std::string& client, int64_t now,
                    std::string* scope = nullptr);

  struct Session {
    User user;
    std::string csrf_token;
  };
  // One query for the session and its (enabled) user: a disabled user's sessions stop at once,
  // on every server, because nothing of them is cached.
  std::optional<Session> session(const std::string& raw_token);
  void logout(const std::string& raw_token, const std::string& client = "");

  // Personal API tokens: the raw token is shown once; only its SHA-256 is stored. Tokens expire
  // (default kTokenDays) and record when they were last used (at most once a minute).
  std::string create_token(int64_t user_id, const std::string& label, const std::string& actor,
                           int days = kTokenDays);
  std::optional<User> user_for_token(const std::string& raw_token);
  struct TokenInfo {
    int64_t id = 0;
    std::string user, label, created_at, expires_at, last_used_at, revoked_at;
    int64_t org_id = 0;
  };
  // Tokens of an organisation (all when org_id is 0), newest first.
  std::vector<TokenInfo> tokens(int64_t org_id);
  // Revokes a token of `org_id` (any organisation when 0); false when there is none.
  bool revoke_token(int64_t token_id, int64_t org_id, const std::string& actor);

  static constexpr int kFreeFailures = 3;         // per (name, client) before delays start
  static constexpr int kFreeClientFailures = 20;  // per client, any name
  static constexpr int kFirstDelaySeconds = 5;    // then 10, 20, 40 ... per further failure
  static constexpr int kMaxDelaySeconds = 15 * 60;
  static constexpr int kFreeAccountFailures = 10;  // per name, all clients together
  static constexpr int kMaxAccountDelaySeconds = 60;
  static constexpr int kSessionHours = 12;
  static constexpr int kTokenDays = 90;

 private:
  // The clock's time as stored in the token columns (ISO 8601 UTC), `seconds` from now.
  std::string iso_after(int64_t seconds) const;
  store::Db& db_;
  const std::set<std::string>& common_passwords_;
  const Clock& clock_;
};

// The password policy: 10 to 256 characters (counted as characters, not bytes), not the user
// name with only digits or symbols around it, not one of `common` (the most common passwords,
// rules/common-passwords.txt). Throws std::invalid_argument saying which rule failed.
void check_password_policy(const std::string& password, const std::string& user_name,
                           const std::set<std::string>& common);

// Tokens come from common (ops and the supplier portal use them too).
using anzen::random_token;

}  // namespace anzen::web
