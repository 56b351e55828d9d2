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
// `public_url` is the deployment's absolute base URL (e.g. https://anzen.example.jp): every link
// in a notification starts with it, as mail is read outside the application.
std::vector<Owed> owed(const std::vector<incident::Incident>& incidents,
                       const std::vector<incident::Obligation>& obligations, incident::Instant now,
                       const std::string& public_url);
Owed test_message(int64_t org_id, incident::Instant now, const std::string& public_url);

// Checks a deployment's public base URL: absolute http(s), no query or fragment. Throws
// std::invalid_argument saying what was expected. Returns it without a trailing slash.
std::string checked_public_url(const std::string& url);

// Quiet hours "HH:MM-HH:MM" (JST, may wrap midnight): nullopt when `now` is outside them, else
// the moment they end. Throws std::invalid_argument for a malformed window.
std::optional<incident::Instant> quiet_until(const std::string& window, incident::Instant now);
void check_quiet(const std::string& window);

}  // namespace anzen::ops
