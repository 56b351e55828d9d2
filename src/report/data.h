// Everything a report about one assessment draws on, gathered once from the store: scores,
// gaps, trend, risks, plan, incidents and obligations of the assessment's fiscal year.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assess/repo.h"
#include "assess/scoring.h"
#include "assess/service.h"
#include "catalog/model.h"
#include "incident/register.h"
#include "risk/repo.h"
#include "supplier/overview.h"

namespace anzen::report {

struct Bar {
  std::string id;
  catalog::Text label;
  std::optional<double> value;  // coverage 0..1; nullopt when nothing applies
  int questions = 0;
};

struct TrendPoint {
  std::string period;
  std::optional<double> coverage;
};

struct ReportData {
  assess::Organization org;
  assess::Assessment assessment;
  const catalog::Catalog* catalog = nullptr;  // the loaded frameworks (the service's)
  const catalog::Framework* fw = nullptr;
  std::string today;                      // YYYY-MM-DD (JST) the report was made
  std::string fy_start, fy_end;           // the fiscal year of the period, [start, end)
  std::string fy_last;                    // its last day (YYYY-03-31), for display
  assess::AnswerMap answers;
  std::vector<assess::Evidence> evidence;
  assess::Score score;
  std::optional<double> coverage;
  std::vector<Bar> by_chapter, by_threat;
  std::vector<assess::Gap> gaps;          // highest priority first
  std::vector<TrendPoint> trend;          // earlier periods of the same framework, oldest first
  risk::Matrix matrix;
  std::vector<risk::Risk> risks;
  std::vector<risk::PlanItem> plan, overdue;
  std::vector<incident::Incident> incidents;   // started in the fiscal year
  std::vector<incident::Obligation> obligations;
  std::vector<supplier::SupplierStatus> suppliers;  // the supplier overview as of `today`
};

// Everything from the services (scores, gaps, trend as AssessService defines them; incidents
// of the fiscal year by incident::fiscal_year_of), as of the service's clock. Throws
// std::invalid_argument when the assessment does not exist in the organisation (or at all).
// `rules`: the reporting rule sets the incidents' current verdicts are judged by;
// `risk_matrix`: the matrix of an organisation that set none (app::Catalogs::risk_matrix()).
ReportData gather(assess::AssessService& svc, const std::vector<incident::RuleSet>& rules,
                  const risk::Matrix& risk_matrix, int64_t assessment_id,
                  std::optional<int64_t> org_id);

// "FY2026" → {"2026-04-01", "2027-04-01"} (the Japanese fiscal year).
std::pair<std::string, std::string> fiscal_year(const std::string& period);

}  // namespace anzen::report
