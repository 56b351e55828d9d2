// The telecom-accident classifier: an event in, every applicable classification out, each with
// the rule that fired, the threshold row, the legal basis, an explanation in Japanese and
// English, and the reports due. Pure: rules and the evaluation time are inputs.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/invalid.h"
#include "incident/calendar.h"
#include "incident/rules.h"

namespace anzen::incident {

struct Feared {
  bool prev_fy_users_30000 = false, multi_prefecture = false, core_function = false;
  std::string kind;  // could_not_stop | late_detection_switchover | toppled | fire | unintended_terminal_auth | important_facility_damage
  bool planned = false, within_design = false, natural_disaster = false;
};

struct Event {
  std::string event_type;  // outage | quality_degradation | non_telecom_facility_failure |
                           // secrecy_leak | specified_user_info_leak | feared_event |
                           // priority_restriction | facility_info_leak
  std::string service_category = "other";
  std::optional<int64_t> affected_users;
  Instant started_at = 0;
  std::optional<Instant> ended_at;
  Instant known_at = 0;
  std::string facility = "other";
  bool all_traffic_blocked = false, additional_function_only = false, designated_operator = false,
       provided_to_foreign_government = false, restriction_unforeseen = false;
  int64_t leaked_persons = 0;
  Feared feared;
};

// Invalid input: names the field and says what is wrong in Japanese and English (what() is
// "field: English"); the CLI exits with status 2, the web shows it under the field.
// `cli`: the English detail of the CLI's line when it says more than `en` (the values typed,
// the codes accepted).
struct InvalidEvent : Invalid {
  InvalidEvent(const std::string& f, std::string ja_text, const std::string& en_text,
               std::string code_text = "", const std::string& cli = "")
      : Invalid(f, std::move(ja_text), en_text, std::move(code_text),
                f + ": " + (cli.empty() ? en_text : cli)) {}
};
Event event_from_json(const nlohmann::json& j);
// The values event_from_json accepts, in order (forms offer exactly these).
const std::vector<std::string>& event_types();
const std::vector<std::string>& service_categories();
const std::vector<std::string>& facilities();
const std::vector<std::string>& feared_kinds();

struct Report {
  std::string type;  // prompt | detailed | periodic | review
  std::string form;
  std::optional<Date> due;              // JST date; none for prompt reports
  std::optional<Date> due_unextended;   // before the holiday extension
  std::optional<Instant> triggered_at;  // when the duty arose (prompt reports)
};

struct Classification {
  std::string kind;  // serious_accident | periodic_report_accident | secrecy_leak | specified_user_info_leak |
                     // feared_serious_accident | business_stoppage | restriction_review | not_reportable
  std::string rule;  // R0 … R12
  std::string threshold;  // the table row that fired, e.g. "voice_emergency: 1 h / 30,000"
  catalog::Text threshold_label;  // the same row in words, e.g. "音声伝送役務（…）: 1 時間以上 / …"
  catalog::Text basis;
  catalog::Text explanation;
  std::vector<Report> reports;
  bool users_unknown = false;
  // The values of the rule set this verdict relied on that are not confirmed against a primary
  // text of the era (rules/reporting: `unconfirmed: true`); empty when all were confirmed.
  std::vector<catalog::Text> unconfirmed;
};

// "This verdict relies on unconfirmed values: …" in Japanese and English, or empty texts.
catalog::Text unconfirmed_caveat(const Classification& c);

struct Verdict {
  std::string rule_set;
  Instant as_of = 0;
  bool ongoing = false;
  int64_t duration_minutes = 0;
  std::vector<Classification> classifications;
};

// Judges the event by the rule set in force on its start date (JST), as of `as_of` for an
// event still going on (ended_at absent).
Verdict classify(const Event& e, const std::vector<RuleSet>& rules, Instant as_of);

nlohmann::json verdict_json(const Verdict& v);
// Severity order used by the monotonicity property: more users or a longer duration never
// lowers it. not_reportable 0, periodic 1, serious 2.
int severity(const Verdict& v);

}  // namespace anzen::incident
