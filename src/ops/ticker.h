// The live accident clock: every tick re-judges ongoing incidents (storing an escalation with
// when and why in the timeline), queues what is owed to each organisation's channels, and
// delivers due notifications with retries and back-off. `anzen serve` runs it on a background
// thread; `anzen clock tick [--as-of]` runs one tick.
#pragma once
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "incident/rules.h"
#include "ops/clock.h"
#include "ops/send.h"
#include "store/db.h"

namespace anzen::ops {

struct TickReport {
  int judged = 0, escalated = 0, queued = 0, sent = 0, retried = 0, failed = 0;
  nlohmann::json to_json() const;
};

constexpr int kMaxAttempts = 6;  // then the notification is marked failed (shown on the dashboard)
// Wait before attempt n+1 after n failures: 1, 2, 4, 8, 16 minutes.
int64_t backoff_seconds(int failures);

// `public_url`: the deployment's absolute base URL for the links in notifications.
TickReport tick(store::Db& db, const std::vector<incident::RuleSet>& rules, incident::Instant now,
                Sender& sender, const std::string& public_url);

// Queues a test notification to every enabled channel of the organisation and delivers it.
TickReport send_test(store::Db& db, int64_t org_id, incident::Instant now, Sender& sender,
                     const std::string& public_url);

// Runs tick() every `interval_seconds` on its own connection until stop() (or destruction).
class ClockThread {
 public:
  ClockThread(std::string db_path, const std::vector<incident::RuleSet>& rules, const Clock& clock,
              int interval_seconds, std::string public_url);
  ~ClockThread();
  void stop();

 private:
  void run();
  std::string db_path_;
  std::string public_url_;
  const std::vector<incident::RuleSet>& rules_;
  const Clock& clock_;
  int interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace anzen::ops
