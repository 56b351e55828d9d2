// Users, roles, password hashing (argon2id), sessions with CSRF tokens, personal API tokens and
// login throttling. Everything is stored in the SQLite store (migrations 300-399).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace anzen::web {

enum class Role { admin, assessor, viewer, auditor };
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
  explicit Accounts(store::Db& db) : db_(db) {}

  // Throws std::invalid_argument for an empty/duplicate name or a password under 8 characters.
  User create_user(int64_t org_id, const std::string& name, Role role, const std::string& password,
                   const std::string& actor);
  std::optional<User> find_user(const std::string& name);
  std::optional<User> user_by_id(int64_t id);
  std::vector<User> users_of(int64_t org_id);
  void set_role(int64_t user_id, Role role, const std::string& actor);
  void set_password(int64_t user_id, const std::string& password, const std::string& actor);

  enum class LoginResult { ok, bad_credentials, throttled };
  struct Login {
    LoginResult result;
    std::optional<User> user;
    std::string session_token;  // raw token for the cookie; only its hash is stored
    std::string csrf_token;
    int retry_after_seconds = 0;
  };
  // Failed attempts are counted per user name and per client address; after too many in the
  // window, further attempts are refused (even with the right password) until it passes.
  Login login(const std::string& name, const std::string& password, const std::string& client);

  struct Session {
    User user;
    std::string csrf_token;
  };
  std::optional<Session> session(const std::string& raw_token);
  void logout(const std::string& raw_token);

  // Personal API tokens: the raw token is shown once; only its SHA-256 is stored.
  std::string create_token(int64_t user_id, const std::string& label, const std::string& actor);
  std::optional<User> user_for_token(const std::string& raw_token);

  static constexpr int kMaxFailures = 5;
  static constexpr int kWindowSeconds = 15 * 60;
  static constexpr int kSessionHours = 12;

 private:
  store::Db& db_;
};

// Random URL-safe token of 32 bytes.
std::string random_token();

}  // namespace anzen::web
