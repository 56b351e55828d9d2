#include "ops/ingest.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "common/invalid.h"
#include "common/random_token.h"
#include "common/uuid.h"
#include "incident/register.h"
#include "ops/mapping.h"

namespace anzen::ops {
using nlohmann::json;

json IngestResult::to_json() const {
  return {{"received", received},  {"created", created},     {"grouped", grouped},
          {"resolved", resolved},  {"unchanged", unchanged}, {"unmatched", unmatched},
          {"incidents", incidents}};
}

std::string hmac_sha256_hex(const std::string& key, const std::string& data) {
  crypto_auth_hmacsha256_state st;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

namespace {
bool same(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

// The incident an alert belongs to: an open, ongoing one opened by alerts of the same service
// and region that started within the window.
std::optional<incident::Incident> group_incident(OpsRepo& repo, incident::Register& reg,
                                                 int64_t org, const std::string& attr,
                                                 incident::Instant starts, int window_minutes) {
  if (window_minutes <= 0) return std::nullopt;
  for (int64_t id : repo.incidents_of_group(org, attr)) {
    auto inc = reg.get(org, id);
    if (!inc || inc->status != "open" || !inc->event.value("ended_at", json()).is_null()) continue;
    auto started = incident::parse_instant(inc->event.value("started_at", ""));
    if (started && std::llabs(starts - *started) <= static_cast<int64_t>(window_minutes) * 60)
      return inc;
  }
  return std::nullopt;
}

// Ends the incident once every alert in it has resolved, at the last alert's end.
bool end_if_all_resolved(OpsRepo& repo, incident::Register& reg, int64_t org, int64_t incident_id,
                         incident::Instant now) {
  auto alerts = repo.alerts_of_incident(incident_id);
  std::string last;
  for (const auto& a : alerts) {
    if (a.status != "resolved" || !a.ends_at) return false;
    last = std::max(last, *a.ends_at);
  }
  auto inc = reg.get(org, incident_id);
  if (!inc || !inc->event.value("ended_at", json()).is_null()) return false;
  auto end = parse_rfc3339(last);
  auto started = incident::parse_instant(inc->event.value("started_at", ""));
  if (!end || !started) return false;
  reg.update(org, incident_id, {{"ended_at", incident::format_jst(std::max(*end, *started))}},
             "復旧（監視アラートの解消） / restored (alerts resolved)", now);
  return true;
}
}  // namespace

NewIntegration IngestService::create(int64_t org_id, const std::string& kind,
                                     const std::string& name, const std::string& rules_yaml,
                                     const std::string& hmac_secret, const std::string& actor) {
  if (kind != "alertmanager" && kind != "webhook")
    throw Invalid("kind", "連携の種類は Alertmanager か Webhook を選んでください。",
                  "Choose Alertmanager or Webhook as the kind.", "not_in_list",
                  "kind: got '" + kind + "', expected alertmanager or webhook");
  parse_rules(rules_yaml, name.empty() ? "rules" : name);  // throws RulesError with the line
  if (!OpsRepo(db_, actor).org_exists(org_id))
    throw Invalid("org", "ID " + std::to_string(org_id) + " の組織はありません。",
                  "There is no organisation " + std::to_string(org_id) + ".", "not_found",
                  "org: no organisation with id " + std::to_string(org_id));
  std::string token = random_token();
  auto integ = OpsRepo(db_, actor)
                   .create_integration(org_id, kind, name.empty() ? kind : name, sha256_hex(token),
                                       hmac_secret, rules_yaml);
  return {integ, token, "/api/v1/hooks/" + std::to_string(integ.id)};
}

Integration IngestService::authenticate(int64_t id, const std::string& bearer,
                                        const std::string& signature, const std::string& body) {
  auto integ = OpsRepo(db_, "integration").integration(id);
  // The same answer for an unknown integration and a wrong token: ids are not secrets, but
  // nothing should be learnt from probing them.
  if (!integ || !same(sha256_hex(bearer), integ->token_hash))
    throw AuthError(401, "invalid integration token");
  if (!integ->enabled) throw AuthError(403, "integration is disabled");
  if (!integ->hmac_secret.empty()) {
    std::string want = "sha256=" + hmac_sha256_hex(integ->hmac_secret, body);
    if (!same(signature, want))
      throw AuthError(
          401,
          "missing or wrong X-Anzen-Signature (expected sha256=<hex HMAC-SHA256 of the body>)");
  }
  return *integ;
}

IngestResult IngestService::deliver(const Integration& integ, const json& payload) {
  std::vector<Alert> alerts =
      integ.kind == "alertmanager" ? alertmanager_alerts(payload) : generic_alerts(payload);
  MappingRules rules = parse_rules(integ.rules_yaml, integ.name);
  std::string actor = "integration:" + integ.name;
  OpsRepo repo(db_, actor);
  incident::Register reg(db_, rules_, actor);
  incident::Instant now = clock_.now();
  IngestResult res;
  res.received = static_cast<int>(alerts.size());
  auto touched = [&](int64_t id) {
    if (std::find(res.incidents.begin(), res.incidents.end(), id) == res.incidents.end())
      res.incidents.push_back(id);
  };
  db_.transaction([&] {
    for (const auto& a : alerts) {
      std::string starts = iso_utc(a.starts_at);
      if (auto seen = repo.find_alert(integ.id, a.fingerprint, starts)) {
        if (a.firing || seen->status == "resolved") {
          ++res.unchanged;  // a repeated delivery (Alertmanager resends firing alerts)
          continue;
        }
        repo.resolve_alert(seen->id, iso_utc(*a.ends_at));
        if (seen->incident_id) {
          touched(*seen->incident_id);
          if (end_if_all_resolved(repo, reg, integ.org_id, *seen->incident_id, now)) ++res.resolved;
        }
        continue;
      }
      AlertRow row{
          0,  integ.id,     std::nullopt, a.fingerprint, starts, a.firing ? "firing" : "resolved",
          "", std::nullopt, std::nullopt};
      if (a.ends_at) row.ends_at = iso_utc(*a.ends_at);
      auto m = map_alert(rules, a.labels);
      if (!m) {
        ++res.unmatched;  // kept, with no incident, so that the delivery is accounted for
        row.group_attr = "(unmatched)";
        repo.insert_alert(integ.org_id, row);
        continue;
      }
      std::optional<int64_t> users = m->fixed_users;
      if (m->rule->users.kind == UsersSpec::Kind::share) {
        if (auto total = repo.users_for(integ.org_id, m->service, m->prefectures)) {
          users = static_cast<int64_t>(
              std::llround(static_cast<double>(*total) * m->rule->users.share));
        }
      }
      row.users = users;
      row.group_attr =
          m->rule->service_category + "|" + m->service + "|" + joined(m->prefectures, ",");
      if (auto inc = group_incident(repo, reg, integ.org_id, row.group_attr, a.starts_at,
                                    rules.group_window_minutes)) {
        row.incident_id = inc->id;
        repo.insert_alert(integ.org_id, row);
        json patch = json::object();
        const json& cur_users = inc->event["affected_users"];
        // Alerts of one service and region describe the same users: the estimate is the largest.
        if (users && (cur_users.is_null() || cur_users.get<int64_t>() < *users))
          patch["affected_users"] = *users;
        auto started = incident::parse_instant(inc->event.value("started_at", ""));
        if (started && a.starts_at < *started)
          patch["started_at"] = incident::format_jst(a.starts_at);
        reg.update(integ.org_id, inc->id, patch, "アラートを集約 / alert grouped: " + a.summary,
                   now);
        ++res.grouped;
        touched(inc->id);
        if (!a.firing && end_if_all_resolved(repo, reg, integ.org_id, inc->id, now)) ++res.resolved;
        continue;
      }
      json event = {
          {"event_type", m->rule->event_type},
          {"service_category", m->rule->service_category},
          {"facility", m->rule->facility},
          {"affected_users", users ? json(*users) : json()},
          {"started_at", incident::format_jst(a.starts_at)},
          {"ended_at",
           a.ends_at ? json(incident::format_jst(std::max(*a.ends_at, a.starts_at))) : json()}};
      json details = {
          {"source", {{"integration", integ.id}, {"kind", integ.kind}, {"labels", a.labels}}}};
      if (!m->prefectures.empty()) details["prefectures"] = m->prefectures;
      std::string title = (a.summary.empty() ? std::string("監視アラート") : a.summary) +
                          (m->service.empty() ? "" : "（" + m->service + "）");
      auto inc = reg.create(integ.org_id, title,
                            "監視システムのアラートから登録 / recorded from a monitoring alert",
                            event, now, details);
      row.incident_id = inc.id;
      repo.insert_alert(integ.org_id, row);
      ++res.created;
      touched(inc.id);
    }
  });
  return res;
}

}  // namespace anzen::ops
