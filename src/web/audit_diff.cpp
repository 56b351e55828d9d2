#include "web/audit_diff.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/text.h"
#include "common/vocabulary.h"
#include "web/html.h"

namespace anzen::web {
using nlohmann::json;

namespace {
constexpr int kMaxDepth = 4;
constexpr size_t kMaxShown = 120;  // code points of a value shown in the row

void flatten(const json& j, const std::string& prefix, int depth,
             std::map<std::string, json>& out) {
  if (j.is_object() && depth < kMaxDepth && !j.empty()) {
    for (const auto& [k, v] : j.items())
      flatten(v, prefix.empty() ? k : prefix + "." + k, depth + 1, out);
    return;
  }
  out[prefix.empty() ? "(value)" : prefix] = j;
}

std::map<std::string, json> fields(const std::string& text) {
  std::map<std::string, json> out;
  if (text.empty()) return out;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded())
    out["(value)"] = text;
  else if (!j.is_null())
    flatten(j, "", 0, out);
  return out;
}

// Which vocabulary domain the values of a field are codes of ("*": any entity). A field matches
// when the key is the field or ends with "." and the field.
struct ValueDomain {
  const char *entity, *field, *domain;
};
constexpr ValueDomain kDomains[] = {
    {"*", "treatment", "treatment"},
    {"*", "threat", "threat"},
    {"*", "role", "userrole"},
    {"*", "services", "service"},
    {"*", "service_category", "service"},
    {"*", "event_type", "event"},
    {"*", "facility", "facility"},
    {"*", "feared.kind", "fearedkind"},
    {"*", "criticality", "criticality"},
    {"*", "recurrence", "recurrence"},
    {"asset", "kind", "assetkind"},
    {"organization", "kind", "orgkind"},
    {"plan_item", "status", "planstatus"},
    {"answer", "status", "status"},
    {"assessment", "status", "status"},  // a sheet import: answers.<question>.status
    {"soa_decision", "status", "status"},
    {"incident", "status", "incidentstatus"},
    {"questionnaire", "status", "qstatus"},
    {"incident_report", "kind", "classification"},
    {"incident_report", "report", "report"},
    {"request", "status", "http_status"},  // a denied request (web/router.cpp)
    {"request", "reason", "denial_reason"},
};

const char* value_domain(const std::string& entity, const std::string& key) {
  for (const auto& d : kDomains) {
    std::string f = d.field;
    bool field_matches = key == f || (key.size() > f.size() && key.ends_with("." + f));
    if (field_matches && (std::string(d.entity) == "*" || entity == d.entity)) return d.domain;
  }
  return nullptr;
}

// A value as text: codes by their label, flags as yes/no, times in JST.
std::string as_text(const json& v, const char* domain, const std::string& lang) {
  if (v.is_null()) return "";
  if (v.is_boolean())
    return v.get<bool>() ? (lang == "en" ? "yes" : "はい") : (lang == "en" ? "no" : "いいえ");
  // Why a request was refused, as the server said it (web/router.cpp records the English line).
  if (v.is_string() && domain && std::string(domain) == "denial_reason") {
    static const std::map<std::string, std::string> kJa = {
        {"not found", "見つかりません"},
        {"no such question", "その確認項目はありません"},
        {"no such framework", "その安全基準はありません"},
        {"no such item", "その項目はありません"},
        {"no item", "その項目はありません"},
        {"no assessment", "その自己点検はありません"},
        {"CSRF token missing or wrong", "フォームの確認用トークンがないか誤っています"},
        {"form token missing or wrong; reload the page",
         "フォームの確認用トークンがないか誤っています（ページを読み込み直してください）"},
        {"forbidden: your role may not change data", "このロールではデータを変更できません"},
        {"forbidden: auditors and administrators only", "監査人と管理者だけが使えます"},
        {"forbidden: administrators only", "管理者だけが使えます"},
        {"the supplier submits this questionnaire", "この質問票を提出するのは委託先です"},
        {"the supplier answers this questionnaire", "この質問票に回答するのは委託先です"},
        {"the supplier attaches evidence", "証跡を添付するのは委託先です"},
        {"the sender revokes links", "リンクを取り消すのは送付元です"},
        {"the sender reviews this questionnaire", "この質問票を審査するのは送付元です"},
        {"your role cannot answer questionnaires", "このロールでは質問票に回答できません"},
    };
    auto it = kJa.find(v.get<std::string>());
    return lang != "en" && it != kJa.end() ? it->second : v.get<std::string>();
  }
  // A refused request's status, in words.
  if (v.is_number_integer() && domain && std::string(domain) == "http_status") {
    int code = v.get<int>();
    const char* ja = code == 404 ? "見つからない（存在しないか、他の組織のもの）"
                     : code == 403 ? "権限がない"
                                   : nullptr;
    const char* en = code == 404   ? "not found (absent, or another organisation's)"
                     : code == 403 ? "not allowed"
                                   : nullptr;
    if (ja) return std::string(lang == "en" ? en : ja) + " (" + std::to_string(code) + ")";
  }
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (domain) return vocab::label_or_code(domain, s, lang);
    return date::display_time(s, lang);
  }
  if (v.is_array() && domain) {
    std::vector<std::string> codes;
    for (const auto& x : v) codes.push_back(x.is_string() ? x.get<std::string>() : x.dump());
    return vocab::labels(domain, codes, lang);
  }
  if (v.is_array() && v.empty()) return "";
  // A list of plain values (question ids, names): the values, not their JSON.
  if (v.is_array() && std::all_of(v.begin(), v.end(),
                                  [](const json& x) { return x.is_string() || x.is_number(); })) {
    std::string out;
    for (const auto& x : v)
      out += (out.empty()    ? ""
              : lang == "en" ? ", "
                             : "、") +
             (x.is_string() ? x.get<std::string>() : x.dump());
    return out;
  }
  // A verdict's classifications (and any list of records that carry their own label): the
  // labels, not the records' JSON.
  if (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) {
        return x.is_object() && x.contains("label") && x["label"].is_object();
      })) {
    std::string out;
    for (const auto& x : v)
      out += (out.empty()    ? ""
              : lang == "en" ? ", "
                             : "、") +
             x["label"].value(lang == "en" ? "en" : "ja", std::string());
    return out;
  }
  return v.dump();
}

// A value as shown: long text cut with the whole in the tooltip.
std::string shown(const std::string& s) {
  if (s.empty()) return "<span class=\"muted\">—</span>";
  std::u32string cps = text::decode(s);
  if (cps.size() <= kMaxShown) return "<span>" + esc(s) + "</span>";
  return "<span title=\"" + esc(s) + "\">" + esc(text::encode(cps.substr(0, kMaxShown))) +
         "…</span>";
}
}  // namespace

std::string audit_field_label(const std::string& key, const std::string& lang) {
  if (key == "(value)") return lang == "en" ? "Value" : "値";
  // The first and the last part are field names; what lies between is a record's own key, kept
  // as it is even when it has dots of its own (answers.T2-001.1.status: the question T2-001.1).
  size_t first = key.find('.'), last = key.rfind('.');
  if (first == std::string::npos) return vocab::label_or_code("audit_field", key, lang);
  std::string out = vocab::label_or_code("audit_field", key.substr(0, first), lang) + " › ";
  if (last > first) out += key.substr(first + 1, last - first - 1) + " › ";
  return out + vocab::label_or_code("audit_field", key.substr(last + 1), lang);
}

std::string audit_diff_html(const std::string& entity, const std::string& before,
                            const std::string& after, const std::string& lang) {
  auto b = fields(before), a = fields(after);
  std::map<std::string, std::pair<json, json>> changed;
  for (const auto& [k, v] : b) {
    auto it = a.find(k);
    if (it == a.end() || it->second != v) changed[k] = {v, it == a.end() ? json() : it->second};
  }
  for (const auto& [k, v] : a)
    if (!b.count(k)) changed[k] = {json(), v};
  std::string h;
  for (const auto& [k, v] : changed) {
    const char* domain = value_domain(entity, k);
    std::string old_text = as_text(v.first, domain, lang),
                new_text = as_text(v.second, domain, lang);
    if (old_text == new_text) continue;  // e.g. null and an empty list
    h += "<li data-field=\"" + esc(k) + "\"><span class=\"field\">" +
         esc(audit_field_label(k, lang)) + "</span>: ";
    if (old_text.empty())
      h += "<ins>" + shown(new_text) + "</ins>";
    else if (new_text.empty())
      h += "<del>" + shown(old_text) + "</del>";
    else
      h += "<del>" + shown(old_text) + "</del> → <ins>" + shown(new_text) + "</ins>";
    h += "</li>";
  }
  if (h.empty())
    return "<span class=\"muted\">" +
           std::string(lang == "en" ? "no change recorded" : "変更内容の記録なし") + "</span>";
  return "<ul class=\"diff\">" + h + "</ul>";
}

}  // namespace anzen::web
