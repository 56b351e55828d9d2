#include "ops/mapping.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "common/text.h"

namespace anzen::ops {

namespace {
const std::vector<std::string> kCategories = {"voice_emergency", "voice_no_emergency", "lpwa",
                                              "free_internet", "other"};
const std::vector<std::string> kFacilities = {"important_satellite_submarine",
                                              "mobile_access_line",
                                              "remote_subscriber_unit",
                                              "dslam",
                                              "user_premises",
                                              "other"};
const std::vector<std::string> kEventTypes = {"outage", "quality_degradation",
                                              "non_telecom_facility_failure"};
const std::vector<std::string> kRuleKeys = {"match",         "event_type", "service_category",
                                            "facility",      "service",    "prefectures",
                                            "affected_users"};

struct Where {
  const std::string& file;
  [[noreturn]] void fail(const YAML::Node& n, const std::string& field,
                         const std::string& msg) const {
    throw RulesError(file + ":" + std::to_string(n.Mark().line + 1) + ": " + field + ": " + msg);
  }
};

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::string scalar(const Where& w, const YAML::Node& n, const std::string& field) {
  if (!n.IsScalar() || n.Scalar().empty()) w.fail(n, field, "expected text");
  return n.Scalar();
}

std::string one_of(const Where& w, const YAML::Node& n, const std::string& field,
                   const std::vector<std::string>& allowed) {
  std::string v = scalar(w, n, field);
  if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
    w.fail(n, field, "got '" + v + "', expected one of " + joined(allowed));
  return v;
}

UsersSpec users_spec(const Where& w, const YAML::Node& n, const std::string& field) {
  UsersSpec u;
  if (n.IsScalar()) {
    try {
      size_t used = 0;
      long long v = std::stoll(n.Scalar(), &used);
      if (used != n.Scalar().size() || v < 0) throw std::invalid_argument("");
      u.kind = UsersSpec::Kind::fixed;
      u.fixed = v;
      return u;
    } catch (const std::exception&) {
      w.fail(n, field,
             "got '" + n.Scalar() + "', expected a whole number, {label: NAME} or {share: 0..1}");
    }
  }
  if (!n.IsMap() || n.size() != 1)
    w.fail(n, field, "expected a whole number, {label: NAME} or {share: 0..1}");
  if (n["label"]) {
    u.kind = UsersSpec::Kind::label;
    u.label = scalar(w, n["label"], field + ".label");
  } else if (n["share"]) {
    try {
      u.share = n["share"].as<double>();
    } catch (const YAML::Exception&) {
      w.fail(n["share"], field + ".share", "expected a number between 0 and 1");
    }
    if (!(u.share > 0 && u.share <= 1))
      w.fail(n["share"], field + ".share", "expected a number above 0 and at most 1");
    u.kind = UsersSpec::Kind::share;
  } else {
    w.fail(n, field, "expected {label: NAME} or {share: 0..1}");
  }
  return u;
}
}  // namespace

MappingRules parse_rules(const std::string& text, const std::string& file) {
  Where w{file};
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw RulesError(file + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  if (!root.IsMap()) throw RulesError(file + ":1: expected a mapping with 'rules:'");
  MappingRules out;
  for (const auto& kv : root) {
    std::string k = kv.first.as<std::string>();
    if (k != "rules" && k != "group_window_minutes")
      w.fail(kv.first, k, "unknown key (expected rules or group_window_minutes)");
  }
  if (root["group_window_minutes"]) {
    const auto& g = root["group_window_minutes"];
    try {
      out.group_window_minutes = g.as<int>();
    } catch (const YAML::Exception&) {
      w.fail(g, "group_window_minutes", "expected a whole number of minutes");
    }
    if (out.group_window_minutes < 0 || out.group_window_minutes > 7 * 24 * 60)
      w.fail(g, "group_window_minutes", "expected 0 to 10080 minutes");
  }
  const auto& rules = root["rules"];
  if (!rules || !rules.IsSequence() || rules.size() == 0)
    throw RulesError(file + ":1: rules: expected a non-empty list of rules");
  if (rules.size() > 1000) w.fail(rules, "rules", "at most 1000 rules");
  for (size_t i = 0; i < rules.size(); ++i) {
    const auto& r = rules[i];
    std::string at = "rules[" + std::to_string(i) + "]";
    if (!r.IsMap()) w.fail(r, at, "expected a mapping with match, service_category, …");
    for (const auto& kv : r) {
      std::string k = kv.first.as<std::string>();
      if (std::find(kRuleKeys.begin(), kRuleKeys.end(), k) == kRuleKeys.end())
        w.fail(kv.first, at + "." + k, "unknown key (expected one of " + joined(kRuleKeys) + ")");
    }
    MappingRule m;
    m.line = r.Mark().line + 1;
    if (!r["match"] || !r["match"].IsMap() || r["match"].size() == 0)
      w.fail(r, at + ".match", "expected labels to match, e.g. {service: voice}");
    for (const auto& kv : r["match"])
      m.match[kv.first.as<std::string>()] =
          scalar(w, kv.second, at + ".match." + kv.first.as<std::string>());
    if (r["event_type"]) m.event_type = one_of(w, r["event_type"], at + ".event_type", kEventTypes);
    if (!r["service_category"])
      w.fail(r, at + ".service_category", "missing (expected one of " + joined(kCategories) + ")");
    m.service_category = one_of(w, r["service_category"], at + ".service_category", kCategories);
    if (r["facility"]) m.facility = one_of(w, r["facility"], at + ".facility", kFacilities);
    if (r["service"]) m.service = scalar(w, r["service"], at + ".service");
    if (const auto& p = r["prefectures"]) {
      if (p.IsSequence()) {
        for (size_t j = 0; j < p.size(); ++j)
          m.prefectures.push_back(scalar(w, p[j], at + ".prefectures[" + std::to_string(j) + "]"));
      } else if (p.IsMap() && p["label"]) {
        m.prefecture_label = scalar(w, p["label"], at + ".prefectures.label");
      } else {
        w.fail(p, at + ".prefectures", "expected a list of prefectures or {label: NAME}");
      }
    }
    if (r["affected_users"]) m.users = users_spec(w, r["affected_users"], at + ".affected_users");
    out.rules.push_back(std::move(m));
  }
  return out;
}

std::optional<Mapped> map_alert(const MappingRules& rules, const Labels& labels) {
  for (const auto& r : rules.rules) {
    bool all = std::all_of(r.match.begin(), r.match.end(), [&](const auto& kv) {
      auto it = labels.find(kv.first);
      return it != labels.end() && it->second == kv.second;
    });
    if (!all) continue;
    Mapped m;
    m.rule = &r;
    m.service = !r.service.empty()        ? r.service
                : labels.count("service") ? labels.at("service")
                                          : "";
    m.prefectures = r.prefectures;
    if (!r.prefecture_label.empty() && labels.count(r.prefecture_label)) {
      for (auto& p : text::split_list(labels.at(r.prefecture_label))) m.prefectures.push_back(p);
    }
    std::sort(m.prefectures.begin(), m.prefectures.end());
    m.prefectures.erase(std::unique(m.prefectures.begin(), m.prefectures.end()),
                        m.prefectures.end());
    if (r.users.kind == UsersSpec::Kind::fixed) m.fixed_users = r.users.fixed;
    if (r.users.kind == UsersSpec::Kind::label && labels.count(r.users.label)) {
      try {
        size_t used = 0;
        const std::string& v = labels.at(r.users.label);
        long long u = std::stoll(v, &used);
        if (used == v.size() && u >= 0) m.fixed_users = u;
      } catch (const std::exception&) {
        // a label that is not a count leaves the users unknown (the classifier's R12)
      }
    }
    return m;
  }
  return std::nullopt;
}

}  // namespace anzen::ops
