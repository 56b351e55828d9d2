#include "industry/crypto.h"

#include <sodium.h>

namespace anzen::industry {
using nlohmann::json;

namespace {
void init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}
const unsigned char* u(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
}  // namespace

KeyPair generate_keypair() {
  init();
  std::string pk(crypto_sign_PUBLICKEYBYTES, '\0'), sk(crypto_sign_SECRETKEYBYTES, '\0');
  crypto_sign_keypair(reinterpret_cast<unsigned char*>(pk.data()),
                      reinterpret_cast<unsigned char*>(sk.data()));
  return {pk, sk};
}

std::string sign(std::string_view message, const std::string& secret_key) {
  init();
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES)
    throw std::invalid_argument("secret key: wrong length");
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr, u(message),
                       message.size(), u(secret_key));
  return sig;
}

bool verify(std::string_view message, std::string_view signature, std::string_view public_key) {
  init();
  if (signature.size() != crypto_sign_BYTES || public_key.size() != crypto_sign_PUBLICKEYBYTES)
    return false;
  return crypto_sign_verify_detached(u(signature), u(message), message.size(), u(public_key)) == 0;
}

std::string base64(std::string_view bytes) {
  init();
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), u(bytes), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> unbase64(std::string_view text) {
  init();
  std::string out(text.size(), '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(len);
  if (base64(out) != text) return std::nullopt;  // only the canonical spelling
  return out;
}

std::string random_hex(size_t bytes) {
  init();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), u(raw), raw.size());
  hex.resize(bytes * 2);
  return hex;
}

std::string new_kek() {
  init();
  std::string k(crypto_secretbox_KEYBYTES, '\0');
  crypto_secretbox_keygen(reinterpret_cast<unsigned char*>(k.data()));
  return k;
}

std::string seal(std::string_view secret, const std::string& kek) {
  init();
  if (kek.size() != crypto_secretbox_KEYBYTES)
    throw std::invalid_argument("key-encryption key: wrong length");
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + secret.size(), '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(p, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(p + crypto_secretbox_NONCEBYTES, u(secret), secret.size(), p, u(kek));
  return base64(out);
}

std::string unseal(std::string_view sealed, const std::string& kek) {
  init();
  auto raw = unbase64(sealed);
  if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES ||
      kek.size() != crypto_secretbox_KEYBYTES) {
    throw DocumentError("the stored private key is damaged");
  }
  std::string out(raw->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const auto* p = u(*raw);
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()),
                                 p + crypto_secretbox_NONCEBYTES,
                                 raw->size() - crypto_secretbox_NONCEBYTES, p, u(kek)) != 0) {
    throw DocumentError("the key file does not open the stored private key (wrong key file?)");
  }
  return out;
}

std::string canonical(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::strict);
}

std::string signed_document(const json& payload, const std::string& secret_key) {
  json doc = {
      {"payload", payload},
      {"signature",
       {{"algorithm", "Ed25519"}, {"value", base64(sign(canonical(payload), secret_key))}}}};
  return canonical(doc) + "\n";
}

Opened open_document(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes)
    throw DocumentError("larger than " + std::to_string(max_bytes) + " bytes");
  json doc;
  try {
    // Documents are a few levels deep; anything deeper is refused before it is built.
    doc = json::parse(text, [](int depth, json::parse_event_t, json&) {
      if (depth > 8) throw DocumentError("nested deeper than 8 levels");
      return true;
    });
  } catch (const json::exception& e) {
    throw DocumentError(std::string("not valid JSON: ") + e.what());
  }
  std::string_view body = text;
  if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
  if (!doc.is_object() || doc.size() != 2 || !doc.contains("payload") ||
      !doc.contains("signature") || !doc["payload"].is_object()) {
    throw DocumentError("expected an object with exactly 'payload' and 'signature'");
  }
  const auto& sig = doc["signature"];
  if (!sig.is_object() || sig.size() != 2 || sig.value("algorithm", json()) != "Ed25519" ||
      !sig.contains("value") || !sig["value"].is_string()) {
    throw DocumentError("signature: expected {\"algorithm\":\"Ed25519\",\"value\":\"<base64>\"}");
  }
  if (canonical(doc) != body)
    throw DocumentError("not in canonical form (the file was changed after it was signed)");
  auto raw = unbase64(sig["value"].get<std::string>());
  if (!raw || raw->size() != crypto_sign_BYTES)
    throw DocumentError("signature: not a base64 Ed25519 signature");
  return {doc["payload"], *raw};
}

}  // namespace anzen::industry
