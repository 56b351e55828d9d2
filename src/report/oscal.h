// OSCAL 1.2.1 interchange of results: an assessment as assessment-results (one observation and
// one finding per question, against the objective ids of the framework's OSCAL catalog export)
// and the treatment plan as a plan of action and milestones.
#pragma once
#include <nlohmann/json.hpp>

#include "report/data.h"

namespace anzen::report {

nlohmann::json assessment_results(const ReportData& d);
nlohmann::json poam(const assess::Organization& org, const std::vector<risk::PlanItem>& plan, const std::vector<risk::Risk>& risks,
                    const risk::Matrix& m);

}  // namespace anzen::report
