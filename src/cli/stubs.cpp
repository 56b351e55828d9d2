// Registration points for modules that have not landed yet. Each module replaces its line
// here with a real register_* in its own *_cmd.cpp file.
#include "cli/cli.h"

namespace anzen::cli {
void register_report(CLI::App&, Globals&) {}
}  // namespace anzen::cli
