// Test helpers: locating ../shared (present in CI, absent in a user's clone).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace anzen::testing {

// The shared/ folder beside the checkout, or nullopt (tests then GTEST_SKIP with a reason).
std::optional<std::filesystem::path> shared_dir();
// Lines of a seed file (index 0 is line 1).
std::vector<std::string> seed_lines(const std::string& name);

}  // namespace anzen::testing

#define ANZEN_REQUIRE_SHARED()                                                         \
  do {                                                                                 \
    if (!anzen::testing::shared_dir()) {                                               \
      GTEST_SKIP() << "../shared/ is not beside the checkout (a user's clone has no " \
                      "seeds); seed fidelity checks run in CI";                        \
    }                                                                                  \
  } while (0)
