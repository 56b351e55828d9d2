#pragma once
#include <string>

namespace anzen {
// Random UUID (version 4) from OpenSSL's generator.
std::string uuid_v4();
// Name-based UUID (version 5, SHA-1) in Anzen's own namespace: the same name always gives the
// same UUID, so repeated exports of unchanged data are identical.
std::string uuid_v5(const std::string& name);
// Lower-case hex SHA-256 of bytes.
std::string sha256_hex(std::string_view data);
}  // namespace anzen
