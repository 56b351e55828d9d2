// JSON form of questions as stored with a questionnaire and in a snapshot.
#pragma once
#include <nlohmann/json.hpp>
#include <vector>

#include "supplier/model.h"

namespace anzen::supplier {
nlohmann::json question_json(const Question& q);
Question question_from(const nlohmann::json& j);
}  // namespace anzen::supplier
