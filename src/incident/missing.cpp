#include "incident/missing.h"

#include <map>

namespace anzen::incident {
using nlohmann::json;

namespace {
// A missing input and the value that tests it: the most a real event could bring (a huge
// count, a condition met), so that whatever it would change, it shows.
struct Candidate {
  std::string field;
  json value;
};
const std::vector<Candidate>& candidates() {
  static const std::vector<Candidate> c = {
      {"designated_operator", true},
      {"leaked_persons", int64_t{1'000'000'000}},
      {"provided_to_foreign_government", true},
      {"affected_users", int64_t{1'000'000'000}},
      {"all_traffic_blocked", true},
      {"restriction_unforeseen", true},
      {"feared.prev_fy_users_30000", true},
      {"feared.multi_prefecture", true},
      {"feared.core_function", true},
  };
  return c;
}

// The value at "a" or "a.b", or null when absent.
json at_path(const json& e, const std::string& path) {
  auto dot = path.find('.');
  if (dot == std::string::npos) return e.value(path, json());
  json inner = e.value(path.substr(0, dot), json());
  return inner.is_object() ? inner.value(path.substr(dot + 1), json()) : json();
}
void set_path(json& e, const std::string& path, const json& v) {
  auto dot = path.find('.');
  if (dot == std::string::npos) {
    e[path] = v;
    return;
  }
  std::string head = path.substr(0, dot);
  if (!e[head].is_object()) e[head] = json::object();
  e[head][path.substr(dot + 1)] = v;
}

// "特定利用者情報の漏えい（R7）", "serious accident (R1)" …, joined.
catalog::Text verdict_words(const json& verdict) {
  catalog::Text t;
  for (const auto& c : verdict["classifications"]) {
    t.ja += (t.ja.empty() ? "" : "・") + c["label"]["ja"].get<std::string>() + "（" +
            c["rule"].get<std::string>() + "）";
    t.en += (t.en.empty() ? "" : ", ") + c["label"]["en"].get<std::string>() + " (" +
            c["rule"].get<std::string>() + ")";
  }
  return t;
}

std::vector<std::string> kinds_of(const json& verdict) {
  std::vector<std::string> k;
  for (const auto& c : verdict["classifications"])
    k.push_back(c["kind"].get<std::string>() + "/" + c["rule"].get<std::string>());
  return k;
}
}  // namespace

catalog::Text input_label(const std::string& field) {
  static const std::map<std::string, catalog::Text> labels = {
      {"event_type", {"事象の種類", "Event type"}},
      {"service_category", {"電気通信役務の区分", "Service category"}},
      {"affected_users", {"影響利用者数", "Affected users"}},
      {"started_at", {"発生日時", "Started"}},
      {"ended_at", {"復旧日時", "Restored"}},
      {"known_at", {"認知日時", "Became aware"}},
      {"facility", {"設備", "Facility"}},
      {"all_traffic_blocked",
       {"当該設備を経由する全ての通信が停止", "All traffic over the facility blocked"}},
      {"additional_function_only",
       {"付加的な機能のみの障害", "Only an additional function affected"}},
      {"designated_operator",
       {"指定電気通信事業者（法第27条の5の指定）", "Designated operator (Act Art. 27-5)"}},
      {"provided_to_foreign_government",
       {"外国政府等への提供に係る漏えい", "Provided to a foreign government"}},
      {"restriction_unforeseen",
       {"予見できない理由による通信の制限", "Restriction for unforeseen reasons"}},
      {"leaked_persons",
       {"漏えいした特定利用者情報の人数", "Persons whose specified user information leaked"}},
      {"feared.prev_fy_users_30000",
       {"前年度末の利用者数が3万以上",
        "At least 30,000 users at the end of the previous fiscal year"}},
      {"feared.multi_prefecture",
       {"2以上の都道府県にわたる役務の設備", "Facility serves two or more prefectures"}},
      {"feared.core_function",
       {"伝送・交換・制御・運用監視・加入者管理等の機能を持つ設備",
        "Facility with a transmission, switching, control, monitoring or subscriber-management "
        "function"}},
      {"feared.kind", {"おそれ事態の類型", "Kind of feared event"}},
      {"feared.planned", {"計画的な作業によるもの", "Planned"}},
      {"feared.within_design", {"設計の範囲内のもの", "Within the design specification"}},
      {"feared.natural_disaster", {"自然災害によるもの", "Caused by a natural disaster"}},
  };
  auto it = labels.find(field);
  return it == labels.end() ? catalog::Text{field, field} : it->second;
}

std::vector<MissingInput> missing_inputs(const json& event, const std::vector<RuleSet>& rules,
                                         Instant as_of) {
  std::vector<MissingInput> out;
  auto judge = [&](const json& e) -> json {
    try {
      return verdict_json(classify(event_from_json(e), rules, as_of));
    } catch (const InvalidEvent&) {
      return json();
    }
  };
  json base = judge(event);
  if (base.is_null()) return out;
  auto base_kinds = kinds_of(base);
  std::vector<const Candidate*> missing;
  for (const auto& c : candidates()) {
    if (at_path(event, c.field).is_null()) missing.push_back(&c);
  }
  auto describe = [&](const std::vector<std::string>& fields, const json& verdict) {
    MissingInput m{fields, {}, verdict_words(verdict)};
    for (const auto& f : fields) {
      auto l = input_label(f);
      m.label.ja += (m.label.ja.empty() ? "" : "・") + ("「" + l.ja + "」");
      m.label.en += (m.label.en.empty() ? "" : ", ") + l.en;
    }
    out.push_back(std::move(m));
  };
  for (const auto* c : missing) {
    json e = event;
    set_path(e, c->field, c->value);
    json v = judge(e);
    if (!v.is_null() && kinds_of(v) != base_kinds) describe({c->field}, v);
  }
  // None alone: pairs (a leak needs the flag and a count), then all of them together.
  bool singles = !out.empty();
  for (size_t a = 0; !singles && a < missing.size(); ++a) {
    for (size_t b = a + 1; b < missing.size(); ++b) {
      json e = event;
      set_path(e, missing[a]->field, missing[a]->value);
      set_path(e, missing[b]->field, missing[b]->value);
      json v = judge(e);
      if (!v.is_null() && kinds_of(v) != base_kinds)
        describe({missing[a]->field, missing[b]->field}, v);
    }
  }
  if (out.empty() && missing.size() > 2) {
    json e = event;
    std::vector<std::string> fields;
    for (const auto* c : missing) set_path(e, c->field, c->value);
    json v = judge(e);
    if (!v.is_null() && kinds_of(v) != base_kinds) {
      // Name only the inputs the change needs (a feared event needs all of its conditions).
      for (const auto* c : missing) {
        json without = e;
        set_path(without, c->field, nullptr);
        if (kinds_of(judge(without)) != kinds_of(v)) fields.push_back(c->field);
      }
      describe(fields, v);
    }
  }
  return out;
}

json missing_inputs_json(const std::vector<MissingInput>& m) {
  json out = json::array();
  for (const auto& x : m) {
    out.push_back(
        {{"fields", x.fields},
         {"label", {{"ja", x.label.ja}, {"en", x.label.en}}},
         {"would_be", {{"ja", x.would_be.ja}, {"en", x.would_be.en}}},
         {"text",
          {{"ja", x.label.ja + "が未入力です。入力によっては「" + x.would_be.ja + "」になります。"},
           {"en", x.label.en + (x.fields.size() > 1 ? " are" : " is") + " not given; with " +
                      (x.fields.size() > 1 ? "them" : "it") +
                      " the verdict could be: " + x.would_be.en + "."}}}});
  }
  return out;
}

}  // namespace anzen::incident
