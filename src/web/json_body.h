// Reading a JSON request body: the object and its typed fields, refusals naming the field
// (Invalid, answered 400).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/invalid.h"
#include "web/context.h"

namespace anzen::web {

nlohmann::json body_object(const Ctx& c);
// A string field; empty when absent or null unless `required`.
std::string string_field(const nlohmann::json& in, const char* name, bool required = false);
std::vector<std::string> string_array(const nlohmann::json& in, const char* name);

// The refusals the JSON handlers share, in both languages; what() is the line the CLI and the
// answer's "error" gave before.
// The body is not a JSON object.
Invalid not_an_object(const std::string& what = "body: expected a JSON object");
// `name` is not a string (`what` defaults to "name: expected text").
Invalid not_text(const std::string& name, const std::string& what = "");
// `name` is required text.
Invalid text_required(const std::string& name, const std::string& what = "");
// `name` is not an ISO 8601 time with offset.
Invalid not_a_time(const std::string& name, const std::string& what = "");

}  // namespace anzen::web
