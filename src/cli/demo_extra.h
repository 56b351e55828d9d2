#pragma once
#include <cstdint>

#include "store/db.h"

namespace anzen::cli {
// Demo data of modules beyond the self-assessment (incidents), inside the demo transaction.
void demo_extra(store::Db& db, int64_t org_id);
}  // namespace anzen::cli
