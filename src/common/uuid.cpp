#include "common/uuid.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace anzen {
namespace {
std::string format_uuid(std::array<unsigned char, 16> b) {
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
    s += hex[b[i] >> 4];
    s += hex[b[i] & 15];
  }
  return s;
}
}  // namespace

std::string uuid_v4() {
  std::array<unsigned char, 16> b{};
  if (RAND_bytes(b.data(), 16) != 1) throw std::runtime_error("RAND_bytes failed");
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return format_uuid(b);
}

std::string uuid_v5(const std::string& name) {
  // Namespace: the UUID 6f1c4a52-5d0e-4c1a-9a57-616e7a656e00 ("anzen"), fixed forever.
  static const unsigned char ns[16] = {0x6f, 0x1c, 0x4a, 0x52, 0x5d, 0x0e, 0x4c, 0x1a,
                                       0x9a, 0x57, 0x61, 0x6e, 0x7a, 0x65, 0x6e, 0x00};
  std::string data(reinterpret_cast<const char*>(ns), 16);
  data += name;
  unsigned char md[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
  std::array<unsigned char, 16> b{};
  std::copy(md, md + 16, b.begin());
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x50);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return format_uuid(b);
}

std::string sha256_hex(std::string_view data) {
  // The algorithm is fetched once: SHA256() looks it up again on every call (OpenSSL 3), which
  // cost as much as the hashing on every request that checks a session or token.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  unsigned char md[SHA256_DIGEST_LENGTH];
  if (EVP_Digest(data.data(), data.size(), md, nullptr, sha256, nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  static const char* hex = "0123456789abcdef";
  std::string s(2 * SHA256_DIGEST_LENGTH, '0');
  for (size_t i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
    s[2 * i] = hex[md[i] >> 4];
    s[2 * i + 1] = hex[md[i] & 15];
  }
  return s;
}

}  // namespace anzen
