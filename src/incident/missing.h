// Which inputs the classifier was not given would change its verdict: "the designated-operator
// flag is not set; if it were, this is a leak of specified user information (R7)". Pure: it
// judges the event again with each missing input supplied and compares the kinds found.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/model.h"
#include "incident/classify.h"

namespace anzen::incident {

struct MissingInput {
  std::vector<std::string>
      fields;           // event fields, e.g. {"designated_operator"} or {"feared.core_function"}
  catalog::Text label;  // what is missing, e.g. 「指定電気通信事業者の指定」
  catalog::Text would_be;  // the verdict with it supplied, e.g. 「特定利用者情報の漏えい（R7）」
};

// The labels of the classifier's input fields (form labels and the hints share them).
catalog::Text input_label(const std::string& field);

// Missing inputs of `event` (the classifier's JSON input) that would change the kinds of its
// verdict as of `as_of`; each alone first; when none alone does, the pairs that do; else all of
// them together.
std::vector<MissingInput> missing_inputs(const nlohmann::json& event,
                                         const std::vector<RuleSet>& rules, Instant as_of);
// [{fields, label {ja, en}, would_be {ja, en}, text {ja, en}}] for the verdict's JSON.
nlohmann::json missing_inputs_json(const std::vector<MissingInput>& m);

}  // namespace anzen::incident
