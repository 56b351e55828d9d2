// Versioned reporting rules (rules/reporting/*.yaml): thresholds, forms and deadlines.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "catalog/model.h"
#include "incident/calendar.h"

namespace anzen::incident {

struct Threshold {
  int hours = 0;
  int64_t users = 0;
};

struct ReportRule {
  catalog::Text basis;
  std::string form;
  int days = 0;     // "within N days from the day of …"
  int months = 0;   // "within N months"
  std::string from; // occurred | known
  int64_t users = 0;
  int hours = 0;
  int64_t persons_more_than = 0;
};

struct RuleSet {
  std::string id;
  catalog::Text title;
  Date effective_from;
  bool unconfirmed = false;
  std::string file;
  // serious accidents
  catalog::Text serious_basis;
  std::map<std::string, std::vector<Threshold>> serious;  // by service category
  int satellite_hours = 2;
  ReportRule serious_detailed;
  // periodic-report accidents
  catalog::Text periodic_basis;
  int64_t periodic_users = 0;
  int periodic_hours = 0;
  std::string periodic_form;
  std::vector<std::string> simplified_facilities;
  std::string periodic_per;  // quarter | fiscal_year
  int periodic_months = 2;
  // other duties
  ReportRule secrecy_leak, specified_leak, feared, business_stoppage, restriction_review;
};

// Loads and validates every *.yaml in `dir`, sorted by effective date. Throws
// catalog::CatalogError with file:line for each defect.
std::vector<RuleSet> load_rules(const std::string& dir);
// The rule sets shipped with Anzen ($ANZEN_RULES_DIR or data_dir()/rules/reporting).
const std::vector<RuleSet>& shipped_rules();
// The rule set in force on a date (the newest whose effective_from <= date).
const RuleSet& rules_for(const std::vector<RuleSet>& sets, Date d);

}  // namespace anzen::incident
