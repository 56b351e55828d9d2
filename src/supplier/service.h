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

class Suppliers {
 public:
  using Now = std::function<std::string()>;       // ISO 8601 UTC
  using NewToken = std::function<std::string()>;  // random, URL-safe
  Suppliers(store::Db& db, std::string actor, Now now, NewToken new_token = {})
      : db_(db), actor_(std::move(actor)), now_(std::move(now)), new_token_(std::move(new_token)) {}

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
  store::Db& db_;
  std::string actor_;
  Now now_;
  NewToken new_token_;
};

}  // namespace anzen::supplier
