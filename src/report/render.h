// One entry point for every report, shared by the CLI and the web pages: which reports exist,
// in which formats, and their bytes.
#pragma once
#include <optional>
#include <string>
#include <vector>
#include "assess/service.h"
#include "incident/rules.h"
#include "risk/matrix.h"

#include "store/db.h"

namespace anzen::report {

struct ReportKind {
  const char* id;                    // management checklist gaps risks incidents soa disclosure
  const char* ja;                    // its Japanese name
  const char* en;
  std::vector<std::string> formats;  // first is the default
};
const std::vector<ReportKind>& report_kinds();
const ReportKind* find_kind(const std::string& id);

struct Rendered {
  std::string bytes, mime, filename;
};

// Throws std::invalid_argument for an unknown report, a format it does not come in, or an
// assessment outside the organisation (when org_id is given).
// The report is made as of the service's clock.
Rendered render(assess::AssessService& svc, const std::vector<incident::RuleSet>& rules,
                const risk::Matrix& risk_matrix, const std::string& report, int64_t assessment_id,
                std::optional<int64_t> org_id, const std::string& format, const std::string& lang);

}  // namespace anzen::report
