// Ed25519 signatures and sealed secret keys (libsodium), and the signed-document envelope
// shared by submissions and published benchmarks.
//
// Canonical JSON (what is signed, docs/industry.md): UTF-8, no insignificant whitespace, object
// keys sorted by their bytes, strings with only the escapes JSON requires, numbers in their
// shortest round-trip form. A document file is exactly
//   {"payload":{…},"signature":{"algorithm":"Ed25519","value":"<base64>"}}
// in canonical form (one trailing newline allowed); the signature covers the canonical bytes of
// the payload. A file that is not canonical is refused, so any changed byte is refused.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

namespace anzen::industry {

class DocumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct KeyPair {
  std::string public_key;  // 32 bytes
  std::string secret_key;  // 64 bytes
};
KeyPair generate_keypair();
std::string sign(std::string_view message, const std::string& secret_key);
bool verify(std::string_view message, std::string_view signature, std::string_view public_key);

std::string base64(std::string_view bytes);
// nullopt for anything but canonical standard base64 (with padding).
std::optional<std::string> unbase64(std::string_view text);
std::string random_hex(size_t bytes);

// Secret keys are stored sealed (XSalsa20-Poly1305) with a key-encryption key kept outside
// the database, so a copy of the database never holds a usable private key.
std::string new_kek();
std::string seal(std::string_view secret, const std::string& kek);
// Throws DocumentError when the key-encryption key does not open it.
std::string unseal(std::string_view sealed, const std::string& kek);

std::string canonical(const nlohmann::json& j);
std::string signed_document(const nlohmann::json& payload, const std::string& secret_key);

struct Opened {
  nlohmann::json payload;
  std::string signature;  // raw 64 bytes
};
// Parses and checks the envelope (size, depth, canonical form); the signature is not verified
// here (the key depends on the payload). Throws DocumentError with the reason.
Opened open_document(std::string_view text, size_t max_bytes);

}  // namespace anzen::industry
