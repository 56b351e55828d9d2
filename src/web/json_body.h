// Reading a JSON request body: the object and its typed fields, refusals naming the field
// (std::invalid_argument, answered 400).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "web/context.h"

namespace anzen::web {

nlohmann::json body_object(const Ctx& c);
// A string field; empty when absent or null unless `required`.
std::string string_field(const nlohmann::json& in, const char* name, bool required = false);
std::vector<std::string> string_array(const nlohmann::json& in, const char* name);

}  // namespace anzen::web
