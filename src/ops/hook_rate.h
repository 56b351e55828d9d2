// The delivery rate limit of inbound webhooks, kept in the database (migration 810) so that it
// holds for an integration across every `anzen serve` process over the same database: at most
// kDeliveries deliveries per integration in each window of kWindowSeconds.
#pragma once
#include <cstdint>

#include "store/db.h"

namespace anzen::ops {

struct HookRate {
  static constexpr int kDeliveries = 60;
  static constexpr int kWindowSeconds = 30;  // 2 a second on average, 60 at once
};

// Counts one delivery of the integration at `now_epoch` (seconds) and says whether it is within
// the limit. Atomic on both engines: the count is raised by a conditional UPDATE.
bool allow_hook_delivery(store::Db& db, int64_t integration_id, int64_t now_epoch);

}  // namespace anzen::ops
