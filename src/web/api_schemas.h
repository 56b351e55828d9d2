// What each JSON API operation takes and gives, for the router (which checks request bodies
// against their field tables before the handler runs) and for /api/v1/openapi.json (which
// documents both). One table, keyed by method and documented path.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "web/api_body.h"

namespace anzen::web {

struct ApiOperation {
  const BodySpec* body = nullptr;  // the JSON request body, checked by the router
  nlohmann::json body_doc;         // a body documented but read by the handler itself (webhooks)
  bool multipart = false;          // also takes multipart/form-data (the body table is not used)
  int success = 200;               // the status of a successful answer (200 or 201)
  nlohmann::json response;         // the schema of the JSON answer; null for a file download
  std::string download;            // the media types of a file download
};

// The operation `method` (upper case) on `doc_path` (/api/v1/risks/{id}), or nullptr.
const ApiOperation* api_operation(const std::string& method, const std::string& doc_path);
// The named schemas the responses refer to (#/components/schemas/…).
const nlohmann::json& api_component_schemas();

}  // namespace anzen::web
