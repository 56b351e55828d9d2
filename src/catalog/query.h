// Read-only questions asked of a catalog: statistics, search, JSON views.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/model.h"

namespace anzen::catalog {

// Counts per kind (also as plural keys: chapters, sections, items, ...), checklist rows,
// questions, recommendation marks, attribute values per kind, and mapping count.
nlohmann::json stats(const Catalog& cat, const Framework& fw);

struct SearchHit {
  const Framework* framework;
  const Item* item;
  std::string field;  // title, text, question T2-001.1, bullet, label
  int rank;           // lower is better
};
// Case-, width- and kana-insensitive substring search over Japanese and English text.
std::vector<SearchHit> search(const Catalog& cat, std::string_view query,
                              std::string_view framework_id = {}, size_t limit = 50);

nlohmann::json item_json(const Framework& fw, const Item& it);
nlohmann::json framework_summary_json(const Framework& fw);
// The chain of ancestors, root first, ending with `it`.
std::vector<const Item*> ancestry(const Framework& fw, const Item& it);

}  // namespace anzen::catalog
