// The supplier portal's link is the credential of its requests, and it sits in the path: the
// event loop asks here, before reading a body, whether a request to /portal/{token}… or
// /api/v1/portal/{token}… carries a live link, so that answers with evidence files get the
// signed-in body limit while a bogus, expired or revoked link keeps the anonymous one.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "risk/matrix.h"
#include "web/http_loop.h"

namespace anzen::web {

// The token of a portal request target (path, maybe with a query), or nullopt for any other.
std::optional<std::string> portal_token_of(std::string_view target);

// For http::LoopOptions::path_credential: one indexed lookup on the calling thread's connection
// to `db_path`; counts no hit against the link's rate limit (the handler does).
http::PathCredential portal_path_credential(const std::string& db_path,
                                            const risk::Matrix& risk_matrix, const Clock& clock,
                                            const http::Head& h);

}  // namespace anzen::web
