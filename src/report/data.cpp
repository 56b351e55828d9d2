#include "report/data.h"

#include <ctime>

#include <stdexcept>

#include "common/clock.h"
#include "common/invalid.h"
#include "incident/service.h"

namespace anzen::report {

std::pair<std::string, std::string> fiscal_year(const std::string& period) {
  int y = std::stoi(period.substr(2, 4));
  return {std::to_string(y) + "-04-01", std::to_string(y + 1) + "-04-01"};
}

ReportData gather(assess::AssessService& svc, const std::vector<incident::RuleSet>& rules,
                  const risk::Matrix& risk_matrix, int64_t assessment_id,
                  std::optional<int64_t> org_id) {
  ReportData d;
  store::Db& db = svc.repo().db();
  auto& repo = svc.repo();
  auto a = repo.get(assessment_id, org_id);
  if (!a)
    throw Invalid("assessment", "ID " + std::to_string(assessment_id) + " の自己点検はありません。",
                  "There is no assessment " + std::to_string(assessment_id) + ".", "not_found",
                  "no assessment " + std::to_string(assessment_id));
  d.assessment = *a;
  d.org = repo.org(a->org_id).value_or(assess::Organization{});
  d.catalog = &svc.catalog();
  d.fw = svc.framework(*a);
  if (!d.fw) throw assess::framework_not_loaded(a->framework, a->framework_version);
  const incident::Instant now = svc.clock().now();
  d.today = svc.clock().today_jst();
  std::tie(d.fy_start, d.fy_end) = fiscal_year(a->period);
  d.fy_last = d.fy_end.substr(0, 4) + "-03-31";
  d.answers = repo.answers(a->id);
  d.evidence = repo.evidence(a->id);
  assess::ScoringConfig cfg = svc.scoring();
  d.score = svc.score(*a, d.answers);
  d.coverage = d.score.overall.coverage(cfg);
  for (const auto& it : d.fw->items) {
    if (it.parent.empty() && d.score.by_chapter.count(it.id)) {
      const auto& t = d.score.by_chapter.at(it.id);
      d.by_chapter.push_back({it.id, it.title, t.coverage(cfg), t.questions});
    }
  }
  for (const auto& tag : catalog::threat_tags()) {  // in the order of 表1
    if (auto t = d.score.by_threat.find(tag); t != d.score.by_threat.end()) {
      d.by_threat.push_back({tag, catalog::threat_label(tag), t->second.coverage(cfg), t->second.questions});
    }
  }

  risk::RiskRepo risks(db, risk_matrix, "report");
  d.matrix = risks.matrix(a->org_id);
  d.risks = risks.risks(a->org_id);
  d.gaps = svc.gaps(*a, d.answers);
  d.plan = risks.plan(a->org_id);
  d.overdue = risks.overdue(a->org_id, d.today);
  supplier::Suppliers sup(db, risk_matrix, "report", [&clock = svc.clock()] { return clock.now_iso(); });
  d.suppliers = supplier::overview(sup, a->org_id, d.today);
  for (const auto& p : svc.trend(*a).points) d.trend.push_back({p.period, p.coverage});

  auto reg = incident::IncidentService(db, rules, svc.clock(), "report").as_of(now);
  const int fy = std::stoi(a->period.substr(2, 4));
  for (auto& i : reg.list_current(a->org_id)) {
    if (incident::fiscal_year_of(i) == fy) d.incidents.push_back(std::move(i));
  }
  d.obligations = reg.obligations(a->org_id);
  return d;
}

}  // namespace anzen::report
