// Mapping rules (YAML, one file per integration): which alerts are telecom incidents, and the
// service category, facility, prefectures and affected-user estimate each one means. Pure:
// parsing validates every field and reports defects with their line numbers.
#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace anzen::ops {

using Labels = std::map<std::string, std::string>;

// A defect in a rules file; the message names the line and the field.
struct RulesError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

struct UsersSpec {
  enum class Kind { none, fixed, label, share } kind = Kind::none;
  int64_t fixed = 0;
  std::string label;  // the alert label that holds the user count
  double share = 0;   // of the users per service and region (ops service users table)
};

struct MappingRule {
  int line = 0;
  Labels match;  // every label must equal this value
  std::string event_type = "outage";
  std::string service_category = "other";
  std::string facility = "other";
  std::string service;  // service name for the users table; default: label "service"
  std::vector<std::string> prefectures;  // fixed list, or
  std::string prefecture_label;          // a label holding them (comma-separated)
  UsersSpec users;
};

struct MappingRules {
  int group_window_minutes =
      60;  // alerts of the same service and region within this window join one incident
  std::vector<MappingRule> rules;
};

// Parses and validates; throws RulesError("rules.yaml:12: rules[0].service_category: …").
MappingRules parse_rules(const std::string& yaml_text, const std::string& file_name = "rules");

// What one alert means once a rule matched it.
struct Mapped {
  const MappingRule* rule = nullptr;
  std::string service;
  std::vector<std::string> prefectures;  // sorted
  std::optional<int64_t> fixed_users;    // fixed or label value; share needs the users table
};

// The first rule whose match labels all equal the alert's; nullopt when none matches.
std::optional<Mapped> map_alert(const MappingRules& rules, const Labels& labels);

}  // namespace anzen::ops
