#include "incident/timeline.h"

#include "common/clock.h"

namespace anzen::incident {

void add_timeline(store::Db& db, int64_t incident_id, Instant at, const std::string& actor,
                  const std::string& text) {
  db.prepare("INSERT INTO incident_timeline(incident_id, at, actor, text) VALUES (?,?,?,?)")
      .bind(1, incident_id)
      .bind(2, utc_iso(at))
      .bind(3, actor)
      .bind(4, text)
      .run();
}

}  // namespace anzen::incident
