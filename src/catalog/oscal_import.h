// Any OSCAL 1.x catalog (JSON) as an Anzen framework: groups become `group` items, every
// control (and enhancement) becomes a checklist row (`check`) whose questions are its
// assessment objectives, else its statement, else "is it implemented?". Single-language
// sources carry the same text in ja and en. The result loads through the validating loader.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "catalog/loader.h"

namespace anzen::catalog {

// Throws CatalogError naming `file` and the JSON path of what is missing or malformed.
FrameworkFiles oscal_catalog_to_files(const nlohmann::json& doc, const std::string& file, const std::string& id);

// A framework id from a file name: lower case, [a-z0-9-] only ("NIST_SP-800-53 rev5.json" → "nist-sp-800-53-rev5").
std::string framework_id_from(const std::string& file_name);

}  // namespace anzen::catalog
