#include "catalog/oscal_params.h"

namespace anzen::catalog {
using nlohmann::json;

namespace {
std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}
std::string str_of(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? trim(it->get_ref<const std::string&>()) : std::string();
}
// Choices may themselves hold parameters (rev4 ac-4.4); a chain this long means a cycle.
constexpr int kMaxDepth = 8;
}  // namespace

void OscalParams::add(const json& params) {
  if (!params.is_array()) return;
  for (const auto& p : params) {
    if (p.is_object() && p.contains("id") && p["id"].is_string())
      by_id_[p["id"].get<std::string>()] = &p;
  }
  // rev5 parameters (ac-01_odp.03) carry their rev4 ids (ac-1_prm_3) as alt-identifier props:
  // prose still inserting the old id finds them. A real id always wins over an alternative.
  for (const auto& p : params) {
    if (!p.is_object() || !p.contains("props") || !p["props"].is_array()) continue;
    for (const auto& prop : p["props"]) {
      if (prop.is_object() && str_of(prop, "name") == "alt-identifier" && !prop.contains("ns")) {
        std::string alt = str_of(prop, "value");
        if (!alt.empty()) by_id_.try_emplace(alt, &p);
      }
    }
  }
}

std::string OscalParams::render(std::string_view prose, std::string_view lang) const {
  return render_at(prose, lang, 0);
}

std::string OscalParams::render_at(std::string_view prose, std::string_view lang, int depth) const {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = prose.find("{{", pos);
    size_t close = open == std::string_view::npos ? open : prose.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    std::string inner = trim(prose.substr(open + 2, close - open - 2));
    out.append(prose.substr(pos, open - pos));
    pos = close + 2;
    // "insert: param, ID" (the only insert type a catalog's prose uses for parameters).
    size_t comma = inner.find(',');
    if (inner.rfind("insert:", 0) == 0 && comma != std::string::npos &&
        trim(inner.substr(7, comma - 7)) == "param") {
      out += param_text(trim(inner.substr(comma + 1)), lang, depth);
    } else {
      out += "{{ " + inner + " }}";
    }
  }
  out.append(prose.substr(pos));
  return out;
}

std::string OscalParams::param_text(const std::string& id, std::string_view lang, int depth) const {
  bool ja = lang != "en";
  auto it = by_id_.find(id);
  if (it == by_id_.end() || depth >= kMaxDepth)
    return (ja ? "【割当: " : "[Assignment: ") + id + (ja ? "】" : "]");
  const json& p = *it->second;
  auto join = [&](const json& arr, const char* sep) {
    std::string s;
    for (const auto& v : arr) {
      if (!v.is_string()) continue;
      std::string t = trim(render_at(v.get<std::string>(), lang, depth + 1));
      if (!t.empty()) s += (s.empty() ? "" : sep) + t;
    }
    return s;
  };
  if (p.contains("values") && p["values"].is_array() && !p["values"].empty()) {
    return (ja ? "【設定値: " : "[Value: ") + join(p["values"], ", ") + (ja ? "】" : "]");
  }
  if (p.contains("select") && p["select"].is_object()) {
    const json& sel = p["select"];
    bool many = str_of(sel, "how-many") == "one-or-more";
    std::string head = ja ? (many ? "【選択（1つ以上）: " : "【選択: ")
                          : (many ? "[Selection (one or more): " : "[Selection: ");
    return head + join(sel.value("choice", json::array()), ja ? "／" : "; ") + (ja ? "】" : "]");
  }
  std::string label = str_of(p, "label");
  return (ja ? "【割当: " : "[Assignment: ") +
         (label.empty() ? id : render_at(label, lang, depth + 1)) + (ja ? "】" : "]");
}

}  // namespace anzen::catalog
