#include "common/paths.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "common/uuid.h"

namespace anzen {
namespace fs = std::filesystem;

fs::path data_dir() {
  std::vector<fs::path> tried;
  if (const char* env = std::getenv("ANZEN_DATA_DIR"); env && *env) tried.emplace_back(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    tried.push_back(exe.parent_path().parent_path() / "share" / "anzen");
    tried.push_back(exe.parent_path().parent_path());
  }
  tried.emplace_back(ANZEN_SOURCE_DIR);
  for (const auto& p : tried) {
    if (fs::is_directory(p / "catalogs", ec)) return p;
  }
  std::string msg = "cannot find the catalogs folder; tried:";
  for (const auto& p : tried) msg += " " + p.string();
  throw std::runtime_error(msg + " (set ANZEN_DATA_DIR)");
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file_atomic(const fs::path& p, std::string_view content) {
  fs::path tmp = p;
  tmp += ".tmp" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + p.string());
  size_t off = 0;
  while (off < content.size()) {
    ssize_t w = ::write(fd, content.data() + off, content.size() - off);
    if (w <= 0) {
      ::close(fd);
      throw std::runtime_error("write failed for " + p.string());
    }
    off += static_cast<size_t>(w);
  }
  ::fsync(fd);
  ::close(fd);
  fs::rename(tmp, p);
}

std::string bytes_via_temp_file(const std::function<void(const std::string& path)>& write, const std::string& suffix) {
  auto tmp = std::filesystem::temp_directory_path() / ("anzen-" + uuid_v4() + suffix);
  struct Remove {
    std::filesystem::path p;
    ~Remove() { std::filesystem::remove(p); }
  } guard{tmp};
  write(tmp.string());
  return read_file(tmp);
}

}  // namespace anzen
