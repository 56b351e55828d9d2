// One JSON shape per risk-module entity, shared by the CLI (--json) and the JSON API.
#pragma once
#include <nlohmann/json.hpp>

#include "risk/matrix.h"
#include "risk/repo.h"

namespace anzen::risk {

nlohmann::json to_json(const Asset& a);
// Levels are named by the organisation's matrix: {likelihood, impact, level}.
nlohmann::json to_json(const Risk& r, const Matrix& m);
nlohmann::json to_json(const PlanItem& p);

}  // namespace anzen::risk
