#include "report/data.h"

#include <ctime>

#include <stdexcept>

#include "catalog/catalog_dir.h"
#include "common/clock.h"

namespace anzen::report {

std::pair<std::string, std::string> fiscal_year(const std::string& period) {
  int y = std::stoi(period.substr(2, 4));
  return {std::to_string(y) + "-04-01", std::to_string(y + 1) + "-04-01"};
}

ReportData gather(store::Db& db, int64_t assessment_id, std::optional<int64_t> org_id, const std::string& today) {
  ReportData d;
  assess::AssessRepo repo(db, "report");
  auto a = repo.get(assessment_id, org_id);
  if (!a) throw std::invalid_argument("no assessment " + std::to_string(assessment_id));
  d.assessment = *a;
  d.org = repo.org(a->org_id).value_or(assess::Organization{});
  d.fw = catalog::shipped_catalog().find(a->framework, a->framework_version);
  if (!d.fw) throw std::invalid_argument("framework " + a->framework + "@" + a->framework_version + " is not in the catalog");
  d.today = today;
  std::tie(d.fy_start, d.fy_end) = fiscal_year(a->period);
  d.fy_last = d.fy_end.substr(0, 4) + "-03-31";
  d.answers = repo.answers(a->id);
  d.evidence = repo.evidence(a->id);
  assess::ScoringConfig cfg;
  d.score = assess::score(*d.fw, a->role, d.answers, cfg);
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

  risk::RiskRepo risks(db, "report");
  d.matrix = risks.matrix(a->org_id);
  d.risks = risks.risks(a->org_id);
  std::map<std::string, int> linked;
  for (const auto& r : d.risks) {
    for (const auto& q : r.question_ids) ++linked[q];
  }
  d.gaps = assess::gaps(*d.fw, a->role, d.answers, linked, today, cfg);
  d.plan = risks.plan(a->org_id);
  d.overdue = risks.overdue(a->org_id, today);
  supplier::Suppliers sup(db, "report", [] { return utc_now_iso(); });
  d.suppliers = supplier::overview(sup, a->org_id, today);

  for (const auto& other : repo.list(a->org_id)) {
    if (other.framework != a->framework || other.period > a->period || other.role != a->role) continue;
    if (other.id == a->id) {  // already scored above
      d.trend.push_back({other.period, d.coverage});
      continue;
    }
    const auto* ofw = catalog::shipped_catalog().find(other.framework, other.framework_version);
    if (!ofw) continue;
    auto s = assess::score(*ofw, other.role, repo.answers(other.id), cfg);
    d.trend.push_back({other.period, s.overall.coverage(cfg)});
  }

  incident::Register reg(db, "report");
  // The report is made as of `today` (JST): now when that is today, else the end of that day.
  incident::Instant now = std::time(nullptr);
  if (auto t = incident::parse_date(today); t && *t != incident::jst_date(now)) now = (incident::days_from_civil(*t) + 1) * 86400 - 9 * 3600 - 1;
  for (auto& i : reg.list_current(a->org_id, now)) {
    std::string started = i.event.value("started_at", "");
    std::string day = started.substr(0, 10);
    if (day >= d.fy_start && day < d.fy_end) d.incidents.push_back(std::move(i));
  }
  d.obligations = reg.obligations(a->org_id, now);
  return d;
}

}  // namespace anzen::report
