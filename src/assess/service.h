// The assessment service: every screen, command, export and report asks it for scores, gaps,
// trends and answer changes, so that each rule has one definition. It receives what it needs
// (storage, the loaded catalog, the maturity scale, a clock, the risks linked to questions)
// and reaches no process-wide state.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "assess/maturity.h"
#include "assess/model.h"
#include "assess/repo.h"
#include "assess/scoring.h"
#include "catalog/model.h"
#include "common/clock.h"
#include "common/invalid.h"
#include "store/db.h"
#include "store/write_queue.h"

namespace anzen::assess {

// A change to one answer: only the fields that are set change.
struct AnswerPatch {
  std::optional<Status> status;
  std::optional<std::string> na_reason, owner, due, comment;
  std::optional<std::optional<int>> maturity;  // set to a level, or cleared (an empty inner value)
};
// The stored answer with the patch applied (pure).
Answer merge(Answer current, const AnswerPatch& patch);

// How many risks cite each question of an organisation's assessments (by question id). The
// risk module provides it (risk::linked_risk_counts); assess does not depend on risk.
using LinkedRisks = std::function<std::map<std::string, int>(int64_t org_id)>;

// One organisation's coverage over periods of one framework and role, oldest first.
struct TrendPoint {
  int64_t assessment_id = 0;
  std::string period;
  std::optional<double> coverage;
};
struct Trend {
  std::string framework, role;
  std::vector<TrendPoint> points;
};

// One answer of a batch that failed its checks: which patch and why ("field: expected …").
struct AnswerIssue {
  size_t index = 0;
  std::string field, message;
  std::string ja = {},
              en = {};    // the refusal in the user's words (empty: `message` is all there is)
  std::string code = {};  // Invalid::code of the refusal
};
// Every refused patch; as an Invalid it names the first field and joins the messages.
class AnswerErrors : public Invalid {
 public:
  explicit AnswerErrors(std::vector<AnswerIssue> issues);
  const std::vector<AnswerIssue>& issues() const { return issues_; }

 private:
  std::vector<AnswerIssue> issues_;
};

class AssessService {
 public:
  // With `writes` (the web server's writer queue), answer updates are committed by it together
  // with concurrent ones; without it, or inside a transaction of `db`, on `db` directly.
  AssessService(store::Db& db, const catalog::Catalog& catalog, const MaturityScale& scale,
                const Clock& clock, LinkedRisks linked_risks, std::string actor,
                store::WriteQueue* writes = nullptr);

  AssessRepo& repo() { return repo_; }
  const catalog::Catalog& catalog() const { return catalog_; }
  const MaturityScale& scale() const { return scale_; }
  const Clock& clock() const { return clock_; }
  // The framework edition the assessment was made against; nullptr when it is not loaded.
  const catalog::Framework* framework(const Assessment& a) const;
  // Coverage weights and the scale's target level.
  ScoringConfig scoring() const;

  Score score(const Assessment& a, const AnswerMap& answers) const;
  Score score(const Assessment& a);
  // Gap priority, one definition: with the risks linked to each question, the scale's target
  // and the clock's JST date for due-date urgency.
  std::vector<Gap> gaps(const Assessment& a, const AnswerMap& answers);
  std::vector<Gap> gaps(const Assessment& a);
  // The coverage of the organisation's assessments of a's framework and role, periods up to
  // a's, oldest first (one framework: coverages of different frameworks do not compare).
  Trend trend(const Assessment& a);
  // Every (framework, role) series of an organisation, in order of framework then role.
  std::vector<Trend> trends(int64_t org_id);

  // Answer update, one definition for the CLI, web form, API and sheet import: in one
  // transaction, each patched answer is loaded (only it), merged, checked against the
  // framework and the maturity scale, and stored with history and audit. All or nothing:
  // throws AnswerErrors listing every patch that failed. Returns the answers as stored and
  // whether each changed. With `batch` (a sheet import), the whole sheet is loaded once and the
  // changes are stored as one change of the assessment: one audit row listing every changed
  // field, the stored score computed once (AssessRepo::store_batch); without it, one audit row
  // per changed answer (AssessRepo::store_answers).
  struct Updated {
    Answer answer;
    bool changed = false;
  };
  std::vector<Updated> update_answers(
      const Assessment& a, const std::vector<std::pair<std::string, AnswerPatch>>& patches,
      const BatchAudit* batch = nullptr);
  // One answer; throws std::invalid_argument with the field's message.
  Updated update_answer(const Assessment& a, const std::string& question_id,
                        const AnswerPatch& patch);

 private:
  store::Db& db_;
  const catalog::Catalog& catalog_;
  const MaturityScale& scale_;
  const Clock& clock_;
  LinkedRisks linked_risks_;
  AssessRepo repo_;
  store::WriteQueue* writes_ = nullptr;
};

}  // namespace anzen::assess
