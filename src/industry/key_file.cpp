#include "industry/key_file.h"

#include <fcntl.h>
#include <unistd.h>

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
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0) {
    std::string line = base64(new_kek()) + "\n";
    bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
              ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("cannot write the key file " + path);
  }
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
