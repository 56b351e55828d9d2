// Quiet rules of an organisation (YAML, stored per organisation): when notifications wait.
// Each rule holds notifications of some kinds during a daily window on some days (weekdays,
// holidays). Deadline reminders (due_7, due_3, due_1) may be held; "became reportable" and
// "overdue" are legal matters and never suppressed: they go at once, or, only when the
// organisation chooses `urgent: delay`, at the end of the quiet period. Pure: parsing validates
// every field and reports defects with their line numbers; evaluation needs only the time.
//
//   quiet:
//     - days: [mon, tue, wed, thu, fri]   # sun mon tue wed thu fri sat, holiday (national
//     holidays)
//       from: "22:00"                     # Japan time; a window may wrap midnight
//       to: "07:00"
//     - days: [sat, sun, holiday]
//       from: "00:00"
//       to: "24:00"
//       kinds: [due_7, due_3]             # default: every reminder (due_7, due_3, due_1);
//                                         # reportable, overdue only with urgent: delay
//   urgent: send                          # or delay: rules may then hold reportable and overdue
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "incident/calendar.h"
#include "ops/mapping.h"

namespace anzen::ops {

struct QuietRule {
  int line = 0;
  std::set<int> weekdays;  // 0 = Sunday … 6 = Saturday
  bool holidays = false;   // Japanese national holidays
  int from = 0, to = 0;    // minutes of the JST day; to may be 1440; from > to wraps midnight
  std::set<std::string> kinds;
};

struct QuietRules {
  std::vector<QuietRule> rules;
  bool delay_urgent = false;  // urgent: delay
};

// Throws RulesError naming file, line and field.
QuietRules parse_quiet_rules(const std::string& yaml_text, const std::string& file);

// When a notification of `event` owed at `now` may go: nullopt = now, else the end of the
// quiet period (through adjoining rules). Urgent events (reportable, overdue) only by rules
// that list them (allowed with delay_urgent alone); other events (test) are never held.
std::optional<incident::Instant> quiet_rules_until(const QuietRules& q, const std::string& event,
                                                   incident::Instant now);

}  // namespace anzen::ops
