#include "common/random_token.h"

#include <sodium.h>

#include <stdexcept>

namespace anzen {

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  char out[64];
  sodium_bin2base64(out, sizeof out, buf, sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

}  // namespace anzen
