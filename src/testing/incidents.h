// Incidents tests share: a designated operator's leak of 1,500 persons' specified user
// information (R7: a prompt report due on becoming aware, a detailed one 30 days later).
#pragma once
#include <nlohmann/json.hpp>

namespace anzen::testing {

inline nlohmann::json designated_leak_event() {
  return {{"event_type", "specified_user_info_leak"},
          {"leaked_persons", 1500},
          {"designated_operator", true},
          {"started_at", "2026-11-20T09:00:00+09:00"},
          {"ended_at", "2026-11-20T12:00:00+09:00"},
          {"known_at", "2026-11-24T10:00:00+09:00"}};
}

}  // namespace anzen::testing
