// Scores kept current on write: every assessment's tallies (overall, recommended, reference and
// per chapter) are stored beside its answers and changed in the same transaction as the answer,
// so an aggregate over tens of thousands of assessments reads a few rows each instead of
// re-scoring 261 answers each. The tallies are the ones assess::score computes (Tally::add, the
// one rule); each row carries the key of the scoring inputs it was computed from (the
// framework's structure and recommendation marks), and rows of another key are recomputed
// before they are read (a new catalog edition, a database from before this table).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assess/model.h"
#include "assess/scoring.h"
#include "catalog/model.h"
#include "store/db.h"

namespace anzen::assess {

// What the stored tallies of an assessment of `fw` depend on besides its answers and role.
std::string scoring_key(const catalog::Framework& fw);

struct StoredScore {
  int64_t assessment_id = 0, org_id = 0;
  std::string framework, period, role;
  Tally overall, recommended, reference;
  std::map<std::string, Tally> by_chapter;
};

// Replaces the stored tallies of `a` with those of `answers` (inside the caller's transaction).
void store_score(store::Db& db, const catalog::Framework& fw, const Assessment& a,
                 const AnswerMap& answers);

// One answer changed from `prev` (nullptr: there was none) to `next`: the stored tallies move by
// the difference, by a statement sent without waiting for its outcome (PostgreSQL pipelines it
// with the answer's other writes). Tallies that are missing or of other inputs match no row and
// stay as they are: they are recomputed before they are read (refresh_stored_scores).
void update_stored_score(store::Db& db, const catalog::Framework& fw, const Assessment& a,
                         const Answer* prev, const Answer& next);

// Recomputes the stored tallies of every assessment whose tallies are missing or were computed
// from other inputs; assessments of frameworks that `cat` does not hold are left as they are.
// Returns how many were recomputed.
int refresh_stored_scores(store::Db& db, const catalog::Catalog& cat);

// The stored scores (refreshed first) of every assessment, or of one organisation's, and/or of
// one period's; in assessment id order.
std::vector<StoredScore> stored_scores(store::Db& db, const catalog::Catalog& cat,
                                       std::optional<int64_t> org_id = std::nullopt,
                                       const std::string& period = "");

}  // namespace anzen::assess
