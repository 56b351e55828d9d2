#include "ops/notify.h"

#include "common/date.h"
#include "common/invalid.h"
#include "common/vocabulary.h"

#include <map>

namespace anzen::ops {
using nlohmann::json;

namespace {
std::string kinds_of(const json& verdict, const char* lang) {
  std::string s;
  for (const auto& c : verdict["classifications"]) {
    if (c["kind"] == "not_reportable") continue;
    s += (s.empty()                   ? ""
          : std::string(lang) == "ja" ? "・"
                                      : ", ") +
         c["label"][lang].get<std::string>();
  }
  return s;
}

std::string reports_of(const json& verdict, bool ja) {
  std::string s;
  for (const auto& c : verdict["classifications"]) {
    for (const auto& r : c["reports"]) {
      std::string type = r["type"];
      std::string due =
          r["due"].is_string()
              ? r["due"].get<std::string>()
              : (ja ? "速やかに" : "promptly") +
                    (r.contains("triggered_at")
                         ? std::string(ja ? "（基準到達 " : " (threshold crossed ") +
                               r["triggered_at"].get<std::string>() + (ja ? "）" : ")")
                         : "");
      s += "- " + vocab::label_or_code("report", type, ja ? "ja" : "en") + " " + r["form"].get<std::string>() + ": " +
           (ja ? "期限 " : "due ") + due + "\n";
    }
  }
  return s;
}

std::string link(const std::string& base, int64_t id) {
  return base + "/incidents/" + std::to_string(id);
}
}  // namespace

std::vector<Owed> owed(const std::vector<incident::Incident>& incidents,
                       const std::vector<incident::Obligation>& obligations, incident::Instant now,
                       const std::string& public_url) {
  std::vector<Owed> out;
  std::map<int64_t, const incident::Incident*> by_id;
  for (const auto& i : incidents) {
    by_id[i.id] = &i;
    if (i.status != "open") continue;
    std::string ja = kinds_of(i.classification, "ja");
    if (ja.empty()) continue;
    std::string kinds;
    for (const auto& k : incident::verdict_kinds(i.classification)) kinds += k + "+";
    Owed o;
    o.event = "reportable";
    o.incident_id = i.id;
    o.key = "incident:" + std::to_string(i.id) + ":reportable:" + kinds;
    o.subject_ja = "【Anzen】" + ja + "に該当: " + i.title;
    o.subject_en = "[Anzen] " + kinds_of(i.classification, "en") + ": " + i.title;
    o.body_ja = "事故「" + i.title + "」は " + ja + " に該当すると判定されました（" +
                i.classification.value("as_of", "") + " 時点）。\n\n" +
                reports_of(i.classification, true) + "\n詳細: " + link(public_url, i.id) + "\n";
    o.body_en = "The incident \"" + i.title + "\" is now classified as " +
                kinds_of(i.classification, "en") + " (as of " +
                i.classification.value("as_of", "") + ").\n\n" +
                reports_of(i.classification, false) + "\nDetails: " + link(public_url, i.id) + "\n";
    o.payload = {{"event", o.event},
                 {"incident", i.id},
                 {"title", i.title},
                 {"classification", incident::verdict_kinds(i.classification)},
                 {"as_of", i.classification.value("as_of", "")}};
    out.push_back(std::move(o));
  }
  incident::Date today = incident::jst_date(now);
  for (const auto& ob : obligations) {
    if (!ob.due) continue;  // prompt reports: the 'reportable' notification says so
    int64_t left = incident::days_from_civil(*ob.due) - incident::days_from_civil(today);
    std::string event = left < 0    ? "overdue"
                        : left <= 1 ? "due_1"
                        : left <= 3 ? "due_3"
                        : left <= 7 ? "due_7"
                                    : "";
    if (event.empty()) continue;
    Owed o;
    o.event = event;
    o.incident_id = ob.incident_id;
    o.reminder = event != "overdue";
    o.key = "incident:" + std::to_string(ob.incident_id) + ":" + ob.type + ":" + ob.form + ":" +
            ob.due->str() + ":" + event;
    std::string when_ja = left < 0 ? "期限を " + std::to_string(-left) + " 日超過しています"
                                   : "期限まであと " + std::to_string(left) + " 日です";
    std::string when_en = left < 0 ? "overdue by " + std::to_string(-left) + " day(s)"
                                   : std::to_string(left) + " day(s) left";
    o.subject_ja = "【Anzen】" + ob.form + " の" +
                   (left < 0 ? "期限超過" : "期限が近づいています") + ": " + ob.incident_title;
    o.subject_en =
        "[Anzen] " + ob.form + (left < 0 ? " overdue" : " due soon") + ": " + ob.incident_title;
    o.body_ja = "事故「" + ob.incident_title + "」の " + ob.form + " は " + ob.due->str() +
                " が期限で、" + when_ja + "。\n\n詳細: " + link(public_url, ob.incident_id) + "\n";
    o.body_en = "The " + ob.form + " for \"" + ob.incident_title + "\" is due on " + ob.due->str() +
                ": " + when_en + ".\n\nDetails: " + link(public_url, ob.incident_id) + "\n";
    o.payload = {{"event", event},
                 {"incident", ob.incident_id},
                 {"title", ob.incident_title},
                 {"form", ob.form},
                 {"type", ob.type},
                 {"due", ob.due->str()},
                 {"days_left", left}};
    out.push_back(std::move(o));
  }
  return out;
}

std::string checked_public_url(const std::string& url) {
  bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  size_t host = url.find("//") + 2;
  if (!scheme || url.size() <= host || url[host] == '/' ||
      url.find_first_of("?# \t\r\n\"<>") != std::string::npos)
    throw Invalid(
        "public URL",
        "公開 URL は https://anzen.example.jp のように http(s) で始まる絶対 URL "
        "で入力してください（? や # は不可）。",
        "Enter an absolute http(s) URL such as https://anzen.example.jp (no query or fragment).",
        "invalid",
        "public URL: got '" + url +
            "', expected an absolute http(s) URL such as https://anzen.example.jp (no query or "
            "fragment)");
  std::string out = url;
  while (out.size() > host && out.back() == '/') out.pop_back();
  return out;
}

Owed test_message(int64_t org_id, incident::Instant now, const std::string& public_url) {
  Owed o;
  o.event = "test";
  o.key = "test:" + std::to_string(org_id) + ":" + std::to_string(now);
  o.subject_ja = "【Anzen】通知のテスト";
  o.subject_en = "[Anzen] Test notification";
  o.body_ja = "Anzen からのテスト通知です（" + date::display_time(incident::format_jst(now), "ja") +
              "）。この経路で事故の通知が届きます。\n\nAnzen: " + public_url + "/\n";
  o.body_en = "A test notification from Anzen (" +
              date::display_time(incident::format_jst(now), "en") +
              "). Incident notifications will arrive this way.\n\nAnzen: " + public_url + "/\n";
  o.payload = {{"event", "test"}, {"at", incident::format_jst(now)}};
  return o;
}

namespace {
std::optional<int> minutes_of(const std::string& hm) {
  if (hm.size() != 5 || hm[2] != ':') return std::nullopt;
  try {
    int h = std::stoi(hm.substr(0, 2)), m = std::stoi(hm.substr(3, 2));
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    return h * 60 + m;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}
}  // namespace

void check_quiet(const std::string& w) {
  if (w.empty()) return;
  auto dash = w.find('-');
  if (dash == std::string::npos || !minutes_of(w.substr(0, dash)) ||
      !minutes_of(w.substr(dash + 1))) {
    throw Invalid("quiet", "通知しない時間帯は 22:00-07:00 のように日本時間で入力してください。",
                  "Enter the quiet hours in Japan time as HH:MM-HH:MM, e.g. 22:00-07:00.",
                  "invalid",
                  "quiet: got '" + w + "', expected HH:MM-HH:MM in Japan time, e.g. 22:00-07:00");
  }
}

std::optional<incident::Instant> quiet_until(const std::string& w, incident::Instant now) {
  if (w.empty()) return std::nullopt;
  check_quiet(w);
  auto dash = w.find('-');
  int from = *minutes_of(w.substr(0, dash)), to = *minutes_of(w.substr(dash + 1));
  if (from == to) return std::nullopt;
  incident::Instant jst = now + 9 * 3600;
  int minute = static_cast<int>((jst % 86400) / 60);
  incident::Instant day_start = now - (jst % 86400);  // JST midnight, as an instant
  bool inside = from < to ? (minute >= from && minute < to) : (minute >= from || minute < to);
  if (!inside) return std::nullopt;
  incident::Instant end = day_start + static_cast<incident::Instant>(to) * 60;
  if (end <= now) end += 86400;
  return end;
}

}  // namespace anzen::ops
