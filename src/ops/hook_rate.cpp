#include "ops/hook_rate.h"

namespace anzen::ops {
namespace {
const bool kRegistered = (store::register_migrations({{810, "webhook delivery counts", R"(
CREATE TABLE ops_hook_rate (
  integration_id INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  deliveries INTEGER NOT NULL,
  PRIMARY KEY (integration_id, window_start)
);
)"}}),
                          true);
}  // namespace

bool allow_hook_delivery(store::Db& db, int64_t integration_id, int64_t now_epoch) {
  int64_t window = now_epoch - now_epoch % HookRate::kWindowSeconds;
  db.prepare(
        "INSERT OR IGNORE INTO ops_hook_rate (integration_id, window_start, deliveries) "
        "VALUES (?, ?, 0)")
      .bind(1, integration_id)
      .bind(2, window)
      .run();
  if (db.changes() == 1)  // a new window: earlier ones are no longer needed
    db.prepare("DELETE FROM ops_hook_rate WHERE integration_id = ? AND window_start < ?")
        .bind(1, integration_id)
        .bind(2, window)
        .run();
  db.prepare(
        "UPDATE ops_hook_rate SET deliveries = deliveries + 1 "
        "WHERE integration_id = ? AND window_start = ? AND deliveries < ?")
      .bind(1, integration_id)
      .bind(2, window)
      .bind(3, HookRate::kDeliveries)
      .run();
  return db.changes() == 1;
}

}  // namespace anzen::ops
