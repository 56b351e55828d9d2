// Catalog exports: Anzen JSON (lossless), CSV (one line per element and question); OSCAL in oscal_anzen.h.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "catalog/model.h"
#include "catalog/oscal_anzen.h"  // export_oscal, oscal_id, oscal_prop

namespace anzen::catalog {

nlohmann::json export_json(const Framework& fw);
// Re-creates a framework from export_json output (used to prove the export loses nothing).
Framework import_json(const nlohmann::json& j);
std::string export_csv(const Framework& fw);
}  // namespace anzen::catalog
