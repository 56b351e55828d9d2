// OSCAL profile resolution (the parts NIST's baselines use, and the rest of import/modify
// that is simple to get right): imports with include-all, include-controls and
// exclude-controls (with-ids, matching patterns, with-child-controls), merge as-is (the
// catalog's groups kept) or flat, modify set-parameters (label, values, select, guidelines,
// props, links) and alters (removes by name/class/id/ns/item-name; adds at starting, ending,
// before or after, on the control or on a part by id). The result is an OSCAL catalog that
// imports like any other (oscal_import.h). Pure: the caller reads the files.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace anzen::catalog {

// The catalog file named by each import of a profile: the import's href, or for "#uuid" the
// back-matter resource's JSON rlink (else its first rlink). In document order.
std::vector<std::string> profile_import_hrefs(const nlohmann::json& profile_doc,
                                              const std::string& file);

// `catalog_for(i)`: the catalog document of import i. Throws CatalogError naming `file`.
nlohmann::json resolve_profile(
    const nlohmann::json& profile_doc, const std::string& file,
    const std::function<const nlohmann::json&(size_t import_index)>& catalog_for);

}  // namespace anzen::catalog
