// Anzen's own frameworks as OSCAL catalogs, both ways, losslessly. What OSCAL has no field for
// is carried in props and parts of Anzen's namespace, kNs ("urn:anzen:oscal", stable; see
// docs/oscal.md): item-id, kind, order, threat, reference, attribute (class = key),
// ocr-found/ocr-intended, source-lines, checklist-row, recommendation-operator|maker,
// question-id; parts alt-title, alt-statement, alt-prose (the other language, class = ja|en)
// and mapping; the framework's reference data as a JSON back-matter resource.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/loader.h"
#include "catalog/model.h"

namespace anzen::catalog {

inline constexpr const char* kOscalNs = "urn:anzen:oscal";

// An OSCAL property in Anzen's namespace; the value is trimmed (OSCAL strings may not start or
// end with white space).
nlohmann::json oscal_prop(const std::string& name, const std::string& value);
// OSCAL-safe token for an item id.
std::string oscal_id(const Item& it);
// The OSCAL id of a question (the assessment objective it is): the question id when it is a
// valid token (NIST's objective ids, T2-064.1), else derived from its check.
std::string oscal_objective_id(const Item& check, const Question& q);

// OSCAL 1.1 catalog; `lang` chooses the language of titles and prose (the other is kept in
// alt-* parts). `mappings`: those whose source is this framework are carried as mapping parts.
nlohmann::json export_oscal(const Framework& fw, std::string_view lang = "ja",
                            const std::vector<MappingEntry>& mappings = {});

// True when a catalog was written by export_oscal.
bool is_anzen_export(const nlohmann::json& catalog);
// The framework files of such a catalog, under the framework id `id`.
FrameworkFiles anzen_catalog_to_files(const nlohmann::json& catalog, const std::string& file,
                                      const std::string& id);

// Every string of an OSCAL document without surrounding white space, and empty strings removed
// (OSCAL's string type allows neither); used on fields kept verbatim from imported catalogs.
void oscal_trim_strings(nlohmann::json& j);

}  // namespace anzen::catalog
