#include "risk/repo.h"

#include <algorithm>
#include <set>
#include <regex>
#include <stdexcept>

#include "common/csv.h"
#include "common/date.h"
#include "common/invalid.h"
#include "common/vocabulary.h"
#include "risk/table.h"
#include "risk/threat.h"
#include "store/audit.h"

namespace anzen::risk {
using nlohmann::json;

namespace {
const bool kRegistered = (store::register_migrations({{400, "assets, risks and the treatment plan", R"(
CREATE TABLE assets (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  doc TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE risks (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  doc TEXT NOT NULL,
  treatment TEXT NOT NULL DEFAULT '' CHECK (treatment IN ('','reduce','avoid','transfer','accept')),
  acceptance_expiry TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE TABLE plan_items (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  doc TEXT NOT NULL,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned','in_progress','done','cancelled')),
  updated_at TEXT NOT NULL
);
CREATE TABLE plan_rejections (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id),
  question_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (assessment_id, question_id)
);
)"},
                                                      {401, "per-organisation risk matrices", R"(
CREATE TABLE risk_matrices (
  org_id INTEGER PRIMARY KEY REFERENCES organizations(id),
  doc TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)"}}),
                           true);


json asset_json(const Asset& a) {
  return {{"name", a.name}, {"kind", a.kind}, {"owner", a.owner}, {"c", a.c}, {"i", a.i}, {"a", a.a},
          {"services", a.services}, {"suppliers", a.suppliers}, {"depends_on", a.depends_on}};
}
json risk_json(const Risk& r) {
  return {{"title", r.title}, {"threat", r.threat}, {"custom_threat", r.custom_threat}, {"description", r.description}, {"owner", r.owner},
          {"asset_ids", r.asset_ids}, {"services", r.services}, {"question_ids", r.question_ids},
          {"inherent", {r.inherent_l, r.inherent_i}}, {"current", {r.current_l, r.current_i}}, {"residual", {r.residual_l, r.residual_i}},
          {"treatment", r.treatment}, {"approver", r.approver}, {"justification", r.justification}, {"acceptance_expiry", r.acceptance_expiry}};
}
Risk risk_from(int64_t id, int64_t org, const json& j) {
  Risk r;
  r.id = id;
  r.org_id = org;
  r.title = j.value("title", "");
  r.threat = j.value("threat", "");
  r.custom_threat = j.value("custom_threat", "");
  r.description = j.value("description", "");
  r.owner = j.value("owner", "");
  r.asset_ids = j.value("asset_ids", std::vector<int64_t>{});
  r.services = j.value("services", std::vector<std::string>{});
  r.question_ids = j.value("question_ids", std::vector<std::string>{});
  r.inherent_l = j["inherent"][0];
  r.inherent_i = j["inherent"][1];
  r.current_l = j["current"][0];
  r.current_i = j["current"][1];
  r.residual_l = j["residual"][0];
  r.residual_i = j["residual"][1];
  r.treatment = j.value("treatment", "");
  r.approver = j.value("approver", "");
  r.justification = j.value("justification", "");
  r.acceptance_expiry = j.value("acceptance_expiry", "");
  return r;
}
json plan_json(const PlanItem& p) {
  return {{"target_state", p.target_state}, {"actions", p.actions}, {"resources", p.resources}, {"owner", p.owner}, {"deadline", p.deadline},
          {"evaluation_method", p.evaluation_method}, {"status", p.status}, {"progress", p.progress}, {"risk_ids", p.risk_ids},
          {"question_ids", p.question_ids}};
}
PlanItem plan_from(int64_t id, int64_t org, const json& j) {
  PlanItem p;
  p.id = id;
  p.org_id = org;
  p.target_state = j.value("target_state", "");
  p.actions = j.value("actions", "");
  p.resources = j.value("resources", "");
  p.owner = j.value("owner", "");
  p.deadline = j.value("deadline", "");
  p.evaluation_method = j.value("evaluation_method", "");
  p.status = j.value("status", "planned");
  p.progress = j.value("progress", 0);
  p.risk_ids = j.value("risk_ids", std::vector<int64_t>{});
  p.question_ids = j.value("question_ids", std::vector<std::string>{});
  return p;
}
}  // namespace

const Matrix& RiskRepo::matrix(int64_t org) {
  (void)kRegistered;
  auto it = matrices_.find(org);
  if (it != matrices_.end()) return it->second;
  auto st = db_.prepare("SELECT doc FROM risk_matrices WHERE org_id=?");
  st.bind(1, org);
  Matrix m = st.step() ? matrix_from_json(json::parse(st.str(0))) : default_matrix_;
  return matrices_.emplace(org, std::move(m)).first->second;
}

void RiskRepo::set_matrix(int64_t org, const Matrix& m) {
  m.validate();
  for (const auto& r : risks(org)) {
    for (auto [l, i] : {std::pair{r.inherent_l, r.inherent_i}, std::pair{r.current_l, r.current_i}, std::pair{r.residual_l, r.residual_i}}) {
      if (l > m.likelihoods || i > m.impacts) {
        std::string at = std::to_string(l) + "×" + std::to_string(i),
                    size = std::to_string(m.likelihoods) + "×" + std::to_string(m.impacts);
        throw Invalid("matrix",
                      "リスク「" + r.title + "」（ID " + std::to_string(r.id) + "）の評価 " + at +
                          " が新しい " + size +
                          " のマトリクスに収まりません。先にこのリスクを評価し直してください。",
                      "Risk “" + r.title + "” (ID " + std::to_string(r.id) + ") is scored " + at +
                          ", outside the new " + size + " matrix; rescore it first.",
                      "in_use",
                      "matrix: risk " + std::to_string(r.id) + " (" + r.title + ") sits at " + at +
                          ", outside a " + size + " matrix; rescore it first");
      }
    }
  }
  for (const auto& a : assets(org)) {
    if (std::max({a.c, a.i, a.a}) > static_cast<int>(m.classification.size())) {
      std::string n = std::to_string(m.classification.size());
      throw Invalid(
          "matrix",
          "資産「" + a.name + "」（ID " + std::to_string(a.id) + "）の格付けが新しい " + n +
              " 段階の尺度を超えています。先にこの資産の格付けを見直してください。",
          "Asset “" + a.name + "” (ID " + std::to_string(a.id) +
              ") is classified above the new scale of " + n + " levels; reclassify it first.",
          "in_use",
          "matrix: asset " + std::to_string(a.id) + " (" + a.name +
              ") is classified above the new scale of " + n + " levels; reclassify it first");
    }
  }
  json before = matrix_to_json(matrix(org));
  db_.transaction([&] {
    db_.prepare("INSERT OR REPLACE INTO risk_matrices(org_id, doc, updated_at) VALUES (?,?,?)")
        .bind(1, org).bind(2, matrix_to_json(m).dump()).bind(3, store::now_utc()).run();
    store::audit_append(db_, {actor_, org, "risk_matrix", std::to_string(org), "set", before, matrix_to_json(m)});
  });
  matrices_[org] = m;
}

Asset RiskRepo::create_asset(Asset a) {
  a.id = 0;
  return save_asset(std::move(a));
}

Asset RiskRepo::save_asset(Asset a) {
  (void)kRegistered;
  static const std::vector<std::string> kinds = {"information_system", "software", "information", "facility", "operation_support_system", "cloud_service"};
  if (a.name.empty())
    throw Invalid("name", "名称を入力してください。", "Enter the name.", "required",
                  "name: must not be empty");
  if (std::find(kinds.begin(), kinds.end(), a.kind) == kinds.end()) {
    throw Invalid(
        "kind", "種別は一覧から選んでください（" + vocab::labels("assetkind", kinds, "ja") + "）。",
        "Choose the kind from the list (" + vocab::labels("assetkind", kinds, "en") + ").",
        "not_in_list",
        "kind: '" + a.kind +
            "' is not one of information_system, software, information, facility, "
            "operation_support_system, cloud_service");
  }
  int top = static_cast<int>(matrix(a.org_id).classification.size());
  for (int v : {a.c, a.i, a.a}) {
    if (v < 1 || v > top) {
      throw Invalid(
          "classification",
          "機密性・完全性・可用性は 1〜" + std::to_string(top) + " の段階で選んでください。",
          "Choose confidentiality, integrity and availability from 1 to " + std::to_string(top) +
              " on this organisation's scale.",
          "out_of_range",
          "classification: C, I and A are 1-" + std::to_string(top) +
              " on this organisation's scale");
    }
  }
  for (int64_t d : a.depends_on) {
    if (d == a.id && a.id) {
      throw Invalid("depends_on", "資産は自分自身に依存できません。",
                    "An asset cannot depend on itself.", "invalid",
                    "depends_on: an asset cannot depend on itself");
    }
    if (!asset(a.org_id, d)) {
      throw Invalid("depends_on", "ID " + std::to_string(d) + " の資産はこの組織にありません。",
                    "There is no asset " + std::to_string(d) + " in this organisation.",
                    "not_found",
                    "depends_on: no asset " + std::to_string(d) + " in this organisation");
    }
  }
  db_.transaction([&] {
    std::optional<Asset> before = a.id ? asset(a.org_id, a.id) : std::nullopt;
    if (a.id && !before) {
      throw Invalid("id", "ID " + std::to_string(a.id) + " の資産はこの組織にありません。",
                    "There is no asset " + std::to_string(a.id) + " in this organisation.",
                    "not_found", "id: no asset " + std::to_string(a.id) + " in this organisation");
    }
    if (a.id) {
      db_.prepare("UPDATE assets SET doc=? WHERE id=? AND org_id=?").bind(1, asset_json(a).dump()).bind(2, a.id).bind(3, a.org_id).run();
    } else {
      db_.prepare("INSERT INTO assets(org_id, doc, created_at) VALUES (?,?,?)").bind(1, a.org_id).bind(2, asset_json(a).dump()).bind(3, store::now_utc()).run();
      a.id = db_.last_insert_id();
    }
    store::audit_append(db_, {actor_, a.org_id, "asset", std::to_string(a.id), before ? "update" : "create", before ? asset_json(*before) : json(), asset_json(a)});
  });
  return a;
}

std::optional<Asset> RiskRepo::asset(int64_t org, int64_t id) {
  for (auto& a : assets(org)) {
    if (a.id == id) return a;
  }
  return std::nullopt;
}

std::vector<Asset> RiskRepo::assets(int64_t org) {
  std::vector<Asset> out;
  auto st = db_.prepare("SELECT id, doc FROM assets WHERE org_id=? ORDER BY id");
  st.bind(1, org);
  while (st.step()) {
    json j = json::parse(st.str(1));
    Asset a{st.i64(0), org, j["name"], j["kind"], j["owner"], j["c"], j["i"], j["a"], j["services"], j["suppliers"], j["depends_on"]};
    out.push_back(a);
  }
  return out;
}

Risk RiskRepo::save_risk(Risk r) {
  if (r.title.empty())
    throw Invalid("title", "件名を入力してください。", "Enter a title.", "required",
                  "title: must not be empty");
  r.acceptance_expiry = date::require("acceptance_expiry (有効期限)", r.acceptance_expiry);
  if (!known_threat(r.threat)) {
    throw Invalid(
        "threat",
        "脅威は一覧から選んでください（" + vocab::labels("threat", threat_codes(), "ja") + "）。",
        "Choose the threat from the list (" + vocab::labels("threat", threat_codes(), "en") + ").",
        "not_in_list",
        "threat: expected cyber_attack, congestion, failure_disaster, info_leak or custom");
  }
  if (r.threat == "custom" && r.custom_threat.empty()) {
    throw Invalid("custom_threat", "脅威に「その他」を選んだときは、その脅威を入力してください。",
                  "Name the threat when it is “other”.", "required",
                  "custom_threat: name the threat when it is custom");
  }
  const Matrix& m = matrix(r.org_id);
  for (auto [what, l, i] : {std::tuple{"inherent", r.inherent_l, r.inherent_i}, std::tuple{"current", r.current_l, r.current_i},
                            std::tuple{"residual", r.residual_l, r.residual_i}}) {
    try {
      m.level(l, i);
    } catch (const std::invalid_argument& e) {
      throw as_invalid(e).renamed(what);
    }
  }
  if (!r.treatment.empty() && r.treatment != "reduce" && r.treatment != "avoid" && r.treatment != "transfer" && r.treatment != "accept") {
    const auto codes = vocab::codes("treatment");
    throw Invalid(
        "treatment",
        "対応は一覧から選んでください（" + vocab::labels("treatment", codes, "ja") + "）。",
        "Choose the treatment from the list (" + vocab::labels("treatment", codes, "en") + ").",
        "not_in_list",
        "treatment: expected reduce (低減), avoid (回避), transfer (移転・共有) or accept "
        "(保有・受容)");
  }
  if (r.treatment == "accept") {
    std::string missing, field, ja, en;
    auto need = [&](bool empty, const char* f, const char* what, const char* j, const char* e) {
      if (!empty) return;
      missing += std::string(missing.empty() ? "" : ",") + what;
      ja += (ja.empty() ? "" : "、") + std::string(j);
      en += (en.empty() ? "" : ", ") + std::string(e);
      if (field.empty()) field = f;
    };
    need(r.approver.empty(), "approver", " an approver (承認者)", "承認者", "the approver");
    need(r.justification.empty(), "justification", " a justification (理由)", "理由",
         "the justification");
    need(r.acceptance_expiry.empty(), "acceptance_expiry", " an expiry date YYYY-MM-DD (有効期限)",
         "有効期限", "the expiry date");
    if (!missing.empty()) {
      throw Invalid(field, "保有・受容とするときは" + ja + "を入力してください。",
                    "An accepted risk needs " + en + ".", "required",
                    "acceptance (保有・受容) needs" + missing);
    }
  }
  for (int64_t aid : r.asset_ids) {
    auto st = db_.prepare("SELECT count(*) FROM assets WHERE id=? AND org_id=?");
    st.bind(1, aid).bind(2, r.org_id);
    st.step();
    if (st.i64(0) == 0) {
      throw Invalid("asset_ids", "ID " + std::to_string(aid) + " の資産はこの組織にありません。",
                    "There is no asset " + std::to_string(aid) + " in this organisation.",
                    "not_found",
                    "asset_ids: no asset " + std::to_string(aid) + " in this organisation");
    }
  }
  db_.transaction([&] {
    std::optional<Risk> before = r.id ? risk(r.org_id, r.id) : std::nullopt;
    if (r.id && !before) {
      throw Invalid("id", "ID " + std::to_string(r.id) + " のリスクはこの組織にありません。",
                    "There is no risk " + std::to_string(r.id) + " in this organisation.",
                    "not_found", "id: no risk " + std::to_string(r.id) + " in this organisation");
    }
    if (r.id) {
      db_.prepare("UPDATE risks SET doc=?, treatment=?, acceptance_expiry=?, updated_at=? WHERE id=? AND org_id=?")
          .bind(1, risk_json(r).dump()).bind(2, r.treatment).bind(3, r.acceptance_expiry).bind(4, store::now_utc()).bind(5, r.id).bind(6, r.org_id).run();
    } else {
      db_.prepare("INSERT INTO risks(org_id, doc, treatment, acceptance_expiry, updated_at) VALUES (?,?,?,?,?)")
          .bind(1, r.org_id).bind(2, risk_json(r).dump()).bind(3, r.treatment).bind(4, r.acceptance_expiry).bind(5, store::now_utc()).run();
      r.id = db_.last_insert_id();
    }
    store::audit_append(db_, {actor_, r.org_id, "risk", std::to_string(r.id), before ? "update" : "create", before ? risk_json(*before) : json(), risk_json(r)});
  });
  return r;
}

std::optional<Risk> RiskRepo::risk(int64_t org, int64_t id) {
  auto st = db_.prepare("SELECT doc FROM risks WHERE id=? AND org_id=?");
  st.bind(1, id).bind(2, org);
  if (!st.step()) return std::nullopt;
  return risk_from(id, org, json::parse(st.str(0)));
}

std::vector<Risk> RiskRepo::risks(int64_t org) {
  std::vector<Risk> out;
  auto st = db_.prepare("SELECT id, doc FROM risks WHERE org_id=? ORDER BY id");
  st.bind(1, org);
  while (st.step()) out.push_back(risk_from(st.i64(0), org, json::parse(st.str(1))));
  return out;
}

PlanItem RiskRepo::save_plan_item(PlanItem p) {
  struct Needed {
    const char *field, *ja, *en;
    const std::string* value;
  };
  std::string missing, first, ja, en;
  for (const Needed& n :
       {Needed{"target_state", "目標とする将来像", "the target state", &p.target_state},
        Needed{"actions", "実施事項", "the actions", &p.actions},
        Needed{"owner", "責任者", "the owner", &p.owner},
        Needed{"evaluation_method", "結果の評価方法", "the evaluation method",
               &p.evaluation_method}}) {
    if (!n.value->empty()) continue;
    missing += std::string(missing.empty() ? "" : ", ") + n.field + " (" + n.ja + ")";
    ja += (ja.empty() ? "" : "、") + std::string(n.ja);
    en += (en.empty() ? "" : ", ") + std::string(n.en);
    if (first.empty()) first = n.field;
  }
  if (!missing.empty())
    throw Invalid(first, ja + "を入力してください。", "Enter " + en + ".", "required",
                  "plan item needs " + missing);
  p.deadline = date::require("deadline (達成期限)", p.deadline);
  if (p.deadline.empty()) {
    throw Invalid("deadline", "達成期限を入力してください。", "Enter the deadline.", "required",
                  "deadline (達成期限): expected a date YYYY-MM-DD, got nothing");
  }
  if (p.status != "planned" && p.status != "in_progress" && p.status != "done" &&
      p.status != "cancelled") {
    const auto codes = vocab::codes("planstatus");
    throw Invalid(
        "status",
        "状況は一覧から選んでください（" + vocab::labels("planstatus", codes, "ja") + "）。",
        "Choose the status from the list (" + vocab::labels("planstatus", codes, "en") + ").",
        "not_in_list", "status: expected planned, in_progress, done or cancelled");
  }
  if (p.progress < 0 || p.progress > 100) {
    throw Invalid("progress", "進捗は 0 から 100 までの数字（%）で入力してください。",
                  "Enter a percentage from 0 to 100.", "out_of_range", "progress: expected 0-100");
  }
  for (int64_t rid : p.risk_ids) {
    if (!risk(p.org_id, rid)) {
      throw Invalid("risk_ids", "ID " + std::to_string(rid) + " のリスクはこの組織にありません。",
                    "There is no risk " + std::to_string(rid) + " in this organisation.",
                    "not_found",
                    "risk_ids: no risk " + std::to_string(rid) + " in this organisation");
    }
  }
  db_.transaction([&] {
    if (p.id) {
      db_.prepare("UPDATE plan_items SET doc=?, deadline=?, status=?, updated_at=? WHERE id=? AND org_id=?")
          .bind(1, plan_json(p).dump()).bind(2, p.deadline).bind(3, p.status).bind(4, store::now_utc()).bind(5, p.id).bind(6, p.org_id).run();
      if (db_.changes() == 0) {
        throw Invalid("id", "ID " + std::to_string(p.id) + " の計画項目はこの組織にありません。",
                      "There is no plan item " + std::to_string(p.id) + " in this organisation.",
                      "not_found",
                      "id: no plan item " + std::to_string(p.id) + " in this organisation");
      }
    } else {
      db_.prepare("INSERT INTO plan_items(org_id, doc, deadline, status, updated_at) VALUES (?,?,?,?,?)")
          .bind(1, p.org_id).bind(2, plan_json(p).dump()).bind(3, p.deadline).bind(4, p.status).bind(5, store::now_utc()).run();
      p.id = db_.last_insert_id();
    }
    store::audit_append(db_, {actor_, p.org_id, "plan_item", std::to_string(p.id), "save", nullptr, plan_json(p)});
  });
  return p;
}

std::vector<PlanItem> RiskRepo::plan(int64_t org) {
  std::vector<PlanItem> out;
  auto st = db_.prepare("SELECT id, doc FROM plan_items WHERE org_id=? ORDER BY deadline, id");
  st.bind(1, org);
  while (st.step()) out.push_back(plan_from(st.i64(0), org, json::parse(st.str(1))));
  return out;
}

std::vector<PlanItem> RiskRepo::overdue(int64_t org, const std::string& today) {
  std::vector<PlanItem> out;
  for (auto& p : plan(org)) {
    if (p.deadline < today && p.status != "done" && p.status != "cancelled") out.push_back(p);
  }
  return out;
}

std::vector<Risk> RiskRepo::expired_acceptances(int64_t org, const std::string& today) {
  std::vector<Risk> out;
  for (auto& r : risks(org)) {
    if (r.treatment == "accept" && r.acceptance_expiry < today) out.push_back(r);
  }
  return out;
}

std::map<std::string, int> linked_risk_counts(store::Db& db, int64_t org) {
  std::map<std::string, int> linked;
  auto st = db.prepare("SELECT id, doc FROM risks WHERE org_id=? ORDER BY id");
  st.bind(1, org);
  while (st.step()) {
    for (const auto& q : risk_from(st.i64(0), org, json::parse(st.str(1))).question_ids)
      ++linked[q];
  }
  return linked;
}

std::vector<Proposal> RiskRepo::proposals(const assess::Assessment& a,
                                          const std::vector<assess::Gap>& gaps) {
  std::set<std::string> planned, rejected;
  for (const auto& p : plan(a.org_id)) planned.insert(p.question_ids.begin(), p.question_ids.end());
  auto st = db_.prepare("SELECT question_id FROM plan_rejections WHERE assessment_id=?");
  st.bind(1, a.id);
  while (st.step()) rejected.insert(st.str(0));
  std::vector<Proposal> out;
  for (const auto& g : gaps) {
    if (g.status != assess::Status::not_implemented && g.status != assess::Status::partial) continue;
    if (planned.count(g.question_id) || rejected.count(g.question_id)) continue;
    out.push_back({g.question_id, g.status, g.priority});
  }
  return out;
}

PlanItem RiskRepo::accept_proposal(const assess::Assessment& a, const catalog::Framework& fw,
                                   const std::vector<assess::Gap>& gaps, const std::string& qid,
                                   const std::string& owner, const std::string& deadline) {
  auto props = proposals(a, gaps);
  auto it = std::find_if(props.begin(), props.end(), [&](const Proposal& p) { return p.question_id == qid; });
  if (it == props.end()) {
    throw Invalid(
        "question",
        "確認項目 " + qid +
            " には未処理の提案がありません（実施済・計画済・却下済のいずれかです）。",
        "Question " + qid + " has no open proposal (implemented, planned or rejected already).",
        "not_found",
        "question: " + qid + " has no open proposal (implemented, planned or rejected already)");
  }
  const auto* q = fw.question(qid);
  PlanItem p;
  p.org_id = a.org_id;
  p.target_state = "「" + q->text.ja + "」を実施済とする / " + q->text.en + " — implemented";
  p.actions = "差異 " + qid + "（" + assess::to_japanese(it->status) + "）への対策を実施する";
  p.resources = "";
  p.owner = owner;
  p.deadline = deadline;
  p.evaluation_method = "次期の自己点検で " + qid + " が実施済と判定されること";
  p.question_ids = {qid};
  return save_plan_item(p);
}

void RiskRepo::reject_proposal(const assess::Assessment& a, const std::string& qid, const std::string& reason) {
  if (reason.empty())
    throw Invalid("reason", "却下する理由を入力してください。", "Say why the proposal is rejected.",
                  "required", "reason: say why the proposal is rejected");
  db_.transaction([&] {
    db_.prepare("INSERT OR REPLACE INTO plan_rejections(assessment_id, question_id, reason, at, actor) VALUES (?,?,?,?,?)")
        .bind(1, a.id).bind(2, qid).bind(3, reason).bind(4, store::now_utc()).bind(5, actor_).run();
    store::audit_append(db_, {actor_, a.org_id, "plan_proposal", std::to_string(a.id) + ":" + qid, "reject", nullptr, {{"reason", reason}}});
  });
}

std::optional<PlanItem> RiskRepo::plan_item(int64_t org, int64_t id) {
  auto st = db_.prepare("SELECT doc FROM plan_items WHERE id=? AND org_id=?");
  st.bind(1, id).bind(2, org);
  if (!st.step()) return std::nullopt;
  return plan_from(id, org, json::parse(st.str(0)));
}

Table RiskRepo::assets_table(int64_t org) {
  Table t{columns_ja(asset_columns())};
  for (const auto& a : assets(org)) {
    t.push_back({std::to_string(a.id), a.name, a.kind, a.owner, std::to_string(a.c), std::to_string(a.i), std::to_string(a.a),
                 join(a.services), join(a.suppliers), join_ids(a.depends_on)});
  }
  return t;
}

Table RiskRepo::risks_table(int64_t org) {
  Table t{columns_ja(risk_columns())};
  const Matrix& m = matrix(org);
  for (const auto& r : risks(org)) {
    auto cell = [](int l, int i) { return std::to_string(l) + "×" + std::to_string(i); };
    t.push_back({std::to_string(r.id), r.title, r.threat, r.custom_threat, r.description, r.owner, join_ids(r.asset_ids), join(r.services),
                 cell(r.inherent_l, r.inherent_i), cell(r.current_l, r.current_i), cell(r.residual_l, r.residual_i),
                 m.level(r.current_l, r.current_i).name.ja, r.treatment, r.approver, r.justification, r.acceptance_expiry, join(r.question_ids)});
  }
  return t;
}

Table RiskRepo::plan_table(int64_t org) {
  Table t{columns_ja(plan_columns())};
  for (const auto& p : plan(org)) {
    t.push_back({std::to_string(p.id), p.target_state, p.actions, p.resources, p.owner, p.deadline, p.evaluation_method, p.status,
                 std::to_string(p.progress), join_ids(p.risk_ids), join(p.question_ids)});
  }
  return t;
}

std::string RiskRepo::risks_csv(int64_t org) { return to_csv(risks_table(org)); }
std::string RiskRepo::plan_csv(int64_t org) { return to_csv(plan_table(org)); }

}  // namespace anzen::risk
