// Request body schemas of JSON API operations, for /api/v1/openapi.json: operations listed here
// are documented with their fields; the others with a generic object.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace anzen::web {

// The schema of the body of `method` (upper case) on `doc_path`, or nullptr.
const nlohmann::json* request_schema(const std::string& method, const std::string& doc_path);

}  // namespace anzen::web
