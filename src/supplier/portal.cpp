// Portal links: a random token shown once and stored as its SHA-256, scoped to one
// questionnaire, expiring at the end of a Japanese day, revocable and rate-limited.
#include <optional>
#include <regex>
#include <stdexcept>

#include "common/invalid.h"
#include "common/uuid.h"
#include "store/audit.h"
#include "supplier/service.h"

namespace anzen::supplier {

std::string Suppliers::new_link(const Questionnaire& q, const std::string& expires) {
  static const std::regex kDate("^\\d{4}-\\d{2}-\\d{2}$");
  if (!std::regex_match(expires, kDate))
    throw Invalid("expires", "リンクの有効期限を 2026-04-01 のように入力してください。",
                  "Enter the expiry date as YYYY-MM-DD.", "not_a_date",
                  "expires: expected YYYY-MM-DD, got '" + expires + "'");
  if (!new_token_) throw std::logic_error("no token generator given");
  std::string raw = new_token_();
  std::string form_secret = new_token_();
  // The link works through the whole Japanese day `expires` (JST = UTC+9).
  std::string expires_at = expires + "T15:00:00Z";
  if (expires_at <= now_()) {
    throw Invalid("expires", "リンクの有効期限が過去の日付です。",
                  "The expiry date is already past.", "in_past",
                  "expires: " + expires + " is already past");
  }
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO portal_links(questionnaire_id, token_hash, form_secret, expires_at, "
           "created_at) VALUES (?,?,?,?,?)")
        .bind(1, q.id)
        .bind(2, sha256_hex(raw))
        .bind(3, form_secret)
        .bind(4, expires_at)
        .bind(5, now_())
        .run();
    event(q.id, "link", "", "expires " + expires);
    store::audit_append(db_, {actor_,
                              q.org_id,
                              "portal_link",
                              std::to_string(db_.last_insert_id()),
                              "create",
                              nullptr,
                              {{"questionnaire_id", q.id}, {"expires_at", expires_at}}});
  });
  return raw;
}

int Suppliers::revoke_links(const Questionnaire& q) {
  int n = 0;
  db_.transaction([&] {
    db_.prepare(
           "UPDATE portal_links SET revoked_at=? WHERE questionnaire_id=? AND revoked_at IS NULL")
        .bind(1, now_())
        .bind(2, q.id)
        .run();
    n = db_.changes();
    event(q.id, "revoke", "", std::to_string(n));
    store::audit_append(db_, {actor_,
                              q.org_id,
                              "questionnaire",
                              std::to_string(q.id),
                              "revoke_links",
                              nullptr,
                              {{"revoked", n}}});
  });
  return n;
}

namespace {
struct Link {
  int64_t id = 0, questionnaire_id = 0;
  std::string form_secret;
  bool live = false;  // neither expired nor revoked
};
std::optional<Link> find_link(store::Db& db, const std::string& raw_token, const std::string& now) {
  if (raw_token.empty() || raw_token.size() > 200) return std::nullopt;
  auto st = db.prepare(
      "SELECT id, questionnaire_id, form_secret, expires_at, revoked_at FROM portal_links WHERE "
      "token_hash=?");
  st.bind(1, sha256_hex(raw_token));
  if (!st.step()) return std::nullopt;
  return Link{st.i64(0), st.i64(1), st.str(2), st.is_null(4) && now < st.str(3)};
}
}  // namespace

PortalAccess Suppliers::portal(const std::string& raw_token) {
  PortalAccess out;
  std::string now = now_();
  auto link = find_link(db_, raw_token, now);
  if (!link) return out;
  out.form_secret = link->form_secret;
  if (!link->live) {
    out.state = PortalAccess::State::gone;
    return out;
  }
  int64_t hits = 0;
  db_.transaction([&] {
    std::string minute = now.substr(0, 16);
    db_.prepare("DELETE FROM portal_hits WHERE link_id=? AND minute<?")
        .bind(1, link->id)
        .bind(2, minute)
        .run();
    db_.prepare(
           "INSERT INTO portal_hits(link_id, minute, hits) VALUES (?,?,1) "
           "ON CONFLICT (link_id, minute) DO UPDATE SET hits = portal_hits.hits + 1")
        .bind(1, link->id)
        .bind(2, minute)
        .run();
    auto h = db_.prepare("SELECT hits FROM portal_hits WHERE link_id=? AND minute=?");
    h.bind(1, link->id).bind(2, minute);
    if (h.step()) hits = h.i64(0);
  });
  if (hits > kPortalHitsPerMinute) {
    out.state = PortalAccess::State::throttled;
    return out;
  }
  out.q = questionnaire_by_id(link->questionnaire_id);
  out.state = out.q ? PortalAccess::State::ok : PortalAccess::State::unknown;
  return out;
}

PortalAccess::State Suppliers::portal_state(const std::string& raw_token) {
  std::string now = now_();
  auto link = find_link(db_, raw_token, now);
  if (!link) return PortalAccess::State::unknown;
  if (!link->live) return PortalAccess::State::gone;
  auto h = db_.prepare("SELECT hits FROM portal_hits WHERE link_id=? AND minute=?");
  h.bind(1, link->id).bind(2, now.substr(0, 16));
  if (h.step() && h.i64(0) >= kPortalHitsPerMinute) return PortalAccess::State::throttled;
  return PortalAccess::State::ok;
}

}  // namespace anzen::supplier
