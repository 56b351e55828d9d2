// A batch of answer changes stored as one change of the assessment (a sheet import): history
// rows and answers with multi-row INSERTs, one audit row listing every changed field, the stored
// score computed once from the sheet already in memory.
#include "assess/multi_insert.h"
#include "assess/repo.h"
#include "assess/stored_score.h"
#include "store/audit.h"

namespace anzen::assess {
using nlohmann::json;

namespace {
using detail::HistoryRow;

// The fields of `next` that differ from `prev`, in the order the per-answer path records them
// (by field name): a history row each, and their values before/after for the audit row.
// Returns false when nothing differs.
bool diff(const Answer& prev, const Answer& next, std::vector<HistoryRow>& history, json& before,
          json& after) {
  const size_t start = history.size();
  auto text = [&](const char* field, const std::string& b, const std::string& a) {
    if (b == a) return;
    history.push_back({next.question_id, field, b, a});
    before[field] = b;
    after[field] = a;
  };
  text("comment", prev.comment, next.comment);
  text("due", prev.due, next.due);
  if (prev.maturity != next.maturity) {
    auto shown = [](const std::optional<int>& m) { return m ? std::to_string(*m) : ""; };
    history.push_back({next.question_id, "maturity", shown(prev.maturity), shown(next.maturity)});
    before["maturity"] = prev.maturity ? json(*prev.maturity) : json();
    after["maturity"] = next.maturity ? json(*next.maturity) : json();
  }
  text("na_reason", prev.na_reason, next.na_reason);
  text("owner", prev.owner, next.owner);
  if (prev.status != next.status) text("status", to_string(prev.status), to_string(next.status));
  return history.size() > start;
}
}  // namespace

std::vector<bool> AssessRepo::store_batch(const Assessment& as, const catalog::Framework& fw,
                                          std::vector<std::pair<Answer, Answer>>& changes,
                                          AnswerMap& sheet, const BatchAudit& audit) {
  std::vector<bool> changed(changes.size(), false);
  std::vector<size_t> saved;  // indexes into changes
  std::vector<HistoryRow> history;
  json before = json::object(), after = json::object();
  for (size_t i = 0; i < changes.size(); ++i) {
    const auto& [prev, n] = changes[i];
    json b = json::object(), a = json::object();
    if (!diff(prev, n, history, b, a)) continue;
    before[n.question_id] = std::move(b);
    after[n.question_id] = std::move(a);
    saved.push_back(i);
    changed[i] = true;
  }
  if (saved.empty()) return changed;
  db_.transaction([&] {
    detail::store_changes(db_, as.id, changes, saved, history, now(), actor_);
    json row_after = audit.source.is_object() ? audit.source : json::object();
    row_after["changed"] = saved.size();
    row_after["answers"] = std::move(after);
    store::audit_append(db_, {actor_,
                              as.org_id,
                              "assessment",
                              std::to_string(as.id),
                              "import",
                              {{"answers", std::move(before)}},
                              std::move(row_after)});
    // The stored score from the sheet as now stored, computed once for the whole batch.
    for (size_t i : saved) sheet[changes[i].second.question_id] = changes[i].second;
    store_score(db_, fw, as, sheet);
  });
  return changed;
}

}  // namespace anzen::assess
