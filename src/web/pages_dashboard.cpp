// The dashboard: coverage by chapter and threat, open gaps, legal deadlines, trend.
#include <ctime>

#include "assess/scoring.h"
#include "common/text.h"
#include "web/assess_view.h"
#include "web/dashboard_parts.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/svg.h"

namespace anzen::web {

namespace {
std::string dashboard_body(Ctx& c) {
    assess::AssessRepo repo(c.db, c.actor());
    std::string b = "<h1>" + esc(c.t("nav.dashboard")) + "</h1>";
    auto org = repo.org(c.org());
    if (org) b += "<p class=\"muted\">" + esc(org->name) + "</p>";
    auto latest = latest_assessment(c);
    assess::ScoringConfig cfg;
    if (!latest) {
      b += "<p>" + esc(c.t("dash.no_assessment")) + " <a href=\"/assessments\">" + esc(c.t("nav.assessments")) + "</a></p>";
    } else {
      const auto& fw = framework_of(c, *latest);
      auto svc = assess_service(c);
      auto answers = repo.answers(latest->id);
      auto sc = svc.score(*latest, answers);
      auto gs = svc.gaps(*latest, answers);
      auto cov = sc.overall.coverage(cfg);
      char v[16];
      std::snprintf(v, sizeof v, "%.4f", cov.value_or(0));
      b += "<div class=\"cards\"><div class=\"card\"><div>" + esc(c.t("dash.coverage")) + " — <a href=\"/assessments/" + std::to_string(latest->id) + "\">" +
           esc(latest->period) + "</a></div><div class=\"big\" id=\"overall-coverage\" data-value=\"" + v + "\">" + text::percent(cov) +
           "</div><div class=\"muted\">" + std::to_string(sc.overall.answered) + "/" + std::to_string(sc.overall.questions) +
           (c.lang == "en" ? " answered" : " 回答済") + "</div></div><div class=\"card\"><div>" + esc(c.t("dash.open_gaps")) +
           "</div><div class=\"big\" id=\"open-gaps\">" + std::to_string(gs.size()) + "</div><div><a href=\"/assessments/" + std::to_string(latest->id) +
           "/gaps\">" + esc(c.t("nav.gaps")) + "</a></div></div>" + dashboard_cards(c) + "</div>";
      std::vector<Bar> chapters, threats;
      for (const auto& it : fw.items) {
        if (it.kind != "chapter" || !sc.by_chapter.count(it.id)) continue;
        const auto& t = sc.by_chapter.at(it.id);
        chapters.push_back({it.label + " " + it.title.in(c.lang), t.coverage(cfg).value_or(0),
                            std::to_string(t.answered) + "/" + std::to_string(t.questions)});
      }
      for (const auto& [tag, t] : sc.by_threat) {
        threats.push_back({c.t("threat." + tag), t.coverage(cfg).value_or(0), std::to_string(t.answered) + "/" + std::to_string(t.questions)});
      }
      b += "<h2>" + esc(c.t("dash.by_chapter")) + "</h2>" + bar_chart_svg(c.t("dash.by_chapter"), chapters);
      b += "<h2>" + esc(c.t("dash.by_threat")) + "</h2>" + bar_chart_svg(c.t("dash.by_threat"), threats);
      b += "<h2>" + esc(c.t("dash.open_gaps")) + "</h2><table class=\"gaps\"><tbody>";
      for (size_t i = 0; i < gs.size() && i < 10; ++i) {
        const auto* q = fw.question(gs[i].question_id);
        b += "<tr><td><a href=\"/assessments/" + std::to_string(latest->id) + "/questions/" + url_encode(gs[i].question_id) + "\">" +
             esc(gs[i].question_id) + "</a></td><td>" + esc(q->text.in(c.lang)) + "</td><td>" + status_badge(c, gs[i].status) +
             "</td><td class=\"num\">" + std::to_string(gs[i].priority) + "</td></tr>";
      }
      b += "</tbody></table>";
      std::vector<Point> trend;
      for (const auto& p : svc.trend(*latest).points)
        trend.push_back({p.period, p.coverage.value_or(0)});
      b += "<h2>" + esc(c.t("dash.trend")) + "</h2>" + trend_svg(c.t("dash.trend"), trend);
    }
    b += dashboard_sections(c);
    b += supplier_dashboard_section(c);
    return b;
}

// The dashboard scores every assessment of the organisation; its body only changes when data
// changes (a new data revision), when the language or role differs, or as deadlines move on. So
// it is kept per (organisation, role, language, minute) at the data revision, and the whole page
// (the layout adds the user's name, role, CSRF token and the links of the URL asked for) per
// session and URL as well.
std::string cached_page(Ctx& c, RevisionCache& cache) {
  std::string revision = data_revision(c.db);
  std::time_t now = c.clock.now();
  std::string key = std::to_string(c.org()) + "|" +
                    (c.user ? std::to_string(static_cast<int>(c.user->role)) : "-") + "|" + c.lang +
                    "|" + std::to_string(now / 60) + "|" + c.param("as_of");
  std::string who = c.user ? std::to_string(c.user->id) + "|" + c.user->name + "|" + c.csrf : "-";
  return cache.get("dashboard-page|" + key + "|" + who + "|" + c.req.target, revision, [&] {
    return layout(c, c.t("nav.dashboard"),
                  cache.get("dashboard|" + key, revision, [&] { return dashboard_body(c); }));
  });
}
}  // namespace

void mount_dashboard_pages(Router& r) {
  r.get("/", [&r](Ctx& c) { c.html(cached_page(c, r.revision_cache())); });
}

}  // namespace anzen::web
