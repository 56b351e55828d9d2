// Inbound alert payloads: Prometheus Alertmanager's webhook (version 4) and Anzen's generic JSON
// webhook, both read into one Alert shape. Pure; errors name the field.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "incident/calendar.h"
#include "ops/mapping.h"

namespace anzen::ops {

struct Alert {
  std::string fingerprint;  // stable identity of the alert at its source
  std::string group_key;    // Alertmanager's groupKey (empty for the generic webhook)
  bool firing = true;
  Labels labels;
  std::string summary;
  incident::Instant starts_at = 0;
  std::optional<incident::Instant> ends_at;  // resolved alerts only
};

// Bad payload: the message names the field (web: 400).
struct PayloadError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

constexpr size_t kMaxAlertsPerDelivery = 1000;

// Alertmanager webhook payload version 4
// (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
std::vector<Alert> alertmanager_alerts(const nlohmann::json& payload);
// The generic webhook (docs/ops.md): {"alerts": [{"id", "status", "labels", "starts_at", "ends_at",
// "summary"}]}.
std::vector<Alert> generic_alerts(const nlohmann::json& payload);

// RFC 3339 with optional fractional seconds (Alertmanager sends nanoseconds).
std::optional<incident::Instant> parse_rfc3339(const std::string& s);

}  // namespace anzen::ops
