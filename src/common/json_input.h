// JSON from outside (request bodies, files named on the command line): the nesting depth is
// checked before parsing, because nlohmann::json walks values recursively (dump, comparisons)
// and a deeply nested value would overflow the stack.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace anzen {

inline constexpr size_t kMaxJsonDepth = 64;

// Parses `text`; throws std::invalid_argument naming `what` and the byte offset when it is not
// JSON or nests deeper than kMaxJsonDepth arrays/objects.
nlohmann::json parse_json_input(std::string_view text, std::string_view what);

// Depth of the deepest array/object (strings are skipped); stops counting past `limit`.
size_t json_depth(std::string_view text, size_t limit);

// A text field of a JSON object: a string (null or absent = empty) of at most `max_bytes`, no NUL.
// Throws std::invalid_argument naming the field.
std::string json_text(const nlohmann::json& obj, const std::string& field,
                      size_t max_bytes = 100000);

}  // namespace anzen
