// One JSON shape per assessment entity, shared by the CLI (--json) and the JSON API.
#pragma once
#include <nlohmann/json.hpp>

#include "assess/model.h"
#include "assess/scoring.h"
#include "catalog/model.h"

namespace anzen::assess {

nlohmann::json to_json(const Assessment& a);
// {question, status, na_reason, maturity, owner, due, comment, updated_at, updated_by}
nlohmann::json to_json(const Answer& a);
// {question, check, chapter, status, priority, reasons [{en, ja}], text {ja, en}}
nlohmann::json to_json(const Gap& g, const catalog::Framework& fw);

}  // namespace anzen::assess
