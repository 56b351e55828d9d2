// What the clock owes people: notifications when an incident becomes reportable (or its
// classification grows), when a report's deadline is 7, 3 and 1 day(s) away, and when it is
// overdue — in Japanese and English. Pure over the current verdicts and obligations.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "incident/register.h"

namespace anzen::ops {

struct Owed {
  std::string event;  // reportable | due_7 | due_3 | due_1 | overdue | test
  int64_t incident_id = 0;
  std::string key;        // unique per incident and occasion (the channel is added when queued)
  bool reminder = false;  // deadline reminders wait out quiet hours; the rest go at once
  std::string subject_ja, subject_en, body_ja, body_en;
  nlohmann::json payload;
};

// `incidents` carry their current verdicts; `obligations` are those of the same moment.
std::vector<Owed> owed(const std::vector<incident::Incident>& incidents,
                       const std::vector<incident::Obligation>& obligations, incident::Instant now);
Owed test_message(int64_t org_id, incident::Instant now);

// Quiet hours "HH:MM-HH:MM" (JST, may wrap midnight): nullopt when `now` is outside them, else
// the moment they end. Throws std::invalid_argument for a malformed window.
std::optional<incident::Instant> quiet_until(const std::string& window, incident::Instant now);
void check_quiet(const std::string& window);

}  // namespace anzen::ops
