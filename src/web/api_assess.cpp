// JSON API for organisations' assessments: list, answers, score, gaps, answer updates.
#include "assess/scoring.h"
#include "common/json_input.h"
#include "web/assess_view.h"
#include "web/router.h"

namespace anzen::web {
using nlohmann::json;

namespace {
json assessment_json(const assess::Assessment& a) {
  return {{"id", a.id}, {"framework", a.framework}, {"framework_version", a.framework_version}, {"role", a.role},
          {"period", a.period}, {"scope", a.scope}, {"previous", a.previous_id ? json(*a.previous_id) : json()}};
}
json answer_json(const assess::Answer& x) {
  return {{"question", x.question_id}, {"status", assess::to_string(x.status)}, {"na_reason", x.na_reason},
          {"maturity", x.maturity ? json(*x.maturity) : json()}, {"owner", x.owner}, {"due", x.due}, {"comment", x.comment},
          {"updated_at", x.updated_at}, {"updated_by", x.updated_by}};
}
}  // namespace

void mount_assessment_api(Router& r) {
  r.api("GET", "/api/v1/assessments", "/api/v1/assessments", "Assessments of your organisation", [](Ctx& c) {
    assess::AssessRepo repo(c.db, c.actor());
    json out = json::array();
    for (const auto& a : repo.list(c.org())) out.push_back(assessment_json(a));
    c.json({{"assessments", out}});
  });
  r.api("GET", R"(/api/v1/assessments/(\d+))", "/api/v1/assessments/{id}", "One assessment with its answers", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    assess::AssessRepo repo(c.db, c.actor());
    json j = assessment_json(a);
    json ans = json::array();
    for (const auto& [q, x] : repo.answers(a.id)) ans.push_back(answer_json(x));
    j["answers"] = ans;
    c.json(j);
  });
  r.api("GET", R"(/api/v1/assessments/(\d+)/score)", "/api/v1/assessments/{id}/score", "Coverage and maturity", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    assess::AssessRepo repo(c.db, c.actor());
    assess::ScoringConfig cfg;
    const auto& fw = framework_of(a);
    json j = assess::score(fw, a.role, repo.answers(a.id), cfg).json(cfg, fw);
    j["coverage"] = j["overall"]["coverage"];
    c.json(j);
  });
  r.api("GET", R"(/api/v1/assessments/(\d+)/gaps)", "/api/v1/assessments/{id}/gaps", "Prioritised gaps with reasons", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    assess::AssessRepo repo(c.db, c.actor());
    json out = json::array();
    for (const auto& g : assess::gaps(framework_of(a), a.role, repo.answers(a.id), {}, today_jst())) {
      json reasons = json::array();
      for (const auto& [en, ja] : g.reasons) reasons.push_back({{"en", en}, {"ja", ja}});
      out.push_back({{"question", g.question_id}, {"status", assess::to_string(g.status)}, {"priority", g.priority}, {"reasons", reasons}});
    }
    c.json({{"gaps", out}});
  });
  r.api("PUT", R"(/api/v1/assessments/(\d+)/answers/([^/]+))", "/api/v1/assessments/{id}/answers/{question}",
        "Set one answer (JSON: status, na_reason, maturity, owner, due, comment)", [](Ctx& c) {
          c.require_edit();
          auto a = need_assessment(c, c.path_id(1));
          assess::AssessRepo repo(c.db, c.actor());
          json in;
          in = parse_json_input(c.req.body, "body");
          if (!in.is_object()) throw std::invalid_argument("body: expected a JSON object");
          std::string qid = c.path_arg(2);
          auto cur = repo.answers(a.id, qid);  // this answer only, not the whole sheet
          assess::Answer next;
          if (auto it = cur.find(qid); it != cur.end()) next = it->second;
          next.question_id = qid;
          if (in.contains("status")) {
            auto st = assess::status_from(in["status"].is_string() ? in["status"].get<std::string>() : "?");
            if (!st) throw std::invalid_argument("status: expected implemented, partial, not_implemented, not_applicable or unanswered");
            next.status = *st;
          }
          if (in.contains("na_reason")) next.na_reason = json_text(in, "na_reason");
          if (in.contains("maturity")) {
            if (in["maturity"].is_null()) next.maturity.reset();
            else if (in["maturity"].is_number_integer()) next.maturity = in["maturity"].get<int>();
            else throw std::invalid_argument("maturity: expected an integer 0-5 or null");
          }
          if (in.contains("owner")) next.owner = json_text(in, "owner");
          if (in.contains("due")) next.due = json_text(in, "due");
          if (in.contains("comment")) next.comment = json_text(in, "comment");
          bool changed = repo.set_answer(a, framework_of(a), next);
          json j = answer_json(repo.answers(a.id, qid).at(qid));
          j["changed"] = changed;
          c.json(j);
        });
}

}  // namespace anzen::web
