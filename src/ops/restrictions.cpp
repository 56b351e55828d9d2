#include "ops/restrictions.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "common/csv.h"
#include "common/invalid.h"
#include "incident/register.h"
#include "ops/alerts.h"
#include "ops/clock.h"
#include "ops/repo.h"

namespace anzen::ops {
using nlohmann::json;

json Restriction::to_json() const {
  return {{"service", service},
          {"start", incident::format_jst(start)},
          {"end", end ? json(incident::format_jst(*end)) : json()},
          {"share", share ? json(*share) : json()},
          {"users", users},
          {"unforeseen", unforeseen},
          {"reason", reason}};
}

namespace {
const std::vector<std::string> kColumns = {"start", "end",        "service", "share",
                                           "users", "unforeseen", "reason"};

// One record from text fields; `where` names the file and row for errors.
// `where_ja`: the same place in Japanese ("r.csv の 3 行目").
Restriction record_of(const std::map<std::string, std::string>& f, const std::string& where,
                      const std::string& where_ja) {
  auto get = [&](const std::string& k) { return f.count(k) ? f.at(k) : std::string(); };
  auto bad = [&](const std::string& col, const std::string& ja, const std::string& msg) {
    return Invalid(col, where_ja + "、列 " + col + "：" + ja,
                   where + ", column " + col + ": " + msg, "invalid",
                   where + ", column " + col + ": " + msg);
  };
  Restriction r;
  r.service = get("service");
  if (r.service.empty())
    throw bad("service", "役務の名称を入力してください。", "missing (expected the service name)");
  auto start = parse_rfc3339(get("start"));
  if (!start)
    throw bad(
        "start",
        "開始日時は 2026-01-01T18:00:00+09:00 のように時差付きの ISO 8601 形式で入力してください"
        "（入力: " +
            get("start") + "）。",
        "got '" + get("start") +
            "', expected an ISO 8601 time with offset, e.g. 2026-01-01T18:00:00+09:00");
  r.start = *start;
  if (!get("end").empty()) {
    auto end = parse_rfc3339(get("end"));
    if (!end)
      throw bad(
          "end",
          "終了日時は時差付きの ISO 8601 形式で入力してください。継続中なら空欄にします（入力: " +
              get("end") + "）。",
          "got '" + get("end") + "', expected an ISO 8601 time with offset or empty (ongoing)");
    if (*end < r.start) throw bad("end", "終了日時が開始日時より前です。", "is before start");
    r.end = *end;
  }
  if (!get("share").empty()) {
    try {
      size_t used = 0;
      double s = std::stod(get("share"), &used);
      if (used != get("share").size() || s < 0 || s > 1) throw std::invalid_argument("");
      r.share = s;
    } catch (const std::exception&) {
      throw bad("share", "制限の割合は 0〜1 の数で入力してください（入力: " + get("share") + "）。",
                "got '" + get("share") + "', expected a share between 0 and 1");
    }
  }
  try {
    size_t used = 0;
    long long u = std::stoll(get("users"), &used);
    if (used != get("users").size() || u < 0) throw std::invalid_argument("");
    r.users = u;
  } catch (const std::exception&) {
    throw bad(
        "users",
        "制限を受けた利用者数を 0 以上の整数で入力してください（入力: " + get("users") + "）。",
        "got '" + get("users") + "', expected the number of users restricted");
  }
  std::string uf = get("unforeseen");
  if (uf == "true" || uf == "1" || uf == "yes" || uf == "はい")
    r.unforeseen = true;
  else if (uf == "false" || uf == "0" || uf == "no" || uf == "いいえ" || uf.empty())
    r.unforeseen = false;
  else
    throw bad(
        "unforeseen",
        "予見できなかったかどうかは「はい」か「いいえ」で入力してください（入力: " + uf + "）。",
        "got '" + uf + "', expected true or false");
  r.reason = get("reason");
  return r;
}

std::string joined_columns() {
  std::string out;
  for (const auto& c : kColumns) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::string scalar_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}
}  // namespace

std::vector<Restriction> parse_restrictions(const std::string& text, const std::string& file) {
  std::vector<Restriction> out;
  size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && (text[first] == '[' || text[first] == '{')) {
    json j;
    try {
      j = json::parse(text);
    } catch (const json::parse_error& e) {
      throw Invalid("file",
                    file + " は JSON として読めません（" + std::to_string(e.byte) + " バイト目）。",
                    file + " is not valid JSON (at byte " + std::to_string(e.byte) + ").",
                    "invalid", file + ": not valid JSON: " + e.what());
    }
    if (j.is_object() && j.contains("restrictions")) j = j["restrictions"];
    if (!j.is_array())
      throw Invalid("file",
                    file + " には制限の記録の配列か {\"restrictions\": [...]} を書いてください。",
                    file + " must hold a list of records or {\"restrictions\": [...]}.", "invalid",
                    file + ": expected a list of records or {\"restrictions\": [...]}");
    for (size_t i = 0; i < j.size(); ++i) {
      std::string where = file + ", record " + std::to_string(i + 1);
      std::string where_ja = file + " の " + std::to_string(i + 1) + " 件目";
      if (!j[i].is_object())
        throw Invalid("file", where_ja + "はオブジェクト（{...}）で書いてください。",
                      where + " must be an object.", "invalid", where + ": expected an object");
      std::map<std::string, std::string> f;
      for (const auto& [k, v] : j[i].items()) {
        if (std::find(kColumns.begin(), kColumns.end(), k) == kColumns.end())
          throw Invalid(
              k,
              where_ja + "の項目 " + k + " は使えません（使える項目: " + joined_columns() + "）。",
              where + ": unknown field " + k + " (expected " + joined_columns() + ").", "invalid",
              where + ", field " + k + ": unknown field");
        f[k] = scalar_text(v);
      }
      out.push_back(record_of(f, where, where_ja));
    }
    return out;
  }
  std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
  std::vector<csv::Row> rows;
  try {
    rows = csv::parse(body);
  } catch (const std::exception& e) {
    throw Invalid("file", file + " は CSV として読めません（" + e.what() + "）。",
                  file + " is not valid CSV (" + e.what() + ").", "invalid",
                  file + ": " + e.what());
  }
  if (rows.empty())
    throw Invalid(
        "file", file + " が空です。1 行目に見出し（" + joined_columns() + "）を書いてください。",
        file + " is empty; it needs a header row (" + joined_columns() + ").", "required",
        file + ": empty (expected a header row: start,end,service,share,users,unforeseen,reason)");
  const auto& header = rows[0].fields;
  for (const auto& h : header) {
    if (std::find(kColumns.begin(), kColumns.end(), h) == kColumns.end()) {
      throw Invalid(
          h, file + " の 1 行目の列 " + h + " は使えません（使える列: " + joined_columns() + "）。",
          file + ", line 1: unknown column " + h + " (expected " + joined_columns() + ").",
          "invalid",
          file + ", line 1, column " + h +
              ": unknown column (expected start,end,service,share,users,unforeseen,reason)");
    }
  }
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].fields.size() == 1 && rows[i].fields[0].empty()) continue;  // a blank line
    std::string where = file + ", line " + std::to_string(rows[i].line);
    std::string where_ja = file + " の " + std::to_string(rows[i].line) + " 行目";
    if (rows[i].fields.size() != header.size()) {
      std::string n = std::to_string(rows[i].fields.size()), want = std::to_string(header.size());
      throw Invalid(
          "file",
          where_ja + "の列の数が " + n + " です。見出しと同じ " + want + " 列にしてください。",
          where + " has " + n + " fields; the header has " + want + ".", "invalid",
          where + ": " + n + " fields, expected " + want);
    }
    std::map<std::string, std::string> f;
    for (size_t c = 0; c < header.size(); ++c) f[header[c]] = rows[i].fields[c];
    out.push_back(record_of(f, where, where_ja));
  }
  return out;
}

RestrictionImport import_restrictions(store::Db& db, const std::vector<incident::RuleSet>& rules,
                                      int64_t org_id, const std::vector<Restriction>& records,
                                      incident::Instant now, const std::string& actor) {
  RestrictionImport res;
  OpsRepo repo(db, actor);
  incident::Register reg(db, rules, actor);
  db.transaction([&] {
    for (const auto& r : records) {
      std::string key = iso_utc(r.start);
      if (auto id = repo.restriction_incident(org_id, r.service, key)) {
        ++res.unchanged;
        res.incidents.push_back(*id);
        continue;
      }
      json event = {{"event_type", "priority_restriction"},
                    {"affected_users", r.users},
                    {"started_at", incident::format_jst(r.start)},
                    {"ended_at", r.end ? json(incident::format_jst(*r.end)) : json()},
                    {"restriction_unforeseen", r.unforeseen}};
      json details = {{"restriction", r.to_json()}};
      if (!r.reason.empty()) details["cause"] = r.reason;
      auto inc =
          reg.create(org_id, "通信の制限（" + r.service + "）", r.reason, event, now, details);
      repo.add_restriction(org_id, r.service, key, inc.id, r.to_json());
      ++res.created;
      res.incidents.push_back(inc.id);
    }
  });
  return res;
}

}  // namespace anzen::ops
