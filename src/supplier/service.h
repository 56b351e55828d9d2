// The supplier register, questionnaires with their token portal and review, and maker snapshots
// shared with operators. Every change is one transaction that also appends to the audit trail.
// Dependencies come in explicitly: the store, who acts, the clock and the token generator.
#pragma once
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "risk/matrix.h"
#include "store/db.h"
#include "supplier/model.h"

namespace anzen::supplier {

struct Supplier {
  int64_t id = 0, org_id = 0;
  std::string name, corporate_number, contact;
  std::vector<std::string> services;
  std::string contract_start, contract_end;  // YYYY-MM-DD or empty
  std::string criticality = "medium";        // low medium high
  std::optional<int64_t> maker_org_id;       // the supplier's own organisation in Anzen, if any
  std::string created_at;
  int reassess_months = 12;  // re-assessment interval
};
bool valid_criticality(std::string_view c);
catalog::Text criticality_label(std::string_view c);

struct Questionnaire {
  int64_t id = 0, org_id = 0, supplier_id = 0;
  std::string tmpl;
  QStatus status = QStatus::sent;
  std::string due, created_at, updated_at;
  std::optional<int64_t> snapshot_id;  // adopted from a maker's shared snapshot
  std::vector<Question> questions;
};

struct QAnswer {
  std::string question_id;
  assess::Status status = assess::Status::unanswered;
  std::string comment, review_comment, updated_at, updated_by;
};
using QAnswers = std::map<std::string, QAnswer>;

struct Event {
  std::string at, actor, action, question_id, detail;
};

struct Sent {
  Questionnaire q;
  std::string token;  // shown once; only its hash is stored
};

// What a portal token leads to. `gone` covers expired and revoked links (HTTP 410).
struct PortalAccess {
  enum class State { unknown, gone, throttled, ok } state = State::unknown;
  std::optional<Questionnaire> q;
  std::string form_secret;  // per-link secret the portal's HTML form must echo (CSRF)
};

struct Snapshot {
  int64_t id = 0, maker_org_id = 0, questionnaire_id = 0;
  int version = 0;
  nlohmann::json doc;
  std::string created_at;
};
struct Share {
  int64_t id = 0, snapshot_id = 0, operator_org_id = 0;
  std::string granted_at, granted_by;
  std::optional<std::string> revoked_at;
};
struct ShareRead {
  int64_t share_id = 0, snapshot_id = 0, operator_org_id = 0;
  std::string reader, at;
};

// Where a supplier stands in its re-assessment cycle (computed in model.h, one place).
struct Reassessment {
  Supplier supplier;
  std::string last_accepted;  // YYYY-MM-DD of the last accepted questionnaire, or empty
  std::string due;
  Recurrence state = Recurrence::ok;
};

// A risk in the risk register linked to a supplier; raised from an answer when questionnaire and
// question are set, with the plan item made when the questionnaire was accepted.
struct SupplierRisk {
  int64_t supplier_id = 0, risk_id = 0;
  std::optional<int64_t> questionnaire_id, plan_item_id;
  std::string question_id, linked_at;
};

// An outsourcing contract with a supplier; its clauses are chapter 10's contract requirements.
struct Contract {
  int64_t id = 0, supplier_id = 0;
  std::string title, signed_on, starts_on, ends_on, created_at;
};
struct ClauseState {
  std::string item_id;
  assess::Status status = assess::Status::unanswered;
  std::string evidence, updated_at, updated_by;  // evidence: where the contract says it (条項)
};

// A file attached to an answer (same rules as the checklist's evidence: plain names, our type).
struct AnswerFile {
  int64_t id = 0, questionnaire_id = 0;
  std::string question_id, filename, mime, sha256, uploaded_at, uploaded_by;
  int64_t size = 0;
};

class Suppliers {
 public:
  using Now = std::function<std::string()>;       // ISO 8601 UTC
  using NewToken = std::function<std::string()>;  // random, URL-safe
  // `risk_matrix`: the matrix of an organisation that set none (app::Catalogs::risk_matrix()),
  // for the risks an accepted questionnaire raises.
  Suppliers(store::Db& db, const risk::Matrix& risk_matrix, std::string actor, Now now,
            NewToken new_token = {})
      : db_(db),
        risk_matrix_(risk_matrix),
        actor_(std::move(actor)),
        now_(std::move(now)),
        new_token_(std::move(new_token)) {}

  // A 100-question questionnaire answered one PUT at a time fits in a minute; a script hammering
  // the link does not.
  static constexpr int kPortalHitsPerMinute = 300;

  // Register. Throws std::invalid_argument naming the field.
  Supplier create_supplier(Supplier s);
  std::optional<Supplier> supplier(int64_t org, int64_t id);
  std::vector<Supplier> suppliers(int64_t org);

  // Sends a questionnaire with a portal link valid until `expires` (YYYY-MM-DD, default: 30
  // days after the due date).
  Sent send(int64_t org, int64_t supplier_id, const std::string& tmpl,
            std::vector<Question> questions, const std::string& due,
            const std::string& expires = "");
  // Visible to the sending operator and to the maker organisation it is addressed to; anyone
  // else gets nullopt (404).
  std::optional<Questionnaire> questionnaire(int64_t id, int64_t viewer_org);
  // Unscoped: for the CLI, which acts with the whole database's authority.
  std::optional<Questionnaire> questionnaire_by_id(int64_t id);
  std::vector<Questionnaire> sent_by(int64_t org);
  std::vector<Questionnaire> addressed_to(int64_t maker_org);
  QAnswers answers(int64_t questionnaire_id);
  std::vector<Event> history(int64_t questionnaire_id);

  // The supplier's side (portal or maker organisation).
  void set_answer(const Questionnaire& q, const std::string& question_id, assess::Status st,
                  const std::string& comment);
  void submit(const Questionnaire& q);
  // The operator's side: per-question comments go back to the supplier with a return.
  void review(const Questionnaire& q, Verdict v, const std::string& comment,
              const std::map<std::string, std::string>& question_comments);
  // Revokes every portal link of the questionnaire; returns how many were live.
  int revoke_links(const Questionnaire& q);
  std::string new_link(const Questionnaire& q, const std::string& expires);

  // Resolves a raw portal token; counts the hit against the link's rate limit.
  PortalAccess portal(const std::string& raw_token);
  // Where a raw token stands without counting a hit (ok, gone, throttled when this minute's
  // requests are used up, unknown): asked before a request body is read, to size its limit.
  PortalAccess::State portal_state(const std::string& raw_token);

  // Recurrence. The interval is per supplier (1-60 months, default 12).
  void set_interval(int64_t org, int64_t supplier_id, int months);
  std::vector<Reassessment> reassessments(int64_t org, const std::string& today);
  std::vector<Reassessment> overdue(int64_t org, const std::string& today);

  // Links to the asset register and the risk register (same organisation only).
  void link_asset(int64_t org, int64_t supplier_id, int64_t asset_id);
  void unlink_asset(int64_t org, int64_t supplier_id, int64_t asset_id);
  std::vector<int64_t> linked_assets(int64_t org, int64_t supplier_id);
  // Links every asset of the organisation whose free-text supplier names hold exactly this
  // supplier's name (the text stays); returns how many links were added.
  int link_assets_by_name(int64_t org, int64_t supplier_id);
  void link_risk(int64_t org, int64_t supplier_id, int64_t risk_id);
  void unlink_risk(int64_t org, int64_t supplier_id, int64_t risk_id);
  // The suppliers linked to one asset or one risk of the organisation (for their pages).
  std::vector<Supplier> suppliers_of_asset(int64_t org, int64_t asset_id);
  std::vector<Supplier> suppliers_of_risk(int64_t org, int64_t risk_id);
  std::vector<SupplierRisk> supplier_risks(int64_t org, int64_t supplier_id);

  // Outsourcing contracts and their chapter 10 clauses.
  Contract add_contract(int64_t org, Contract c);
  // Title and dates of a contract of the organisation (its supplier stays); out_of_range when
  // there is none.
  Contract update_contract(int64_t org, Contract c);
  // The contract and its clauses; out_of_range when the organisation has no such contract.
  void delete_contract(int64_t org, int64_t id);
  // supplier_id 0: every contract of the organisation.
  std::vector<Contract> contracts(int64_t org, int64_t supplier_id);
  std::optional<Contract> contract(int64_t org, int64_t id);
  void set_clause(int64_t org, int64_t contract_id, const std::vector<Clause>& known,
                  const std::string& item_id, assess::Status st, const std::string& evidence);
  std::map<std::string, ClauseState> clauses(int64_t contract_id);

  // Evidence files of answers; the supplier attaches them while it may answer.
  static constexpr size_t kMaxAnswerFileBytes = 20 * 1024 * 1024;
  AnswerFile add_answer_file(const Questionnaire& q, const std::string& question_id,
                             const std::string& filename, const std::string& bytes);
  std::vector<AnswerFile> answer_files(int64_t questionnaire_id);
  // The file and its bytes, scoped to the questionnaire.
  std::optional<std::pair<AnswerFile, std::string>> answer_file(int64_t questionnaire_id,
                                                                int64_t file_id);

  // Answer once, share with many.
  Snapshot take_snapshot(int64_t maker_org, int64_t questionnaire_id);
  std::vector<Snapshot> snapshots(int64_t maker_org);
  Share share(int64_t maker_org, int64_t snapshot_id, int64_t operator_org);
  void revoke_share(int64_t maker_org, int64_t share_id);
  std::vector<Share> shares(int64_t maker_org);
  // The snapshot when it is shared with `operator_org` and not revoked; logs the read.
  std::optional<Snapshot> read_shared(int64_t operator_org, int64_t snapshot_id);
  std::vector<Snapshot> shared_with(int64_t operator_org);
  std::vector<ShareRead> reads(int64_t maker_org);
  // An operator takes a shared snapshot in place of its own questionnaire (stored accepted).
  Questionnaire adopt(int64_t operator_org, int64_t supplier_id, int64_t snapshot_id);

 private:
  void event(int64_t qid, const std::string& action, const std::string& question_id,
             const std::string& detail);
  void set_status(const Questionnaire& q, QStatus next);
  // At the review's verdict: every 未実施/一部実施 answer becomes a supplier risk; on accept,
  // each also gets a plan item with the six fields.
  void raise_risks(const Questionnaire& q, bool accepted);
  store::Db& db_;
  const risk::Matrix& risk_matrix_;
  std::string actor_;
  Now now_;
  NewToken new_token_;
};

}  // namespace anzen::supplier
