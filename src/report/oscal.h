// OSCAL 1.1 interchange of results, with the fields NIST's own examples use
// (ifa_assessment-results-example.json, ifa_plan-of-action-and-milestones.json):
// - assessment_plan: the self-check as an assessment plan (the framework's controls and
//   objectives, the organisation, the self-assessment activity);
// - assessment_results: one observation per question (evidence as back-matter resources with
//   their SHA-256 and links), one finding per question targeting the objective id of the
//   framework's OSCAL catalog and linked to the risks of the register that cite it (as OSCAL
//   risks with likelihood and impact facets), reviewed-controls = the controls answered;
//   import-ap points to the plan, embedded as a back-matter resource;
// - poam: the treatment plan; risks with characterisations (likelihood, impact), deadlines and
//   remediations whose milestones are the plan items' deadlines.
#pragma once
#include <nlohmann/json.hpp>

#include "report/data.h"

namespace anzen::report {

nlohmann::json assessment_plan(const ReportData& d);
nlohmann::json assessment_results(const ReportData& d);
nlohmann::json poam(const assess::Organization& org, const std::vector<risk::PlanItem>& plan,
                    const std::vector<risk::Risk>& risks, const risk::Matrix& m);

}  // namespace anzen::report
