// Persistent self-assessments: organisations, assessments, answers with history, evidence.
// Every change is one transaction that also appends to the audit trail.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "assess/model.h"
#include "assess/scoring.h"
#include "catalog/model.h"
#include "common/clock.h"
#include "store/db.h"

namespace anzen::assess {

struct HistoryEntry {
  std::string question_id, field, old_value, new_value, at, actor;
};

// A batch of answer changes (a sheet import) is audited as one row, action "import"
// (AssessRepo::store_batch); `source` says where the answers came from.
struct BatchAudit {
  nlohmann::json source = nlohmann::json::object();  // e.g. {"file": "…", "sheet": "…"}
};

struct Evidence {
  int64_t id = 0;
  std::string question_id, kind, filename, mime, sha256, url, evidence_date, expires_on, uploaded_at, uploaded_by;
  int64_t size = 0;
};

class AssessRepo {
 public:
  AssessRepo(store::Db& db, std::string actor) : db_(db), actor_(std::move(actor)) {}
  // Records made through this repository take their time from `clock` (the service's: --as-of
  // and simulated time stamp their own records); without one, from the system time (fixtures).
  AssessRepo(store::Db& db, std::string actor, const Clock& clock)
      : db_(db), actor_(std::move(actor)), clock_(&clock) {}

  Organization create_org(Organization o);
  std::optional<Organization> org(int64_t id);
  std::vector<Organization> orgs();
  // Updates name, services, users and prefectures (kind stays); audited.
  Organization update_org(const Organization& o);

  // Throws std::invalid_argument for an unknown framework, role or period.
  Assessment create(int64_t org_id, const catalog::Framework& fw, const std::string& role,
                    const std::string& period, const std::string& scope);
  // When org_id is given, an assessment of another organisation is not found.
  std::optional<Assessment> get(int64_t id, std::optional<int64_t> org_id = std::nullopt);
  std::vector<Assessment> list(std::optional<int64_t> org_id = std::nullopt);

  // Every answer of the assessment, or only `question_id`'s when given.
  AnswerMap answers(int64_t assessment_id, const std::string& question_id = "");
  // The stored answers a change of `question_ids` starts from: one question's row alone (the
  // API's PUT), the whole sheet once for several (an import), never one query per question.
  AnswerMap answers_to_change(int64_t assessment_id, const std::vector<std::string>& question_ids);
  // The same read, started now (store::Stmt::start) and read by read_answers: the writer queue
  // sends the reads of a batch's writes together.
  store::Stmt start_answers_to_change(int64_t assessment_id,
                                      const std::vector<std::string>& question_ids);
  AnswerMap read_answers(store::Stmt& st);
  // Checks (check_answer, any maturity level from 0) and stores an answer over the stored one;
  // for fixtures and copies. Users' changes go through AssessService::update_answers, which
  // also holds them to the maturity scale. Returns false when nothing changed.
  bool set_answer(const Assessment& a, const catalog::Framework& fw, Answer next);
  // Stores checked answers over the ones loaded before them, as (as stored, next) pairs: a history
  // row per changed field, an audit entry per changed answer and the stored score, in one
  // transaction with multi-row statements; sets next's updated_at/updated_by where it changed.
  // No checks (the caller checked). Returns, per pair, whether it changed.
  std::vector<bool> store_answers(const Assessment& a, const catalog::Framework& fw,
                                  std::vector<std::pair<Answer, Answer>>& changes);
  // Stores a batch of checked answers as one change of the assessment (a sheet import): a
  // history row per changed field, ONE audit row for the whole batch (entity "assessment",
  // `audit.action`; `before`/`after` hold, under "answers", each changed question's changed
  // fields before → after, and `after` also `audit.source`'s fields, e.g. the file) and the
  // stored score computed once, all with multi-row statements. `sheet` is every answer of the
  // assessment as stored before the batch (loaded once by the caller); on return it holds the
  // answers as stored after it. No checks (the caller checked). Returns, per pair, whether it
  // changed; nothing is written when nothing changed.
  std::vector<bool> store_batch(const Assessment& a, const catalog::Framework& fw,
                                std::vector<std::pair<Answer, Answer>>& changes, AnswerMap& sheet,
                                const BatchAudit& audit);
  // Checks and stores several answers in one transaction, as set_answer would one by one, for
  // fixtures, copies and benchmarks. Returns how many changed. Each question at most once
  // (std::invalid_argument otherwise).
  int set_answers(const Assessment& a, const catalog::Framework& fw, std::vector<Answer> next);
  std::vector<HistoryEntry> history(int64_t assessment_id, const std::string& question_id = "");

  Evidence add_file(const Assessment& a, const std::string& question_id, const std::string& filename,
                    const std::string& mime, const std::string& bytes, const std::string& evidence_date,
                    const std::string& expires_on);
  Evidence add_url(const Assessment& a, const std::string& question_id, const std::string& url,
                   const std::string& evidence_date, const std::string& expires_on);
  std::vector<Evidence> evidence(int64_t assessment_id, const std::string& question_id = "");
  // The evidence row and its bytes, scoped to the assessment.
  std::optional<std::pair<Evidence, std::string>> evidence_file(int64_t assessment_id, int64_t evidence_id);

  // Starts the next period from `prev`: owners, due dates, comments and still-valid evidence
  // carry over; statuses and maturity too unless reset_status.
  Assessment next_period(const Assessment& prev, const catalog::Framework& fw, const std::string& period,
                         bool reset_status, const std::string& today);

  store::Db& db() { return db_; }
  const std::string& actor() const { return actor_; }

 private:
  // The time records are stamped with (clock_, else the system time), utc_iso().
  std::string now() const { return clock_ ? clock_->now_iso() : store::now_utc(); }
  store::Stmt answers_read(int64_t assessment_id, const std::string& question_id);

  store::Db& db_;
  std::string actor_;
  const Clock* clock_ = nullptr;
};

// Per-question comparison of two assessments (B relative to A).
struct Change {
  std::string question_id;
  std::string kind;  // improved | regressed | unchanged | new
  Status from, to;
};
// Throws std::invalid_argument naming the field: the question must be one of the framework's,
// a reason is required for not applicable, maturity within 0..max_maturity; normalises `due`.
void check_answer(Answer& next, const catalog::Framework& fw, int max_maturity);

std::vector<Change> compare(const catalog::Framework& fw, const AnswerMap& a, const AnswerMap& b);
int status_rank(Status s);

}  // namespace anzen::assess
