#include "assess/service.h"

#include <set>
#include <stdexcept>

#include "store/audit_client.h"

namespace anzen::assess {

Answer merge(Answer current, const AnswerPatch& p) {
  if (p.status) current.status = *p.status;
  if (p.na_reason) current.na_reason = *p.na_reason;
  if (p.maturity) current.maturity = *p.maturity;
  if (p.owner) current.owner = *p.owner;
  if (p.due) current.due = *p.due;
  if (p.comment) current.comment = *p.comment;
  return current;
}

namespace {
std::string join_messages(const std::vector<AnswerIssue>& issues) {
  std::string out;
  for (const auto& i : issues) out += (out.empty() ? "" : "\n") + i.message;
  return out;
}
}  // namespace

namespace {
std::string join_in(const std::vector<AnswerIssue>& issues, bool en) {
  std::string out;
  for (const auto& i : issues) {
    std::string m = en ? (i.en.empty() ? i.message : i.en)
                       : (i.ja.empty() ? "入力内容を確認してください（" + i.message + "）" : i.ja);
    out += (out.empty() ? "" : en ? " " : "") + m;
  }
  return out;
}
}  // namespace

AnswerErrors::AnswerErrors(std::vector<AnswerIssue> issues)
    : Invalid(issues.empty() ? "" : issues.front().field, join_in(issues, false),
              join_in(issues, true), issues.size() == 1 ? issues.front().code : "several",
              join_messages(issues)),
      issues_(std::move(issues)) {}

AssessService::AssessService(store::Db& db, const catalog::Catalog& catalog,
                             const MaturityScale& scale, const Clock& clock,
                             LinkedRisks linked_risks, std::string actor, store::WriteQueue* writes)
    : db_(db),
      catalog_(catalog),
      scale_(scale),
      clock_(clock),
      linked_risks_(std::move(linked_risks)),
      repo_(db, std::move(actor), clock),
      writes_(writes) {}

const catalog::Framework* AssessService::framework(const Assessment& a) const {
  return catalog_.find(a.framework, a.framework_version);
}

ScoringConfig AssessService::scoring() const {
  ScoringConfig cfg;
  cfg.target_maturity = scale_.target;
  return cfg;
}

namespace {
const catalog::Framework& need(const catalog::Framework* fw, const Assessment& a) {
  if (!fw) throw framework_not_loaded(a.framework, a.framework_version);
  return *fw;
}
}  // namespace

Score AssessService::score(const Assessment& a, const AnswerMap& answers) const {
  return assess::score(need(framework(a), a), a.role, answers, scoring());
}

Score AssessService::score(const Assessment& a) { return score(a, repo_.answers(a.id)); }

std::vector<Gap> AssessService::gaps(const Assessment& a, const AnswerMap& answers) {
  std::map<std::string, int> linked =
      linked_risks_ ? linked_risks_(a.org_id) : std::map<std::string, int>{};
  return assess::gaps(need(framework(a), a), a.role, answers, linked, clock_.today_jst(),
                      scoring());
}

std::vector<Gap> AssessService::gaps(const Assessment& a) { return gaps(a, repo_.answers(a.id)); }

std::vector<Trend> AssessService::trends(int64_t org_id) {
  std::map<std::pair<std::string, std::string>, Trend> series;
  ScoringConfig cfg = scoring();
  for (const auto& other : repo_.list(org_id)) {  // ordered by period
    const auto* fw = framework(other);
    if (!fw) continue;
    auto& t = series[{other.framework, other.role}];
    t.framework = other.framework;
    t.role = other.role;
    t.points.push_back(
        {other.id, other.period,
         assess::score(*fw, other.role, repo_.answers(other.id), cfg).overall.coverage(cfg)});
  }
  std::vector<Trend> out;
  for (auto& [key, t] : series) out.push_back(std::move(t));
  return out;
}

Trend AssessService::trend(const Assessment& a) {
  Trend out{a.framework, a.role, {}};
  for (auto& t : trends(a.org_id)) {
    if (t.framework != a.framework || t.role != a.role) continue;
    for (auto& p : t.points) {
      if (p.period <= a.period) out.points.push_back(std::move(p));
    }
  }
  return out;
}

std::vector<AssessService::Updated> AssessService::update_answers(
    const Assessment& a, const std::vector<std::pair<std::string, AnswerPatch>>& patches,
    const BatchAudit* batch) {
  const auto& fw = need(framework(a), a);
  std::vector<Updated> out;
  std::vector<std::string> qids;
  for (const auto& p : patches) qids.push_back(p.first);
  // Load, merge, check and store on `db`, inside its write transaction (`ahead`: the load,
  // started by the writer queue with its neighbours'). The writer queue may run it more than
  // once (again alone after a failed commit): it starts from its inputs each time.
  auto change = [&](store::Db& db, std::vector<store::Stmt>& ahead) {
    out.clear();
    AssessRepo repo(db, repo_.actor(), clock_);
    std::vector<AnswerIssue> issues;
    std::vector<std::pair<Answer, Answer>> checked;  // (as stored, next)
    std::set<std::string> seen;
    AnswerMap current;
    if (batch) {
      current = repo.answers(a.id);  // the whole sheet, once: also what the score is made of
    } else if (!ahead.empty()) {
      current = repo.read_answers(ahead.front());
    } else {
      current = repo.answers_to_change(a.id, qids);
    }
    for (size_t i = 0; i < patches.size(); ++i) {
      const auto& [qid, patch] = patches[i];
      if (!seen.insert(qid).second) {  // one statement may not upsert a row twice
        issues.push_back({i, "question", "question: '" + qid + "' given twice",
                          "確認項目 " + qid + " が 2 回指定されています。",
                          "Question " + qid + " is given twice.", "duplicate"});
        continue;
      }
      Answer prev;
      prev.question_id = qid;
      if (auto it = current.find(qid); it != current.end()) prev = it->second;
      Answer next = merge(prev, patch);
      try {
        check_answer(next, fw, scale_.max());
      } catch (const std::invalid_argument& e) {
        Invalid v = as_invalid(e);
        issues.push_back({i, v.field, e.what(), v.ja, v.en, v.code});
        continue;
      }
      checked.emplace_back(std::move(prev), std::move(next));
    }
    if (!issues.empty()) throw AnswerErrors(std::move(issues));
    auto changed = batch ? repo.store_batch(a, fw, checked, current, *batch)
                         : repo.store_answers(a, fw, checked);
    for (size_t i = 0; i < checked.size(); ++i)
      out.push_back({changed[i] ? checked[i].second : checked[i].first, changed[i]});
  };
  std::vector<store::Stmt> none;
  // The queue's own connection must not wait for a transaction this one holds.
  if (!writes_ || db_.in_transaction()) {
    db_.transaction([&] { change(db_, none); });
  } else if (!batch && qids.size() == 1) {
    // One answer (the API's PUT, the question page): its load goes ahead with its neighbours'.
    // The key is what that load reads.
    auto load = [&](store::Db& db) {
      std::vector<store::Stmt> reads;
      reads.push_back(AssessRepo(db, repo_.actor(), clock_).start_answers_to_change(a.id, qids));
      return reads;
    };
    writes_->run(load, change, "answer " + std::to_string(a.id) + " " + qids.front(),
                 store::audit_client(db_));
  } else {
    writes_->run([&](store::Db& db) { change(db, none); }, store::audit_client(db_));
  }
  return out;
}

AssessService::Updated AssessService::update_answer(const Assessment& a,
                                                    const std::string& question_id,
                                                    const AnswerPatch& patch) {
  return update_answers(a, {{question_id, patch}}).front();
}

}  // namespace anzen::assess
