// Any OSCAL 1.x catalog (JSON) as an Anzen framework.
// - A catalog exported by Anzen (metadata prop "framework-id" in Anzen's namespace) comes back
//   as it was: ids, kinds, both languages, rows, questions, recommendations, threats, bullets,
//   attributes and references (oscal_anzen.h).
// - Any other catalog (NIST SP 800-53 and the like): top-level groups become chapters (scores
//   and reports per family), nested groups `group` items, controls and enhancements checklist
//   rows (`check`) whose questions are the leaves of their assessment objectives with NIST's
//   ids (ac-1_obj.a-1, ac-1.a.1_obj.1.a), else the items of their statement, else the
//   statement. Parameters are rendered (oscal_params.h); the statement keeps its labels and
//   nesting; withdrawn controls become `withdrawn` items (shown, never assessed). The OSCAL
//   fields are also kept verbatim so that a re-export gives back parameters and parts.
// Single-language sources carry the same text in ja and en.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "catalog/loader.h"

namespace anzen::catalog {

// Throws CatalogError naming `file` and the JSON path of what is missing or malformed.
FrameworkFiles oscal_catalog_to_files(const nlohmann::json& doc, const std::string& file,
                                      const std::string& id);

// A framework id from a file name: lower case, [a-z0-9-] only ("NIST_SP-800-53 rev5.json" →
// "nist-sp-800-53-rev5").
std::string framework_id_from(const std::string& file_name);

}  // namespace anzen::catalog
