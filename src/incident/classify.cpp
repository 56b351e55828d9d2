#include "incident/classify.h"

#include <algorithm>

#include "common/date.h"
#include "common/vocabulary.h"
#include "incident/missing.h"

namespace anzen::incident {
using nlohmann::json;

namespace {
const std::vector<std::string> kTypes = {"outage",
                                         "quality_degradation",
                                         "non_telecom_facility_failure",
                                         "secrecy_leak",
                                         "specified_user_info_leak",
                                         "feared_event",
                                         "priority_restriction",
                                         "facility_info_leak"};
const std::vector<std::string> kCategories = {"voice_emergency", "voice_no_emergency", "lpwa", "free_internet", "other"};
const std::vector<std::string> kFacilities = {"important_satellite_submarine", "mobile_access_line", "remote_subscriber_unit",
                                              "dslam", "user_premises", "other"};
const std::vector<std::string> kFearedKinds = {"could_not_stop", "late_detection_switchover", "toppled", "fire",
                                               "unintended_terminal_auth", "important_facility_damage"};

bool in(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
std::string list(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// A choice the input lacks or gets wrong, in the words of the form (the field's label and the
// vocabulary's labels of the choices; the English line for the CLI keeps the codes to type).
[[noreturn]] void bad_choice(const std::string& key, const std::string& domain,
                             const std::vector<std::string>& allowed, const std::string& en) {
  auto name = input_label(key);
  throw InvalidEvent(
      key,
      "「" + name.ja + "」は一覧から選んでください（" + vocab::labels(domain, allowed, "ja") +
          "）。",
      name.en + ": choose from the list (" + vocab::labels(domain, allowed, "en") + ").",
      "not_in_list", en);
}

std::string enum_field(const json& j, const std::string& key,
                       const std::vector<std::string>& allowed, const std::string& dflt,
                       const std::string& domain) {
  if (!j.contains(key) || j[key].is_null()) {
    if (dflt.empty())
      bad_choice(key, domain, allowed, "missing (expected one of " + list(allowed) + ")");
    return dflt;
  }
  if (!j[key].is_string() || !in(allowed, j[key].get<std::string>())) {
    bad_choice(key, domain, allowed, "got " + j[key].dump() + ", expected one of " + list(allowed));
  }
  return j[key].get<std::string>();
}

bool bool_field(const json& j, const std::string& key, const std::string& path) {
  if (!j.contains(key) || j[key].is_null()) return false;
  if (!j[key].is_boolean()) {
    throw InvalidEvent(
        path + key, "「" + input_label(path + key).ja + "」は true か false で指定してください。",
        input_label(path + key).en + ": expected true or false.", "wrong_type",
        "got " + j[key].dump() + ", expected true or false");
  }
  return j[key].get<bool>();
}

Instant time_field(const json& j, const std::string& key) {
  const std::string ja =
      "「" + input_label(key).ja + "」を日時で入力してください（例: 2026-03-15T10:00:00+09:00）。";
  const std::string en =
      input_label(key).en + ": enter a date and time (e.g. 2026-03-15T10:00:00+09:00).";
  if (!j.contains(key) || !j[key].is_string()) {
    throw InvalidEvent(
        key, ja, en, "required",
        "missing (expected an ISO 8601 time with offset, e.g. 2026-03-15T10:00:00+09:00)");
  }
  auto t = parse_instant(j[key].get<std::string>());
  if (!t) {
    throw InvalidEvent(
        key, ja, en, "not_a_time",
        "got " + j[key].dump() +
            ", expected an ISO 8601 time with offset, e.g. 2026-03-15T10:00:00+09:00");
  }
  return *t;
}

std::string fmt_users(int64_t u) {
  std::string digits = std::to_string(u), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

Report dated(const std::string& type, const ReportRule& r, Instant occurred, Instant known) {
  Report rep{type, r.form, std::nullopt, std::nullopt, std::nullopt};
  Instant from = r.from == "known" ? known : occurred;
  Date d = r.days > 0 ? days_after(from, r.days) : months_from(add_days(jst_date(from), 1), r.months);
  rep.due_unextended = d;
  rep.due = extend_past_holidays(d);
  return rep;
}

Report prompt(const std::string& form, Instant trigger) { return {"prompt", form, std::nullopt, std::nullopt, trigger}; }

// Fiscal year (1 Apr - 31 Mar) or quarter containing the date, as its last day.
Date period_end(Date d, const std::string& per) {
  if (per == "fiscal_year") return d.m >= 4 ? Date{d.y + 1, 3, 31} : Date{d.y, 3, 31};
  int q_end_month = ((d.m - 1) / 3 + 1) * 3;
  static const int last[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return {d.y, q_end_month, last[q_end_month - 1]};
}

// A classification as a rule finds it; push() adds the unconfirmed values it rested on.
// The table row that fired: a stable code for machines (JSON `threshold`) and its words for
// people. Empty when no threshold applies (any constructor from "" is that).
struct FiredRow {
  std::string code;
  catalog::Text label;
  FiredRow() = default;
  FiredRow(const char* none) : code(none) {}  // only "" is passed: no threshold
  FiredRow(std::string c, catalog::Text l) : code(std::move(c)), label(std::move(l)) {}
};
FiredRow threshold(std::string code, catalog::Text label) {
  return {std::move(code), std::move(label)};
}

// The periodic-report criterion that was met: by users or by duration.
FiredRow periodic_threshold(const RuleSet& rs, bool by_users) {
  if (by_users)
    return {"users ≥ " + fmt_users(rs.periodic_users),
            {"影響利用者数 " + fmt_users(rs.periodic_users) + " 人以上",
             "≥ " + fmt_users(rs.periodic_users) + " users affected"}};
  return {"duration ≥ " + std::to_string(rs.periodic_hours) + " h",
          {"継続時間 " + std::to_string(rs.periodic_hours) + " 時間以上",
           "lasting ≥ " + std::to_string(rs.periodic_hours) + " h"}};
}

struct Found {
  std::string kind, rule;
  FiredRow threshold;
  catalog::Text basis, explanation;
  std::vector<Report> reports;
  bool users_unknown = false;
};

// Notes on the unconfirmed values a judgement rests on (rules/reporting `unconfirmed: true`).
struct Doubts {
  std::vector<catalog::Text> notes;
  void add(bool unconfirmed, catalog::Text note) {
    if (!unconfirmed) return;
    for (const auto& n : notes) {
      if (n.ja == note.ja) return;
    }
    notes.push_back(std::move(note));
  }
};

catalog::Text rule_set_note(const RuleSet& rs) {
  return {"規則セット「" + rs.title.ja + "」（施行日・内容が一次資料で未確認）",
          "rule set '" + rs.title.en +
              "' (its start date and content are not confirmed against a primary text)"};
}

catalog::Text not_in_force(const std::string& duty_ja, const std::string& duty_en,
                           const RuleSet& rs) {
  return {duty_ja + "は、この事象の時期（規則セット「" + rs.title.ja +
              "」）にはまだありませんでした（2023年6月16日施行）。報告対象外です。",
          "The " + duty_en + " did not exist yet at the time of this event (rule set '" +
              rs.title.en + "'; it began on 2023-06-16): not reportable."};
}

catalog::Text label(const std::string& kind) {
  if (kind == "serious_accident") return {"重大な事故", "serious accident"};
  if (kind == "periodic_report_accident") return {"報告を要する事故（定期報告）", "periodic-report accident"};
  if (kind == "secrecy_leak") return {"通信の秘密の漏えい", "communications-secrecy leak"};
  if (kind == "specified_user_info_leak") return {"特定利用者情報の漏えい", "leak of specified user information"};
  if (kind == "feared_serious_accident") return {"重大な事故が生ずるおそれがあると認められる事態", "feared serious accident"};
  if (kind == "business_stoppage") return {"業務の一部停止", "partial business stoppage"};
  if (kind == "restriction_review") return {"通信の制限に係る分析・検証", "restriction review"};
  if (kind == "facility_info_leak")
    return {"電気通信設備に関する情報の漏えい（四半期報告）",
            "leak of facility information (quarterly report)"};
  return {"報告対象外", "not reportable"};
}
}  // namespace

const std::vector<std::string>& event_types() { return kTypes; }
const std::vector<std::string>& service_categories() { return kCategories; }
const std::vector<std::string>& facilities() { return kFacilities; }
const std::vector<std::string>& feared_kinds() { return kFearedKinds; }

Event event_from_json(const json& j) {
  if (!j.is_object())
    throw InvalidEvent("(input)", "事象は JSON のオブジェクトで指定してください。",
                       "Expected a JSON object.", "not_json", "expected a JSON object");
  Event e;
  e.event_type = enum_field(j, "event_type", kTypes, "", "event");
  e.service_category = enum_field(j, "service_category", kCategories, "other", "service");
  if (j.contains("affected_users") && !j["affected_users"].is_null()) {
    if (!j["affected_users"].is_number_integer() || j["affected_users"].get<int64_t>() < 0) {
      throw InvalidEvent(
          "affected_users", "影響利用者数は 0 以上の整数で入力してください（不明なら空欄）。",
          "Enter the affected users as a whole number of 0 or more (empty if unknown).",
          "out_of_range",
          "got " + j["affected_users"].dump() + ", expected a non-negative integer or null");
    }
    e.affected_users = j["affected_users"].get<int64_t>();
  }
  e.started_at = time_field(j, "started_at");
  if (j.contains("ended_at") && !j["ended_at"].is_null()) {
    e.ended_at = time_field(j, "ended_at");
    if (*e.ended_at < e.started_at) {
      throw InvalidEvent("ended_at", "復旧日時が発生日時より前になっています。",
                         "The restoration time is before the start.", "out_of_order",
                         "is before started_at");
    }
  }
  e.known_at = j.contains("known_at") && !j["known_at"].is_null() ? time_field(j, "known_at") : e.started_at;
  e.facility = enum_field(j, "facility", kFacilities, "other", "facility");
  e.all_traffic_blocked = bool_field(j, "all_traffic_blocked", "");
  e.additional_function_only = bool_field(j, "additional_function_only", "");
  e.designated_operator = bool_field(j, "designated_operator", "");
  e.provided_to_foreign_government = bool_field(j, "provided_to_foreign_government", "");
  e.restriction_unforeseen = bool_field(j, "restriction_unforeseen", "");
  if (j.contains("leaked_persons") && !j["leaked_persons"].is_null()) {
    if (!j["leaked_persons"].is_number_integer() || j["leaked_persons"].get<int64_t>() < 0) {
      throw InvalidEvent(
          "leaked_persons", "漏えいした人数は 0 以上の整数で入力してください（不明なら空欄）。",
          "Enter the persons as a whole number of 0 or more (empty if unknown).", "out_of_range",
          "got " + j["leaked_persons"].dump() + ", expected a non-negative integer");
    }
    e.leaked_persons = j["leaked_persons"].get<int64_t>();
  }
  if (j.contains("feared") && !j["feared"].is_null()) {
    const json& f = j["feared"];
    if (!f.is_object())
      throw InvalidEvent("feared", "おそれ事態はオブジェクトで指定してください。",
                         "Expected an object.", "wrong_type", "expected an object");
    e.feared.prev_fy_users_30000 = bool_field(f, "prev_fy_users_30000", "feared.");
    e.feared.multi_prefecture = bool_field(f, "multi_prefecture", "feared.");
    e.feared.core_function = bool_field(f, "core_function", "feared.");
    e.feared.planned = bool_field(f, "planned", "feared.");
    e.feared.within_design = bool_field(f, "within_design", "feared.");
    e.feared.natural_disaster = bool_field(f, "natural_disaster", "feared.");
    if (f.contains("kind") && !f["kind"].is_null()) {
      if (!f["kind"].is_string() || !in(kFearedKinds, f["kind"].get<std::string>())) {
        bad_choice("feared.kind", "fearedkind", kFearedKinds,
                   "got " + f["kind"].dump() + ", expected one of " + list(kFearedKinds));
      }
      e.feared.kind = f["kind"].get<std::string>();
    }
  }
  if (e.event_type == "feared_event" && e.feared.kind.empty()) {
    throw InvalidEvent("feared.kind", "おそれ事態の類型を選んでください。",
                       "Choose the kind of feared event.", "required",
                       "required for a feared_event");
  }
  return e;
}

Verdict classify(const Event& e, const std::vector<RuleSet>& sets, Instant as_of) {
  const RuleSet& rs = rules_for(sets, jst_date(e.started_at));
  Doubts era;
  era.add(rs.unconfirmed, rule_set_note(rs));
  Verdict v;
  v.rule_set = rs.id;
  v.ongoing = !e.ended_at;
  v.as_of = e.ended_at ? *e.ended_at : std::max(as_of, e.started_at);
  Instant end = v.as_of;
  v.duration_minutes = (end - e.started_at) / 60;
  auto hours_reached = [&](int h) { return end - e.started_at >= static_cast<int64_t>(h) * 3600; };
  // Every judgement of this era rests on the era's own doubts plus those of the values it used.
  Doubts used = era;
  auto push = [&](Found f) {
    v.classifications.push_back({std::move(f.kind), std::move(f.rule), std::move(f.threshold.code),
                                 std::move(f.threshold.label), std::move(f.basis),
                                 std::move(f.explanation), std::move(f.reports), f.users_unknown,
                                 used.notes});
  };
  auto duty = [&](const ReportRule& r, const std::string& what_ja, const std::string& what_en) {
    used = era;
    used.add(r.unconfirmed,
             {what_ja + "の報告様式・期限（この時期の値は未確認）",
              "the form and deadline of the " + what_en + " report (unconfirmed for this era)"});
  };
  bool service_failure = e.event_type == "outage" || e.event_type == "quality_degradation";

  if (service_failure && e.additional_function_only) {
    push({"not_reportable", "R0", "", rs.serious_basis,
          {"付加的な機能のみの障害は、重大な事故・報告を要する事故の対象となる役務の停止・品質低下に当たりません（施行規則第58条第2項第1号、報告規則第7条の3第1項第1号）。",
           "Only an additional function was affected, which is not a stoppage or degradation of the service itself under Ordinance Art. 58(2)(i) and Reporting Rules Art. 7-3(1)(i)."},
          {}, false});
  } else if (service_failure) {
    bool serious = false;
    // R2: an important satellite / submarine facility with ALL its traffic blocked.
    if (e.facility == "important_satellite_submarine" && e.all_traffic_blocked && hours_reached(rs.satellite_hours)) {
      Instant trig = e.started_at + static_cast<int64_t>(rs.satellite_hours) * 3600;
      push({"serious_accident",
            "R2",
            threshold("satellite/submarine: all traffic blocked ≥ " +
                          std::to_string(rs.satellite_hours) + " h",
                      {"衛星・海底ケーブル等の重要な設備: 全通信の停止 " +
                           std::to_string(rs.satellite_hours) + " 時間以上",
                       "important satellite or submarine facility: all traffic blocked ≥ " +
                           std::to_string(rs.satellite_hours) + " h"}),
            rs.serious_basis,
            {"衛星・海底ケーブル等の重要な設備の故障により全ての通信が " +
                 std::to_string(rs.satellite_hours) +
                 " 時間以上停止したため、重大な事故に該当します（利用者数を問いません）。速やかに報"
                 "告し、発生日から30日以内に詳細な報告を行ってください。",
             "All traffic over an important satellite or submarine facility was blocked for at "
             "least " +
                 std::to_string(rs.satellite_hours) +
                 " h, which is a serious accident whatever the number of users. Report promptly, "
                 "and file the detailed report within 30 days of the day it occurred."},
            {prompt(rs.serious_detailed.form, trig),
             dated("detailed", rs.serious_detailed, e.started_at, e.known_at)},
            false});
      serious = true;
    }
    // R1: Table 2 of Ordinance Art. 58(2)(i), per service category.
    std::string category = e.service_category;
    if (!rs.serious.count(category)) {
      auto fb = rs.fallback_categories.find(category);
      category = fb != rs.fallback_categories.end() ? fb->second.use : "other";
      if (fb != rs.fallback_categories.end()) used.add(fb->second.unconfirmed, fb->second.note);
    }
    const auto& rows = rs.serious.at(category);
    for (const auto& row : rows) {
      used.add(row.unconfirmed,
               {"重大な事故の基準（" + category + ": " + std::to_string(row.hours) + " 時間 / " +
                    fmt_users(row.users) + " 人、この時期の値は未確認）",
                "the serious-accident row " + category + ": " + std::to_string(row.hours) +
                    " h / " + fmt_users(row.users) + " users (unconfirmed for this era)"});
    }
    used.add(rs.periodic_unconfirmed, {"報告を要する事故の基準・期限（未確認）",
                                       "the periodic-report criteria and deadline (unconfirmed)"});
    if (!serious && e.affected_users) {
      for (const auto& row : rows) {
        if (*e.affected_users >= row.users && hours_reached(row.hours)) {
          Instant trig = e.started_at + static_cast<int64_t>(row.hours) * 3600;
          FiredRow th{
              category + ": " + std::to_string(row.hours) + " h / " + fmt_users(row.users) +
                  " users",
              {vocab::label_or_code("service", category, "ja") + ": " + std::to_string(row.hours) +
                   " 時間以上 / " + fmt_users(row.users) + " 人以上",
               vocab::label_or_code("service", category, "en") + ": ≥ " +
                   std::to_string(row.hours) + " h / ≥ " + fmt_users(row.users) + " users"}};
          push({"serious_accident",
                "R1",
                th,
                rs.serious_basis,
                {"影響利用者数 " + fmt_users(*e.affected_users) + " 人・継続時間 " +
                     std::to_string(v.duration_minutes / 60) + " 時間 " +
                     std::to_string(v.duration_minutes % 60) + " 分が、役務区分の基準（" +
                     std::to_string(row.hours) + " 時間以上かつ " + fmt_users(row.users) +
                     " 人以上）を満たすため、重大な事故に該当します。速やかに報告（" +
                     date::display_time(format_jst(trig), "ja") +
                     " に該当）し、発生日から30日以内に詳細な報告を行ってください。",
                 std::to_string(*e.affected_users) + " affected users for " +
                     std::to_string(v.duration_minutes / 60) + " h " +
                     std::to_string(v.duration_minutes % 60) + " min meets the row '" +
                     std::to_string(row.hours) + " h and " + fmt_users(row.users) +
                     " users' for this service category: a serious accident. Report promptly "
                     "(threshold crossed at " +
                     date::display_time(format_jst(trig), "en") +
                     ") and file the detailed report within 30 days of the day it occurred."},
                {prompt(rs.serious_detailed.form, trig),
                 dated("detailed", rs.serious_detailed, e.started_at, e.known_at)},
                false});
          serious = true;
          break;
        }
      }
    }
    if (!serious) {
      // R3 / R5 / R12: periodic-report accident when users ≥ 30,000 or duration ≥ 2 h.
      bool by_users = e.affected_users && *e.affected_users >= rs.periodic_users;
      bool by_time = hours_reached(rs.periodic_hours);
      if (e.facility == "user_premises" && (by_users || by_time)) {
        push({"not_reportable", "R5", "", rs.periodic_basis,
              {"利用者の構内の設備に起因し影響が同一構内にとどまる軽微な事故は、報告を要する事故から除かれます（報告規則第7条の3第2項。告示の全文は未確認）。",
               "A minor accident caused by equipment on the user's premises with effects confined to those premises is excluded (Reporting Rules Art. 7-3(2); the full notice is unconfirmed)."},
              {}, false});
      } else if (by_users || by_time) {
        Date pend = period_end(jst_date(e.started_at), rs.periodic_per);
        ReportRule pr{rs.periodic_basis, rs.periodic_form, 0, rs.periodic_months, "occurred", 0, 0, 0};
        bool simplified = in(rs.simplified_facilities, e.facility);
        Report rep{"periodic", rs.periodic_form + (simplified ? "（簡易様式）" : ""), std::nullopt, std::nullopt, std::nullopt};
        rep.due_unextended = months_from(add_days(pend, 1), pr.months);
        rep.due = extend_past_holidays(*rep.due_unextended);
        std::string why_ja = by_users ? "影響利用者数が " + fmt_users(rs.periodic_users) + " 人以上" : "継続時間が " + std::to_string(rs.periodic_hours) + " 時間以上";
        std::string why_en = by_users ? "at least " + fmt_users(rs.periodic_users) + " users affected" : "lasting at least " + std::to_string(rs.periodic_hours) + " h";
        push({"periodic_report_accident",
              "R3",
              periodic_threshold(rs, by_users),
              rs.periodic_basis,
              {"電気通信設備の故障による役務の停止・品質低下で、" + why_ja +
                   "のため、報告を要する事故に該当します（" +
                   (rs.periodic_per == "fiscal_year" ? "年度" : "四半期") +
                   "終了後2か月以内に報告）。",
               "A stoppage or degradation from a telecom-facility failure " + why_en +
                   ": a periodic-report accident, due within 2 months after the end of the " +
                   (rs.periodic_per == "fiscal_year" ? "fiscal year." : "quarter.")},
              {rep},
              !e.affected_users});
      }
    }
    if (!e.affected_users && !serious) {
      push({"not_reportable",
            "R12",
            threshold("users unknown", {"影響利用者数が不明", "affected users unknown"}),
            rs.serious_basis,
            {"影響利用者数が不明のため重大な事故の判定ができません。告示の基準（未確認）に従い利用"
             "者数を推計し、継続時間のみの条件を評価しています。利用者数が判明し次第、再判定してく"
             "ださい。",
             "The number of affected users is unknown, so the serious-accident table cannot be "
             "applied; only duration-based conditions were evaluated. Estimate the users under the "
             "minister's notice (unconfirmed) and classify again."},
            {},
            true});
    }
  } else if (e.event_type == "non_telecom_facility_failure") {
    bool by_users = e.affected_users && *e.affected_users >= rs.periodic_users;
    bool by_time = hours_reached(rs.periodic_hours);
    if (by_users || by_time) {
      Date pend = period_end(jst_date(e.started_at), rs.periodic_per);
      Report rep{"periodic", rs.periodic_form, std::nullopt, months_from(add_days(pend, 1), rs.periodic_months), std::nullopt};
      rep.due = extend_past_holidays(*rep.due_unextended);
      push({"periodic_report_accident",
            "R4",
            periodic_threshold(rs, by_users),
            rs.periodic_basis,
            {"電気通信設備以外の設備の故障により役務の提供に支障が生じ、基準を満たすため報告を要す"
             "る事故に該当します（重大な事故には該当しません）。",
             "A failure of facilities other than telecom facilities disrupted the service and "
             "meets the threshold: a periodic-report accident (never a serious accident)."},
            {rep},
            !e.affected_users});
    }
  } else if (e.event_type == "secrecy_leak") {
    const auto& r = rs.secrecy_leak;
    duty(r, "通信の秘密の漏えい", "secrecy-leak");
    push({"secrecy_leak",
          "R6",
          threshold("any size", {"規模を問わない", "whatever its size"}),
          r.basis,
          {"通信の秘密の漏えいは規模を問わず報告対象です。認知後速やかに報告し、認知した日から30日"
           "以内に詳細な報告を行ってください。",
           "A leak of communications secrecy must be reported whatever its size: promptly after "
           "becoming aware, and in detail within 30 days of becoming aware."},
          {prompt(r.form, e.known_at), dated("detailed", r, e.started_at, e.known_at)},
          false});
  } else if (e.event_type == "specified_user_info_leak" && !rs.specified_leak) {
    push({"not_reportable",
          "R7",
          "",
          {},
          not_in_force("特定利用者情報の漏えいの報告義務",
                       "duty to report leaks of specified user information", rs),
          {},
          false});
  } else if (e.event_type == "specified_user_info_leak") {
    const auto& r = *rs.specified_leak;
    duty(r, "特定利用者情報の漏えい", "specified-user-information leak");
    bool many = e.leaked_persons > r.persons_more_than;
    if (e.designated_operator && (many || e.provided_to_foreign_government)) {
      push({"specified_user_info_leak",
            "R7",
            many ? threshold("persons > " + fmt_users(r.persons_more_than),
                             {"漏えい人数 " + fmt_users(r.persons_more_than) + " 人超",
                              "more than " + fmt_users(r.persons_more_than) + " persons"})
                 : threshold("provided to a foreign government",
                             {"外国政府等への提供", "provided to a foreign government"}),
            r.basis,
            {"指定を受けた事業者による特定利用者情報の漏えいで、" +
                 std::string(many ? "漏えい人数が千人を超える" : "外国政府等への提供に係る") +
                 "ため報告対象です。認知後速やかに報告し、30日以内に詳細な報告を行ってください。",
             std::string("A leak of specified user information by a designated operator ") +
                 (many ? "concerning more than 1,000 persons"
                       : "involving provision to a foreign government") +
                 ": report promptly after becoming aware, and in detail within 30 days."},
            {prompt(r.form, e.known_at), dated("detailed", r, e.started_at, e.known_at)},
            false});
    }
  } else if (e.event_type == "feared_event" && !rs.feared) {
    push({"not_reportable",
          "R8",
          "",
          {},
          not_in_force("重大な事故が生ずるおそれがあると認められる事態の報告義務",
                       "duty to report events in which a serious accident is feared", rs),
          {},
          false});
  } else if (e.event_type == "feared_event") {
    const Feared& f = e.feared;
    bool cond_ii = f.kind == "important_facility_damage";
    bool excluded = f.planned || f.within_design || (f.natural_disaster && f.kind != "toppled");
    bool not_terminal = e.facility != "user_premises" && e.facility != "mobile_access_line" && e.facility != "dslam" && e.facility != "remote_subscriber_unit";
    bool cond_i = f.prev_fy_users_30000 && f.multi_prefecture && not_terminal && f.core_function && !f.kind.empty() && !cond_ii && !excluded;
    if (cond_i || cond_ii) {
      const auto& r = *rs.feared;
      duty(r, "おそれ事態", "feared-accident");
      push({"feared_serious_accident",
            "R8",
            cond_ii ? threshold("58-2(ii)", {"施行規則第58条の2第2号", "Ordinance Art. 58-2(ii)"})
                    : threshold("58-2(i) イ–ヘ", {"施行規則第58条の2第1号イからヘまで",
                                                  "Ordinance Art. 58-2(i)(a)–(f)"}),
            r.basis,
            {"重大な事故が生ずるおそれがあると認められる事態（施行規則第58条の2" +
                 std::string(cond_ii ? "第2号" : "第1号") +
                 "）に該当します。認知後速やかに報告し、30日以内に総務省本省へ報告してください。",
             std::string("An event in which a serious accident is feared (Ordinance Art. 58-2") +
                 (cond_ii ? "(ii)" : "(i)") +
                 "): report promptly after becoming aware, and within 30 days to the ministry's "
                 "headquarters."},
            {prompt(r.form, e.known_at), dated("detailed", r, e.started_at, e.known_at)},
            false});
    }
  } else if (e.event_type == "priority_restriction") {
    if (!e.restriction_unforeseen) {
      const auto& r = rs.business_stoppage;
      duty(r, "業務の一部停止", "business-stoppage");
      push({"business_stoppage", "R10", "", r.basis,
            {"重要通信を確保するため業務の一部を停止したため報告対象です。速やかに報告し、停止した日から30日以内に報告書を提出してください。",
             "Part of the business was stopped to secure important communications: report promptly and file within 30 days of the stop."},
            {prompt(r.form, e.started_at), dated("detailed", r, e.started_at, e.known_at)}, false});
    } else {
      const auto& r = rs.restriction_review;
      duty(r, "通信の制限に係る分析・検証", "restriction-review");
      if (e.affected_users && *e.affected_users >= r.users && hours_reached(r.hours)) {
        Report rep = dated("review", r, e.started_at, e.known_at);
        push({"restriction_review",
              "R11",
              threshold(
                  "users ≥ " + fmt_users(r.users) + " and ≥ " + std::to_string(r.hours) + " h",
                  {"影響利用者数 " + fmt_users(r.users) + " 人以上かつ " + std::to_string(r.hours) +
                       " 時間以上",
                   "≥ " + fmt_users(r.users) + " users and ≥ " + std::to_string(r.hours) + " h"}),
              r.basis,
              {"予見できない理由により優先通信の確保のため他の通信を制限し、制限を受けた利用者が基"
               "準以上かつ基準時間以上のため、分析・検証の報告が必要です（制限から3か月以内）。",
               "Other traffic was restricted for unforeseen reasons to secure priority "
               "communications, affecting at least the threshold users for at least the threshold "
               "time: a traffic analysis and review is due within 3 months."},
              {rep},
              false});
      }
    }
  } else if (e.event_type == "facility_info_leak" && !rs.facility_info_leak) {
    push({"not_reportable",
          "R9",
          "",
          {},
          {"電気通信設備に関する情報の漏えいは、この時期（規則セット「" + rs.title.ja +
               "」）の報告事項として収録されていません（四半期報告の事項として収録しているのは2015"
               "年4月1日から2023年6月15日まで。2023年6月16日に削除）。通信の秘密の漏えい又はおそれ"
               "事態に当たる場合は、その区分で判定してください。",
           "A leak of facility information is not a reporting item of this era (rule set '" +
               rs.title.en +
               "'; Anzen holds it as a quarterly-report item from 2015-04-01 until it was removed "
               "on 2023-06-16). If it is also a secrecy leak or a feared serious accident, "
               "classify it as that."},
          {},
          false});
  } else if (e.event_type == "facility_info_leak") {
    const auto& r = *rs.facility_info_leak;
    duty(r, "電気通信設備に関する情報の漏えい", "facility-information leak");
    Date pend = period_end(jst_date(e.known_at), rs.periodic_per);
    Report rep{"periodic", r.form, std::nullopt, months_from(add_days(pend, 1), r.months),
               std::nullopt};
    rep.due = extend_past_holidays(*rep.due_unextended);
    push({"facility_info_leak",
          "R9",
          threshold("any size", {"規模を問わない", "whatever its size"}),
          r.basis,
          {"電気通信役務の提供に支障を及ぼすおそれのある電気通信設備に関する情報の漏えいは、当時の"
           "報告規則で四半期ごとの報告事項です（規模を問いません）。",
           "A leak of information on telecom facilities that may disrupt the service was an item "
           "of the quarterly report under the reporting rules of the time, whatever its size."},
          {rep},
          false});
  }
  if (v.classifications.empty()) {
    push({"not_reportable", "-", "", {}, {"いずれの報告基準にも該当しません（現時点の情報による判定）。", "No reporting criterion is met (on the information given)."}, {}, !e.affected_users});
  }
  return v;
}

json verdict_json(const Verdict& v) {
  json cls = json::array();
  for (const auto& c : v.classifications) {
    json reps = json::array();
    for (const auto& r : c.reports) {
      json rj = {{"type", r.type}, {"form", r.form}, {"due", r.due ? json(r.due->str()) : json()}};
      if (r.due_unextended && r.due && *r.due_unextended != *r.due) rj["due_before_holiday_extension"] = r.due_unextended->str();
      if (r.triggered_at) rj["triggered_at"] = format_jst(*r.triggered_at);
      reps.push_back(rj);
    }
    auto l = label(c.kind);
    cls.push_back(
        {{"kind", c.kind},
         {"label", {{"ja", l.ja}, {"en", l.en}}},
         {"rule", c.rule},
         {"threshold", c.threshold},
         {"threshold_label", {{"ja", c.threshold_label.ja}, {"en", c.threshold_label.en}}},
         {"basis", c.basis.ja.empty() ? json() : json(c.basis.ja + " / " + c.basis.en)},
         {"explanation", {{"ja", c.explanation.ja}, {"en", c.explanation.en}}},
         {"reports", reps},
         {"users_unknown", c.users_unknown}});
    json doubts = json::array();
    for (const auto& n : c.unconfirmed) doubts.push_back({{"ja", n.ja}, {"en", n.en}});
    cls.back()["relies_on_unconfirmed"] = !c.unconfirmed.empty();
    cls.back()["unconfirmed"] = doubts;
    if (!c.unconfirmed.empty()) {
      auto cav = unconfirmed_caveat(c);
      cls.back()["caveat"] = {{"ja", cav.ja}, {"en", cav.en}};
    }
  }
  return {{"classifications", cls}, {"rule_set", v.rule_set}, {"as_of", format_jst(v.as_of)}, {"ongoing", v.ongoing},
          {"duration_minutes", v.duration_minutes}};
}

catalog::Text unconfirmed_caveat(const Classification& c) {
  if (c.unconfirmed.empty()) return {};
  catalog::Text t{"この判定は一次資料で未確認の値に依拠しています：",
                  "This verdict relies on values not confirmed against a primary text: "};
  for (size_t i = 0; i < c.unconfirmed.size(); ++i) {
    t.ja += (i ? " ／ " : "") + c.unconfirmed[i].ja;
    t.en += (i ? "; " : "") + c.unconfirmed[i].en;
  }
  t.ja += "。管理者が rules/reporting の値を確認してください。";
  t.en += ". An administrator should check these values in rules/reporting.";
  return t;
}

int severity(const Verdict& v) {
  int s = 0;
  for (const auto& c : v.classifications) {
    if (c.kind == "serious_accident") s = std::max(s, 2);
    if (c.kind == "periodic_report_accident") s = std::max(s, 1);
  }
  return s;
}

}  // namespace anzen::incident
