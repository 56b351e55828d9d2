// A fresh SQLite file per test, removed afterwards (with its WAL files).
#pragma once
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace anzen::testing {

struct TempDb {
  std::string path;
  TempDb() {
    static std::atomic<int> n{0};
    path = (std::filesystem::temp_directory_path() /
            ("anzen-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".db"))
               .string();
    remove_all();
  }
  ~TempDb() { remove_all(); }
  void remove_all() const {
    for (const char* s : {"", "-wal", "-shm", ".audit-key"}) std::filesystem::remove(path + s);
  }
};

}  // namespace anzen::testing
