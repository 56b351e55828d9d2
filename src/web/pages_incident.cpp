// Telecom accidents: register, live classification, obligations; dashboard deadlines; API.
#include <algorithm>
#include <ctime>
#include <map>

#include "incident/register.h"
#include "risk/repo.h"
#include "common/text.h"
#include "common/json_input.h"
#include "common/number_input.h"
#include "web/dashboard_parts.h"
#include "web/html.h"
#include "web/layout.h"
#include "common/vocabulary.h"
#include "web/router.h"
#include "web/table_view.h"

namespace anzen::web {
using incident::Register;
using nlohmann::json;

namespace {
// The clock of a request: now, or ?as_of=ISO time to see the register as of another moment
// (every page and API route of the register takes it, so that they can be compared).
incident::Instant now_of(const Ctx& c) {
  if (c.param("as_of").empty()) return std::time(nullptr);
  auto t = incident::parse_instant(c.param("as_of"));
  if (!t) throw std::invalid_argument("as_of: expected an ISO 8601 time with offset, e.g. 2026-03-15T10:00:00+09:00");
  return *t;
}
incident::Date today(const Ctx& c) { return incident::jst_date(now_of(c)); }

std::string kind_label(const Ctx& c, const json& cls) {
  return esc(c.lang == "en" ? cls["label"]["en"].get<std::string>() : cls["label"]["ja"].get<std::string>());
}

// datetime-local inputs carry no offset: they are Japan Standard Time.
std::string local_to_iso(const std::string& v) {
  if (v.empty()) return v;
  if (v.find('+') != std::string::npos || v.back() == 'Z') return v;
  return (v.size() == 16 ? v + ":00" : v) + "+09:00";
}

std::string classification_html(const Ctx& c, const json& verdict) {
  std::string h = "<div class=\"classifications\">";
  for (const auto& cls : verdict["classifications"]) {
    std::string kind = cls["kind"];
    h += "<div class=\"card\"><h2>" + kind_label(c, cls) + " <span class=\"badge\">" + esc(cls["rule"].get<std::string>()) + "</span></h2><p>" +
         esc(cls["explanation"][c.lang == "en" ? "en" : "ja"].get<std::string>()) + "</p>";
    if (cls.contains("caveat")) {
      h += "<p class=\"caveat\" role=\"note\">※ " + esc(cls["caveat"][c.lang == "en" ? "en" : "ja"].get<std::string>()) + "</p>";
    }
    if (!cls["threshold"].get<std::string>().empty()) h += "<p class=\"muted\">" + esc(cls["threshold"].get<std::string>()) + "</p>";
    if (cls["basis"].is_string()) h += "<p class=\"muted\">" + esc(cls["basis"].get<std::string>()) + "</p>";
    if (!cls["reports"].empty()) {
      h += "<table><thead><tr><th>" + std::string(c.lang == "en" ? "Report" : "報告") + "</th><th>" + (c.lang == "en" ? "Form" : "様式") + "</th><th>" +
           esc(c.t("common.due")) + "</th></tr></thead><tbody>";
      for (const auto& r : cls["reports"]) {
        std::string type = r["type"];
        std::string due = r["due"].is_string() ? r["due"].get<std::string>()
                                               : std::string(c.lang == "en" ? "now (promptly)" : "速やかに") +
                                                     (r.contains("triggered_at") ? " — " + r["triggered_at"].get<std::string>() : "");
        if (r.contains("due_before_holiday_extension")) {
          due += c.lang == "en" ? " (moved from " + r["due_before_holiday_extension"].get<std::string>() + ", a holiday)"
                                : "（" + r["due_before_holiday_extension"].get<std::string>() + " が休日のため延長）";
        }
        static const std::map<std::string, std::pair<std::string, std::string>> names = {
            {"prompt", {"速報", "prompt report"}}, {"detailed", {"詳細な報告", "detailed report"}},
            {"periodic", {"定期報告", "periodic report"}}, {"review", {"分析・検証の報告", "review report"}}};
        auto n = names.count(type) ? names.at(type) : std::make_pair(type, type);
        h += "<tr><td>" + esc(c.lang == "en" ? n.second : n.first) + "</td><td>" + esc(r["form"].get<std::string>()) + "</td><td>" + esc(due) + "</td></tr>";
      }
      h += "</tbody></table>";
    }
    h += "</div>";
  }
  return h + "</div>";
}

std::string obligations_table(const Ctx& c, const std::vector<incident::Obligation>& obs, size_t limit) {
  if (obs.empty()) return "<p class=\"muted\">" + esc(c.t("common.none")) + "</p>";
  std::string h = "<table class=\"obligations\"><thead><tr><th>" + esc(c.t("common.due")) + "</th><th>" + esc(c.t("nav.incidents")) + "</th><th>" +
                  (c.lang == "en" ? "Report" : "報告") + "</th></tr></thead><tbody>";
  auto t = today(c);
  for (size_t i = 0; i < obs.size() && i < limit; ++i) {
    const auto& o = obs[i];
    std::string due;
    if (!o.due) {
      due = c.t("due.prompt");
    } else {
      int64_t left = incident::days_from_civil(*o.due) - incident::days_from_civil(t);
      due = o.due->str() + (o.overdue ? (c.lang == "en" ? " (overdue " : "（超過 ") + std::to_string(-left) + (c.lang == "en" ? " d)" : " 日）")
                                      : (c.lang == "en" ? " (" : "（あと ") + std::to_string(left) + (c.lang == "en" ? " d left)" : " 日）"));
    }
    h += "<tr><td class=\"" + std::string(o.overdue || !o.due ? "overdue" : "") + "\">" + esc(due) + "</td><td><a href=\"/incidents/" +
         std::to_string(o.incident_id) + "\">" + esc(o.incident_title) + "</a></td><td>" + esc(o.form) + (c.lang == "en" ? " (" : "（") + esc(c.t("report." + o.type)) + (c.lang == "en" ? ")" : "）") + "</td></tr>";
  }
  return h + "</tbody></table>";
}

const char* kTypes[] = {"outage", "quality_degradation", "non_telecom_facility_failure", "secrecy_leak", "specified_user_info_leak", "feared_event", "priority_restriction",
                        "facility_info_leak"};
const char* kCats[] = {"voice_emergency", "voice_no_emergency", "lpwa", "free_internet", "other"};
const char* kFacilities[] = {"other", "important_satellite_submarine", "mobile_access_line", "remote_subscriber_unit", "dslam", "user_premises"};

std::string select(const std::string& name, const char* const* values, size_t n) {
  std::string h = "<select id=\"" + name + "\" name=\"" + name + "\">";
  for (size_t i = 0; i < n; ++i) h += std::string("<option>") + values[i] + "</option>";
  return h + "</select>";
}

json event_from_form(const Ctx& c) {
  json e = {{"event_type", c.param("event_type")}, {"service_category", c.param("service_category")}, {"facility", c.param("facility")},
            {"started_at", local_to_iso(c.param("started_at"))}};
  std::string users = c.param("affected_users");
  if (users.empty()) e["affected_users"] = nullptr;
  else {
    auto u = parse_grouped_count(users);
    if (!u) throw std::invalid_argument("affected_users: expected a whole number such as 40000 or 40,000, or empty (unknown)");
    e["affected_users"] = *u;
  }
  e["ended_at"] = c.param("ended_at").empty() ? json() : json(local_to_iso(c.param("ended_at")));
  if (!c.param("known_at").empty()) e["known_at"] = local_to_iso(c.param("known_at"));
  for (const char* b : {"all_traffic_blocked", "additional_function_only", "designated_operator", "restriction_unforeseen"}) {
    if (c.param(b) == "on") e[b] = true;
  }
  return e;
}
}  // namespace

std::string dashboard_cards(Ctx& c) {
  auto late = risk::RiskRepo(c.db, c.actor()).overdue(c.org(), today(c).str());
  std::string plan_card = "<div class=\"card\"><div>" + esc(c.t("dash.overdue")) + "</div><div class=\"big\" id=\"overdue-plan\">" + std::to_string(late.size()) +
                          "</div><div><a href=\"/plan\">" + esc(c.t("nav.plan")) + "</a></div></div>";
  auto obs = Register(c.db, c.actor()).obligations(c.org(), now_of(c));
  size_t urgent = 0;
  for (const auto& o : obs) urgent += o.overdue || !o.due;
  return "<div class=\"card\"><div>" + esc(c.t("dash.deadlines")) + "</div><div class=\"big\" id=\"legal-deadlines\">" + std::to_string(obs.size()) +
         "</div><div class=\"" + std::string(urgent ? "overdue" : "muted") + "\">" + std::to_string(urgent) + (c.lang == "en" ? " due now or overdue" : " 件が期限到来・超過") +
         "</div></div>" + plan_card;
}

std::string dashboard_sections(Ctx& c) {
  auto obs = Register(c.db, c.actor()).obligations(c.org(), now_of(c));
  return ops_dashboard_section(c) + "<h2>" + esc(c.t("dash.deadlines")) + "</h2>" + obligations_table(c, obs, 10);
}

void mount_incident_pages(Router& r) {
  r.get("/incidents", [](Ctx& c) {
    Register reg(c.db, c.actor());
    std::string b = "<h1>" + esc(c.t("nav.incidents")) + "</h1>";
    if (c.user && can_edit(c.user->role)) b += "<p><a class=\"button\" href=\"/incidents/new\">" + std::string(c.lang == "en" ? "Record an accident" : "事故を登録") + "</a></p>";
    b += "<p><a href=\"/congestion\">" + esc(c.t("ops.congestion")) + "</a>";
    if (c.user && can_admin(c.user->role)) {
      b += " · <a href=\"/admin/integrations\">" + esc(c.t("ops.integrations")) + "</a> · <a href=\"/admin/notifications\">" + esc(c.t("ops.notifications")) + "</a>";
    }
    b += "</p>";
    b += "<h2>" + esc(c.t("dash.deadlines")) + "</h2>" + obligations_table(c, reg.obligations(c.org(), now_of(c)), 100);
    b += "<h2>" + std::string(c.lang == "en" ? "Register" : "事故一覧") + "</h2>";
    std::vector<Column> cols = {{"id", "#", true},
                                {"title", c.t("common.title")},
                                {"kinds", c.lang == "en" ? "Classification" : "判定"},
                                {"status", c.t("common.status")}};
    std::vector<Row> rows;
    for (const auto& i : reg.list_current(c.org(), now_of(c))) {
      std::string kinds;
      for (const auto& cls : i.classification["classifications"]) kinds += kind_label(c, cls) + " ";
      rows.push_back(
          {{number_cell(i.id),
            {"<a href=\"/incidents/" + std::to_string(i.id) + "\">" + esc(i.title) + "</a>",
             i.title},
            {kinds, kinds},
            text_cell(vocab::label_or_code("incidentstatus", i.status, c.lang))},
           ""});
    }
    b += sorted_table(c, cols, std::move(rows), {"", "id", true, 25, "", "incident-table"});
    c.html(layout(c, c.t("nav.incidents"), b));
  });

  r.get("/incidents/new", [](Ctx& c) {
    c.require_edit();
    std::string b = "<h1>" + std::string(c.lang == "en" ? "Record a telecom accident" : "電気通信事故の登録") + "</h1><form method=\"post\" action=\"/incidents\">" + csrf_field(c) +
                    "<label for=\"title\">" + esc(c.t("common.title")) + "</label><input type=\"text\" id=\"title\" name=\"title\" size=\"50\" required>"
                    "<label for=\"event_type\">" + (c.lang == "en" ? "Event type" : "事象の種類") + "</label>" + select("event_type", kTypes, std::size(kTypes)) +
                    "<label for=\"service_category\">" + (c.lang == "en" ? "Service category" : "役務の区分") + "</label>" + select("service_category", kCats, 5) +
                    "<label for=\"facility\">" + (c.lang == "en" ? "Facility" : "設備") + "</label>" + select("facility", kFacilities, 6) +
                    "<label for=\"affected_users\">" + (c.lang == "en" ? "Affected users (empty if unknown)" : "影響利用者数（不明なら空欄）") +
                    "</label><input type=\"number\" min=\"0\" id=\"affected_users\" name=\"affected_users\">"
                    "<label for=\"started_at\">" + (c.lang == "en" ? "Started (JST)" : "発生日時（日本時間）") + "</label><input type=\"datetime-local\" id=\"started_at\" name=\"started_at\" required>"
                    "<label for=\"ended_at\">" + (c.lang == "en" ? "Restored (JST; empty while ongoing)" : "復旧日時（継続中は空欄）") + "</label><input type=\"datetime-local\" id=\"ended_at\" name=\"ended_at\">"
                    "<label for=\"known_at\">" + (c.lang == "en" ? "Became aware (JST; default: start)" : "認知日時（省略時は発生日時）") + "</label><input type=\"datetime-local\" id=\"known_at\" name=\"known_at\">"
                    "<label><input type=\"checkbox\" name=\"all_traffic_blocked\"> " + (c.lang == "en" ? "All traffic over the facility blocked" : "当該設備の全ての通信が停止") + "</label>"
                    "<label><input type=\"checkbox\" name=\"additional_function_only\"> " + (c.lang == "en" ? "Only an additional function affected" : "付加的な機能のみの障害") + "</label>"
                    "<label for=\"prefectures\">" + (c.lang == "en" ? "Prefectures (comma-separated)" : "影響都道府県（読点・カンマ区切り）") + "</label><input type=\"text\" id=\"prefectures\" name=\"prefectures\" size=\"40\">"
                    "<label for=\"cause\">" + (c.lang == "en" ? "Cause" : "原因") + "</label><input type=\"text\" id=\"cause\" name=\"cause\" size=\"50\">"
                    "<label for=\"actions\">" + (c.lang == "en" ? "Actions taken" : "措置") + "</label><input type=\"text\" id=\"actions\" name=\"actions\" size=\"50\">"
                    "<label for=\"description\">" + (c.lang == "en" ? "Description" : "概要") + "</label><textarea id=\"description\" name=\"description\"></textarea>"
                    "<p><button type=\"submit\" id=\"save-incident\">" + esc(c.t("common.save")) + "</button></p></form>";
    c.html(layout(c, c.t("nav.incidents"), b));
  });

  r.post("/incidents", [](Ctx& c) {
    c.require_edit();
    Register reg(c.db, c.actor());
    json details = json::object();
    json prefs = text::split_list(c.param("prefectures"));
    if (!prefs.empty()) details["prefectures"] = prefs;
    if (!c.param("cause").empty()) details["cause"] = c.param("cause");
    if (!c.param("actions").empty()) details["actions"] = c.param("actions");
    auto inc = reg.create(c.org(), c.param("title"), c.param("description"), event_from_form(c), std::time(nullptr), details);
    c.redirect("/incidents/" + std::to_string(inc.id));
  });

  r.get(R"(/incidents/(\d+))", [](Ctx& c) {
    Register reg(c.db, c.actor());
    auto inc = reg.current(c.org(), c.path_id(1), now_of(c));
    if (!inc) throw HttpError(404, "not found");
    const json& verdict = inc->classification;
    std::string b = "<p><a href=\"/incidents\">← " + esc(c.t("nav.incidents")) + "</a></p><h1>" + esc(inc->title) + "</h1><p class=\"muted\">" +
                    esc(inc->event.value("event_type", "")) + " · " + esc(inc->event.value("service_category", "")) + " · " +
                    (c.lang == "en" ? "users " : "影響利用者数 ") + (inc->event["affected_users"].is_null() ? "?" : inc->event["affected_users"].dump()) +
                    " · " + esc(inc->event.value("started_at", "")) + " → " + (inc->event["ended_at"].is_null() ? std::string(c.lang == "en" ? "ongoing" : "継続中") : esc(inc->event["ended_at"].get<std::string>())) +
                    "</p>" + (inc->description.empty() ? "" : "<p>" + esc(inc->description) + "</p>");
    const auto& d = inc->details;
    if (d.contains("prefectures") || d.contains("cause") || d.contains("actions")) {
      b += "<p class=\"muted\">";
      if (d.contains("prefectures")) for (const auto& p : d["prefectures"]) b += esc(p.get<std::string>()) + " ";
      if (d.contains("cause")) b += "· " + std::string(c.lang == "en" ? "cause: " : "原因: ") + esc(d["cause"].get<std::string>()) + " ";
      if (d.contains("actions")) b += "· " + std::string(c.lang == "en" ? "actions: " : "措置: ") + esc(d["actions"].get<std::string>());
      b += "</p>";
    }
    if (d.contains("user_estimates")) {
      b += "<p class=\"muted\">" + std::string(c.lang == "en" ? "Estimates of affected users: " : "影響利用者数の推計: ");
      for (const auto& e : d["user_estimates"]) b += esc(e["at"].get<std::string>()) + " " + esc(e["from"].dump()) + " → " + esc(e["to"].dump()) + "; ";
      b += "</p>";
    }
    b += classification_html(c, verdict);
    if (c.user && can_edit(c.user->role)) {
      b += "<h2>" + std::string(c.lang == "en" ? "Update" : "更新") + "</h2><form method=\"post\" action=\"/incidents/" + std::to_string(inc->id) + "\">" + csrf_field(c) +
           "<label for=\"affected_users\">" + (c.lang == "en" ? "New estimate of affected users" : "影響利用者数の新しい推計") +
           "</label><input type=\"number\" min=\"0\" id=\"affected_users\" name=\"affected_users\"><label for=\"ended_at\">" +
           (c.lang == "en" ? "Restored (JST)" : "復旧日時") + "</label><input type=\"datetime-local\" id=\"ended_at\" name=\"ended_at\"><label for=\"note\">" +
           (c.lang == "en" ? "Timeline note" : "経過の記録") + "</label><input type=\"text\" id=\"note\" name=\"note\" size=\"50\"><p><button type=\"submit\">" +
           esc(c.t("common.save")) + "</button></p></form>";
    }
    b += "<h2>" + std::string(c.lang == "en" ? "Timeline" : "経過") + "</h2><table><tbody>";
    for (const auto& t : reg.timeline(inc->id)) b += "<tr><td>" + esc(t.at) + "</td><td>" + esc(t.actor) + "</td><td>" + esc(t.text) + "</td></tr>";
    c.html(layout(c, inc->title, b + "</tbody></table>"));
  });

  r.post(R"(/incidents/(\d+))", [](Ctx& c) {
    c.require_edit();
    Register reg(c.db, c.actor());
    if (!reg.get(c.org(), c.path_id(1))) throw HttpError(404, "not found");
    json patch = json::object();
    if (!c.param("affected_users").empty()) {
      auto u = parse_grouped_count(c.param("affected_users"));
      if (!u) throw std::invalid_argument("affected_users: expected a whole number such as 40000 or 40,000");
      patch["affected_users"] = *u;
    }
    if (!c.param("ended_at").empty()) patch["ended_at"] = local_to_iso(c.param("ended_at"));
    reg.update(c.org(), c.path_id(1), patch, c.param("note"), std::time(nullptr));
    c.redirect("/incidents/" + c.path_arg(1));
  });
}

void mount_incident_api(Router& r) {
  r.api("POST", "/api/v1/incidents/classify", "/api/v1/incidents/classify",
        "Classify an event (the CLI contract of anzen incident classify); ?as_of=ISO time", [](Ctx& c) {
          json in;
          in = parse_json_input(c.req.body, "body");
          if (!in.is_object()) throw std::invalid_argument("body: expected a JSON object");
          incident::Instant at = std::time(nullptr);
          if (!c.param("as_of").empty()) {
            auto t = incident::parse_instant(c.param("as_of"));
            if (!t) throw std::invalid_argument("as_of: expected an ISO 8601 time with offset");
            at = *t;
          }
          c.json(incident::verdict_json(incident::classify(incident::event_from_json(in), incident::shipped_rules(), at)));
        });
  r.api("GET", "/api/v1/incidents", "/api/v1/incidents", "Incidents of your organisation, each with its current verdict (?as_of=ISO time)", [](Ctx& c) {
    json out = json::array();
    for (const auto& i : Register(c.db, c.actor()).list_current(c.org(), now_of(c))) {
      out.push_back({{"id", i.id}, {"title", i.title}, {"status", i.status}, {"event", i.event}, {"classification", i.classification}});
    }
    c.json({{"incidents", out}});
  });
  r.api("GET", R"(/api/v1/incidents/(\d+))", "/api/v1/incidents/{id}", "One incident with its current verdict (?as_of=ISO time)", [](Ctx& c) {
    auto i = Register(c.db, c.actor()).current(c.org(), c.path_id(1), now_of(c));
    if (!i) throw HttpError(404, "not found");
    c.json({{"id", i->id}, {"title", i->title}, {"status", i->status}, {"event", i->event}, {"classification", i->classification}});
  });
  r.api("GET", "/api/v1/obligations", "/api/v1/obligations", "Reporting obligations from the current verdicts, overdue first (?as_of=ISO time)", [](Ctx& c) {
    json out = json::array();
    for (const auto& o : Register(c.db, c.actor()).obligations(c.org(), now_of(c))) {
      out.push_back({{"incident", o.incident_id}, {"kind", o.kind}, {"type", o.type}, {"form", o.form},
                     {"due", o.due ? json(o.due->str()) : json()}, {"overdue", o.overdue}});
    }
    c.json({{"obligations", out}});
  });
}

}  // namespace anzen::web
