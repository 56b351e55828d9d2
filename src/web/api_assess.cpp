// JSON API for organisations' assessments: list, answers, score, gaps, answer updates.
#include "assess/json.h"
#include "assess/scoring.h"
#include "common/json_input.h"
#include "web/assess_view.h"
#include "web/json_body.h"
#include "web/router.h"

namespace anzen::web {
using nlohmann::json;

void mount_assessment_api(Router& r) {
  // Kept per organisation at the data revision: integrations poll this list.
  r.api(
      "GET", "/api/v1/assessments", "/api/v1/assessments", "Assessments of your organisation",
      [&r](Ctx& c) {
        std::string revision = data_revision(c.db);
        c.json_text(r.revision_cache().get("assessments|" + std::to_string(c.org()), revision, [&] {
          assess::AssessRepo repo(c.db, c.actor());
          json out = json::array();
          for (const auto& a : repo.list(c.org())) out.push_back(assess::to_json(a));
          return json{{"assessments", out}}.dump();
        }));
      });
  r.api("GET", R"(/api/v1/assessments/(\d+))", "/api/v1/assessments/{id}", "One assessment with its answers", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    assess::AssessRepo repo(c.db, c.actor());
    json j = assess::to_json(a);
    json ans = json::array();
    for (const auto& [q, x] : repo.answers(a.id)) ans.push_back(assess::to_json(x));
    j["answers"] = ans;
    c.json(j);
  });
  r.api("GET", R"(/api/v1/assessments/(\d+)/score)", "/api/v1/assessments/{id}/score", "Coverage and maturity", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    auto svc = assess_service(c);
    const auto& fw = framework_of(c, a);
    json j = svc.score(a).json(svc.scoring(), fw);
    j["coverage"] = j["overall"]["coverage"];
    c.json(j);
  });
  r.api("GET", R"(/api/v1/assessments/(\d+)/gaps)", "/api/v1/assessments/{id}/gaps",
        "Prioritised gaps with reasons", [](Ctx& c) {
          auto a = need_assessment(c, c.path_id(1));
          json out = json::array();
          for (const auto& g : assess_service(c).gaps(a))
            out.push_back(assess::to_json(g, framework_of(c, a)));
          c.json({{"gaps", out}});
        });
  r.api("PUT", R"(/api/v1/assessments/(\d+)/answers/([^/]+))", "/api/v1/assessments/{id}/answers/{question}",
        "Set one answer (JSON: status, na_reason, maturity, owner, due, comment)", [](Ctx& c) {
          c.require_edit();
          auto a = need_assessment(c, c.path_id(1));
          json in = parse_json_input(c.req.body, "body");
          if (!in.is_object()) throw not_an_object();
          assess::AnswerPatch next;
          if (in.contains("status")) {
            auto st = assess::status_from(in["status"].is_string() ? in["status"].get<std::string>() : "?");
            if (!st)
              throw assess::status_refused("status", true,
                                           "status: expected implemented, partial, "
                                           "not_implemented, not_applicable or unanswered");
            next.status = *st;
          }
          if (in.contains("na_reason")) next.na_reason = json_text(in, "na_reason");
          if (in.contains("maturity")) {
            if (in["maturity"].is_null())
              next.maturity = std::optional<int>();
            else if (in["maturity"].is_number_integer()) next.maturity = in["maturity"].get<int>();
            else
              throw Invalid("maturity", "成熟度は成熟度の段階の整数か null で指定してください。",
                            "Expected an integer level of the maturity scale or null.",
                            "wrong_type",
                            "maturity: expected an integer level of the maturity scale or null");
          }
          if (in.contains("owner")) next.owner = json_text(in, "owner");
          if (in.contains("due")) next.due = json_text(in, "due");
          if (in.contains("comment")) next.comment = json_text(in, "comment");
          auto up = assess_service(c).update_answer(a, c.path_arg(2), next);
          json j = assess::to_json(up.answer);
          j["changed"] = up.changed;
          c.json(j);
        });
}

}  // namespace anzen::web
