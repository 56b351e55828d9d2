#include "ops/restrictions.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "common/csv.h"
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
Restriction record_of(const std::map<std::string, std::string>& f, const std::string& where) {
  auto get = [&](const std::string& k) { return f.count(k) ? f.at(k) : std::string(); };
  auto bad = [&](const std::string& col, const std::string& msg) {
    return std::invalid_argument(where + ", column " + col + ": " + msg);
  };
  Restriction r;
  r.service = get("service");
  if (r.service.empty()) throw bad("service", "missing (expected the service name)");
  auto start = parse_rfc3339(get("start"));
  if (!start)
    throw bad("start",
              "got '" + get("start") +
                  "', expected an ISO 8601 time with offset, e.g. 2026-01-01T18:00:00+09:00");
  r.start = *start;
  if (!get("end").empty()) {
    auto end = parse_rfc3339(get("end"));
    if (!end)
      throw bad("end", "got '" + get("end") +
                           "', expected an ISO 8601 time with offset or empty (ongoing)");
    if (*end < r.start) throw bad("end", "is before start");
    r.end = *end;
  }
  if (!get("share").empty()) {
    try {
      size_t used = 0;
      double s = std::stod(get("share"), &used);
      if (used != get("share").size() || s < 0 || s > 1) throw std::invalid_argument("");
      r.share = s;
    } catch (const std::exception&) {
      throw bad("share", "got '" + get("share") + "', expected a share between 0 and 1");
    }
  }
  try {
    size_t used = 0;
    long long u = std::stoll(get("users"), &used);
    if (used != get("users").size() || u < 0) throw std::invalid_argument("");
    r.users = u;
  } catch (const std::exception&) {
    throw bad("users", "got '" + get("users") + "', expected the number of users restricted");
  }
  std::string uf = get("unforeseen");
  if (uf == "true" || uf == "1" || uf == "yes" || uf == "はい")
    r.unforeseen = true;
  else if (uf == "false" || uf == "0" || uf == "no" || uf == "いいえ" || uf.empty())
    r.unforeseen = false;
  else
    throw bad("unforeseen", "got '" + uf + "', expected true or false");
  r.reason = get("reason");
  return r;
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
      throw std::invalid_argument(file + ": not valid JSON: " + e.what());
    }
    if (j.is_object() && j.contains("restrictions")) j = j["restrictions"];
    if (!j.is_array())
      throw std::invalid_argument(file +
                                  ": expected a list of records or {\"restrictions\": [...]}");
    for (size_t i = 0; i < j.size(); ++i) {
      std::string where = file + ", record " + std::to_string(i + 1);
      if (!j[i].is_object()) throw std::invalid_argument(where + ": expected an object");
      std::map<std::string, std::string> f;
      for (const auto& [k, v] : j[i].items()) {
        if (std::find(kColumns.begin(), kColumns.end(), k) == kColumns.end())
          throw std::invalid_argument(where + ", field " + k + ": unknown field");
        f[k] = scalar_text(v);
      }
      out.push_back(record_of(f, where));
    }
    return out;
  }
  std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
  std::vector<csv::Row> rows;
  try {
    rows = csv::parse(body);
  } catch (const std::exception& e) {
    throw std::invalid_argument(file + ": " + e.what());
  }
  if (rows.empty())
    throw std::invalid_argument(
        file + ": empty (expected a header row: start,end,service,share,users,unforeseen,reason)");
  const auto& header = rows[0].fields;
  for (const auto& h : header) {
    if (std::find(kColumns.begin(), kColumns.end(), h) == kColumns.end()) {
      throw std::invalid_argument(
          file + ", line 1, column " + h +
          ": unknown column (expected start,end,service,share,users,unforeseen,reason)");
    }
  }
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].fields.size() == 1 && rows[i].fields[0].empty()) continue;  // a blank line
    std::string where = file + ", line " + std::to_string(rows[i].line);
    if (rows[i].fields.size() != header.size()) {
      throw std::invalid_argument(where + ": " + std::to_string(rows[i].fields.size()) +
                                  " fields, expected " + std::to_string(header.size()));
    }
    std::map<std::string, std::string> f;
    for (size_t c = 0; c < header.size(); ++c) f[header[c]] = rows[i].fields[c];
    out.push_back(record_of(f, where));
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
