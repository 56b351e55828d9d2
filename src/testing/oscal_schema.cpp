#include "testing/oscal_schema.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "common/paths.h"

namespace anzen::testing {

std::optional<std::string> oscal_schema_errors(const nlohmann::json& doc,
                                               const std::string& model) {
  auto root = data_dir();
  auto script = root / "e2e" / "validate-oscal.mjs";
  auto schema = root / "tests" / "fixtures" / "oscal-schemas" / ("oscal_" + model + "_schema.json");
  if (!std::filesystem::exists(root / "e2e" / "node_modules" / "ajv") ||
      std::system("command -v node >/dev/null 2>&1") != 0)
    return std::nullopt;
  static int n = 0;
  auto file = std::filesystem::temp_directory_path() /
              ("anzen-oscal-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".json");
  std::ofstream(file) << doc.dump();
  std::string cmd =
      "node '" + script.string() + "' '" + schema.string() + "' '" + file.string() + "' 2>&1";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  while (p && std::fgets(buf.data(), buf.size(), p)) out += buf.data();
  int rc = p ? ::pclose(p) : -1;
  std::filesystem::remove(file);
  return rc == 0 ? std::string() : out.empty() ? "validator failed" : out;
}

}  // namespace anzen::testing
