// Catalog exports: Anzen JSON (lossless), CSV (one line per element and question), OSCAL.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "catalog/model.h"

namespace anzen::catalog {

nlohmann::json export_json(const Framework& fw);
// Re-creates a framework from export_json output (used to prove the export loses nothing).
Framework import_json(const nlohmann::json& j);
std::string export_csv(const Framework& fw);
// OSCAL 1.2.1 catalog; `lang` chooses the language of titles and prose (the other language
// is kept in props named "alt-title").
nlohmann::json export_oscal(const Framework& fw, std::string_view lang = "ja");
// OSCAL-safe token for an item id.
std::string oscal_id(const Item& it);
// An OSCAL property in Anzen's namespace (urn:anzen:oscal), as every OSCAL export uses.
nlohmann::json oscal_prop(const std::string& name, const std::string& value);

}  // namespace anzen::catalog
