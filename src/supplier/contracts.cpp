// Outsourcing contracts: the contract's dates and, per chapter 10 requirement, whether the
// contract covers it and where (the clause that is its evidence).
#include <stdexcept>

#include "common/date.h"
#include "common/invalid.h"
#include "common/vocabulary.h"
#include "store/audit.h"
#include "supplier/service.h"

namespace anzen::supplier {

namespace {
constexpr const char* kCols =
    "c.id, c.supplier_id, c.title, c.signed_on, c.starts_on, c.ends_on, c.created_at";
Contract read_contract(store::Stmt& st) {
  return {st.i64(0), st.i64(1), st.str(2), st.str(3), st.str(4), st.str(5), st.str(6)};
}
}  // namespace

namespace {
// The answer statuses one may choose, in the vocabulary's words.
std::string answer_statuses(const char* lang) {
  return vocab::labels("status", {"implemented", "partial", "not_implemented", "not_applicable"},
                       lang);
}
// Title and dates as the register keeps them; throws Invalid naming the field.
void check_terms(Contract& c) {
  if (c.title.empty())
    throw Invalid("title", "件名を入力してください。", "Enter a title.", "required",
                  "title: must not be empty");
  if (c.title.size() > 500) {
    throw Invalid("title", "件名が長すぎます（全角 160 文字程度まで）。",
                  "The title is too long (at most 500 bytes).", "too_long",
                  "title: longer than 500 bytes");
  }
  c.signed_on = date::require("signed_on (締結日)", c.signed_on);
  c.starts_on = date::require("starts_on (契約開始日)", c.starts_on);
  c.ends_on = date::require("ends_on (契約終了日)", c.ends_on);
  if (!c.starts_on.empty() && !c.ends_on.empty() && c.ends_on < c.starts_on)
    throw Invalid("ends_on", "契約終了日が契約開始日より前になっています。",
                  "The contract ends before it starts.", "out_of_order",
                  "ends_on (契約終了日): before starts_on (契約開始日)");
}
nlohmann::json terms_json(const Contract& c) {
  return {{"supplier_id", c.supplier_id},
          {"title", c.title},
          {"signed_on", c.signed_on},
          {"starts_on", c.starts_on},
          {"ends_on", c.ends_on}};
}
}  // namespace

Contract Suppliers::add_contract(int64_t org, Contract c) {
  if (!supplier(org, c.supplier_id))
    throw std::out_of_range("supplier: no supplier " + std::to_string(c.supplier_id));
  check_terms(c);
  c.created_at = now_();
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO supplier_contracts(supplier_id, title, signed_on, starts_on, ends_on, "
           "created_at) VALUES (?,?,?,?,?,?)")
        .bind(1, c.supplier_id)
        .bind(2, c.title)
        .bind(3, c.signed_on)
        .bind(4, c.starts_on)
        .bind(5, c.ends_on)
        .bind(6, c.created_at)
        .run();
    c.id = db_.last_insert_id();
    store::audit_append(db_, {actor_, org, "supplier_contract", std::to_string(c.id), "create",
                              nullptr, terms_json(c)});
  });
  return c;
}

Contract Suppliers::update_contract(int64_t org, Contract c) {
  auto before = contract(org, c.id);
  if (!before) throw std::out_of_range("contract: no contract " + std::to_string(c.id));
  c.supplier_id = before->supplier_id;
  c.created_at = before->created_at;
  check_terms(c);
  db_.transaction([&] {
    db_.prepare(
           "UPDATE supplier_contracts SET title=?, signed_on=?, starts_on=?, ends_on=? WHERE id=?")
        .bind(1, c.title)
        .bind(2, c.signed_on)
        .bind(3, c.starts_on)
        .bind(4, c.ends_on)
        .bind(5, c.id)
        .run();
    store::audit_append(db_, {actor_, org, "supplier_contract", std::to_string(c.id), "update",
                              terms_json(*before), terms_json(c)});
  });
  return c;
}

void Suppliers::delete_contract(int64_t org, int64_t id) {
  auto before = contract(org, id);
  if (!before) throw std::out_of_range("contract: no contract " + std::to_string(id));
  auto cl = clauses(id);
  nlohmann::json old = terms_json(*before);
  old["clauses"] = nlohmann::json::object();
  for (const auto& [item, st] : cl)
    old["clauses"][item] = {{"status", assess::to_string(st.status)}, {"evidence", st.evidence}};
  db_.transaction([&] {
    db_.prepare("DELETE FROM contract_clauses WHERE contract_id=?").bind(1, id).run();
    db_.prepare("DELETE FROM supplier_contracts WHERE id=?").bind(1, id).run();
    store::audit_append(
        db_, {actor_, org, "supplier_contract", std::to_string(id), "delete", old, nullptr});
  });
}

std::vector<Contract> Suppliers::contracts(int64_t org, int64_t supplier_id) {
  auto st = db_.prepare(std::string("SELECT ") + kCols +
                        " FROM supplier_contracts c JOIN suppliers s ON s.id=c.supplier_id WHERE "
                        "s.org_id=? AND (?=0 OR c.supplier_id=?) ORDER BY c.id");
  st.bind(1, org).bind(2, supplier_id).bind(3, supplier_id);
  std::vector<Contract> out;
  while (st.step()) out.push_back(read_contract(st));
  return out;
}

std::optional<Contract> Suppliers::contract(int64_t org, int64_t id) {
  auto st = db_.prepare(std::string("SELECT ") + kCols +
                        " FROM supplier_contracts c JOIN suppliers s ON s.id=c.supplier_id WHERE "
                        "s.org_id=? AND c.id=?");
  st.bind(1, org).bind(2, id);
  if (!st.step()) return std::nullopt;
  return read_contract(st);
}

void Suppliers::set_clause(int64_t org, int64_t contract_id, const std::vector<Clause>& known,
                           const std::string& item_id, assess::Status st,
                           const std::string& evidence) {
  if (!contract(org, contract_id))
    throw std::out_of_range("contract: no contract " + std::to_string(contract_id));
  bool found = false;
  for (const auto& k : known) found = found || k.item_id == item_id;
  if (!found)
    throw Invalid(
        "clause", "項目 " + item_id + " は安全基準第10章の契約上の要求事項ではありません。",
        "Item " + item_id + " is not a contract requirement of chapter 10 of the standard.",
        "not_found",
        "clause: '" + item_id + "' is not a contract requirement of tcs-2023 chapter 10");
  if (st == assess::Status::unanswered)
    throw Invalid("status", "状況は一覧から選んでください（" + answer_statuses("ja") + "）。",
                  "Choose the status from the list (" + answer_statuses("en") + ").", "not_in_list",
                  "status: choose implemented, partial, not_implemented or not_applicable");
  if (evidence.size() > 2000) {
    throw Invalid("evidence", "根拠が長すぎます（全角 660 文字程度まで）。",
                  "The evidence is too long (at most 2000 bytes).", "too_long",
                  "evidence: longer than 2000 bytes");
  }
  if (st == assess::Status::implemented && evidence.empty()) {
    throw Invalid(
        "evidence",
        "実施済とするときは、" + item_id + " を満たす契約の条項を根拠として入力してください。",
        "Name the clause of the contract that covers " + item_id + ".", "required",
        "evidence: name the clause of the contract that covers " + item_id);
  }
  auto before = clauses(contract_id);
  db_.transaction([&] {
    db_.prepare("DELETE FROM contract_clauses WHERE contract_id=? AND item_id=?")
        .bind(1, contract_id)
        .bind(2, item_id)
        .run();
    db_.prepare(
           "INSERT INTO contract_clauses(contract_id, item_id, status, evidence, updated_at, "
           "updated_by) VALUES (?,?,?,?,?,?)")
        .bind(1, contract_id)
        .bind(2, item_id)
        .bind(3, assess::to_string(st))
        .bind(4, evidence)
        .bind(5, now_())
        .bind(6, actor_)
        .run();
    auto it = before.find(item_id);
    store::audit_append(
        db_, {actor_,
              org,
              "contract_clause",
              std::to_string(contract_id) + ":" + item_id,
              "update",
              it == before.end() ? nlohmann::json(nullptr)
                                 : nlohmann::json{{"status", assess::to_string(it->second.status)},
                                                  {"evidence", it->second.evidence}},
              {{"status", assess::to_string(st)}, {"evidence", evidence}}});
  });
}

std::map<std::string, ClauseState> Suppliers::clauses(int64_t contract_id) {
  auto st = db_.prepare(
      "SELECT item_id, status, evidence, updated_at, updated_by FROM contract_clauses WHERE "
      "contract_id=?");
  st.bind(1, contract_id);
  std::map<std::string, ClauseState> out;
  while (st.step()) {
    out[st.str(0)] = {st.str(0),
                      assess::status_from(st.str(1)).value_or(assess::Status::unanswered),
                      st.str(2), st.str(3), st.str(4)};
  }
  return out;
}

}  // namespace anzen::supplier
