#include "web/accounts.h"

#include <sodium.h>

#include <chrono>
#include <stdexcept>

#include "common/uuid.h"
#include "store/audit.h"

namespace anzen::web {

namespace {
const bool kRegistered = (store::register_migrations({{300, "accounts", R"(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin','assessor','viewer','auditor')),
  password_hash TEXT NOT NULL,
  lang TEXT NOT NULL DEFAULT 'ja',
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  client TEXT NOT NULL,
  at INTEGER NOT NULL,
  success INTEGER NOT NULL
);
CREATE INDEX login_attempts_name ON login_attempts(name, at);
CREATE INDEX login_attempts_client ON login_attempts(client, at);
)"}}),
                           true);

int64_t epoch_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

User read_user(store::Stmt& st) {
  User u;
  u.id = st.i64(0);
  u.org_id = st.i64(1);
  u.name = st.str(2);
  u.role = role_from(st.str(3)).value_or(Role::viewer);
  u.lang = st.str(4);
  return u;
}
constexpr const char* kUserCols = "id, org_id, name, role, lang";
}  // namespace

std::string to_string(Role r) {
  switch (r) {
    case Role::admin:
      return "admin";
    case Role::assessor:
      return "assessor";
    case Role::viewer:
      return "viewer";
    case Role::auditor:
      return "auditor";
  }
  return "viewer";
}

std::optional<Role> role_from(std::string_view s) {
  if (s == "admin") return Role::admin;
  if (s == "assessor") return Role::assessor;
  if (s == "viewer") return Role::viewer;
  if (s == "auditor") return Role::auditor;
  return std::nullopt;
}

bool can_edit(Role r) { return r == Role::admin || r == Role::assessor; }
bool can_admin(Role r) { return r == Role::admin; }
bool can_audit(Role r) { return r == Role::admin || r == Role::auditor; }

std::string hash_password(const std::string& password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(const std::string& encoded, const std::string& password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  char out[64];
  sodium_bin2base64(out, sizeof out, buf, sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

User Accounts::create_user(int64_t org_id, const std::string& name, Role role,
                           const std::string& password, const std::string& actor) {
  (void)kRegistered;
  if (name.empty()) throw std::invalid_argument("user name must not be empty");
  if (password.size() < 8) throw std::invalid_argument("password must have at least 8 characters");
  if (find_user(name)) throw std::invalid_argument("user '" + name + "' already exists");
  std::string hash = hash_password(password);
  User u;
  db_.transaction([&] {
    db_.prepare("INSERT INTO users(org_id, name, role, password_hash, created_at) VALUES (?,?,?,?,?)")
        .bind(1, org_id)
        .bind(2, name)
        .bind(3, to_string(role))
        .bind(4, hash)
        .bind(5, store::now_utc())
        .run();
    u = {db_.last_insert_id(), org_id, name, role, "ja"};
    store::audit_append(db_, {actor, org_id, "user", std::to_string(u.id), "create", nullptr,
                              {{"name", name}, {"role", to_string(role)}}});
  });
  return u;
}

std::optional<User> Accounts::find_user(const std::string& name) {
  auto st = db_.prepare(std::string("SELECT ") + kUserCols + " FROM users WHERE name=? AND disabled=0");
  st.bind(1, name);
  if (!st.step()) return std::nullopt;
  return read_user(st);
}

std::optional<User> Accounts::user_by_id(int64_t id) {
  auto st = db_.prepare(std::string("SELECT ") + kUserCols + " FROM users WHERE id=? AND disabled=0");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_user(st);
}

std::vector<User> Accounts::users_of(int64_t org_id) {
  std::vector<User> out;
  auto st = db_.prepare(std::string("SELECT ") + kUserCols + " FROM users WHERE org_id=? ORDER BY name");
  st.bind(1, org_id);
  while (st.step()) out.push_back(read_user(st));
  return out;
}

void Accounts::set_role(int64_t user_id, Role role, const std::string& actor) {
  auto u = user_by_id(user_id);
  if (!u) throw std::invalid_argument("no such user");
  db_.transaction([&] {
    db_.prepare("UPDATE users SET role=? WHERE id=?").bind(1, to_string(role)).bind(2, user_id).run();
    store::audit_append(db_, {actor, u->org_id, "user", std::to_string(user_id), "update",
                              {{"role", to_string(u->role)}}, {{"role", to_string(role)}}});
  });
}

void Accounts::set_password(int64_t user_id, const std::string& password, const std::string& actor) {
  if (password.size() < 8) throw std::invalid_argument("password must have at least 8 characters");
  auto u = user_by_id(user_id);
  if (!u) throw std::invalid_argument("no such user");
  std::string hash = hash_password(password);
  db_.transaction([&] {
    db_.prepare("UPDATE users SET password_hash=? WHERE id=?").bind(1, hash).bind(2, user_id).run();
    db_.prepare("DELETE FROM sessions WHERE user_id=?").bind(1, user_id).run();
    store::audit_append(db_, {actor, u->org_id, "user", std::to_string(user_id), "password", nullptr,
                              {{"changed", true}}});
  });
}

Accounts::Login Accounts::login(const std::string& name, const std::string& password,
                                const std::string& client) {
  int64_t now = epoch_now();
  auto failures = [&](const char* col, const std::string& v) {
    auto st = db_.prepare(std::string("SELECT count(*), min(at) FROM login_attempts WHERE ") + col +
                          "=? AND success=0 AND at>?");
    st.bind(1, v).bind(2, now - kWindowSeconds);
    st.step();
    return std::make_pair(st.i64(0), st.is_null(1) ? now : st.i64(1));
  };
  auto [by_name, first_name] = failures("name", name);
  auto [by_client, first_client] = failures("client", client);
  if (by_name >= kMaxFailures || by_client >= kMaxFailures * 4) {
    int64_t first = by_name >= kMaxFailures ? first_name : first_client;
    return {LoginResult::throttled, std::nullopt, "", "",
            static_cast<int>(first + kWindowSeconds - now)};
  }
  std::optional<User> user;
  std::string hash;
  {
    auto st = db_.prepare("SELECT id, password_hash FROM users WHERE name=? AND disabled=0");
    st.bind(1, name);
    if (st.step()) {
      hash = st.str(1);
      user = user_by_id(st.i64(0));
    }
  }
  // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
  static const std::string dummy = hash_password("not-a-real-password");
  bool ok = verify_password(hash.empty() ? dummy : hash, password) && user.has_value();
  Login out{ok ? LoginResult::ok : LoginResult::bad_credentials, std::nullopt, "", "", 0};
  db_.transaction([&] {
    db_.prepare("INSERT INTO login_attempts(name, client, at, success) VALUES (?,?,?,?)")
        .bind(1, name)
        .bind(2, client)
        .bind(3, now)
        .bind(4, ok ? 1 : 0)
        .run();
    if (!ok) return;
    out.user = user;
    out.session_token = random_token();
    out.csrf_token = random_token();
    db_.prepare("INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?,?,?,?,?)")
        .bind(1, sha256_hex(out.session_token))
        .bind(2, user->id)
        .bind(3, out.csrf_token)
        .bind(4, now)
        .bind(5, now + kSessionHours * 3600)
        .run();
    db_.prepare("DELETE FROM sessions WHERE expires_at<?").bind(1, now).run();
    store::audit_append(db_, {user->name, user->org_id, "session", user->name, "login", nullptr,
                              {{"client", client}}});
  });
  return out;
}

std::optional<Accounts::Session> Accounts::session(const std::string& raw_token) {
  if (raw_token.empty()) return std::nullopt;
  auto st = db_.prepare("SELECT user_id, csrf_token FROM sessions WHERE token_hash=? AND expires_at>?");
  st.bind(1, sha256_hex(raw_token)).bind(2, epoch_now());
  if (!st.step()) return std::nullopt;
  auto u = user_by_id(st.i64(0));
  if (!u) return std::nullopt;
  return Session{*u, st.str(1)};
}

void Accounts::logout(const std::string& raw_token) {
  db_.prepare("DELETE FROM sessions WHERE token_hash=?").bind(1, sha256_hex(raw_token)).run();
}

std::string Accounts::create_token(int64_t user_id, const std::string& label, const std::string& actor) {
  auto u = user_by_id(user_id);
  if (!u) throw std::invalid_argument("no such user");
  std::string raw = "anz_" + random_token();
  db_.transaction([&] {
    db_.prepare("INSERT INTO api_tokens(user_id, token_hash, label, created_at) VALUES (?,?,?,?)")
        .bind(1, user_id)
        .bind(2, sha256_hex(raw))
        .bind(3, label)
        .bind(4, store::now_utc())
        .run();
    store::audit_append(db_, {actor, u->org_id, "api_token", std::to_string(db_.last_insert_id()),
                              "create", nullptr, {{"user", u->name}, {"label", label}}});
  });
  return raw;
}

std::optional<User> Accounts::user_for_token(const std::string& raw_token) {
  auto st = db_.prepare("SELECT user_id FROM api_tokens WHERE token_hash=?");
  st.bind(1, sha256_hex(raw_token));
  if (!st.step()) return std::nullopt;
  return user_by_id(st.i64(0));
}

}  // namespace anzen::web
