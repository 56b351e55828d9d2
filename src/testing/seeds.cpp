#include "testing/seeds.h"

#include <cstdlib>
#include <fstream>
#include <map>

namespace anzen::testing {

std::optional<std::filesystem::path> shared_dir() {
  // A checkout that is not beside shared/ (e.g. a git worktree) can point at it explicitly.
  if (const char* env = std::getenv("ANZEN_SHARED_DIR");
      env && *env && std::filesystem::is_directory(std::filesystem::path(env) / "seeds")) {
    return std::filesystem::path(env);
  }
  std::filesystem::path p = std::filesystem::path(ANZEN_SOURCE_DIR).parent_path() / "shared";
  if (std::filesystem::is_directory(p / "seeds")) return p;
  return std::nullopt;
}

std::vector<std::string> seed_lines(const std::string& name) {
  static std::map<std::string, std::vector<std::string>> cache;  // tests read the same seeds often
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  std::vector<std::string> out;
  auto dir = shared_dir();
  if (!dir) return out;
  std::ifstream in(*dir / "seeds" / name);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  cache[name] = out;
  return out;
}

}  // namespace anzen::testing
