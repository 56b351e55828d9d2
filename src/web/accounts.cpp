#include "web/accounts.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <set>
#include <stdexcept>

#include "common/invalid.h"
#include "common/uuid.h"
#include "store/audit.h"

namespace anzen::web {

namespace {
// A user id that names no account (another process removed it, or a caller's mistake).
Invalid no_such_user() {
  return Invalid("user", "そのユーザーはいません。", "There is no such user.", "not_found",
                 "no such user");
}
}  // namespace

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
)"},
                                                      {301, "account lifecycle", R"(
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN revoked_at TEXT;
CREATE INDEX login_attempts_pair ON login_attempts(name, client, at);
)"}}),
                           true);

User read_user(store::Stmt& st) {
  User u;
  u.id = st.i64(0);
  u.org_id = st.i64(1);
  u.name = st.str(2);
  u.role = st.i64(5) ? Role::supplier : role_from(st.str(3)).value_or(Role::viewer);
  u.lang = st.str(4);
  return u;
}
// The supplier role is the flag users.supplier_role (migration 660) with role 'viewer' beside it:
// the CHECK on users.role predates it.
constexpr const char* kUserCols = "id, org_id, name, role, lang, supplier_role";
std::string stored_role(Role r) { return r == Role::supplier ? "viewer" : to_string(r); }
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
    case Role::supplier:
      return "supplier";
  }
  return "viewer";
}

std::optional<Role> role_from(std::string_view s) {
  if (s == "admin") return Role::admin;
  if (s == "assessor") return Role::assessor;
  if (s == "viewer") return Role::viewer;
  if (s == "auditor") return Role::auditor;
  if (s == "supplier") return Role::supplier;
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

void check_password_policy(const std::string& password, const std::string& user_name,
                           const std::set<std::string>& common) {
  size_t chars = 0;
  for (unsigned char ch : password) chars += (ch & 0xC0) != 0x80;  // UTF-8 lead bytes
  if (chars < 10)
    throw Invalid("password", "パスワードは 10 文字以上にしてください。",
                  "Use at least 10 characters.", "too_short", "password: at least 10 characters");
  if (chars > 256)
    throw Invalid("password", "パスワードは 256 文字以内にしてください。",
                  "Use at most 256 characters.", "too_long", "password: at most 256 characters");
  if (password.find('\0') != std::string::npos)
    throw Invalid("password", "パスワードに使用できない文字（NUL）が含まれています。",
                  "Must not contain NUL.", "invalid", "password: must not contain NUL");
  auto lower = [](std::string v) {
    for (char& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return v;
  };
  std::string pw = lower(password), name = lower(user_name);
  // The name itself, or the name with only digits and punctuation around it ("kenji2026!").
  if (!name.empty() && pw.find(name) != std::string::npos) {
    std::string rest = pw;
    rest.erase(rest.find(name), name.size());
    if (std::none_of(rest.begin(), rest.end(), [](unsigned char ch) { return std::isalpha(ch) || ch >= 0x80; }))
      throw Invalid("password", "ユーザー名に数字や記号を付けただけのパスワードは使えません。",
                    "Must not be the user name with digits or symbols around it.", "weak",
                    "password: must not be the user name with digits or symbols around it");
  }
  if (common.count(pw))
    throw Invalid("password", "よく使われるパスワードのため使えません。別のものにしてください。",
                  "This is one of the most common passwords; choose another.", "weak",
                  "password: one of the most common passwords");
}

User Accounts::create_user(int64_t org_id, const std::string& name, Role role,
                           const std::string& password, const std::string& actor) {
  (void)kRegistered;
  if (name.empty())
    throw Invalid("name", "ユーザー名を入力してください。", "Enter the user name.", "required",
                  "name: must not be empty");
  if (name.size() > 64 || name.find_first_of(std::string("\0\r\n\t/\\ ", 7)) != std::string::npos)
    throw Invalid(
        "name", "ユーザー名は半角 64 文字以内で、空白・スラッシュ・制御文字を含めないでください。",
        "At most 64 bytes, no spaces, slashes or control characters.", "invalid",
        "name: at most 64 bytes, no spaces, slashes or control characters");
  check_password_policy(password, name, common_passwords_);
  if (user_any(name))
    throw Invalid("name", "ユーザー「" + name + "」はすでにあります。",
                  "User '" + name + "' already exists.", "duplicate",
                  "user '" + name + "' already exists");
  std::string hash = hash_password(password);
  User u;
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO users(org_id, name, role, password_hash, created_at, supplier_role) VALUES "
           "(?,?,?,?,?,?)")
        .bind(1, org_id)
        .bind(2, name)
        .bind(3, stored_role(role))
        .bind(4, hash)
        .bind(5, iso_after(0))
        .bind(6, role == Role::supplier ? 1 : 0)
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
  if (!u) throw no_such_user();
  db_.transaction([&] {
    db_.prepare("UPDATE users SET role=?, supplier_role=? WHERE id=?")
        .bind(1, stored_role(role))
        .bind(2, role == Role::supplier ? 1 : 0)
        .bind(3, user_id)
        .run();
    store::audit_append(db_, {actor, u->org_id, "user", std::to_string(user_id), "update",
                              {{"role", to_string(u->role)}}, {{"role", to_string(role)}}});
  });
}

void Accounts::set_password(int64_t user_id, const std::string& password, const std::string& actor) {
  auto u = user_by_id(user_id);
  if (!u) throw no_such_user();
  check_password_policy(password, u->name, common_passwords_);
  std::string hash = hash_password(password);
  db_.transaction([&] {
    db_.prepare("UPDATE users SET password_hash=? WHERE id=?").bind(1, hash).bind(2, user_id).run();
    db_.prepare("DELETE FROM sessions WHERE user_id=?").bind(1, user_id).run();
    store::audit_append(db_, {actor, u->org_id, "user", std::to_string(user_id), "password", nullptr,
                              {{"changed", true}}});
  });
}

std::optional<User> Accounts::user_any(const std::string& name) {
  auto st = db_.prepare(std::string("SELECT ") + kUserCols + " FROM users WHERE name=?");
  st.bind(1, name);
  if (!st.step()) return std::nullopt;
  return read_user(st);
}

bool Accounts::is_disabled(int64_t user_id) {
  auto st = db_.prepare("SELECT disabled FROM users WHERE id=?");
  st.bind(1, user_id);
  return st.step() && st.i64(0) != 0;
}

namespace {
std::optional<User> user_any_by_id(store::Db& db, int64_t id) {
  auto st = db.prepare(std::string("SELECT ") + kUserCols + " FROM users WHERE id=?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_user(st);
}
}  // namespace

void Accounts::set_disabled(int64_t user_id, bool disabled, const std::string& actor) {
  auto u = user_any_by_id(db_, user_id);
  if (!u) throw no_such_user();
  db_.transaction([&] {
    db_.prepare("UPDATE users SET disabled=? WHERE id=?").bind(1, disabled ? 1 : 0).bind(2, user_id).run();
    if (disabled) db_.prepare("DELETE FROM sessions WHERE user_id=?").bind(1, user_id).run();
    store::audit_append(db_, {actor, u->org_id, "user", std::to_string(user_id), disabled ? "disable" : "enable",
                              nullptr, {{"name", u->name}}});
  });
}

void Accounts::delete_user(int64_t user_id, const std::string& actor) {
  auto u = user_any_by_id(db_, user_id);
  if (!u) throw no_such_user();
  db_.transaction([&] {
    db_.prepare("DELETE FROM sessions WHERE user_id=?").bind(1, user_id).run();
    db_.prepare("DELETE FROM api_tokens WHERE user_id=?").bind(1, user_id).run();
    db_.prepare("DELETE FROM users WHERE id=?").bind(1, user_id).run();
    store::audit_append(db_, {actor, u->org_id, "user", std::to_string(user_id), "delete",
                              {{"name", u->name}, {"role", to_string(u->role)}}, nullptr});
  });
}

int Accounts::throttle_wait(const std::string& name, const std::string& client, int64_t now,
                            std::string* scope) {
  // Failures since the last success (by row order: times have whole seconds, and failures in the
  // same second as a success still count), within a day; the delay doubles per failure past the
  // free ones.
  auto delay = [&](const std::string& where, auto bind, int free) -> int64_t {
    auto st = db_.prepare("SELECT count(*), max(at) FROM login_attempts WHERE " + where +
                          " AND success=0 AND at>? AND id>(SELECT COALESCE(max(id), 0) FROM login_attempts WHERE " +
                          where + " AND success=1)");
    int next = bind(st, 1);
    st.bind(next, now - 86400);
    bind(st, next + 1);
    st.step();
    int64_t n = st.i64(0);
    if (n < free || st.is_null(1)) return 0;
    int64_t wait = std::min<int64_t>(kFirstDelaySeconds << std::min<int64_t>(n - free, 20), kMaxDelaySeconds);
    return std::max<int64_t>(0, st.i64(1) + wait - now);
  };
  int64_t pair = delay("name=? AND client=?", [&](store::Stmt& st, int i) {
    st.bind(i, name).bind(i + 1, client);
    return i + 2;
  }, kFreeFailures);
  int64_t by_client = delay("client=?", [&](store::Stmt& st, int i) {
    st.bind(i, client);
    return i + 1;
  }, kFreeClientFailures);
  // The account across every client: a distributed guess at one name gets one try per delay,
  // while the delay stays short enough (kMaxAccountDelaySeconds) for its owner to wait it out.
  int64_t by_account = delay(
      "name=?",
      [&](store::Stmt& st, int i) {
        st.bind(i, name);
        return i + 1;
      },
      kFreeAccountFailures);
  by_account = std::min<int64_t>(by_account, kMaxAccountDelaySeconds);
  int64_t wait = std::max({pair, by_client, by_account});
  if (scope) {
    *scope = wait == 0           ? ""
             : wait == pair      ? "name_and_client"
             : wait == by_client ? "client"
                                 : "account";
  }
  return static_cast<int>(wait);
}

Accounts::Login Accounts::login(const std::string& name, const std::string& password,
                                const std::string& client) {
  int64_t now = clock_.now();
  std::string logged_name = name.substr(0, 64);  // what we store of a name nobody has
  std::string scope;
  if (int wait = throttle_wait(logged_name, client, now, &scope); wait > 0) {
    // Under the account's organisation when the name exists, so its admins see the attack.
    auto known = user_any(logged_name);
    db_.transaction([&] {
      store::audit_append(db_,
                          {logged_name,
                           known ? std::optional<int64_t>(known->org_id) : std::nullopt,
                           "session",
                           logged_name,
                           "login_throttled",
                           nullptr,
                           {{"retry_after", wait}, {"scope", scope}}},
                          client);
    });
    return {LoginResult::throttled, std::nullopt, "", "", wait};
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
        .bind(1, logged_name)
        .bind(2, client)
        .bind(3, now)
        .bind(4, ok ? 1 : 0)
        .run();
    db_.prepare("DELETE FROM login_attempts WHERE at<?").bind(1, now - 86400).run();
    if (!ok) {
      store::audit_append(db_, {logged_name, user ? std::optional<int64_t>(user->org_id) : std::nullopt, "session",
                                logged_name, "login_failed", nullptr, {{"known_user", user.has_value()}}},
                          client);
      return;
    }
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
                              {{"client", client}}},
                        client);
  });
  return out;
}

std::optional<Accounts::Session> Accounts::session(const std::string& raw_token) {
  if (raw_token.empty()) return std::nullopt;
  // The user's columns first, read by read_user like every other user row.
  auto st = db_.prepare(
      "SELECT u.id, u.org_id, u.name, u.role, u.lang, u.supplier_role, s.csrf_token "
      "FROM sessions s JOIN users u ON u.id=s.user_id "
      "WHERE s.token_hash=? AND s.expires_at>? AND u.disabled=0");
  st.bind(1, sha256_hex(raw_token)).bind(2, clock_.now());
  if (!st.step()) return std::nullopt;
  return Session{read_user(st), st.str(6)};
}

void Accounts::logout(const std::string& raw_token, const std::string& client) {
  auto s = session(raw_token);
  db_.transaction([&] {
    db_.prepare("DELETE FROM sessions WHERE token_hash=?").bind(1, sha256_hex(raw_token)).run();
    if (s)
      store::audit_append(db_, {s->user.name, s->user.org_id, "session", s->user.name, "logout", nullptr, nullptr}, client);
  });
}

std::string Accounts::iso_after(int64_t seconds) const {
  std::time_t t = static_cast<std::time_t>(clock_.now() + seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {
// Tokens made before expiry existed (expires_at NULL) expire kTokenDays after their creation.
std::string token_expiry(const std::string& expires_at, const std::string& created_at) {
  if (!expires_at.empty()) return expires_at;
  std::tm tm{};
  if (!strptime(created_at.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return "";
  std::time_t t = timegm(&tm) + int64_t{Accounts::kTokenDays} * 86400;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}
}  // namespace

std::string Accounts::create_token(int64_t user_id, const std::string& label, const std::string& actor, int days) {
  auto u = user_by_id(user_id);
  if (!u) throw no_such_user();
  if (days < 1 || days > 3650)
    throw Invalid("expires", "有効期間は 1〜3650 日で指定してください。",
                  "Between 1 and 3650 days.", "out_of_range", "expires: between 1 and 3650 days");
  if (label.size() > 200 || label.find('\0') != std::string::npos)
    throw Invalid("label", "ラベルは半角 200 文字以内にしてください。",
                  "At most 200 bytes, no NUL.", "too_long", "label: at most 200 bytes, no NUL");
  std::string raw = "anz_" + random_token();
  std::string expires = iso_after(int64_t{days} * 86400);
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO api_tokens(user_id, token_hash, label, created_at, expires_at) VALUES "
           "(?,?,?,?,?)")
        .bind(1, user_id)
        .bind(2, sha256_hex(raw))
        .bind(3, label)
        .bind(4, iso_after(0))
        .bind(5, expires)
        .run();
    store::audit_append(db_, {actor, u->org_id, "api_token", std::to_string(db_.last_insert_id()),
                              "create", nullptr, {{"user", u->name}, {"label", label}, {"expires_at", expires}}});
  });
  return raw;
}

std::optional<User> Accounts::user_for_token(const std::string& raw_token) {
  std::string now = iso_after(0);
  // One query for the token and its (enabled) user: a revoked token or a disabled user stops at
  // once, on every server, because nothing of it is cached.
  // The user's columns first, read by read_user like every other user row (the role, including
  // the supplier flag, has one reading).
  auto st = db_.prepare(
      "SELECT u.id, u.org_id, u.name, u.role, u.lang, u.supplier_role, t.id, t.last_used_at, "
      "t.expires_at, t.created_at "
      "FROM api_tokens t JOIN users u ON u.id=t.user_id WHERE t.token_hash=? AND t.revoked_at IS "
      "NULL AND u.disabled=0");
  st.bind(1, sha256_hex(raw_token));
  if (!st.step()) return std::nullopt;
  if (token_expiry(st.is_null(8) ? "" : st.str(8), st.str(9)) <= now) return std::nullopt;
  User u = read_user(st);
  int64_t id = st.i64(6);
  // Last use is written at most once a minute, so a busy API client does not write every request.
  bool stale = st.is_null(7) || st.str(7) < iso_after(-60);
  st.reset();  // the read ends before the write: SQLite cannot upgrade a stale read snapshot
  if (stale) {
    db_.transaction([&] {
      db_.prepare(
             "UPDATE api_tokens SET last_used_at=? WHERE id=? AND (last_used_at IS NULL OR "
             "last_used_at<?)")
          .bind(1, now)
          .bind(2, id)
          .bind(3, now)
          .run();
    });
  }
  return u;
}

std::vector<Accounts::TokenInfo> Accounts::tokens(int64_t org_id) {
  auto st = db_.prepare(
      "SELECT t.id, u.name, t.label, t.created_at, COALESCE(t.expires_at, ''), COALESCE(t.last_used_at, ''), "
      "COALESCE(t.revoked_at, ''), u.org_id FROM api_tokens t JOIN users u ON u.id=t.user_id "
      "WHERE (?=0 OR u.org_id=?) ORDER BY t.id DESC");
  st.bind(1, org_id).bind(2, org_id);
  std::vector<TokenInfo> out;
  while (st.step())
    out.push_back({st.i64(0), st.str(1), st.str(2), st.str(3), token_expiry(st.str(4), st.str(3)), st.str(5), st.str(6),
                   st.i64(7)});
  return out;
}

bool Accounts::revoke_token(int64_t token_id, int64_t org_id, const std::string& actor) {
  for (const auto& t : tokens(org_id)) {
    if (t.id != token_id) continue;
    if (!t.revoked_at.empty()) return true;
    db_.transaction([&] {
      db_.prepare("UPDATE api_tokens SET revoked_at=? WHERE id=?")
          .bind(1, iso_after(0))
          .bind(2, token_id)
          .run();
      store::audit_append(db_, {actor, t.org_id, "api_token", std::to_string(token_id), "revoke", nullptr,
                                {{"user", t.user}, {"label", t.label}}});
    });
    return true;
  }
  return false;
}

}  // namespace anzen::web
