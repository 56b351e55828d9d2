#include "ops/alerts.h"

namespace anzen::ops {
using nlohmann::json;

std::optional<incident::Instant> parse_rfc3339(const std::string& s) {
  // Drop the fraction: the legal clock counts seconds.
  std::string t = s;
  if (auto dot = t.find('.'); dot != std::string::npos && dot > 10) {
    size_t end = dot + 1;
    while (end < t.size() && std::isdigit(static_cast<unsigned char>(t[end]))) ++end;
    t.erase(dot, end - dot);
  }
  return incident::parse_instant(t);
}

namespace {
const json& field(const json& j, const std::string& key, const std::string& path) {
  if (!j.is_object() || !j.contains(key)) throw PayloadError(path + key + ": missing");
  return j[key];
}

std::string text(const json& j, const std::string& key, const std::string& path) {
  const json& v = field(j, key, path);
  if (!v.is_string()) throw PayloadError(path + key + ": expected text");
  return v.get<std::string>();
}

Labels labels_of(const json& j, const std::string& path) {
  Labels out;
  if (!j.is_object()) throw PayloadError(path + ": expected an object of text labels");
  for (const auto& [k, v] : j.items()) {
    if (!v.is_string()) throw PayloadError(path + "." + k + ": expected text");
    out[k] = v.get<std::string>();
  }
  return out;
}

incident::Instant time_of(const std::string& v, const std::string& path) {
  auto t = parse_rfc3339(v);
  if (!t) throw PayloadError(path + ": got '" + v + "', expected an RFC 3339 time");
  return *t;
}

const json& alert_list(const json& payload) {
  if (!payload.is_object()) throw PayloadError("(body): expected a JSON object");
  const json& a = field(payload, "alerts", "");
  if (!a.is_array()) throw PayloadError("alerts: expected a list");
  if (a.size() > kMaxAlertsPerDelivery)
    throw PayloadError("alerts: at most " + std::to_string(kMaxAlertsPerDelivery) +
                       " per delivery");
  return a;
}

bool firing_of(const std::string& status, const std::string& path) {
  if (status != "firing" && status != "resolved")
    throw PayloadError(path + ": got '" + status + "', expected firing or resolved");
  return status == "firing";
}
}  // namespace

std::vector<Alert> alertmanager_alerts(const json& payload) {
  const json& list = alert_list(payload);
  if (payload.contains("version") && payload["version"] != "4")
    throw PayloadError("version: got " + payload["version"].dump() + ", expected \"4\"");
  std::string group_key = payload.value("groupKey", "");
  std::vector<Alert> out;
  for (size_t i = 0; i < list.size(); ++i) {
    std::string p = "alerts[" + std::to_string(i) + "].";
    const json& a = list[i];
    Alert al;
    al.group_key = group_key;
    al.firing = firing_of(text(a, "status", p), p + "status");
    al.labels = labels_of(field(a, "labels", p), p + "labels");
    al.fingerprint = a.contains("fingerprint") && a["fingerprint"].is_string()
                         ? a["fingerprint"].get<std::string>()
                         : "";
    if (al.fingerprint.empty()) {
      // Older senders omit it; the sorted labels identify the alert just as well.
      al.fingerprint = json(al.labels).dump();
    }
    al.starts_at = time_of(text(a, "startsAt", p), p + "startsAt");
    if (!al.firing) al.ends_at = time_of(text(a, "endsAt", p), p + "endsAt");
    if (a.contains("annotations") && a["annotations"].is_object())
      al.summary = a["annotations"].value("summary", "");
    if (al.summary.empty())
      al.summary = al.labels.count("alertname") ? al.labels.at("alertname") : "";
    out.push_back(std::move(al));
  }
  return out;
}

std::vector<Alert> generic_alerts(const json& payload) {
  const json& list = alert_list(payload);
  std::vector<Alert> out;
  for (size_t i = 0; i < list.size(); ++i) {
    std::string p = "alerts[" + std::to_string(i) + "].";
    const json& a = list[i];
    Alert al;
    al.fingerprint = text(a, "id", p);
    al.firing = firing_of(text(a, "status", p), p + "status");
    al.labels = labels_of(field(a, "labels", p), p + "labels");
    al.starts_at = time_of(text(a, "starts_at", p), p + "starts_at");
    if (!al.firing) al.ends_at = time_of(text(a, "ends_at", p), p + "ends_at");
    if (a.contains("summary") && a["summary"].is_string())
      al.summary = a["summary"].get<std::string>();
    out.push_back(std::move(al));
  }
  return out;
}

}  // namespace anzen::ops
