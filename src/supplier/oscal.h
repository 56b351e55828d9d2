// An answered questionnaire as an OSCAL component-definition: the supplier's product or service
// as one component whose implemented requirements are the answers (status and question id in
// Anzen's namespace, the comment as the description), and such a file read back as answers.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "supplier/service.h"
#include "supplier/sheet.h"

namespace anzen::supplier {

// OSCAL 1.2.1, the version of the schemas the tests validate against.
nlohmann::json component_definition(const Questionnaire& q, const QAnswers& answers,
                                    const Supplier& s);
// The answers of a component-definition written for questionnaire `q` (by component_definition
// or by a supplier's tool following it). Throws std::invalid_argument naming the JSON field and
// what was expected; nothing is read partly.
std::vector<SheetAnswer> answers_from_component_definition(const nlohmann::json& doc,
                                                           const Questionnaire& q);

}  // namespace anzen::supplier
