// JSON API for the supplier register, questionnaires (send, read, review, revoke) and shared
// snapshots. Everything is scoped to the caller's organisation; anything else is 404.
#include "catalog/catalog_dir.h"
#include "common/clock.h"
#include "common/vocabulary.h"
#include "supplier/view.h"
#include "web/json_body.h"
#include "web/router.h"
#include "web/supplier_view.h"

namespace anzen::web {
using nlohmann::json;

namespace {
supplier::Questionnaire need_q(Ctx& c) { return need_visible_questionnaire(c, c.path_id(1)); }

}  // namespace

void mount_supplier_api(Router& r) {
  r.api("GET", "/api/v1/suppliers", "/api/v1/suppliers", "Your organisation's supplier register",
        [](Ctx& c) {
          json out = json::array();
          for (const auto& s : suppliers_for(c, c.actor()).suppliers(c.org()))
            out.push_back(supplier::supplier_json(s));
          c.json({{"suppliers", out}});
        });
  r.api("POST", "/api/v1/suppliers", "/api/v1/suppliers",
        "Add a supplier (JSON: name, corporate_number, contact, services, contract_start, "
        "contract_end, criticality)",
        [](Ctx& c) {
          c.require_edit();
          json in = body_object(c);
          supplier::Supplier s;
          s.org_id = c.org();
          s.name = string_field(in, "name", true);
          s.corporate_number = string_field(in, "corporate_number");
          s.contact = string_field(in, "contact");
          s.services = string_array(in, "services");
          s.contract_start = string_field(in, "contract_start");
          s.contract_end = string_field(in, "contract_end");
          if (in.contains("criticality")) s.criticality = string_field(in, "criticality");
          c.json(supplier::supplier_json(suppliers_for(c, c.actor()).create_supplier(s)), 201);
        });
  r.api("GET", R"(/api/v1/suppliers/(\d+))", "/api/v1/suppliers/{id}",
        "A supplier with its re-assessment, linked assets, risks and contracts (the same JSON as "
        "anzen supplier show --json)",
        [](Ctx& c) {
          auto svc = suppliers_for(c, c.actor());
          auto s = svc.supplier(c.org(), c.path_id(1));
          if (!s) throw HttpError(404, "not found");
          c.json(supplier::supplier_detail_json(svc, *s, c.clock.today_jst()));
        });
  r.api("GET", "/api/v1/questionnaires", "/api/v1/questionnaires",
        "Questionnaires your organisation sent and received", [](Ctx& c) {
          auto svc = suppliers_for(c, c.actor());
          json sent = json::array(), received = json::array();
          bool supplier_user = c.user && c.user->role == Role::supplier;
          for (const auto& q :
               supplier_user ? std::vector<supplier::Questionnaire>{} : svc.sent_by(c.org()))
            sent.push_back({{"id", q.id},
                            {"supplier_id", q.supplier_id},
                            {"template", q.tmpl},
                            {"status", supplier::to_string(q.status)},
                            {"due", q.due}});
          for (const auto& q : svc.addressed_to(c.org()))
            received.push_back({{"id", q.id},
                                {"template", q.tmpl},
                                {"status", supplier::to_string(q.status)},
                                {"due", q.due}});
          c.json({{"sent", sent}, {"received", received}});
        });
  r.api("POST", "/api/v1/questionnaires", "/api/v1/questionnaires",
        "Send a questionnaire (JSON: supplier, template, due, expires, custom); the portal token "
        "is returned once",
        [](Ctx& c) {
          c.require_edit();
          json in = body_object(c);
          if (!in.contains("supplier") || !in["supplier"].is_number_integer())
            throw Invalid("supplier", "委託先を ID（整数）で指定してください。",
                          "Give the supplier as an id (a whole number).", "required",
                          "supplier: expected a supplier id");
          std::string tmpl = string_field(in, "template", true);
          auto qs = supplier::build_questions(c.catalogs.catalog(), tmpl);
          auto custom = string_array(in, "custom");
          supplier::add_custom(qs, custom);
          auto sent = suppliers_for(c, c.actor())
                          .send(c.org(), in["supplier"].get<int64_t>(), tmpl, std::move(qs),
                                string_field(in, "due", true), string_field(in, "expires"));
          c.json({{"id", sent.q.id}, {"token", sent.token}, {"url", "/portal/" + sent.token}}, 201);
        });
  r.api("GET", R"(/api/v1/questionnaires/(\d+))", "/api/v1/questionnaires/{id}",
        "A questionnaire with its answers and history", [](Ctx& c) {
          auto q = need_q(c);
          auto svc = suppliers_for(c, c.actor());
          json j = supplier::questionnaire_json(q, svc.answers(q.id));
          j["history"] = supplier::history_json(svc.history(q.id));
          c.json(j);
        });
  r.api("PUT", R"(/api/v1/questionnaires/(\d+)/answers/([^/]+))",
        "/api/v1/questionnaires/{id}/answers/{question}",
        "Answer one question of a questionnaire addressed to your organisation (JSON: status, "
        "comment); for supplier users and editors of the addressed organisation",
        [](Ctx& c) {
          require_answer(c);
          auto q = need_q(c);
          if (q.org_id == c.org()) throw HttpError(403, "the supplier answers this questionnaire");
          json in = body_object(c);
          auto st = assess::status_from(string_field(in, "status", true));
          if (!st)
            throw assess::status_refused(
                "status", false,
                "status: expected implemented, partial, not_implemented or not_applicable");
          auto svc = suppliers_for(c, c.actor());
          not_found_on_range(
              [&] { svc.set_answer(q, c.path_arg(2), *st, string_field(in, "comment")); });
          auto now = svc.questionnaire(q.id, c.org());
          c.json(supplier::questionnaire_json(*now, svc.answers(q.id)));
        });
  r.api("POST", R"(/api/v1/questionnaires/(\d+)/submit)", "/api/v1/questionnaires/{id}/submit",
        "Submit the answers of a questionnaire addressed to your organisation", [](Ctx& c) {
          require_answer(c);
          auto q = need_q(c);
          if (q.org_id == c.org()) throw HttpError(403, "the supplier submits this questionnaire");
          auto svc = suppliers_for(c, c.actor());
          svc.submit(q);
          c.json({{"id", q.id},
                  {"status", supplier::to_string(svc.questionnaire(q.id, c.org())->status)}});
        });
  r.api("GET", "/api/v1/suppliers/reassessments", "/api/v1/suppliers/reassessments",
        "Every supplier's next assessment due date and state (ok, due_soon, overdue)", [](Ctx& c) {
          json out = json::array();
          for (const auto& x : suppliers_for(c, c.actor()).reassessments(c.org(), c.clock.today_jst()))
            out.push_back(supplier::reassessment_json(x));
          c.json({{"reassessments", out}});
        });
  r.api("POST", R"(/api/v1/questionnaires/(\d+)/review)", "/api/v1/questionnaires/{id}/review",
        "Review a submitted questionnaire (JSON: verdict accept|return|reject, comment, comments "
        "{question: text})",
        [](Ctx& c) {
          c.require_edit();
          auto q = need_q(c);
          if (q.org_id != c.org()) throw HttpError(403, "the sender reviews this questionnaire");
          json in = body_object(c);
          auto v = supplier::verdict_from(string_field(in, "verdict", true));
          if (!v) {
            const std::vector<std::string> verdicts = {"accept", "return", "reject"};
            throw Invalid("verdict",
                          "審査の結果は一覧から選んでください（" +
                              vocab::labels("qevent", verdicts, "ja") + "）。",
                          "Choose the verdict from the list (" +
                              vocab::labels("qevent", verdicts, "en") + ").",
                          "not_in_list", "verdict: expected accept, return or reject");
          }
          std::map<std::string, std::string> per;
          if (in.contains("comments")) {
            if (!in["comments"].is_object())
              throw Invalid(
                  "comments",
                  "質問ごとの指摘は {質問の ID: 指摘} の JSON オブジェクトで指定してください。",
                  "Expected an object {question: comment}.", "wrong_type",
                  "comments: expected an object {question: comment}");
            for (const auto& [k, val] : in["comments"].items()) {
              if (!val.is_string())
                throw not_text("comments." + k, "comments." + k + ": expected a string");
              per[k] = val.get<std::string>();
            }
          }
          auto svc = suppliers_for(c, c.actor());
          svc.review(q, *v, string_field(in, "comment"), per);
          c.json({{"id", q.id},
                  {"status", supplier::to_string(svc.questionnaire(q.id, c.org())->status)}});
        });
  r.api("POST", R"(/api/v1/questionnaires/(\d+)/revoke)", "/api/v1/questionnaires/{id}/revoke",
        "Revoke every portal link of a questionnaire", [](Ctx& c) {
          c.require_edit();
          auto q = need_q(c);
          if (q.org_id != c.org()) throw HttpError(403, "the sender revokes links");
          c.json({{"id", q.id}, {"revoked", suppliers_for(c, c.actor()).revoke_links(q)}});
        });
  mount_contract_api(r);
  mount_record_supplier_api(r);
  r.api("GET", R"(/api/v1/snapshots/(\d+))", "/api/v1/snapshots/{id}",
        "A maker's snapshot shared with your organisation (the read is logged)", [](Ctx& c) {
          auto snap = suppliers_for(c, c.actor()).read_shared(c.org(), c.path_id(1));
          if (!snap) throw HttpError(404, "not found");
          c.json(supplier::snapshot_json(*snap));
        });
  r.api("POST", R"(/api/v1/snapshots/(\d+)/shares)", "/api/v1/snapshots/{id}/shares",
        "Share your snapshot with an operator (JSON: org)", [](Ctx& c) {
          c.require_edit();
          json in = body_object(c);
          if (!in.contains("org") || !in["org"].is_number_integer())
            throw Invalid("org", "共有先の組織を ID（整数）で指定してください。",
                          "Give the organisation as an id (a whole number).", "required",
                          "org: expected an organisation id");
          not_found_on_range([&] {
            c.json(
                supplier::share_json(suppliers_for(c, c.actor())
                                         .share(c.org(), c.path_id(1), in["org"].get<int64_t>())),
                201);
          });
        });
  r.api("POST", R"(/api/v1/shares/(\d+)/revoke)", "/api/v1/shares/{id}/revoke",
        "Revoke a share of your snapshot", [](Ctx& c) {
          c.require_edit();
          not_found_on_range(
              [&] { suppliers_for(c, c.actor()).revoke_share(c.org(), c.path_id(1)); });
          c.json({{"id", c.path_id(1)}, {"revoked", true}});
        });
}

}  // namespace anzen::web
