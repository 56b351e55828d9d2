#include "cli/demo_extra.h"

namespace anzen::cli {
void demo_extra(store::Db&, int64_t) {}
}  // namespace anzen::cli
