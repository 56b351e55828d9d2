// JSON API for what the web does beyond the checklist: risks, assets and plan items (list,
// create, read, replace, delete), reports as downloads, evidence (list, upload, download) and the
// organisation's users (administrators). Same roles and organisation scoping as the pages: an id
// of another organisation is 404.
#include <algorithm>

#include "common/clock.h"
#include "common/file_name.h"
#include "common/invalid.h"
#include "common/json_input.h"
#include "common/vocabulary.h"
#include "report/render.h"
#include "risk/json.h"
#include "risk/repo.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/router.h"
#include "web/services.h"

namespace anzen::web {
using nlohmann::json;

namespace {
json body_object(const Ctx& c) {
  json in = parse_json_input(c.req.body, "body");
  if (!in.is_object())
    throw Invalid("body", "本文は JSON のオブジェクトで送ってください。", "Send a JSON object.",
                  "not_json", "body: expected a JSON object");
  return in;
}

// The roles an administrator gives (the supplier role comes with the supplier's own users).
Invalid role_refused() {
  const std::vector<std::string> roles = {"admin", "assessor", "viewer", "auditor"};
  return Invalid("role",
                 "役割は一覧から選んでください（" + vocab::labels("userrole", roles, "ja") + "）。",
                 "Choose the role from the list (" + vocab::labels("userrole", roles, "en") + ").",
                 "not_in_list", "role: expected admin, assessor, viewer or auditor");
}

int json_int(const json& in, const std::string& field, int fallback) {
  if (!in.contains(field) || in[field].is_null()) return fallback;
  if (!in[field].is_number_integer())
    throw Invalid(field, "整数で指定してください。", "Expected a whole number.", "wrong_type",
                  field + ": expected a whole number");
  int64_t v = in[field].get<int64_t>();
  if (v < -1000000 || v > 1000000)
    throw Invalid(field, "値が範囲外です。", "Out of range.", "out_of_range",
                  field + ": out of range");
  return static_cast<int>(v);
}

template <class T>
std::vector<T> json_list(const json& in, const std::string& field, const std::vector<T>& fallback) {
  if (!in.contains(field) || in[field].is_null()) return fallback;
  if (!in[field].is_array() || in[field].size() > 10000)
    throw Invalid(field, "一覧（配列）で指定してください。", "Expected a list.", "wrong_type",
                  field + ": expected a list");
  std::vector<T> out;
  for (const auto& v : in[field]) {
    if constexpr (std::is_same_v<T, std::string>) {
      if (!v.is_string())
        throw Invalid(field, "文字列の一覧で指定してください。", "Expected a list of strings.",
                      "wrong_type", field + ": expected a list of strings");
    } else {
      if (!v.is_number_integer())
        throw Invalid(field, "ID の一覧で指定してください。", "Expected a list of ids.",
                      "wrong_type", field + ": expected a list of ids");
    }
    out.push_back(v.get<T>());
  }
  return out;
}

std::string text_or(const json& in, const std::string& field, const std::string& fallback) {
  return in.contains(field) ? json_text(in, field) : fallback;
}

// A level pair [likelihood, impact].
// [likelihood, impact], or the object the API answers with ({likelihood, impact, level}), so that
// what a GET returns can be sent back.
void level_pair(const json& in, const std::string& field, int& l, int& i) {
  if (!in.contains(field)) return;
  const json& v = in[field];
  auto is_int = [](const json& x) { return x.is_number_integer(); };
  if (v.is_array() && v.size() == 2 && is_int(v[0]) && is_int(v[1])) {
    l = v[0].get<int>();
    i = v[1].get<int>();
  } else if (v.is_object() && v.contains("likelihood") && v.contains("impact") &&
             is_int(v["likelihood"]) && is_int(v["impact"])) {
    l = v["likelihood"].get<int>();
    i = v["impact"].get<int>();
  } else {
    throw Invalid(field, "[発生可能性, 影響度] の形で指定してください。",
                  "Expected [likelihood, impact] or {likelihood, impact}.", "wrong_type",
                  field + ": expected [likelihood, impact] or {likelihood, impact}");
  }
}

// One JSON shape per entity, shared with the CLI (risk/json.h).
json risk_out(risk::RiskRepo& repo, const risk::Risk& r) {
  return risk::to_json(r, repo.matrix(r.org_id));
}
json asset_out(risk::RiskRepo&, const risk::Asset& a) { return risk::to_json(a); }
json plan_out(risk::RiskRepo&, const risk::PlanItem& p) { return risk::to_json(p); }

risk::Risk risk_in(const json& in, risk::Risk r) {
  r.title = text_or(in, "title", r.title);
  r.threat = text_or(in, "threat", r.threat);
  r.custom_threat = text_or(in, "custom_threat", r.custom_threat);
  r.description = text_or(in, "description", r.description);
  r.owner = text_or(in, "owner", r.owner);
  r.asset_ids = json_list<int64_t>(in, "asset_ids", r.asset_ids);
  r.services = json_list<std::string>(in, "services", r.services);
  r.question_ids = json_list<std::string>(in, "question_ids", r.question_ids);
  level_pair(in, "inherent", r.inherent_l, r.inherent_i);
  level_pair(in, "current", r.current_l, r.current_i);
  level_pair(in, "residual", r.residual_l, r.residual_i);
  r.treatment = text_or(in, "treatment", r.treatment);
  r.approver = text_or(in, "approver", r.approver);
  r.justification = text_or(in, "justification", r.justification);
  r.acceptance_expiry = text_or(in, "acceptance_expiry", r.acceptance_expiry);
  return r;
}

risk::Asset asset_in(const json& in, risk::Asset a) {
  a.name = text_or(in, "name", a.name);
  a.kind = text_or(in, "kind", a.kind);
  a.owner = text_or(in, "owner", a.owner);
  a.c = json_int(in, "c", a.c);
  a.i = json_int(in, "i", a.i);
  a.a = json_int(in, "a", a.a);
  a.services = json_list<std::string>(in, "services", a.services);
  a.suppliers = json_list<std::string>(in, "suppliers", a.suppliers);
  a.depends_on = json_list<int64_t>(in, "depends_on", a.depends_on);
  return a;
}

risk::PlanItem plan_in(const json& in, risk::PlanItem p) {
  p.target_state = text_or(in, "target_state", p.target_state);
  p.actions = text_or(in, "actions", p.actions);
  p.resources = text_or(in, "resources", p.resources);
  p.owner = text_or(in, "owner", p.owner);
  p.deadline = text_or(in, "deadline", p.deadline);
  p.evaluation_method = text_or(in, "evaluation_method", p.evaluation_method);
  p.status = text_or(in, "status", p.status);
  p.progress = json_int(in, "progress", p.progress);
  p.risk_ids = json_list<int64_t>(in, "risk_ids", p.risk_ids);
  p.question_ids = json_list<std::string>(in, "question_ids", p.question_ids);
  return p;
}

json evidence_out(int64_t aid, const assess::Evidence& e) {
  json j = {{"id", e.id},
            {"question", e.question_id},
            {"kind", e.kind},
            {"evidence_date", e.evidence_date},
            {"expires_on", e.expires_on},
            {"uploaded_at", e.uploaded_at},
            {"uploaded_by", e.uploaded_by}};
  if (e.kind == "url") {
    j["url"] = e.url;
  } else {
    j["filename"] = e.filename;
    j["size"] = e.size;
    j["sha256"] = e.sha256;
    j["download"] =
        "/api/v1/assessments/" + std::to_string(aid) + "/evidence/" + std::to_string(e.id);
  }
  return j;
}

json user_out(const User& u, Accounts& acc) {
  return {{"id", u.id},
          {"name", u.name},
          {"role", to_string(u.role)},
          {"lang", u.lang},
          {"disabled", acc.is_disabled(u.id)}};
}
User need_user(Ctx& c, Accounts& acc) {
  auto u = acc.user_by_id(c.path_id(1));
  if (!u || u->org_id != c.org()) throw HttpError(404, "not found");
  return *u;
}

// The three registers share their routes: list, create, read, replace (fields left out keep
// their value), delete.
template <class T>
struct Register {
  const char* path;     // "risks"
  const char* what;     // "risk"
  const char* article;  // "a" or "an"
  std::vector<T> (risk::RiskRepo::*list)(int64_t);
  std::optional<T> (risk::RiskRepo::*one)(int64_t, int64_t);
  T (risk::RiskRepo::*save)(T);
  void (risk::RiskRepo::*remove)(int64_t, int64_t);
  json (*out)(risk::RiskRepo&, const T&);
  T (*in)(const json&, T);
};

template <class T>
void mount_register(Router& r, const Register<T>& g) {
  std::string base = std::string("/api/v1/") + g.path;
  std::string item = base + R"(/(\d+))", doc = base + "/{id}";
  r.api("GET", base, base, std::string("List the organisation's ") + g.path, [g](Ctx& c) {
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    json out = json::array();
    for (const auto& x : (repo.*g.list)(c.org())) out.push_back(g.out(repo, x));
    c.json({{g.path, out}});
  });
  r.api("POST", base, base,
        std::string("Create ") + g.article + " " + g.what + " (JSON object; answers 201 with it)",
        [g](Ctx& c) {
          c.require_edit();
          risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
          T x;
          x = g.in(body_object(c), x);
          x.id = 0;
          x.org_id = c.org();
          c.json(g.out(repo, (repo.*g.save)(x)), 201);
        });
  r.api("GET", item, doc, std::string("One ") + g.what, [g](Ctx& c) {
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    auto x = (repo.*g.one)(c.org(), c.path_id(1));
    if (!x) throw HttpError(404, "not found");
    c.json(g.out(repo, *x));
  });
  r.api("PUT", item, doc,
        std::string("Change ") + g.article + " " + g.what + " (fields left out keep their value)",
        [g](Ctx& c) {
          c.require_edit();
          risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
          auto x = (repo.*g.one)(c.org(), c.path_id(1));
          if (!x) throw HttpError(404, "not found");
          T next = g.in(body_object(c), *x);
          next.id = x->id;
          next.org_id = c.org();
          c.json(g.out(repo, (repo.*g.save)(next)));
        });
  r.api("DELETE", item, doc,
        std::string("Delete ") + g.article + " " + g.what +
            " (refused while other records refer to it)",
        [g](Ctx& c) {
          c.require_edit();
          risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
          if (!(repo.*g.one)(c.org(), c.path_id(1))) throw HttpError(404, "not found");
          (repo.*g.remove)(c.org(), c.path_id(1));
          c.json({{"deleted", c.path_id(1)}});
        });
}
}  // namespace

void mount_records_api(Router& r) {
  mount_register<risk::Risk>(
      r, {"risks", "risk", "a", &risk::RiskRepo::risks, &risk::RiskRepo::risk,
          &risk::RiskRepo::save_risk, &risk::RiskRepo::delete_risk, risk_out, risk_in});
  mount_register<risk::Asset>(
      r, {"assets", "asset", "an", &risk::RiskRepo::assets, &risk::RiskRepo::asset,
          &risk::RiskRepo::save_asset, &risk::RiskRepo::delete_asset, asset_out, asset_in});
  mount_register<risk::PlanItem>(
      r, {"plan", "plan item", "a", &risk::RiskRepo::plan, &risk::RiskRepo::plan_item,
          &risk::RiskRepo::save_plan_item, &risk::RiskRepo::delete_plan_item, plan_out, plan_in});

  r.api("GET", R"(/api/v1/assessments/(\d+)/reports)", "/api/v1/assessments/{id}/reports",
        "Reports of an assessment and their download paths", [](Ctx& c) {
          auto a = need_assessment(c, c.path_id(1));
          json out = json::array();
          for (const auto& k : report::report_kinds()) {
            json formats = json::object();
            for (const auto& f : k.formats)
              formats[f] =
                  "/api/v1/assessments/" + std::to_string(a.id) + "/reports/" + k.id + "." + f;
            out.push_back({{"kind", k.id}, {"ja", k.ja}, {"en", k.en}, {"downloads", formats}});
          }
          c.json({{"reports", out}});
        });
  r.api("GET", R"(/api/v1/assessments/(\d+)/reports/([a-z]+)\.(pdf|html|xlsx|csv))",
        "/api/v1/assessments/{id}/reports/{kind}.{format}",
        "Download a report (?lang=ja|en); the file, audited as a download", [](Ctx& c) {
          auto a = need_assessment(c, c.path_id(1));
          const auto* k = report::find_kind(c.path_arg(2));
          if (!k ||
              std::find(k->formats.begin(), k->formats.end(), c.path_arg(3)) == k->formats.end())
            throw HttpError(404, "not found");
          std::string lang = c.param("lang") == "en" ? "en" : "ja";
          auto svc = assess_service(c);
          auto out = report::render(svc, c.catalogs.rules(), c.catalogs.risk_matrix(),
                                    c.path_arg(2), a.id, c.org(), c.path_arg(3), lang);
          c.res.set_header("Content-Disposition", "attachment; filename=\"" + out.filename + "\"");
          c.res.set_content(out.bytes, out.mime);
        });

  r.api("GET", R"(/api/v1/assessments/(\d+)/evidence)", "/api/v1/assessments/{id}/evidence",
        "Evidence of an assessment (?question= to narrow)", [](Ctx& c) {
          auto a = need_assessment(c, c.path_id(1));
          assess::AssessRepo repo(c.db, c.actor());
          json out = json::array();
          for (const auto& e : repo.evidence(a.id, c.param("question")))
            out.push_back(evidence_out(a.id, e));
          c.json({{"evidence", out}});
        });
  r.api("POST", R"(/api/v1/assessments/(\d+)/questions/([^/]+)/evidence)",
        "/api/v1/assessments/{id}/questions/{question}/evidence",
        "Add evidence: multipart field 'file' (with evidence_date, expires_on) or JSON {url, "
        "evidence_date, expires_on}; answers 201",
        [](Ctx& c) {
          c.require_edit();
          auto a = need_assessment(c, c.path_id(1));
          std::string qid = url_decode(c.path_arg(2));
          if (!framework_of(c, a).question(qid)) throw HttpError(404, "no such question");
          assess::AssessRepo repo(c.db, c.actor());
          assess::Evidence e;
          if (c.req.has_file("file") && !c.req.get_file_value("file").filename.empty()) {
            const auto& f = c.req.get_file_value("file");
            e = repo.add_file(a, qid, f.filename, f.content_type, f.content,
                              c.param("evidence_date"), c.param("expires_on"));
          } else {
            json in = body_object(c);
            std::string url = json_text(in, "url");
            if (url.empty())
              throw Invalid(
                  "url",
                  "証跡はファイル（multipart の file）か、url を含む JSON で送ってください。",
                  "Send a file (multipart field 'file') or a JSON object with url.", "required",
                  "evidence: send a file (multipart field 'file') or a JSON object with url");
            e = repo.add_url(a, qid, url, json_text(in, "evidence_date"),
                             json_text(in, "expires_on"));
          }
          c.json(evidence_out(a.id, e), 201);
        });
  r.api("GET", R"(/api/v1/assessments/(\d+)/evidence/(\d+))",
        "/api/v1/assessments/{id}/evidence/{evidence}", "Download an evidence file", [](Ctx& c) {
          auto a = need_assessment(c, c.path_id(1));
          auto f = assess::AssessRepo(c.db, c.actor()).evidence_file(a.id, c.path_id(2));
          if (!f || f->first.kind != "file") throw HttpError(404, "not found");
          std::string name = safe_file_name(f->first.filename);
          c.res.set_header(
              "Content-Disposition",
              "attachment; filename=\"evidence\"; filename*=UTF-8''" + url_encode(name));
          c.res.set_header("X-Content-SHA256", f->first.sha256);
          c.res.set_content(f->second, download_type(name));
        });

  r.api("GET", "/api/v1/users", "/api/v1/users", "Users of your organisation (administrators)",
        [](Ctx& c) {
          c.require_admin();
          auto acc = accounts(c);
          json out = json::array();
          for (const auto& u : acc.users_of(c.org())) out.push_back(user_out(u, acc));
          c.json({{"users", out}});
        });
  r.api("POST", "/api/v1/users", "/api/v1/users",
        "Create a user (administrators; JSON name, role, password; answers 201)", [](Ctx& c) {
          c.require_admin();
          json in = body_object(c);
          auto role = role_from(json_text(in, "role"));
          if (!role) throw role_refused();
          auto acc = accounts(c);
          auto u = acc.create_user(c.org(), json_text(in, "name"), *role, json_text(in, "password"),
                                   c.actor());
          c.json(user_out(u, acc), 201);
        });
  r.api("GET", R"(/api/v1/users/(\d+))", "/api/v1/users/{id}",
        "One user of your organisation (administrators)", [](Ctx& c) {
          c.require_admin();
          auto acc = accounts(c);
          c.json(user_out(need_user(c, acc), acc));
        });
  r.api("PUT", R"(/api/v1/users/(\d+))", "/api/v1/users/{id}",
        "Change a user's role or disable/enable them (administrators; JSON role, disabled)",
        [](Ctx& c) {
          c.require_admin();
          auto acc = accounts(c);
          auto u = need_user(c, acc);
          json in = body_object(c);
          if (in.contains("role")) {
            auto role = role_from(json_text(in, "role"));
            if (!role) throw role_refused();
            acc.set_role(u.id, *role, c.actor());
          }
          if (in.contains("disabled")) {
            if (!in["disabled"].is_boolean())
              throw Invalid(
                  "disabled", "true（無効にする）か false（有効にする）で指定してください。",
                  "Expected true or false.", "wrong_type", "disabled: expected true or false");
            if (u.id == c.user->id && in["disabled"].get<bool>())
              throw Invalid("disabled", "自分自身のアカウントは無効にできません。",
                            "You cannot disable yourself.", "conflict",
                            "disabled: you cannot disable yourself");
            acc.set_disabled(u.id, in["disabled"].get<bool>(), c.actor());
          }
          c.json(user_out(*acc.user_by_id(u.id), acc));
        });
}

}  // namespace anzen::web
