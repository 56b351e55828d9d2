// Telecom accidents: register, live classification, obligations; dashboard deadlines; API.
#include <algorithm>
#include <ctime>
#include <map>

#include "assess/repo.h"
#include "common/base64.h"
#include "common/date.h"
#include "common/file_name.h"
#include "common/json_input.h"
#include "common/number_input.h"
#include "common/text.h"
#include "common/vocabulary.h"
#include "incident/missing.h"
#include "incident/service.h"
#include "ops/repo.h"
#include "risk/repo.h"
#include "web/dashboard_parts.h"
#include "web/datetime_local.h"
#include "web/filing_fields.h"
#include "web/form.h"
#include "web/html.h"
#include "web/json_body.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/services.h"
#include "web/table_view.h"

namespace anzen::web {
using nlohmann::json;

namespace {
// The clock of a request: now, or ?as_of=ISO time to see the register as of another moment
// (every page and API route of the register takes it, so that they can be compared).
std::optional<incident::Instant> as_of(const Ctx& c) {
  if (c.param("as_of").empty()) return std::nullopt;
  auto t = incident::parse_instant(c.param("as_of"));
  if (!t) throw not_a_time("as_of");
  return *t;
}
incident::Instant now_of(const Ctx& c) { return as_of(c).value_or(c.clock.now()); }
// The register as the request sees it (now, or ?as_of=).
incident::IncidentService view_of(const Ctx& c) { return incident_service(c).as_of(as_of(c)); }
incident::Date today(const Ctx& c) { return incident::jst_date(now_of(c)); }

std::string kind_label(const Ctx& c, const json& cls) {
  return esc(c.lang == "en" ? cls["label"]["en"].get<std::string>() : cls["label"]["ja"].get<std::string>());
}
std::string in_lang(const Ctx& c, const json& text) {
  return text.value(c.lang == "en" ? "en" : "ja", std::string());
}
// Every moment on these pages: JST, one format (date::display_time).
std::string when(const Ctx& c, const std::string& iso) { return when_html(iso, c.lang); }

std::string report_name(const Ctx& c, const std::string& type) { return c.t("report." + type); }

std::string filed_cell(const Ctx& c, int64_t incident_id, const json& r) {
  if (!r.contains("filed"))
    return "<span class=\"overdue\">" + std::string(c.lang == "en" ? "not filed" : "未提出") +
           "</span>";
  const json& f = r["filed"];
  std::string h = "<span class=\"badge s-implemented\">" +
                  std::string(c.lang == "en" ? "filed" : "提出済") + "</span> " + when(c, f["at"]) +
                  " " + esc(f["by"].get<std::string>());
  if (!f["reference"].get<std::string>().empty())
    h += (c.lang == "en" ? " · ref. " : " · 受付番号 ") + esc(f["reference"].get<std::string>());
  if (f.contains("evidence")) {
    h += " · <a href=\"/incidents/" + std::to_string(incident_id) + "/filings/" +
         std::to_string(f["id"].get<int64_t>()) + "/document\">" +
         esc(f["evidence"]["name"].get<std::string>()) + "</a>";
  }
  if (c.user && can_edit(c.user->role))
    h += " · <a class=\"correct-filing\" href=\"/incidents/" + std::to_string(incident_id) +
         "/filings/" + std::to_string(f["id"].get<int64_t>()) + "\">" +
         (c.lang == "en" ? "correct or withdraw" : "訂正・取消") + "</a>";
  return h;
}

std::string classification_html(const Ctx& c, int64_t incident_id, const json& verdict) {
  std::string h = "<div class=\"classifications\">";
  for (const auto& cls : verdict["classifications"]) {
    h += "<div class=\"card\"><h2>" + kind_label(c, cls) + " <span class=\"badge\">" +
         esc(cls["rule"].get<std::string>()) + "</span></h2><p>" +
         esc(in_lang(c, cls["explanation"])) + "</p>";
    if (cls.contains("caveat"))
      h += "<p class=\"caveat\" role=\"note\">※ " + esc(in_lang(c, cls["caveat"])) + "</p>";
    // Verdicts stored before thresholds had words keep only the code: show the code then.
    if (cls.contains("threshold_label") && !cls["threshold_label"]["ja"].get<std::string>().empty())
      h += "<p class=\"muted\">" + esc(in_lang(c, cls["threshold_label"])) + "</p>";
    else if (!cls["threshold"].get<std::string>().empty())
      h += "<p class=\"muted\">" + esc(cls["threshold"].get<std::string>()) + "</p>";
    if (cls["basis"].is_string()) h += "<p class=\"muted\">" + esc(cls["basis"].get<std::string>()) + "</p>";
    if (!cls["reports"].empty()) {
      h += "<table class=\"reports\"><thead><tr><th>" +
           std::string(c.lang == "en" ? "Report" : "報告") + "</th><th>" +
           (c.lang == "en" ? "Form" : "様式") + "</th><th>" + esc(c.t("common.due")) + "</th><th>" +
           (c.lang == "en" ? "Filed" : "提出") + "</th></tr></thead><tbody>";
      for (const auto& r : cls["reports"]) {
        std::string due = r["due"].is_string() ? when(c, r["due"].get<std::string>())
                                               : esc(c.t("due.prompt")) +
                                                     (r.contains("triggered_at")
                                                          ? (c.lang == "en" ? " — from " : " — ") +
                                                                when(c, r["triggered_at"]) +
                                                                (c.lang == "en" ? "" : " から")
                                                          : "");
        if (r.contains("due_before_holiday_extension")) {
          std::string was =
              date::display_time(r["due_before_holiday_extension"].get<std::string>(), c.lang);
          due += esc(c.lang == "en" ? " (moved from " + was + ", a holiday)"
                                    : "（" + was + " が休日のため延長）");
        }
        bool open = !r.contains("filed");
        h += "<tr data-report=\"" + esc(r["type"].get<std::string>()) + "\"><td>" +
             esc(report_name(c, r["type"])) + "</td><td>" + esc(r["form"].get<std::string>()) +
             "</td><td class=\"" + std::string(open && r["due"].is_null() ? "overdue" : "") +
             "\">" + (open ? due : "<s>" + due + "</s>") + "</td><td>" +
             filed_cell(c, incident_id, r) + "</td></tr>";
      }
      h += "</tbody></table>";
    }
    h += "</div>";
  }
  const json& missing = verdict.value("missing_inputs", json::array());
  if (!missing.empty()) {
    h += "<div class=\"caveat missing-inputs\" role=\"note\"><p><strong>" +
         std::string(c.lang == "en" ? "Inputs not given that would change this verdict"
                                    : "判定を変えうる未入力の項目") +
         "</strong></p><ul>";
    for (const auto& m : missing) h += "<li>" + esc(in_lang(c, m["text"])) + "</li>";
    h += "</ul></div>";
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
      due = date::display_time(o.due->str(), c.lang) +
            (o.overdue ? (c.lang == "en" ? " (overdue " : "（超過 ") + std::to_string(-left) +
                             (c.lang == "en" ? " d)" : " 日）")
                       : (c.lang == "en" ? " (" : "（あと ") + std::to_string(left) +
                             (c.lang == "en" ? " d left)" : " 日）"));
    }
    h += "<tr><td class=\"" + std::string(o.overdue || !o.due ? "overdue" : "") + "\">" + esc(due) +
         "</td><td><a href=\"/incidents/" + std::to_string(o.incident_id) + "\">" +
         esc(o.incident_title) + "</a></td><td>" + esc(o.form) + (c.lang == "en" ? " (" : "（") +
         esc(report_name(c, o.type)) + (c.lang == "en" ? ")" : "）") + "</td></tr>";
  }
  return h + "</tbody></table>";
}

// The classifier's choices, in its order (labels from the one vocabulary).
const std::vector<std::string>& kTypes = incident::event_types();
const std::vector<std::string>& kCats = incident::service_categories();
const std::vector<std::string>& kFacilities = incident::facilities();
const std::vector<std::string>& kFearedKinds = incident::feared_kinds();
const char* kFlags[] = {"all_traffic_blocked", "additional_function_only", "designated_operator",
                        "provided_to_foreign_government", "restriction_unforeseen"};
const char* kFearedFlags[] = {"prev_fy_users_30000", "multi_prefecture", "core_function", "planned",
                              "within_design",       "natural_disaster"};

std::vector<std::pair<std::string, std::string>> options(const Ctx& c, const std::string& domain,
                                                         const std::vector<std::string>& codes) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& code : codes) out.emplace_back(code, vocab::label_or_code(domain, code, c.lang));
  return out;
}
std::string label_of(const Ctx& c, const std::string& field) {
  return incident::input_label(field).in(c.lang);
}

std::optional<int64_t> count_field(const Ctx& c, const std::string& name) {
  std::string v = c.param(name);
  if (v.empty()) return std::nullopt;
  auto n = parse_grouped_count(v);
  if (!n)
    throw FieldError(name,
                     "「" + v +
                         "」は人数として読めません。40000 や 40,000 "
                         "のように整数で入力してください（不明なら空欄）。",
                     "'" + v +
                         "' is not a number of persons: enter a whole number such as 40000 or "
                         "40,000 (empty if unknown).");
  return *n;
}

json event_from_form(const Ctx& c) {
  if (c.param("started_at").empty())
    throw FieldError("started_at", "発生日時を入力してください。", "Enter when it started.");
  json e = {{"event_type", c.param("event_type")}, {"service_category", c.param("service_category")}, {"facility", c.param("facility")},
            {"started_at", local_to_iso(c.param("started_at"))}};
  auto users = count_field(c, "affected_users");
  e["affected_users"] = users ? json(*users) : json();
  if (auto leaked = count_field(c, "leaked_persons")) e["leaked_persons"] = *leaked;
  e["ended_at"] = c.param("ended_at").empty() ? json() : json(local_to_iso(c.param("ended_at")));
  if (!c.param("known_at").empty()) e["known_at"] = local_to_iso(c.param("known_at"));
  // An unticked box is an input not given (the verdict says when it would matter).
  for (const char* b : kFlags) {
    if (c.param(b) == "on") e[b] = true;
  }
  json feared = json::object();
  if (!c.param("feared_kind").empty()) feared["kind"] = c.param("feared_kind");
  for (const char* b : kFearedFlags) {
    if (c.param(std::string("feared_") + b) == "on") feared[b] = true;
  }
  if (!feared.empty()) e["feared"] = feared;
  if (e["event_type"] == "feared_event" && !feared.contains("kind"))
    throw FieldError("feared_kind", "おそれ事態の類型を選んでください。",
                     "Choose the kind of feared event.");
  return e;
}

// The standing facts of the organisation profile that pre-fill a new incident.
struct Profile {
  bool designated = false, users_30000 = false, multi_prefecture = false;
};
Profile profile_of(Ctx& c) {
  Profile p;
  auto org = assess::AssessRepo(c.db, c.actor()).org(c.org());
  if (!org) return p;
  p.designated = org->designated_operator;
  int64_t users = org->users.value_or(0);
  int64_t per_category = 0;
  for (const auto& u : ops::OpsRepo(c.db, c.actor()).users(c.org()))
    if (u.prefecture.empty() && std::find(kCats.begin(), kCats.end(), u.service) != kCats.end())
      per_category += u.users;
  p.users_30000 = std::max(users, per_category) >= 30000;
  p.multi_prefecture = org->prefectures.size() >= 2;
  return p;
}

std::string incident_form(Ctx& c, Form& f) {
  Profile p = profile_of(c);
  bool en = c.lang == "en";
  std::string from_profile =
      " <span class=\"hint\">" +
      std::string(en ? "(from the organisation profile)" : "（組織の設定から）") + "</span>";
  std::string h =
      "<h1>" + std::string(en ? "Record a telecom accident" : "電気通信事故の登録") +
      "</h1><form method=\"post\" action=\"/incidents\" id=\"incident-form\">" + csrf_field(c) +
      f.summary() + f.text("title", c.t("common.title"), "", "size=\"50\" required") +
      f.select("event_type", label_of(c, "event_type"), options(c, "event", kTypes), "outage") +
      f.select("service_category", label_of(c, "service_category"), options(c, "service", kCats),
               "other") +
      f.select("facility", label_of(c, "facility"), options(c, "facility", kFacilities), "other") +
      f.input("text", "affected_users",
              label_of(c, "affected_users") + (en ? " (empty if unknown)" : "（不明なら空欄）"), "",
              "inputmode=\"numeric\"") +
      f.input("datetime-local", "started_at",
              label_of(c, "started_at") + (en ? " (JST)" : "（日本時間）"), "", "required") +
      f.input("datetime-local", "ended_at",
              label_of(c, "ended_at") + (en ? " (JST; empty while ongoing)" : "（継続中は空欄）")) +
      f.input("datetime-local", "known_at",
              label_of(c, "known_at") + (en ? " (JST; default: start)" : "（省略時は発生日時）")) +
      f.checkbox("all_traffic_blocked", label_of(c, "all_traffic_blocked")) +
      f.checkbox("additional_function_only", label_of(c, "additional_function_only")) +
      f.checkbox("restriction_unforeseen", label_of(c, "restriction_unforeseen"));
  h += "<fieldset class=\"choices\"><legend>" +
       std::string(en ? "Leaks of specified user information" : "特定利用者情報の漏えい") +
       "</legend>" +
       f.checkbox("designated_operator", label_of(c, "designated_operator"), p.designated) +
       (p.designated ? from_profile : "") +
       f.input("text", "leaked_persons", label_of(c, "leaked_persons"), "",
               "inputmode=\"numeric\"") +
       f.checkbox("provided_to_foreign_government", label_of(c, "provided_to_foreign_government")) +
       "</fieldset>";
  std::vector<std::pair<std::string, std::string>> kinds = {{"", "–"}};
  for (const auto& o : options(c, "fearedkind", kFearedKinds)) kinds.push_back(o);
  h += "<fieldset class=\"choices\"><legend>" +
       std::string(en ? "Feared serious accident (Ordinance Art. 58-2)"
                      : "重大な事故が生ずるおそれがある事態（施行規則第58条の2）") +
       "</legend>" + f.select("feared_kind", label_of(c, "feared.kind"), kinds, "") +
       f.checkbox("feared_prev_fy_users_30000", label_of(c, "feared.prev_fy_users_30000"),
                  p.users_30000) +
       (p.users_30000 ? from_profile : "") +
       f.checkbox("feared_multi_prefecture", label_of(c, "feared.multi_prefecture"),
                  p.multi_prefecture) +
       (p.multi_prefecture ? from_profile : "") +
       f.checkbox("feared_core_function", label_of(c, "feared.core_function")) +
       f.checkbox("feared_planned", label_of(c, "feared.planned")) +
       f.checkbox("feared_within_design", label_of(c, "feared.within_design")) +
       f.checkbox("feared_natural_disaster", label_of(c, "feared.natural_disaster")) +
       "</fieldset>";
  h += f.text("prefectures",
              en ? "Prefectures affected (comma-separated)" : "影響都道府県（読点・カンマ区切り）",
              "", "size=\"40\"") +
       f.text("cause", en ? "Cause" : "原因", "", "size=\"50\"") +
       f.text("actions", en ? "Actions taken" : "措置", "", "size=\"50\"") +
       f.textarea("description", en ? "Description" : "概要") +
       "<p><button type=\"submit\" id=\"save-incident\">" + esc(c.t("common.save")) +
       "</button></p></form>";
  return h;
}

// The incident page; `f` carries typed values and errors of a failed update or filing, and
// `confirm_close` the list of reports still due when closing needs a confirmation.
std::string incident_page(Ctx& c, Form& f, const std::string& notice = "") {
  auto reg = view_of(c);
  auto inc = reg.current(c.org(), c.path_id(1));
  if (!inc) throw HttpError(404, "not found");
  bool en = c.lang == "en";
  const json& verdict = inc->classification;
  const json& ev = inc->event;
  std::string id = std::to_string(inc->id);
  std::string users = ev.value("affected_users", json()).is_null()
                          ? (en ? "unknown" : "不明")
                          : text::thousands(ev["affected_users"].get<int64_t>());
  std::string b =
      "<p><a href=\"/incidents\">← " + esc(c.t("nav.incidents")) + "</a></p><h1>" +
      esc(inc->title) + " <span class=\"badge\">" + esc(c.t("incidentstatus." + inc->status)) +
      "</span></h1>" + notice + "<p class=\"muted\">" +
      esc(vocab::label_or_code("event", ev.value("event_type", ""), c.lang)) + " · " +
      esc(vocab::label_or_code("service", ev.value("service_category", "other"), c.lang)) + " · " +
      (ev.value("leaked_persons", json()).is_number_integer()
           ? esc(label_of(c, "leaked_persons")) + " " +
                 esc(text::thousands(ev["leaked_persons"].get<int64_t>()))
           : esc(label_of(c, "affected_users")) + " " + esc(users)) +
      " · " +
      when(c, ev.value("started_at", "")) + " → " +
      (ev.value("ended_at", json()).is_null() ? std::string(en ? "ongoing" : "継続中")
                                              : when(c, ev["ended_at"].get<std::string>())) +
      "</p>" + (inc->description.empty() ? "" : "<p>" + esc(inc->description) + "</p>");
  const auto& d = inc->details;
  if (d.contains("prefectures") || d.contains("cause") || d.contains("actions")) {
    b += "<p class=\"muted\">";
    if (d.contains("prefectures"))
      for (const auto& p : d["prefectures"]) b += esc(p.get<std::string>()) + " ";
    if (d.contains("cause"))
      b += "· " + std::string(en ? "cause: " : "原因: ") + esc(d["cause"].get<std::string>()) + " ";
    if (d.contains("actions"))
      b += "· " + std::string(en ? "actions: " : "措置: ") + esc(d["actions"].get<std::string>());
    b += "</p>";
  }
  if (d.contains("user_estimates")) {
    b += "<p class=\"muted\">" +
         std::string(en ? "Estimates of affected users: " : "影響利用者数の推計: ");
    for (const auto& e : d["user_estimates"]) {
      auto n = [](const json& j) {
        return j.is_number_integer() ? text::thousands(j.get<int64_t>()) : std::string("?");
      };
      b += when(c, e["at"].get<std::string>()) + " " + esc(n(e["from"])) + " → " + esc(n(e["to"])) +
           "; ";
    }
    b += "</p>";
  }
  b += classification_html(c, inc->id, verdict);
  bool edit = c.user && can_edit(c.user->role);
  auto unfiled = incident::unfiled_reports(verdict);
  if (edit && !unfiled.empty()) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& u : unfiled) {
      choices.emplace_back(u.kind + "/" + u.type,
                           report_name(c, u.type) + " — " + u.form + " (" +
                               vocab::label_or_code("classification", u.kind, c.lang) + ")");
    }
    b += "<h2>" + std::string(en ? "Record a filed report" : "報告の提出を記録") +
         "</h2><form method=\"post\" enctype=\"multipart/form-data\" action=\"/incidents/" + id +
         "/reports\" id=\"file-report\">" + csrf_field(c) + f.summary() +
         f.select("report", en ? "Report" : "報告", choices) +
         f.input("datetime-local", "filed_at", en ? "Filed at (JST)" : "提出日時（日本時間）",
                 incident::format_jst(c.clock.now()).substr(0, 16), "required") +
         f.text("filed_by", en ? "Filed by" : "提出者", c.actor(), "required") +
         f.text("reference", en ? "Reference number" : "受付番号・文書番号") +
         "<label for=\"evidence\">" +
         (en ? "The document filed (optional)" : "提出した文書（任意）") + "</label>" +
         upload_limit_hint(c) + f.error_html("evidence") +
         "<input type=\"file\" id=\"evidence\" name=\"evidence\"><p><button type=\"submit\" "
         "id=\"save-filing\">" +
         (en ? "Record as filed" : "提出済みとして記録") + "</button></p></form>";
  }
  if (edit) {
    b += "<h2>" + std::string(en ? "Update" : "更新") +
         "</h2><form method=\"post\" action=\"/incidents/" + id + "\" id=\"update-incident\">" +
         csrf_field(c) +
         f.input("text", "affected_users",
                 en ? "New estimate of affected users" : "影響利用者数の新しい推計", "",
                 "inputmode=\"numeric\"") +
         f.input("datetime-local", "ended_at", en ? "Restored (JST)" : "復旧日時（日本時間）") +
         f.text("note", en ? "Timeline note" : "経過の記録", "", "size=\"50\"") +
         "<p><button type=\"submit\">" + esc(c.t("common.save")) + "</button></p></form>";
    bool closing = inc->status == "open";
    b += "<form method=\"post\" action=\"/incidents/" + id + "/status\" class=\"noprint\">" +
         csrf_field(c) + "<input type=\"hidden\" name=\"status\" value=\"" +
         (closing ? "closed" : "open") +
         "\"><p><button type=\"submit\" class=\"secondary\" id=\"set-status\">" +
         (closing ? (en ? "Close the incident" : "対応を終了する")
                  : (en ? "Reopen" : "対応を再開する")) +
         "</button></p></form>";
  }
  b += "<h2>" + std::string(en ? "Timeline" : "経過") + "</h2><table class=\"timeline\"><tbody>";
  for (const auto& t : reg.timeline(inc->id))
    b += "<tr><td class=\"when\">" + when(c, t.at) + "</td><td class=\"who\">" + esc(t.actor) +
         "</td><td>" + esc(t.text) + "</td></tr>";
  return layout(c, inc->title, b + "</tbody></table>");
}
json reports_json(const incident::Incident& i) {
  json out = json::array();
  for (const auto& cls : i.classification["classifications"]) {
    for (const auto& r : cls["reports"]) {
      json j = {{"kind", cls["kind"]},
                {"report", r["type"]},
                {"form", r["form"]},
                {"due", r["due"]},
                {"filed", r.contains("filed")}};
      for (const auto& f : i.filings)
        if (f.kind == cls["kind"] && f.type == r["type"]) j["filing"] = incident::to_json(f);
      out.push_back(j);
    }
  }
  return out;
}
}  // namespace

std::string dashboard_cards(Ctx& c) {
  auto late =
      risk::RiskRepo(c.db, c.catalogs.risk_matrix(), c.actor()).overdue(c.org(), today(c).str());
  std::string plan_card = "<div class=\"card\"><div>" + esc(c.t("dash.overdue")) + "</div><div class=\"big\" id=\"overdue-plan\">" + std::to_string(late.size()) +
                          "</div><div><a href=\"/plan\">" + esc(c.t("nav.plan")) + "</a></div></div>";
  auto obs = view_of(c).obligations(c.org());
  size_t urgent = 0;
  for (const auto& o : obs) urgent += o.overdue || !o.due;
  return "<div class=\"card\"><div>" + esc(c.t("dash.deadlines")) + "</div><div class=\"big\" id=\"legal-deadlines\">" + std::to_string(obs.size()) +
         "</div><div class=\"" + std::string(urgent ? "overdue" : "muted") + "\">" + std::to_string(urgent) + (c.lang == "en" ? " due now or overdue" : " 件が期限到来・超過") +
         "</div></div>" + plan_card;
}

std::string dashboard_sections(Ctx& c) {
  auto obs = view_of(c).obligations(c.org());
  return ops_dashboard_section(c) + "<h2>" + esc(c.t("dash.deadlines")) + "</h2>" + obligations_table(c, obs, 10);
}

void mount_incident_pages(Router& r) {
  r.get("/incidents", [](Ctx& c) {
    auto reg = view_of(c);
    std::string b = "<h1>" + esc(c.t("nav.incidents")) + "</h1>";
    if (c.user && can_edit(c.user->role))
      b += "<p><a class=\"button\" href=\"/incidents/new\">" +
           std::string(c.lang == "en" ? "Record an accident" : "事故を登録") + "</a></p>";
    b += "<p><a href=\"/congestion\">" + esc(c.t("ops.congestion")) + "</a>";
    if (c.user && can_admin(c.user->role)) {
      b += " · <a href=\"/admin/integrations\">" + esc(c.t("ops.integrations")) + "</a> · <a href=\"/admin/notifications\">" + esc(c.t("ops.notifications")) + "</a>";
    }
    b += "</p>";
    b += "<h2>" + esc(c.t("dash.deadlines")) + "</h2>" +
         obligations_table(c, reg.obligations(c.org()), 100);
    b += "<h2>" + std::string(c.lang == "en" ? "Register" : "事故一覧") + "</h2>";
    std::vector<Column> cols = {{"id", "#", true},
                                {"title", c.t("common.title")},
                                {"kinds", c.lang == "en" ? "Classification" : "判定"},
                                {"status", c.t("common.status")}};
    std::vector<Row> rows;
    for (const auto& i : reg.list_current(c.org())) {
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
    Form f(c);
    c.html(layout(c, c.t("nav.incidents"), incident_form(c, f)));
  });

  r.post("/incidents", [](Ctx& c) {
    c.require_edit();
    submit(
        c,
        [&] {
          auto reg = incident_service(c);
          json details = json::object();
          json prefs = text::split_list(c.param("prefectures"));
          if (!prefs.empty()) details["prefectures"] = prefs;
          if (!c.param("cause").empty()) details["cause"] = c.param("cause");
          if (!c.param("actions").empty()) details["actions"] = c.param("actions");
          if (c.param("title").empty())
            throw FieldError("title", "件名を入力してください。", "Enter a title.");
          auto inc = reg.create(c.org(), c.param("title"), c.param("description"),
                                event_from_form(c), details);
          c.redirect("/incidents/" + std::to_string(inc.id));
        },
        [&](Form& f) { return layout(c, c.t("nav.incidents"), incident_form(c, f)); });
  });

  r.get(R"(/incidents/(\d+))", [](Ctx& c) {
    Form f(c);
    c.html(incident_page(c, f));
  });

  r.post(R"(/incidents/(\d+))", [](Ctx& c) {
    c.require_edit();
    auto reg = incident_service(c);
    if (!reg.get(c.org(), c.path_id(1))) throw HttpError(404, "not found");
    submit(
        c,
        [&] {
          json patch = json::object();
          if (auto u = count_field(c, "affected_users")) patch["affected_users"] = *u;
          if (!c.param("ended_at").empty()) patch["ended_at"] = local_to_iso(c.param("ended_at"));
          reg.update(c.org(), c.path_id(1), patch, c.param("note"));
          c.redirect("/incidents/" + c.path_arg(1));
        },
        [&](Form& f) { return incident_page(c, f); });
  });

  // Closing keeps every report not yet filed due; with such reports it asks first.
  r.post(R"(/incidents/(\d+)/status)", [](Ctx& c) {
    c.require_edit();
    auto reg = incident_service(c);
    auto inc = reg.as_of(as_of(c)).current(c.org(), c.path_id(1));
    if (!inc) throw HttpError(404, "not found");
    std::string status = c.param("status");
    if (status != "open" && status != "closed")
      throw FieldError("status", "状況は一覧から選んでください。",
                       "Choose the status from the list.", "not_in_list",
                       "status: expected open or closed");
    auto unfiled = incident::unfiled_reports(inc->classification);
    if (status == "closed" && !unfiled.empty() && c.param("confirm") != "yes") {
      bool en = c.lang == "en";
      std::string list;
      for (const auto& u : unfiled) {
        list += "<li>" + esc(report_name(c, u.type)) + " — " + esc(u.form) + " · " +
                esc(c.t("common.due")) + " " +
                (u.due ? when(c, u.due->str()) : esc(c.t("due.prompt"))) + "</li>";
      }
      std::string notice =
          "<div class=\"error\" role=\"alert\" id=\"confirm-close\"><p>" +
          std::string(en ? "These reports have not been filed. Closing the incident keeps their "
                           "deadlines; close it anyway?"
                         : "次の報告はまだ提出されていません。対応を終了しても、これらの期限は残り"
                           "ます。終了しますか。") +
          "</p><ul>" + list + "</ul><form method=\"post\" action=\"/incidents/" + c.path_arg(1) +
          "/status\">" + csrf_field(c) +
          "<input type=\"hidden\" name=\"status\" value=\"closed\"><input type=\"hidden\" "
          "name=\"confirm\" value=\"yes\"><button type=\"submit\" id=\"confirm-close-button\">" +
          (en ? "Close, keeping the deadlines" : "期限を残して終了する") +
          "</button> <a href=\"/incidents/" + c.path_arg(1) + "\">" + (en ? "Cancel" : "やめる") +
          "</a></form></div>";
      Form f(c);
      return c.html(incident_page(c, f, notice));
    }
    reg.update(c.org(), c.path_id(1), {{"status", status}},
               status == "closed" ? "対応終了 / closed" : "対応再開 / reopened");
    c.redirect("/incidents/" + c.path_arg(1));
  });

  r.post(R"(/incidents/(\d+)/reports)", [](Ctx& c) {
    c.require_edit();
    auto reg = incident_service(c);
    if (!reg.get(c.org(), c.path_id(1))) throw HttpError(404, "not found");
    submit(
        c,
        [&] {
          std::string choice = c.param("report");
          auto slash = choice.find('/');
          incident::FilingInput in;
          in.kind = slash == std::string::npos ? "" : choice.substr(0, slash);
          in.type = slash == std::string::npos ? choice : choice.substr(slash + 1);
          auto fields = filed_fields_from_form(c);
          in.filed_at = fields.filed_at;
          in.filed_by = fields.filed_by;
          in.reference = fields.reference;
          in.evidence_name = fields.evidence_name;
          in.evidence_content = fields.evidence_content;
          reg.file_report(c.org(), c.path_id(1), in);
          c.redirect("/incidents/" + c.path_arg(1));
        },
        [&](Form& f) { return incident_page(c, f); });
  });

  r.get(R"(/incidents/(\d+)/filings/(\d+)/document)", [](Ctx& c) {
    auto doc = incident_service(c).filing_document(c.org(), c.path_id(2));
    if (!doc || doc->first.incident_id != c.path_id(1)) throw HttpError(404, "not found");
    std::string name = safe_file_name(doc->first.evidence_name);
    c.res.set_header("Content-Disposition",
                     "attachment; filename=\"report\"; filename*=UTF-8''" + url_encode(name));
    c.res.set_content(doc->second, download_type(name));
  });
}

void mount_incident_api(Router& r) {
  r.api("POST", "/api/v1/incidents/classify", "/api/v1/incidents/classify",
        "Classify an event (the CLI contract of anzen incident classify); ?as_of=ISO time", [](Ctx& c) {
          json in;
          in = parse_json_input(c.req.body, "body");
          if (!in.is_object()) throw not_an_object();
          std::optional<incident::Instant> at;
          if (!c.param("as_of").empty()) {
            at = incident::parse_instant(c.param("as_of"));
            if (!at) throw not_a_time("as_of", "as_of: expected an ISO 8601 time with offset");
          }
          c.json(incident::verdict_json(
              incident_judge(c).as_of(at).classify(incident::event_from_json(in))));
        });
  r.api("GET", "/api/v1/incidents", "/api/v1/incidents", "Incidents of your organisation, each with its current verdict (?as_of=ISO time)", [](Ctx& c) {
    json out = json::array();
    for (const auto& i : view_of(c).list_current(c.org())) {
      out.push_back(incident::to_json(i));
    }
    c.json({{"incidents", out}});
  });
  r.api("GET", R"(/api/v1/incidents/(\d+))", "/api/v1/incidents/{id}",
        "One incident with its current verdict (?as_of=ISO time)", [](Ctx& c) {
          auto i = view_of(c).current(c.org(), c.path_id(1));
          if (!i) throw HttpError(404, "not found");
          c.json(incident::to_json(*i));
        });
  r.api("GET", R"(/api/v1/incidents/(\d+)/reports)", "/api/v1/incidents/{id}/reports",
        "The reports the incident's current verdict requires, each with its filing when filed "
        "(?as_of=ISO time)",
        [](Ctx& c) {
          auto i = view_of(c).current(c.org(), c.path_id(1));
          if (!i) throw HttpError(404, "not found");
          c.json({{"incident", i->id}, {"reports", reports_json(*i)}});
        });
  r.api("POST", R"(/api/v1/incidents/(\d+)/reports)", "/api/v1/incidents/{id}/reports",
        "Mark a required report as filed: {report: prompt|detailed|periodic|review, kind?, "
        "filed_at, filed_by, reference?, "
        "evidence?: {name, content_base64}}",
        [](Ctx& c) {
          c.require_edit();
          auto reg = incident_service(c);
          if (!reg.get(c.org(), c.path_id(1))) throw HttpError(404, "not found");
          json in = parse_json_input(c.req.body, "body");
          if (!in.is_object()) throw not_an_object();
          auto text_field = [&](const char* k, bool required) {
            if (!in.contains(k) || in[k].is_null()) {
              if (required) throw text_required(k, std::string(k) + ": required");
              return std::string();
            }
            if (!in[k].is_string()) throw not_text(k);
            return in[k].get<std::string>();
          };
          incident::FilingInput f;
          f.type = text_field("report", true);
          f.kind = text_field("kind", false);
          auto at = incident::parse_instant(text_field("filed_at", true));
          if (!at) throw not_a_time("filed_at");
          f.filed_at = *at;
          f.filed_by = text_field("filed_by", false);
          if (f.filed_by.empty()) f.filed_by = c.actor();
          f.reference = text_field("reference", false);
          evidence_from_json(in, f.evidence_name, f.evidence_content);
          auto filing = reg.file_report(c.org(), c.path_id(1), f);
          auto i = reg.current(c.org(), c.path_id(1));
          c.json({{"filing", incident::to_json(filing)}, {"reports", reports_json(*i)}}, 201);
        });
  r.api("GET", "/api/v1/obligations", "/api/v1/obligations", "Reporting obligations from the current verdicts, overdue first (?as_of=ISO time)", [](Ctx& c) {
    json out = json::array();
    for (const auto& o : view_of(c).obligations(c.org())) {
      out.push_back(incident::to_json(o));
    }
    c.json({{"obligations", out}});
  });
}

}  // namespace anzen::web
