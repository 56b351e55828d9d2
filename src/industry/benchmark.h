// The benchmark tables (pure): cells of submitters by size band, role and service category and
// their pairs, statistics per metric, suppression, and one operator's position in them.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "industry/submission.h"
#include "industry/suppression.h"

namespace anzen::industry {

struct Group {
  std::string key;  // "sector", "size_band=lt10k&role=operator", "service!=mobile"
  std::map<std::string, std::string>
      dims;  // size_band | role | service -> value ("!x": not offering x)
};

// The fixed structure of the tables: every cell and every partition equation. Cells of
// submitters not offering a service are structural (never published).
struct Layout {
  std::vector<Group> groups;
  Table table;  // counts left at zero
};
Layout benchmark_layout();
// Indices of the layout's cells a submitter belongs to.
std::vector<size_t> cells_of(const Layout& l, const std::string& size_band, const std::string& role,
                             const std::vector<std::string>& services);

std::string group_label(const Group& g, std::string_view lang);

// The benchmark payload (before signing) for one period: every group with its count and, per
// metric, count, mean, standard deviation and quartiles, or marked suppressed.
nlohmann::json aggregate(const std::vector<Submission>& subs, const catalog::Catalog& cat,
                         const catalog::Framework& fw, const std::string& period, int k);

struct OwnResult {
  std::string period;
  ScoreSet scores;
};
// The operator's position: per metric its own score, the sector's and its own group's median
// and quartiles, the quartile band, 偏差値, and the change against up to four earlier periods
// (`history`, newest first).
nlohmann::json compare(const nlohmann::json& benchmark, const OwnResult& own,
                       const std::string& size_band, const std::string& role,
                       const std::vector<OwnResult>& history);

}  // namespace anzen::industry
