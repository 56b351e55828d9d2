#include "store/key_file.h"

#include <cstdlib>
#include <filesystem>

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

}  // namespace anzen::store
