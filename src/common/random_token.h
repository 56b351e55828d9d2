// Unguessable tokens for sessions, CSRF, API tokens, webhook secrets and supplier portal links.
#pragma once
#include <string>

namespace anzen {

// 32 random bytes from libsodium, URL-safe base64 without padding (43 characters).
std::string random_token();

}  // namespace anzen
