#pragma once
#include <cstdint>

#include <vector>

#include "common/clock.h"
#include "incident/rules.h"
#include "risk/matrix.h"
#include "store/db.h"

namespace anzen::cli {
// Demo data of modules beyond the self-assessment (incidents), inside the demo transaction.
void demo_extra(store::Db& db, const std::vector<incident::RuleSet>& rules,
                const risk::Matrix& risk_matrix, const Clock& clock, int64_t org_id);
}  // namespace anzen::cli
