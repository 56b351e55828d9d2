// Storage of the ops module (migrations 800-899): inbound integrations and the alerts they
// delivered, users per service and region, notification channels and the notification queue.
// All ops SQL is here.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace anzen::ops {

struct Integration {
  int64_t id = 0, org_id = 0;
  std::string kind;  // alertmanager | webhook
  std::string name, token_hash, hmac_secret, rules_yaml, created_at;
  bool enabled = true;
};

struct AlertRow {
  int64_t id = 0, integration_id = 0;
  std::optional<int64_t> incident_id;
  std::string fingerprint, starts_at, status, group_attr;
  std::optional<std::string> ends_at;
  std::optional<int64_t> users;
};

struct ServiceUsers {
  std::string service, prefecture;  // prefecture empty: the whole service
  int64_t users = 0;
  std::string updated_at;
};

struct Channel {
  int64_t id = 0, org_id = 0;
  std::string kind;    // email | webhook | chat
  std::string target;  // mail address or URL
  std::string smtp;    // host:port for email
  std::string sender;  // From: address for email
  std::string lang = "ja";
  std::string quiet;  // "HH:MM-HH:MM" JST: reminders wait until the window ends
  bool enabled = true;
  std::string created_at;
};

struct Notification {
  int64_t id = 0, org_id = 0, channel_id = 0;
  std::optional<int64_t> incident_id;
  std::string event, dedup_key, subject, body, status, next_at, last_error, created_at;
  nlohmann::json payload;
  int attempts = 0;
  std::optional<std::string> sent_at;
};

struct RestrictionRow {
  int64_t id = 0;
  std::string service, started_at;  // started_at: ISO UTC
  int64_t incident_id = 0;
  nlohmann::json record;  // the imported record as given
};

class OpsRepo {
 public:
  OpsRepo(store::Db& db, std::string actor) : db_(db), actor_(std::move(actor)) {}

  bool org_exists(int64_t org_id);

  // Integrations. The raw token is never stored, only its SHA-256.
  Integration create_integration(int64_t org_id, const std::string& kind, const std::string& name,
                                 const std::string& token_hash, const std::string& hmac_secret,
                                 const std::string& rules_yaml);
  std::optional<Integration> integration(int64_t id);
  std::vector<Integration> integrations(int64_t org_id);
  void set_integration_enabled(int64_t org_id, int64_t id, bool enabled);

  // Alerts received (idempotency key: integration, fingerprint, start).
  std::optional<AlertRow> find_alert(int64_t integration_id, const std::string& fingerprint,
                                     const std::string& starts_at);
  void insert_alert(int64_t org_id, const AlertRow& a);
  void resolve_alert(int64_t alert_id, const std::string& ends_at);
  std::vector<AlertRow> alerts_of_incident(int64_t incident_id);
  // Incidents that alerts of this organisation with the same group attribute (service and
  // region) opened, newest first.
  std::vector<int64_t> incidents_of_group(int64_t org_id, const std::string& group_attr);

  // Users per service and region.
  void set_users(int64_t org_id, const std::string& service, const std::string& prefecture,
                 int64_t users);
  std::vector<ServiceUsers> users(int64_t org_id);
  // Users of a service in these prefectures (sum), or of the whole service when none are named;
  // nullopt when the table has no figure for them.
  std::optional<int64_t> users_for(int64_t org_id, const std::string& service,
                                   const std::vector<std::string>& prefectures);

  // Notification channels.
  Channel add_channel(const Channel& c);
  std::vector<Channel> channels(int64_t org_id);
  std::optional<Channel> channel(int64_t id);
  void set_channel_enabled(int64_t org_id, int64_t id, bool enabled);
  std::vector<int64_t> orgs_with_channels();

  // Quiet rules of an organisation (ops/quiet_rules.h), as the YAML given; empty when none.
  // Stored by quiet_repo.cpp (migration 811); the caller validates the text first.
  void set_quiet_rules(int64_t org_id, const std::string& yaml);
  std::string quiet_rules(int64_t org_id);

  // The notification queue. enqueue does nothing when the key is already queued (one
  // notification per incident, event and channel).
  bool enqueue(const Notification& n);
  std::vector<Notification> due(const std::string& now_iso, int limit);
  // Claims a due notification for one sender: counts the attempt and leases it until
  // `lease_until`, so that two clocks never send it twice. False when another took it.
  bool claim(const Notification& n, const std::string& lease_until);
  void mark_sent(const Notification& n, const std::string& at);
  void mark_retry(const Notification& n, const std::string& next_at, const std::string& error,
                  bool give_up);
  std::vector<Notification> notifications(int64_t org_id, const std::string& status, int limit);

  // Restriction records imported (one per service and start).
  std::optional<int64_t> restriction_incident(int64_t org_id, const std::string& service,
                                              const std::string& started_at);
  void add_restriction(int64_t org_id, const std::string& service, const std::string& started_at,
                       int64_t incident_id, const nlohmann::json& record);
  std::vector<RestrictionRow> restrictions(int64_t org_id);

 private:
  void set_enabled(const char* table, const char* entity, int64_t org_id, int64_t id, bool enabled);
  store::Db& db_;
  std::string actor_;
};

// One JSON shape per entity, shared by the CLI's --json and the API.
nlohmann::json integration_json(const Integration& i);
nlohmann::json channel_json(const Channel& c);
nlohmann::json notification_json(const Notification& n);

}  // namespace anzen::ops
