#include "web/audit_diff.h"

#include <map>
#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/text.h"
#include "web/html.h"

namespace anzen::web {
using nlohmann::json;

namespace {
constexpr int kMaxDepth = 4;
constexpr size_t kMaxShown = 120;  // code points of a value shown in the row

void flatten(const json& j, const std::string& prefix, int depth,
             std::map<std::string, std::string>& out) {
  if (j.is_object() && depth < kMaxDepth && !j.empty()) {
    for (const auto& [k, v] : j.items())
      flatten(v, prefix.empty() ? k : prefix + "." + k, depth + 1, out);
    return;
  }
  out[prefix.empty() ? "(value)" : prefix] = j.is_string() ? j.get<std::string>() : j.dump();
}

std::map<std::string, std::string> fields(const std::string& text) {
  std::map<std::string, std::string> out;
  if (text.empty()) return out;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded())
    out["(value)"] = text;
  else if (!j.is_null())
    flatten(j, "", 0, out);
  return out;
}

// A value as shown: times in JST, long text cut with the whole in the tooltip.
std::string shown(const std::string& v, const std::string& lang) {
  if (v.empty()) return "<span class=\"muted\">—</span>";
  std::string s = date::display_time(v, lang);
  std::u32string cps = text::decode(s);
  if (cps.size() <= kMaxShown) return "<span>" + esc(s) + "</span>";
  return "<span title=\"" + esc(s) + "\">" + esc(text::encode(cps.substr(0, kMaxShown))) +
         "…</span>";
}
}  // namespace

std::string audit_diff_html(const std::string& before, const std::string& after,
                            const std::string& lang) {
  auto b = fields(before), a = fields(after);
  std::map<std::string, std::pair<std::string, std::string>> changed;
  for (const auto& [k, v] : b)
    if (!a.count(k) || a[k] != v) changed[k] = {v, a.count(k) ? a[k] : ""};
  for (const auto& [k, v] : a)
    if (!b.count(k)) changed[k] = {"", v};
  if (changed.empty())
    return "<span class=\"muted\">" +
           std::string(lang == "en" ? "no change recorded" : "変更内容の記録なし") + "</span>";
  std::string h = "<ul class=\"diff\">";
  for (const auto& [k, v] : changed) {
    h += "<li><code>" + esc(k) + "</code>: ";
    if (v.first.empty())
      h += "<ins>" + shown(v.second, lang) + "</ins>";
    else if (v.second.empty())
      h += "<del>" + shown(v.first, lang) + "</del>";
    else
      h += "<del>" + shown(v.first, lang) + "</del> → <ins>" + shown(v.second, lang) + "</ins>";
    h += "</li>";
  }
  return h + "</ul>";
}

}  // namespace anzen::web
