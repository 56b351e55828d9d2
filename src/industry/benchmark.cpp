#include "industry/benchmark.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "industry/profile.h"
#include "industry/stats.h"

namespace anzen::industry {
using nlohmann::json;

namespace {

std::string key_of(const std::map<std::string, std::string>& dims) {
  if (dims.empty()) return "sector";
  std::string k;
  for (const char* d : {"size_band", "role", "service"}) {
    auto f = dims.find(d);
    if (f == dims.end()) continue;
    if (!k.empty()) k += "&";
    k += f->second[0] == '!' ? std::string(d) + "!=" + f->second.substr(1)
                             : std::string(d) + "=" + f->second;
  }
  return k;
}

const std::vector<std::string> kRoles = {"operator", "maker"};

}  // namespace

Layout benchmark_layout() {
  Layout l;
  std::map<std::string, size_t> index;
  auto cell = [&](std::map<std::string, std::string> dims) {
    std::string k = key_of(dims);
    auto f = index.find(k);
    if (f != index.end()) return f->second;
    bool publishable = true;
    for (const auto& [d, v] : dims) publishable = publishable && v[0] != '!';
    l.groups.push_back({k, dims});
    l.table.cells.push_back({k, 0, publishable});
    index[k] = l.groups.size() - 1;
    return l.groups.size() - 1;
  };
  auto eq = [&](size_t total, std::vector<size_t> parts) {
    l.table.equations.push_back({total, std::move(parts)});
  };
  std::vector<std::string> bands;
  for (const auto& b : size_bands()) bands.push_back(b.id);
  size_t sector = cell({});
  // sector = Σ bands = Σ roles; band = Σ roles within it; role = Σ bands within it.
  std::vector<size_t> by_band, by_role;
  for (const auto& b : bands) by_band.push_back(cell({{"size_band", b}}));
  for (const auto& r : kRoles) by_role.push_back(cell({{"role", r}}));
  eq(sector, by_band);
  eq(sector, by_role);
  for (const auto& b : bands) {
    std::vector<size_t> parts;
    for (const auto& r : kRoles) parts.push_back(cell({{"size_band", b}, {"role", r}}));
    eq(cell({{"size_band", b}}), parts);
  }
  for (const auto& r : kRoles) {
    std::vector<size_t> parts;
    for (const auto& b : bands) parts.push_back(cell({{"size_band", b}, {"role", r}}));
    eq(cell({{"role", r}}), parts);
  }
  // Each service splits every cell above into those offering it and those not offering it.
  for (const auto& s : service_categories()) {
    for (const std::string& v : {s, "!" + s}) {
      std::vector<size_t> over_bands, over_roles;
      for (const auto& b : bands) over_bands.push_back(cell({{"size_band", b}, {"service", v}}));
      for (const auto& r : kRoles) over_roles.push_back(cell({{"role", r}, {"service", v}}));
      eq(cell({{"service", v}}), over_bands);
      eq(cell({{"service", v}}), over_roles);
    }
    eq(sector, {cell({{"service", s}}), cell({{"service", "!" + s}})});
    for (const auto& b : bands)
      eq(cell({{"size_band", b}}), {cell({{"size_band", b}, {"service", s}}),
                                    cell({{"size_band", b}, {"service", "!" + s}})});
    for (const auto& r : kRoles)
      eq(cell({{"role", r}}),
         {cell({{"role", r}, {"service", s}}), cell({{"role", r}, {"service", "!" + s}})});
  }
  return l;
}

std::vector<size_t> cells_of(const Layout& l, const std::string& size_band, const std::string& role,
                             const std::vector<std::string>& services) {
  std::vector<size_t> out;
  for (size_t i = 0; i < l.groups.size(); ++i) {
    bool in = true;
    for (const auto& [d, v] : l.groups[i].dims) {
      if (d == "size_band")
        in = in && v == size_band;
      else if (d == "role")
        in = in && v == role;
      else {
        bool neg = v[0] == '!';
        bool offers =
            std::find(services.begin(), services.end(), neg ? v.substr(1) : v) != services.end();
        in = in && offers != neg;
      }
    }
    if (in) out.push_back(i);
  }
  return out;
}

std::string group_label(const Group& g, std::string_view lang) {
  bool en = lang == "en";
  if (g.dims.empty()) return en ? "Whole sector" : "業界全体";
  std::string out;
  for (const char* d : {"size_band", "role", "service"}) {
    auto f = g.dims.find(d);
    if (f == g.dims.end()) continue;
    std::string part;
    if (std::string(d) == "size_band") {
      const auto* b = size_band(f->second);
      part = (en ? "users " : "利用者数 ") + (b ? (en ? b->en : b->ja) : f->second);
    } else if (std::string(d) == "role") {
      part = role_label(f->second, lang);
    } else {
      bool neg = f->second[0] == '!';
      part = service_label(neg ? f->second.substr(1) : f->second, lang) +
             (neg ? (en ? " (not offered)" : "（提供なし）") : "");
    }
    out += (out.empty() ? "" : (en ? " · " : "・")) + part;
  }
  return out;
}

namespace {
json summary_json(const Summary& s) {
  return {{"count", s.count},   {"mean", round4(s.mean)},     {"sd", round4(s.sd)},
          {"q1", round4(s.q1)}, {"median", round4(s.median)}, {"q3", round4(s.q3)}};
}
}  // namespace

json aggregate(const std::vector<Submission>& subs, const catalog::Catalog& cat,
               const catalog::Framework& fw, const std::string& period, int k) {
  auto layout = benchmark_layout();
  auto metrics = metrics_of(cat, fw);
  const size_t n_cells = layout.groups.size(), n_metrics = metrics.size();
  // Values by submitter and metric (NaN: no figure, e.g. a chapter wholly not applicable).
  std::vector<double> values(subs.size() * n_metrics, std::numeric_limits<double>::quiet_NaN());
  std::vector<std::vector<uint32_t>> members(n_cells);
  std::map<std::string, std::vector<size_t>>
      profile_cells;  // cache: most submitters share a profile
  bool synthetic = false;
  for (size_t i = 0; i < subs.size(); ++i) {
    const auto& s = subs[i];
    synthetic = synthetic || s.synthetic;
    for (size_t m = 0; m < n_metrics; ++m) {
      if (auto v = s.scores.value(metrics[m].id)) values[i * n_metrics + m] = *v;
    }
    std::string pk = s.size_band + "|" + s.role;
    for (const auto& sv : s.services) pk += "|" + sv;
    auto f = profile_cells.find(pk);
    if (f == profile_cells.end())
      f = profile_cells.emplace(pk, cells_of(layout, s.size_band, s.role, s.services)).first;
    for (size_t c : f->second) members[c].push_back(static_cast<uint32_t>(i));
  }
  // The pattern of the submitter counts, then each metric's own counts on top of it.
  Table counts = layout.table;
  for (size_t c = 0; c < n_cells; ++c) counts.cells[c].count = static_cast<int>(members[c].size());
  auto hidden_groups = suppress(counts, k);
  std::vector<std::vector<bool>> hidden_metric(n_metrics);
  std::vector<std::vector<int>> metric_counts(n_metrics, std::vector<int>(n_cells, 0));
  for (size_t m = 0; m < n_metrics; ++m) {
    Table tm = counts;
    bool same = true;
    for (size_t c = 0; c < n_cells; ++c) {
      int n = 0;
      for (uint32_t i : members[c]) n += std::isnan(values[i * n_metrics + m]) ? 0 : 1;
      metric_counts[m][c] = tm.cells[c].count = n;
      same = same && n == counts.cells[c].count;
    }
    hidden_metric[m] = same ? hidden_groups : suppress(tm, k, hidden_groups);
  }
  json groups = json::array();
  std::vector<double> scratch;
  for (size_t c = 0; c < n_cells; ++c) {
    const auto& g = layout.groups[c];
    if (!layout.table.cells[c].publishable) continue;
    json gj = {{"key", g.key},
               {"dimensions", g.dims},
               {"label", {{"ja", group_label(g, "ja")}, {"en", group_label(g, "en")}}}};
    if (hidden_groups[c]) {
      gj["suppressed"] = true;
      groups.push_back(gj);
      continue;
    }
    gj["suppressed"] = false;
    gj["count"] = members[c].size();
    json stats = json::object();
    for (size_t m = 0; m < n_metrics; ++m) {
      if (hidden_metric[m][c]) {
        stats[metrics[m].id] = nullptr;
        continue;
      }
      scratch.clear();
      for (uint32_t i : members[c]) {
        double v = values[i * n_metrics + m];
        if (!std::isnan(v)) scratch.push_back(v);
      }
      stats[metrics[m].id] = summary_json(summarise(scratch));
    }
    gj["stats"] = stats;
    groups.push_back(gj);
  }
  json ms = json::array();
  for (const auto& m : metrics)
    ms.push_back(
        {{"id", m.id}, {"view", m.view}, {"label", {{"ja", m.label.ja}, {"en", m.label.en}}}});
  return {{"format", kBenchmarkFormat},
          {"period", period},
          {"framework", fw.id},
          {"framework_version", fw.version},
          {"k", k},
          {"synthetic", synthetic},
          {"method",
           {{"quantiles",
             "linear interpolation between closest ranks, h = (n-1)p (Hyndman-Fan type 7)"},
            {"sd", "population (divide by n)"},
            {"deviation_score", "50 + 10 (x - mean) / sd"},
            {"suppression",
             "cells with 0 < n < k withheld; complementary cells withheld until no withheld cell "
             "is determined by the published ones"}}},
          {"metrics", ms},
          {"groups", groups}};
}

namespace {

const json* find_group(const json& bm, const std::string& key) {
  for (const auto& g : bm["groups"]) {
    if (g["key"] == key) return &g;
  }
  return nullptr;
}

const json* stats_of(const json* g, const std::string& metric) {
  if (!g || g->value("suppressed", true) || !g->contains("stats")) return nullptr;
  const auto& st = (*g)["stats"];
  if (!st.contains(metric) || st[metric].is_null() || st[metric]["count"].get<int>() == 0)
    return nullptr;
  return &st[metric];
}

Summary summary_from(const json& j) {
  Summary s;
  s.count = j["count"].get<int>();
  s.mean = j["mean"].get<double>();
  s.sd = j["sd"].get<double>();
  s.q1 = j["q1"].get<double>();
  s.median = j["median"].get<double>();
  s.q3 = j["q3"].get<double>();
  return s;
}

}  // namespace

json compare(const json& bm, const OwnResult& own, const std::string& band, const std::string& role,
             const std::vector<OwnResult>& history) {
  const json* sector = find_group(bm, "sector");
  // The own group: the narrowest published one of size band × role, size band, role.
  std::vector<std::string> candidates = {"size_band=" + band + "&role=" + role, "size_band=" + band,
                                         "role=" + role};
  json rows = json::array();
  for (const auto& m : bm["metrics"]) {
    std::string id = m["id"];
    json row = {{"id", id}, {"view", m["view"]}, {"label", m["label"]}};
    auto v = own.scores.value(id);
    row["own"] = v ? json(*v) : json();
    const json* sec = stats_of(sector, id);
    row["sector"] = sec ? *sec : json();
    row["group"] = nullptr;
    for (const auto& key : candidates) {
      if (const json* gs = stats_of(find_group(bm, key), id)) {
        const json* g = find_group(bm, key);
        row["group"] = *gs;
        row["group_key"] = key;
        row["group_label"] = (*g)["label"];
        if (v)
          row["group_deviation_score"] =
              std::round(deviation_score(*v, (*gs)["mean"], (*gs)["sd"]) * 10) / 10;
        break;
      }
    }
    if (v && sec) {
      auto s = summary_from(*sec);
      row["quartile_band"] = quartile_band(*v, s);
      row["quartile_band_label"] = {
          {"ja", quartile_band_label(row["quartile_band"].get<std::string>(), "ja")},
          {"en", quartile_band_label(row["quartile_band"].get<std::string>(), "en")}};
      row["deviation_score"] = std::round(deviation_score(*v, s.mean, s.sd) * 10) / 10;
    }
    json hist = json::array();
    for (size_t i = 0; i < history.size() && i < 4; ++i) {
      auto pv = history[i].scores.value(id);
      hist.push_back({{"period", history[i].period},
                      {"value", pv ? json(*pv) : json()},
                      {"change", pv && v ? json(round4(*v - *pv)) : json()}});
    }
    row["history"] = hist;
    rows.push_back(row);
  }
  return {{"period", bm["period"]},
          {"own_period", own.period},
          {"framework", bm["framework"]},
          {"k", bm["k"]},
          {"synthetic", bm["synthetic"]},
          {"size_band", band},
          {"role", role},
          {"metrics", rows}};
}

}  // namespace anzen::industry
