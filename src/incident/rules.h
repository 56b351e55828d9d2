// Versioned reporting rules (rules/reporting/*.yaml): thresholds, forms and deadlines.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/model.h"
#include "incident/calendar.h"

namespace anzen::incident {

struct Threshold {
  int hours = 0;
  int64_t users = 0;
  bool unconfirmed = false;  // the value was not checked against a primary text of its era
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
  bool unconfirmed = false;
};

// A service category that has no row of its own in an era (e.g. LPWA before its row was
// added): its events are judged by the rows of `use`.
struct CategoryFallback {
  std::string use;
  bool unconfirmed = false;
  catalog::Text note;
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
  std::map<std::string, CategoryFallback> fallback_categories;
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
  bool periodic_unconfirmed = false;
  // other duties; an absent optional duty did not exist in this era (e.g. the 特定利用者情報
  // leak and おそれ事態 duties begin on 2023-06-16; the facility-information leak was a
  // quarterly-report item until then)
  ReportRule secrecy_leak, business_stoppage, restriction_review;
  std::optional<ReportRule> specified_leak, feared, facility_info_leak;
};

// Loads and validates every *.yaml in `dir`, sorted by effective date. Throws
// catalog::CatalogError with file:line for each defect.
std::vector<RuleSet> load_rules(const std::string& dir);
// The rule set in force on a date (the newest whose effective_from <= date).
const RuleSet& rules_for(const std::vector<RuleSet>& sets, Date d);

}  // namespace anzen::incident
