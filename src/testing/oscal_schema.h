// Validating OSCAL documents in unit tests with the same validator as the CLI tests
// (e2e/validate-oscal.mjs, ajv) against NIST's schemas copied into tests/fixtures/oscal-schemas.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace anzen::testing {

// nullopt when node or ajv is not installed (the caller skips with that reason); otherwise the
// validator's complaints, empty when `doc` is valid. `model`: catalog, profile, assessment-plan,
// assessment-results or poam.
std::optional<std::string> oscal_schema_errors(const nlohmann::json& doc, const std::string& model);

}  // namespace anzen::testing
