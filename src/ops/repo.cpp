#include "ops/repo.h"

#include <map>

#include "common/invalid.h"
#include "store/audit.h"

namespace anzen::ops {
using nlohmann::json;

namespace {
const bool kRegistered =
    (store::register_migrations({{800, "ops integrations, alerts, users, notifications", R"(
CREATE TABLE ops_integrations (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL CHECK (kind IN ('alertmanager','webhook')),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  hmac_secret TEXT NOT NULL DEFAULT '',
  rules_yaml TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX ops_integrations_org ON ops_integrations(org_id);
CREATE TABLE ops_alerts (
  id INTEGER PRIMARY KEY,
  integration_id INTEGER NOT NULL REFERENCES ops_integrations(id),
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  fingerprint TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  group_key TEXT NOT NULL DEFAULT '',
  group_attr TEXT NOT NULL,
  incident_id INTEGER REFERENCES incidents(id),
  status TEXT NOT NULL CHECK (status IN ('firing','resolved')),
  ends_at TEXT,
  users INTEGER,
  received_at TEXT NOT NULL,
  UNIQUE (integration_id, fingerprint, starts_at)
);
CREATE INDEX ops_alerts_group ON ops_alerts(org_id, group_attr);
CREATE INDEX ops_alerts_incident ON ops_alerts(incident_id);
CREATE TABLE ops_service_users (
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  service TEXT NOT NULL,
  prefecture TEXT NOT NULL DEFAULT '',
  users INTEGER NOT NULL CHECK (users >= 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, service, prefecture)
);
CREATE TABLE ops_channels (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL CHECK (kind IN ('email','webhook','chat')),
  target TEXT NOT NULL,
  smtp TEXT NOT NULL DEFAULT '',
  sender TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja','en')),
  quiet TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE ops_notifications (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  channel_id INTEGER NOT NULL REFERENCES ops_channels(id),
  incident_id INTEGER REFERENCES incidents(id),
  event TEXT NOT NULL,
  dedup_key TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX ops_notifications_due ON ops_notifications(status, next_at);
CREATE TABLE ops_restrictions (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  service TEXT NOT NULL,
  started_at TEXT NOT NULL,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  record_json TEXT NOT NULL,
  UNIQUE (org_id, service, started_at)
);
)"}}),
     true);

Integration read_integration(store::Stmt& st) {
  return {st.i64(0), st.i64(1), st.str(2), st.str(3),     st.str(4),
          st.str(5), st.str(6), st.str(8), st.i64(7) != 0};
}
constexpr const char* kIntCols =
    "id, org_id, kind, name, token_hash, hmac_secret, rules_yaml, enabled, created_at";

AlertRow read_alert(store::Stmt& st) {
  return {st.i64(0), st.i64(1), st.opt_i64(2), st.str(3),    st.str(4),
          st.str(5), st.str(6), st.opt_str(7), st.opt_i64(8)};
}
constexpr const char* kAlertCols =
    "id, integration_id, incident_id, fingerprint, starts_at, status, group_attr, ends_at, users";

Channel read_channel(store::Stmt& st) {
  return {st.i64(0), st.i64(1), st.str(2), st.str(3),      st.str(4),
          st.str(5), st.str(6), st.str(7), st.i64(8) != 0, st.str(9)};
}
constexpr const char* kChanCols =
    "id, org_id, kind, target, smtp, sender, lang, quiet, enabled, created_at";

Notification read_notification(store::Stmt& st) {
  Notification n;
  n.id = st.i64(0);
  n.org_id = st.i64(1);
  n.channel_id = st.i64(2);
  n.incident_id = st.opt_i64(3);
  n.event = st.str(4);
  n.dedup_key = st.str(5);
  n.subject = st.str(6);
  n.body = st.str(7);
  n.payload = json::parse(st.str(8));
  n.status = st.str(9);
  n.attempts = static_cast<int>(st.i64(10));
  n.next_at = st.str(11);
  n.last_error = st.str(12);
  n.created_at = st.str(13);
  n.sent_at = st.opt_str(14);
  return n;
}
constexpr const char* kNoteCols =
    "id, org_id, channel_id, incident_id, event, dedup_key, subject, body, payload, status, "
    "attempts, next_at, last_error, created_at, sent_at";
}  // namespace

bool OpsRepo::org_exists(int64_t org_id) {
  auto st = db_.prepare("SELECT count(*) FROM organizations WHERE id=?");
  st.bind(1, org_id);
  return st.step() && st.i64(0) > 0;
}

Integration OpsRepo::create_integration(int64_t org_id, const std::string& kind,
                                        const std::string& name, const std::string& token_hash,
                                        const std::string& hmac_secret,
                                        const std::string& rules_yaml) {
  (void)kRegistered;
  int64_t id = 0;
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO ops_integrations(org_id, kind, name, token_hash, hmac_secret, rules_yaml, "
           "created_at) VALUES (?,?,?,?,?,?,?)")
        .bind(1, org_id)
        .bind(2, kind)
        .bind(3, name)
        .bind(4, token_hash)
        .bind(5, hmac_secret)
        .bind(6, rules_yaml)
        .bind(7, store::now_utc())
        .run();
    id = db_.last_insert_id();
    store::audit_append(
        db_,
        {actor_,
         org_id,
         "integration",
         std::to_string(id),
         "create",
         nullptr,
         {{"kind", kind}, {"name", name}, {"hmac", !hmac_secret.empty()}, {"rules", rules_yaml}}});
  });
  return *integration(id);
}

std::optional<Integration> OpsRepo::integration(int64_t id) {
  auto st = db_.prepare(std::string("SELECT ") + kIntCols + " FROM ops_integrations WHERE id=?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_integration(st);
}

std::vector<Integration> OpsRepo::integrations(int64_t org_id) {
  std::vector<Integration> out;
  auto st = db_.prepare(std::string("SELECT ") + kIntCols +
                        " FROM ops_integrations WHERE org_id=? ORDER BY id");
  st.bind(1, org_id);
  while (st.step()) out.push_back(read_integration(st));
  return out;
}

void OpsRepo::set_enabled(const char* table, const char* entity, int64_t org_id, int64_t id,
                          bool enabled) {
  db_.transaction([&] {
    db_.prepare(std::string("UPDATE ") + table + " SET enabled=? WHERE id=? AND org_id=?")
        .bind(1, enabled ? 1 : 0)
        .bind(2, id)
        .bind(3, org_id)
        .run();
    if (db_.changes() == 0)
      throw std::out_of_range(std::string("no ") + entity + " " + std::to_string(id) +
                              " in organisation " + std::to_string(org_id));
    store::audit_append(db_, {actor_, org_id, entity, std::to_string(id),
                              enabled ? "enable" : "disable", nullptr, nullptr});
  });
}

void OpsRepo::set_integration_enabled(int64_t org_id, int64_t id, bool enabled) {
  set_enabled("ops_integrations", "integration", org_id, id, enabled);
}

std::optional<AlertRow> OpsRepo::find_alert(int64_t integration_id, const std::string& fingerprint,
                                            const std::string& starts_at) {
  auto st =
      db_.prepare(std::string("SELECT ") + kAlertCols +
                  " FROM ops_alerts WHERE integration_id=? AND fingerprint=? AND starts_at=?");
  st.bind(1, integration_id).bind(2, fingerprint).bind(3, starts_at);
  if (!st.step()) return std::nullopt;
  return read_alert(st);
}

void OpsRepo::insert_alert(int64_t org_id, const AlertRow& a) {
  db_.prepare(
         "INSERT INTO ops_alerts(integration_id, org_id, fingerprint, starts_at, group_attr, "
         "incident_id, status, ends_at, users, received_at) "
         "VALUES (?,?,?,?,?,?,?,?,?,?)")
      .bind(1, a.integration_id)
      .bind(2, org_id)
      .bind(3, a.fingerprint)
      .bind(4, a.starts_at)
      .bind(5, a.group_attr)
      .bind(6, a.incident_id)
      .bind(7, a.status)
      .bind(8, a.ends_at)
      .bind(9, a.users)
      .bind(10, store::now_utc())
      .run();
}

void OpsRepo::resolve_alert(int64_t alert_id, const std::string& ends_at) {
  db_.prepare("UPDATE ops_alerts SET status='resolved', ends_at=? WHERE id=?")
      .bind(1, ends_at)
      .bind(2, alert_id)
      .run();
}

std::vector<AlertRow> OpsRepo::alerts_of_incident(int64_t incident_id) {
  std::vector<AlertRow> out;
  auto st = db_.prepare(std::string("SELECT ") + kAlertCols +
                        " FROM ops_alerts WHERE incident_id=? ORDER BY id");
  st.bind(1, incident_id);
  while (st.step()) out.push_back(read_alert(st));
  return out;
}

std::vector<int64_t> OpsRepo::incidents_of_group(int64_t org_id, const std::string& group_attr) {
  std::vector<int64_t> out;
  auto st = db_.prepare(
      "SELECT DISTINCT incident_id FROM ops_alerts WHERE org_id=? AND group_attr=? AND incident_id "
      "IS NOT NULL ORDER BY incident_id DESC");
  st.bind(1, org_id).bind(2, group_attr);
  while (st.step()) out.push_back(st.i64(0));
  return out;
}

void OpsRepo::set_users(int64_t org_id, const std::string& service, const std::string& prefecture,
                        int64_t users) {
  if (service.empty())
    throw Invalid("service", "役務の区分を選んでください。", "Choose the service.", "required",
                  "service: must not be empty");
  if (users < 0)
    throw Invalid("users", "利用者数は 0 以上の整数で入力してください。",
                  "Enter the users as a whole number of 0 or more.", "out_of_range",
                  "users: expected a non-negative whole number");
  db_.transaction([&] {
    std::optional<int64_t> before;
    {
      auto st = db_.prepare(
          "SELECT users FROM ops_service_users WHERE org_id=? AND service=? AND prefecture=?");
      st.bind(1, org_id).bind(2, service).bind(3, prefecture);
      if (st.step()) before = st.i64(0);
    }
    if (before) {
      db_.prepare(
             "UPDATE ops_service_users SET users=?, updated_at=? WHERE org_id=? AND service=? AND "
             "prefecture=?")
          .bind(1, users)
          .bind(2, store::now_utc())
          .bind(3, org_id)
          .bind(4, service)
          .bind(5, prefecture)
          .run();
    } else {
      db_.prepare(
             "INSERT INTO ops_service_users(org_id, service, prefecture, users, updated_at) VALUES "
             "(?,?,?,?,?)")
          .bind(1, org_id)
          .bind(2, service)
          .bind(3, prefecture)
          .bind(4, users)
          .bind(5, store::now_utc())
          .run();
    }
    json key = {{"service", service}, {"prefecture", prefecture}};
    store::audit_append(db_, {actor_,
                              org_id,
                              "service_users",
                              service + "/" + prefecture,
                              before ? "update" : "create",
                              before ? json{{"users", *before}} : json(),
                              {{"users", users}}});
  });
}

std::vector<ServiceUsers> OpsRepo::users(int64_t org_id) {
  std::vector<ServiceUsers> out;
  auto st = db_.prepare(
      "SELECT service, prefecture, users, updated_at FROM ops_service_users WHERE org_id=? ORDER "
      "BY service, prefecture");
  st.bind(1, org_id);
  while (st.step()) out.push_back({st.str(0), st.str(1), st.i64(2), st.str(3)});
  return out;
}

std::optional<int64_t> OpsRepo::users_for(int64_t org_id, const std::string& service,
                                          const std::vector<std::string>& prefectures) {
  std::optional<int64_t> whole, sum_all;
  std::map<std::string, int64_t> by_pref;
  for (const auto& u : users(org_id)) {
    if (u.service != service) continue;
    if (u.prefecture.empty())
      whole = u.users;
    else {
      by_pref[u.prefecture] = u.users;
      sum_all = sum_all.value_or(0) + u.users;
    }
  }
  if (prefectures.empty()) return whole ? whole : sum_all;
  std::optional<int64_t> sum;
  for (const auto& p : prefectures) {
    if (by_pref.count(p)) sum = sum.value_or(0) + by_pref[p];
  }
  return sum;
}

Channel OpsRepo::add_channel(const Channel& c) {
  int64_t id = 0;
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO ops_channels(org_id, kind, target, smtp, sender, lang, quiet, created_at) "
           "VALUES (?,?,?,?,?,?,?,?)")
        .bind(1, c.org_id)
        .bind(2, c.kind)
        .bind(3, c.target)
        .bind(4, c.smtp)
        .bind(5, c.sender)
        .bind(6, c.lang)
        .bind(7, c.quiet)
        .bind(8, store::now_utc())
        .run();
    id = db_.last_insert_id();
    store::audit_append(db_, {actor_,
                              c.org_id,
                              "notify_channel",
                              std::to_string(id),
                              "create",
                              nullptr,
                              {{"kind", c.kind},
                               {"target", c.target},
                               {"smtp", c.smtp},
                               {"lang", c.lang},
                               {"quiet", c.quiet}}});
  });
  return *channel(id);
}

std::vector<Channel> OpsRepo::channels(int64_t org_id) {
  std::vector<Channel> out;
  auto st = db_.prepare(std::string("SELECT ") + kChanCols +
                        " FROM ops_channels WHERE org_id=? ORDER BY id");
  st.bind(1, org_id);
  while (st.step()) out.push_back(read_channel(st));
  return out;
}

std::optional<Channel> OpsRepo::channel(int64_t id) {
  auto st = db_.prepare(std::string("SELECT ") + kChanCols + " FROM ops_channels WHERE id=?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_channel(st);
}

void OpsRepo::set_channel_enabled(int64_t org_id, int64_t id, bool enabled) {
  set_enabled("ops_channels", "notify_channel", org_id, id, enabled);
}

std::vector<int64_t> OpsRepo::orgs_with_channels() {
  std::vector<int64_t> out;
  auto st = db_.prepare("SELECT DISTINCT org_id FROM ops_channels WHERE enabled=1 ORDER BY org_id");
  while (st.step()) out.push_back(st.i64(0));
  return out;
}

bool OpsRepo::enqueue(const Notification& n) {
  bool added = false;
  db_.transaction([&] {
    auto st = db_.prepare("SELECT count(*) FROM ops_notifications WHERE dedup_key=?");
    st.bind(1, n.dedup_key);
    st.step();
    if (st.i64(0) > 0) return;
    db_.prepare(
           "INSERT INTO ops_notifications(org_id, channel_id, incident_id, event, dedup_key, "
           "subject, body, payload, next_at, created_at) "
           "VALUES (?,?,?,?,?,?,?,?,?,?)")
        .bind(1, n.org_id)
        .bind(2, n.channel_id)
        .bind(3, n.incident_id)
        .bind(4, n.event)
        .bind(5, n.dedup_key)
        .bind(6, n.subject)
        .bind(7, n.body)
        .bind(8, n.payload.dump())
        .bind(9, n.next_at)
        .bind(10, n.created_at)
        .run();
    added = true;
  });
  return added;
}

std::vector<Notification> OpsRepo::due(const std::string& now_iso, int limit) {
  std::vector<Notification> out;
  auto st = db_.prepare(
      std::string("SELECT ") + kNoteCols +
      " FROM ops_notifications WHERE status='pending' AND next_at<=? ORDER BY next_at, id LIMIT ?");
  st.bind(1, now_iso).bind(2, limit);
  while (st.step()) out.push_back(read_notification(st));
  return out;
}

bool OpsRepo::claim(const Notification& n, const std::string& lease_until) {
  db_.prepare(
         "UPDATE ops_notifications SET attempts=attempts+1, next_at=? WHERE id=? AND "
         "status='pending' AND attempts=? AND next_at=?")
      .bind(1, lease_until)
      .bind(2, n.id)
      .bind(3, n.attempts)
      .bind(4, n.next_at)
      .run();
  return db_.changes() == 1;
}

void OpsRepo::mark_sent(const Notification& n, const std::string& at) {
  db_.transaction([&] {
    db_.prepare("UPDATE ops_notifications SET status='sent', sent_at=?, last_error='' WHERE id=?")
        .bind(1, at)
        .bind(2, n.id)
        .run();
    store::audit_append(db_, {actor_,
                              n.org_id,
                              "notification",
                              std::to_string(n.id),
                              "sent",
                              nullptr,
                              {{"event", n.event},
                               {"channel", n.channel_id},
                               {"incident", n.incident_id ? json(*n.incident_id) : json()},
                               {"subject", n.subject},
                               {"attempt", n.attempts + 1}}});
  });
}

void OpsRepo::mark_retry(const Notification& n, const std::string& next_at,
                         const std::string& error, bool give_up) {
  db_.transaction([&] {
    db_.prepare("UPDATE ops_notifications SET status=?, next_at=?, last_error=? WHERE id=?")
        .bind(1, give_up ? "failed" : "pending")
        .bind(2, next_at)
        .bind(3, error)
        .bind(4, n.id)
        .run();
    store::audit_append(db_, {actor_,
                              n.org_id,
                              "notification",
                              std::to_string(n.id),
                              give_up ? "failed" : "retry",
                              nullptr,
                              {{"event", n.event},
                               {"channel", n.channel_id},
                               {"error", error},
                               {"attempt", n.attempts + 1},
                               {"next_at", next_at}}});
  });
}

std::optional<int64_t> OpsRepo::restriction_incident(int64_t org_id, const std::string& service,
                                                     const std::string& started_at) {
  auto st = db_.prepare(
      "SELECT incident_id FROM ops_restrictions WHERE org_id=? AND service=? AND started_at=?");
  st.bind(1, org_id).bind(2, service).bind(3, started_at);
  if (!st.step()) return std::nullopt;
  return st.i64(0);
}

void OpsRepo::add_restriction(int64_t org_id, const std::string& service,
                              const std::string& started_at, int64_t incident_id,
                              const json& record) {
  db_.prepare(
         "INSERT INTO ops_restrictions(org_id, service, started_at, incident_id, record_json) "
         "VALUES (?,?,?,?,?)")
      .bind(1, org_id)
      .bind(2, service)
      .bind(3, started_at)
      .bind(4, incident_id)
      .bind(5, record.dump())
      .run();
}

std::vector<RestrictionRow> OpsRepo::restrictions(int64_t org_id) {
  std::vector<RestrictionRow> out;
  auto st = db_.prepare(
      "SELECT id, service, started_at, incident_id, record_json FROM ops_restrictions WHERE "
      "org_id=? ORDER BY service, started_at");
  st.bind(1, org_id);
  while (st.step())
    out.push_back({st.i64(0), st.str(1), st.str(2), st.i64(3), json::parse(st.str(4))});
  return out;
}

std::vector<Notification> OpsRepo::notifications(int64_t org_id, const std::string& status,
                                                 int limit) {
  std::vector<Notification> out;
  auto st = db_.prepare(
      std::string("SELECT ") + kNoteCols +
      " FROM ops_notifications WHERE org_id=? AND (?='' OR status=?) ORDER BY id DESC LIMIT ?");
  st.bind(1, org_id).bind(2, status).bind(3, status).bind(4, limit);
  while (st.step()) out.push_back(read_notification(st));
  return out;
}

json integration_json(const Integration& i) {
  return {{"id", i.id},
          {"org", i.org_id},
          {"kind", i.kind},
          {"name", i.name},
          {"enabled", i.enabled},
          {"hmac", !i.hmac_secret.empty()},
          {"url", "/api/v1/hooks/" + std::to_string(i.id)},
          {"created_at", i.created_at}};
}

json channel_json(const Channel& c) {
  return {{"id", c.id},         {"org", c.org_id},  {"kind", c.kind},
          {"target", c.target}, {"smtp", c.smtp},   {"from", c.sender},
          {"lang", c.lang},     {"quiet", c.quiet}, {"enabled", c.enabled}};
}

json notification_json(const Notification& n) {
  return {{"id", n.id},
          {"channel", n.channel_id},
          {"incident", n.incident_id ? json(*n.incident_id) : json()},
          {"event", n.event},
          {"subject", n.subject},
          {"status", n.status},
          {"attempts", n.attempts},
          {"next_at", n.next_at},
          {"last_error", n.last_error},
          {"sent_at", n.sent_at ? json(*n.sent_at) : json()}};
}

}  // namespace anzen::ops
