#include "industry/key_file.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "industry/crypto.h"
#include "store/key_file.h"

namespace anzen::industry {

std::string key_file_path(const std::string& db_path) {
  const char* env = std::getenv("ANZEN_KEY_FILE");
  return env && *env ? env : store::key_file_for(db_path, ".key");
}

std::string load_or_create_kek(const std::string& db_path) {
  std::string path = key_file_path(db_path);
  store::create_private_file(path, base64(new_kek()) + "\n");  // false: it exists already
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  auto kek = unbase64(text);
  if (!in || !kek || kek->size() != 32)
    throw std::runtime_error("key file " + path + ": expected one line of base64 (32 bytes)");
  return *kek;
}

}  // namespace anzen::industry
