// Where Anzen finds its data files (catalogs/, rules/) at run time.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

namespace anzen {

// Search order: $ANZEN_DATA_DIR; <exe>/../share/anzen; <exe>/.. (a build folder inside a
// checkout); the source tree the binary was built from. Returns the first folder holding
// `catalogs/`, or throws with the places tried.
std::filesystem::path data_dir();

std::string read_file(const std::filesystem::path& p);
// For writers that only write to a path (libxlsxwriter): runs `write` on a fresh file in the
// temporary folder and returns its bytes; the file is removed, also when `write` throws.
std::string bytes_via_temp_file(const std::function<void(const std::string& path)>& write, const std::string& suffix);

// Writes atomically: to a temporary file beside the target, fsync, then rename.
void write_file_atomic(const std::filesystem::path& p, std::string_view content);

}  // namespace anzen
