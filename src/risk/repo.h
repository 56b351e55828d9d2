// Assets, risk scenarios and the risk-treatment plan (seed 000 2(1)イ-ウ), per organisation.
#pragma once
#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assess/repo.h"
#include "risk/matrix.h"
#include "store/db.h"

namespace anzen::risk {

// How many risks of the organisation cite each question: the gap priority's linked-risk points.
std::map<std::string, int> linked_risk_counts(store::Db& db, int64_t org);

struct Asset {
  int64_t id = 0, org_id = 0;
  std::string name, kind, owner;  // kind: information_system software information facility operation_support_system cloud_service
  int c = 2, i = 2, a = 2;        // 格付け: 1 (low) .. 3 (high)
  std::vector<std::string> services, suppliers;
  std::vector<int64_t> depends_on;
};

struct Risk {
  int64_t id = 0, org_id = 0;
  std::string title, threat, custom_threat, description,
      owner;  // threat: one of risk::threat_codes() (risk/threat.h)
  std::vector<int64_t> asset_ids;
  std::vector<std::string> services, question_ids;
  int inherent_l = 0, inherent_i = 0, current_l = 0, current_i = 0, residual_l = 0, residual_i = 0;
  std::string treatment;  // reduce avoid transfer accept (or empty: undecided)
  std::string approver, justification, acceptance_expiry;
};

struct PlanItem {
  int64_t id = 0, org_id = 0;
  // The six fields the standard names (2(1)ウ(ウ)).
  std::string target_state, actions, resources, owner, deadline, evaluation_method;
  std::string status = "planned";  // planned in_progress done cancelled
  int progress = 0;
  std::vector<int64_t> risk_ids;
  std::vector<std::string> question_ids;
};

using Table = std::vector<std::vector<std::string>>;

struct Proposal {
  std::string question_id;
  assess::Status status;
  int priority;
};

class RiskRepo {
 public:
  // `default_matrix`: the matrix of an organisation that set none (app::Catalogs::risk_matrix()).
  RiskRepo(store::Db& db, const Matrix& default_matrix, std::string actor)
      : db_(db), default_matrix_(default_matrix), actor_(std::move(actor)) {}

  // The organisation's matrix: its own if one was set, else the default.
  const Matrix& matrix(int64_t org);
  // Validates the matrix and refuses it when an existing risk would fall outside it.
  void set_matrix(int64_t org, const Matrix& m);

  Asset create_asset(Asset a);
  // Creates (id 0) or replaces an asset; validates kind, classification and dependencies.
  Asset save_asset(Asset a);
  std::optional<Asset> asset(int64_t org, int64_t id);
  std::vector<Asset> assets(int64_t org);

  // Validates levels against the matrix and the acceptance rule (approver, justification,
  // expiry). Throws std::invalid_argument with a clear message.
  Risk save_risk(Risk r);
  std::optional<Risk> risk(int64_t org, int64_t id);
  std::vector<Risk> risks(int64_t org);

  PlanItem save_plan_item(PlanItem p);
  std::vector<PlanItem> plan(int64_t org);
  std::vector<PlanItem> overdue(int64_t org, const std::string& today);
  std::vector<Risk> expired_acceptances(int64_t org, const std::string& today);

  // Questions answered 未実施 or 一部実施 in the assessment with no plan item yet and not rejected,
  // in the order and with the priorities of its gaps (AssessService::gaps: one definition).
  std::vector<Proposal> proposals(const assess::Assessment& a,
                                  const std::vector<assess::Gap>& gaps);
  PlanItem accept_proposal(const assess::Assessment& a, const catalog::Framework& fw,
                           const std::vector<assess::Gap>& gaps, const std::string& question_id,
                           const std::string& owner, const std::string& deadline);
  void reject_proposal(const assess::Assessment& a, const std::string& question_id, const std::string& reason);

  std::optional<PlanItem> plan_item(int64_t org, int64_t id);

  // Deletes, audited; refused (std::invalid_argument naming the referrers) while a risk names
  // the asset, another asset depends on it, or a plan item treats the risk (repo_delete.cpp).
  void delete_asset(int64_t org, int64_t id);
  void delete_risk(int64_t org, int64_t id);
  void delete_plan_item(int64_t org, int64_t id);

  // Header + rows, as exported (CSV, XLSX) and as imported back.
  Table assets_table(int64_t org);
  Table risks_table(int64_t org);
  Table plan_table(int64_t org);
  std::string risks_csv(int64_t org);
  std::string plan_csv(int64_t org);

 private:
  store::Db& db_;
  const Matrix& default_matrix_;
  std::string actor_;
  std::map<int64_t, Matrix> matrices_;
};

}  // namespace anzen::risk
