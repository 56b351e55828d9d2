// The key-encryption key that seals the private keys stored in the database. It lives in a
// file beside the database (or $ANZEN_KEY_FILE), readable by its owner only, so that a backup
// or copy of the database alone never holds a usable private key.
#pragma once
#include <string>

namespace anzen::industry {

std::string key_file_path(const std::string& db_path);
// Reads the key file, creating it (mode 0600) with a fresh key when absent.
std::string load_or_create_kek(const std::string& db_path);

}  // namespace anzen::industry
