#include "ops/quiet_rules.h"

#include <yaml-cpp/yaml.h>

#include <map>

namespace anzen::ops {

namespace {
const std::set<std::string> kReminders = {"due_7", "due_3", "due_1"};
const std::set<std::string> kUrgent = {"reportable", "overdue"};

[[noreturn]] void defect(const std::string& file, const YAML::Node& n, const std::string& field,
                         const std::string& msg) {
  throw RulesError(file + ":" + std::to_string(n.Mark().line + 1) + ": " + field + ": " + msg);
}

int minutes(const YAML::Node& n, const std::string& file, const std::string& field, bool end) {
  std::string s = n && n.IsScalar() ? n.as<std::string>() : "";
  if (s.size() == 5 && s[2] == ':' && isdigit(static_cast<unsigned char>(s[0])) &&
      isdigit(static_cast<unsigned char>(s[1])) && isdigit(static_cast<unsigned char>(s[3])) &&
      isdigit(static_cast<unsigned char>(s[4]))) {
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if ((h < 24 && m < 60) || (end && h == 24 && m == 0)) return h * 60 + m;
  }
  defect(file, n, field,
         "got '" + s + "', expected HH:MM in Japan time" + (end ? " (24:00 = end of day)" : ""));
}

// Whether the rule holds `event` at minute `m` of JST day `d`.
bool holds_on(const QuietRule& r, incident::Date d) {
  return r.weekdays.count(incident::weekday(d)) ||
         (r.holidays && !incident::national_holiday(d).empty());
}

// The end of this rule's window containing `now`, if any.
std::optional<incident::Instant> window_end(const QuietRule& r, incident::Instant now) {
  incident::Date today = incident::jst_date(now);
  incident::Instant jst = now + 9 * 3600;
  int m = static_cast<int>((jst % 86400) / 60);
  incident::Instant midnight = now - (jst % 86400);
  if (r.from < r.to) {
    if (holds_on(r, today) && m >= r.from && m < r.to) return midnight + r.to * 60;
  } else if (r.from > r.to) {  // wraps midnight: belongs to the day it starts
    if (holds_on(r, today) && m >= r.from) return midnight + 86400 + r.to * 60;
    if (holds_on(r, incident::add_days(today, -1)) && m < r.to) return midnight + r.to * 60;
  }
  return std::nullopt;
}
}  // namespace

QuietRules parse_quiet_rules(const std::string& text, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw RulesError(file + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  if (!root.IsMap() || !root["quiet"] || !root["quiet"].IsSequence())
    throw RulesError(file + ":1: quiet: expected a list of rules");
  static const std::map<std::string, int> days = {{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3},
                                                  {"thu", 4}, {"fri", 5}, {"sat", 6}};
  for (const auto& kv : root) {
    std::string k = kv.first.as<std::string>();
    if (k != "quiet" && k != "urgent") defect(file, kv.first, k, "unknown field (quiet, urgent)");
  }
  QuietRules q;
  if (root["urgent"]) {
    std::string u = root["urgent"].IsScalar() ? root["urgent"].as<std::string>() : "";
    if (u != "send" && u != "delay")
      defect(file, root["urgent"], "urgent", "got '" + u + "', expected send or delay");
    q.delay_urgent = u == "delay";
  }
  size_t i = 0;
  for (const auto& n : root["quiet"]) {
    std::string at = "quiet[" + std::to_string(i++) + "]";
    if (!n.IsMap()) defect(file, n, at, "expected a rule with days, from and to");
    for (const auto& kv : n) {
      std::string k = kv.first.as<std::string>();
      if (k != "days" && k != "from" && k != "to" && k != "kinds")
        defect(file, kv.first, at + "." + k, "unknown field (days, from, to, kinds)");
    }
    QuietRule r;
    r.line = n.Mark().line + 1;
    if (!n["days"] || !n["days"].IsSequence() || n["days"].size() == 0)
      defect(file, n, at + ".days", "expected a list of sun … sat or holiday");
    for (const auto& d : n["days"]) {
      std::string s = d.IsScalar() ? d.as<std::string>() : "";
      if (s == "holiday") {
        r.holidays = true;
      } else if (auto it = days.find(s); it != days.end()) {
        r.weekdays.insert(it->second);
      } else {
        defect(file, d, at + ".days",
               "got '" + s + "', expected sun mon tue wed thu fri sat or holiday");
      }
    }
    r.from = minutes(n["from"], file, at + ".from", false);
    r.to = minutes(n["to"], file, at + ".to", true);
    if (r.from == r.to) defect(file, n["to"], at + ".to", "the window is empty (from = to)");
    if (n["kinds"]) {
      if (!n["kinds"].IsSequence()) defect(file, n["kinds"], at + ".kinds", "expected a list");
      for (const auto& k : n["kinds"]) {
        std::string s = k.IsScalar() ? k.as<std::string>() : "";
        if (kUrgent.count(s) && !q.delay_urgent)
          defect(file, k, at + ".kinds",
                 s + " is never suppressed; add `urgent: delay` to hold it until the quiet period "
                     "ends");
        if (!kReminders.count(s) && !kUrgent.count(s))
          defect(file, k, at + ".kinds",
                 "got '" + s + "', expected due_7, due_3, due_1, reportable or overdue");
        r.kinds.insert(s);
      }
    } else {
      r.kinds = kReminders;
    }
    q.rules.push_back(std::move(r));
  }
  return q;
}

std::optional<incident::Instant> quiet_rules_until(const QuietRules& q, const std::string& event,
                                                   incident::Instant now) {
  bool urgent = kUrgent.count(event) > 0;
  if (urgent ? !q.delay_urgent : !kReminders.count(event)) return std::nullopt;
  std::optional<incident::Instant> until;
  incident::Instant t = now;
  // Adjoining windows (a weekend, then Monday's night) extend the period; bounded to 3 weeks.
  for (int step = 0; step < 64; ++step) {
    std::optional<incident::Instant> end;
    for (const auto& r : q.rules) {
      if (!r.kinds.count(event)) continue;
      if (auto e = window_end(r, t); e && (!end || *e > *end)) end = e;
    }
    if (!end || *end <= t) break;
    until = t = *end;
    if (t - now > 21 * 86400) break;
  }
  return until;
}

}  // namespace anzen::ops
