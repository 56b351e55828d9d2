// An incident's timeline: what happened to its record and when, in the words shown on its page.
// Every entry is written here, stamped with the service's clock (a simulated time stamps its own
// records) as UTC ISO 8601 like the record's other times.
#pragma once
#include <string>

#include "incident/calendar.h"
#include "store/db.h"

namespace anzen::incident {

void add_timeline(store::Db& db, int64_t incident_id, Instant at, const std::string& actor,
                  const std::string& text);

}  // namespace anzen::incident
