#include "incident/rules.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "catalog/loader.h"

namespace anzen::incident {
namespace fs = std::filesystem;
using catalog::Defect;

namespace {
struct Reader {
  std::string file;
  std::vector<Defect>& defects;
  void bad(const YAML::Node& n, const std::string& field, const std::string& msg) {
    defects.push_back({file, n.IsDefined() ? n.Mark().line + 1 : 0, field, msg});
  }
  template <typename T>
  T get(const YAML::Node& parent, const std::string& key, T fallback, bool required = true) {
    YAML::Node n = parent[key];
    if (!n) {
      if (required) bad(parent, key, "missing");
      return fallback;
    }
    try {
      return n.as<T>();
    } catch (const YAML::Exception&) {
      bad(n, key, "has the wrong type");
      return fallback;
    }
  }
  catalog::Text text(const YAML::Node& parent, const std::string& key) {
    YAML::Node n = parent[key];
    if (!n || !n.IsMap() || !n["ja"] || !n["en"]) {
      bad(parent, key, "expected {ja: ..., en: ...}");
      return {};
    }
    return {n["ja"].as<std::string>(), n["en"].as<std::string>()};
  }
  ReportRule report(const YAML::Node& parent, const std::string& key) {
    ReportRule r;
    YAML::Node n = parent[key];
    if (!n) {
      bad(parent, key, "missing");
      return r;
    }
    if (n["basis"]) r.basis = text(n, "basis");
    r.form = get<std::string>(n, "form", "");
    r.days = get<int>(n, "days", 0, false);
    r.months = get<int>(n, "months", 0, false);
    if (r.days <= 0 && r.months <= 0) bad(n, key, "needs days or months");
    r.from = get<std::string>(n, "from", "occurred", false);
    if (r.from != "occurred" && r.from != "known") bad(n["from"], key + ".from", "expected occurred or known");
    r.users = get<int64_t>(n, "users", 0, false);
    r.hours = get<int>(n, "hours", 0, false);
    r.persons_more_than = get<int64_t>(n, "persons_more_than", 0, false);
    r.unconfirmed = get<bool>(n, "unconfirmed", false, false);
    return r;
  }
};

const std::vector<std::string> kCategories = {"voice_emergency", "voice_no_emergency", "lpwa", "free_internet", "other"};
}  // namespace

std::vector<RuleSet> load_rules(const std::string& dir) {
  std::vector<Defect> defects;
  std::vector<RuleSet> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    Reader rd{f.filename().string(), defects};
    YAML::Node root;
    try {
      root = YAML::LoadFile(f.string());
    } catch (const YAML::ParserException& e) {
      defects.push_back({rd.file, e.mark.line + 1, "", "YAML syntax: " + e.msg});
      continue;
    }
    RuleSet r;
    r.file = rd.file;
    r.id = rd.get<std::string>(root, "id", "");
    r.title = rd.text(root, "title");
    auto eff = parse_date(rd.get<std::string>(root, "effective_from", ""));
    if (!eff) rd.bad(root["effective_from"], "effective_from", "expected a date YYYY-MM-DD");
    else r.effective_from = *eff;
    r.unconfirmed = rd.get<bool>(root, "unconfirmed", false, false);
    YAML::Node s = root["serious"];
    if (!s) {
      rd.bad(root, "serious", "missing");
    } else {
      r.serious_basis = rd.text(s, "basis");
      for (const auto& kv : s["categories"]) {
        std::string cat = kv.first.as<std::string>();
        if (std::find(kCategories.begin(), kCategories.end(), cat) == kCategories.end()) {
          rd.bad(kv.first, "serious.categories", "unknown service category '" + cat + "'");
        }
        for (const auto& row : kv.second) {
          Threshold t{rd.get<int>(row, "hours", 0), rd.get<int64_t>(row, "users", 0),
                      rd.get<bool>(row, "unconfirmed", false, false)};
          if (t.hours <= 0 || t.users <= 0) rd.bad(row, "serious.categories." + cat, "hours and users must be positive");
          r.serious[cat].push_back(t);
        }
      }
      if (!r.serious.count("other")) rd.bad(s, "serious.categories", "needs an 'other' row (the catch-all category)");
      for (const auto& kv : s["fallback_categories"]) {
        std::string cat = kv.first.as<std::string>();
        CategoryFallback fb{rd.get<std::string>(kv.second, "use", ""),
                            rd.get<bool>(kv.second, "unconfirmed", false, false),
                            rd.text(kv.second, "note")};
        if (std::find(kCategories.begin(), kCategories.end(), cat) == kCategories.end()) {
          rd.bad(kv.first, "serious.fallback_categories", "unknown service category '" + cat + "'");
        }
        if (r.serious.count(cat))
          rd.bad(kv.first, "serious.fallback_categories", "'" + cat + "' has rows of its own");
        if (!r.serious.count(fb.use))
          rd.bad(kv.second, "serious.fallback_categories." + cat + ".use",
                 "'" + fb.use + "' has no rows");
        r.fallback_categories[cat] = fb;
      }
      r.satellite_hours = rd.get<int>(s, "satellite_submarine_hours", 2);
      r.serious_detailed = rd.report(s, "detailed_report");
    }
    YAML::Node p = root["periodic"];
    if (!p) {
      rd.bad(root, "periodic", "missing");
    } else {
      r.periodic_basis = rd.text(p, "basis");
      r.periodic_users = rd.get<int64_t>(p, "users", 0);
      r.periodic_hours = rd.get<int>(p, "hours", 0);
      r.periodic_form = rd.get<std::string>(p, "form", "");
      r.simplified_facilities = rd.get<std::vector<std::string>>(p, "simplified_form_facilities", {}, false);
      r.periodic_per = p["deadline"] ? rd.get<std::string>(p["deadline"], "per", "") : "";
      if (r.periodic_per != "quarter" && r.periodic_per != "fiscal_year") rd.bad(p, "periodic.deadline.per", "expected quarter or fiscal_year");
      r.periodic_months = p["deadline"] ? rd.get<int>(p["deadline"], "months", 2) : 2;
      r.periodic_unconfirmed = rd.get<bool>(p, "unconfirmed", false, false);
    }
    YAML::Node c = root["common"];
    if (!c) {
      rd.bad(root, "common", "missing");
    } else {
      r.secrecy_leak = rd.report(c, "secrecy_leak");
      r.business_stoppage = rd.report(c, "business_stoppage");
      r.restriction_review = rd.report(c, "restriction_review");
      // Duties of some eras only: absent means not in force.
      if (c["specified_user_info_leak"])
        r.specified_leak = rd.report(c, "specified_user_info_leak");
      if (c["feared"]) r.feared = rd.report(c, "feared");
      if (c["facility_info_leak"]) r.facility_info_leak = rd.report(c, "facility_info_leak");
    }
    out.push_back(std::move(r));
  }
  if (out.empty()) defects.push_back({dir, 0, "", "no rule set (*.yaml) found"});
  if (!defects.empty()) throw catalog::CatalogError(defects);
  std::sort(out.begin(), out.end(), [](const RuleSet& a, const RuleSet& b) { return a.effective_from < b.effective_from; });
  return out;
}

const RuleSet& rules_for(const std::vector<RuleSet>& sets, Date d) {
  const RuleSet* best = &sets.front();
  for (const auto& s : sets) {
    if (s.effective_from <= d) best = &s;
  }
  return *best;
}

}  // namespace anzen::incident
