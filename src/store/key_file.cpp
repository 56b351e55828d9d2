#include "store/key_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "common/uuid.h"

namespace anzen::store {

std::string key_file_for(const std::string& db, const std::string& suffix) {
  if (db.empty() || db == ":memory:") return "";
  if (db.find("://") == std::string::npos) return db + suffix;
  std::filesystem::path dir;
  if (const char* d = std::getenv("ANZEN_KEY_DIR"); d && *d) {
    dir = d;
  } else {
    const char* home = std::getenv("HOME");
    dir = std::filesystem::path(home && *home ? home : "/tmp") / ".config" / "anzen";
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
  return (dir / (sha256_hex(db).substr(0, 24) + suffix)).string();
}

bool create_private_file(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error(path + ": cannot write the key file");
  return true;
}

}  // namespace anzen::store
