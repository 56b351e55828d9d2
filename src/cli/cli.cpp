#include "cli/cli.h"

#include <iostream>

namespace anzen::cli {

void print_json(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

}  // namespace anzen::cli
