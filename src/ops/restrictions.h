// Restriction records from the network (traffic restricted to secure important communications,
// R10/R11): CSV or JSON in, one priority_restriction incident per record, and the data the
// traffic-analysis review (様式第26の3) is drafted from.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "incident/calendar.h"
#include "incident/rules.h"
#include "store/db.h"

namespace anzen::ops {

struct Restriction {
  std::string service;
  incident::Instant start = 0;
  std::optional<incident::Instant> end;
  std::optional<double> share;  // share of traffic restricted, 0..1
  int64_t users = 0;            // users restricted
  bool unforeseen = false;
  std::string reason;
  nlohmann::json to_json() const;
};

// Columns (CSV header, any order) or JSON keys: start, end, service, share, users, unforeseen,
// reason. Throws std::invalid_argument naming the file, row and column.
std::vector<Restriction> parse_restrictions(const std::string& text, const std::string& file_name);

struct RestrictionImport {
  int created = 0, unchanged = 0;
  std::vector<int64_t> incidents;
};
// Creates the incidents in one transaction; a record already imported (same service and start)
// changes nothing.
RestrictionImport import_restrictions(store::Db& db, const std::vector<incident::RuleSet>& rules,
                                      int64_t org_id, const std::vector<Restriction>& records,
                                      incident::Instant now, const std::string& actor);

}  // namespace anzen::ops
