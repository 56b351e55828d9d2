// Standard base64 (RFC 4648, with padding), as OSCAL's back-matter `base64` fields hold it.
#pragma once
#include <optional>
#include <string>

namespace anzen {

std::string base64_encode(const std::string& bytes);
// nullopt when `text` is not base64.
std::optional<std::string> base64_decode(const std::string& text);

}  // namespace anzen
