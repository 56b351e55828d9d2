// The supplier register.
#include <regex>
#include <stdexcept>

#include "common/invalid.h"
#include "common/vocabulary.h"
#include "store/audit.h"
#include "supplier/service.h"
#include "supplier/view.h"

namespace anzen::supplier {
bool schema_registered();
using nlohmann::json;

bool valid_criticality(std::string_view c) { return c == "low" || c == "medium" || c == "high"; }

catalog::Text criticality_label(std::string_view c) {
  return {vocab::label_or_code("criticality", c, "ja"),
          vocab::label_or_code("criticality", c, "en")};
}

namespace {
const std::regex kDate("^\\d{4}-\\d{2}-\\d{2}$");

Supplier read_supplier(store::Stmt& st) {
  Supplier s;
  s.id = st.i64(0);
  s.org_id = st.i64(1);
  s.name = st.str(2);
  s.corporate_number = st.str(3);
  s.contact = st.str(4);
  s.services = json::parse(st.str(5)).get<std::vector<std::string>>();
  s.contract_start = st.str(6);
  s.contract_end = st.str(7);
  s.criticality = st.str(8);
  s.maker_org_id = st.opt_i64(9);
  s.created_at = st.str(10);
  s.reassess_months = static_cast<int>(st.i64(11));
  return s;
}
constexpr const char* kCols =
    "id, org_id, name, corporate_number, contact, services, contract_start, contract_end, "
    "criticality, maker_org_id, "
    "created_at, reassess_months";
}  // namespace

Supplier Suppliers::create_supplier(Supplier s) {
  (void)schema_registered();
  if (s.name.empty())
    throw Invalid("name", "名称を入力してください。", "Enter the name.", "required",
                  "name: must not be empty");
  if (!s.corporate_number.empty() && !valid_corporate_number(s.corporate_number)) {
    throw Invalid("corporate-number",
                  "「" + s.corporate_number +
                      "」は法人番号として正しくありません（先頭がチェックデジットの 13 桁）。",
                  "'" + s.corporate_number +
                      "' is not a corporate number (13 digits whose first is the check digit).",
                  "invalid",
                  "corporate-number: '" + s.corporate_number +
                      "' is not a 法人番号 (13 digits whose first is the check digit)");
  }
  if (!valid_criticality(s.criticality))
    throw Invalid("criticality",
                  "重要度は一覧から選んでください（" +
                      vocab::labels("criticality", vocab::codes("criticality"), "ja") + "）。",
                  "Choose the criticality from the list (" +
                      vocab::labels("criticality", vocab::codes("criticality"), "en") + ").",
                  "not_in_list", "criticality: expected low, medium or high");
  for (const auto* d : {&s.contract_start, &s.contract_end}) {
    if (!d->empty() && !std::regex_match(*d, kDate))
      throw Invalid(
          d == &s.contract_start ? "contract-start" : "contract-end",
          "契約期間の日付は 2026-04-01 のように入力してください（「" + *d + "」は読めません）。",
          "Enter contract dates as YYYY-MM-DD ('" + *d + "' is not one).", "not_a_date",
          "contract dates: expected YYYY-MM-DD, got '" + *d + "'");
  }
  if (!s.contract_start.empty() && !s.contract_end.empty() && s.contract_end < s.contract_start) {
    throw Invalid("contract-end", "契約終了日が契約開始日より前になっています。",
                  "The contract ends before it starts.", "out_of_order",
                  "contract-end: before contract-start");
  }
  check_interval(s.reassess_months);
  if (s.maker_org_id) {
    auto st = db_.prepare("SELECT kind FROM organizations WHERE id=?");
    st.bind(1, *s.maker_org_id);
    if (!st.step())
      throw Invalid("maker-org", "ID " + std::to_string(*s.maker_org_id) + " の組織はありません。",
                    "There is no organisation " + std::to_string(*s.maker_org_id) + ".",
                    "not_found", "maker-org: no organisation " + std::to_string(*s.maker_org_id));
    if (*s.maker_org_id == s.org_id)
      throw Invalid("maker-org", "自組織を委託先の組織として指定することはできません。",
                    "A supplier cannot be its own operator.", "invalid",
                    "maker-org: a supplier cannot be its own operator");
  }
  s.created_at = now_();
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO suppliers(org_id, name, corporate_number, contact, services, "
           "contract_start, contract_end, "
           "criticality, maker_org_id, created_at, reassess_months) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, s.org_id)
        .bind(2, s.name)
        .bind(3, s.corporate_number)
        .bind(4, s.contact)
        .bind(5, json(s.services).dump())
        .bind(6, s.contract_start)
        .bind(7, s.contract_end)
        .bind(8, s.criticality)
        .bind(9, s.maker_org_id)
        .bind(10, s.created_at)
        .bind(11, s.reassess_months)
        .run();
    s.id = db_.last_insert_id();
    link_assets_by_name(s.org_id, s.id);
    store::audit_append(db_, {actor_, s.org_id, "supplier", std::to_string(s.id), "create", nullptr,
                              supplier_json(s)});
  });
  return s;
}

std::optional<Supplier> Suppliers::supplier(int64_t org, int64_t id) {
  auto st = db_.prepare(std::string("SELECT ") + kCols + " FROM suppliers WHERE id=? AND org_id=?");
  st.bind(1, id).bind(2, org);
  if (!st.step()) return std::nullopt;
  return read_supplier(st);
}

std::vector<Supplier> Suppliers::suppliers(int64_t org) {
  auto st = db_.prepare(std::string("SELECT ") + kCols +
                        " FROM suppliers WHERE org_id=? ORDER BY name, id");
  st.bind(1, org);
  std::vector<Supplier> out;
  while (st.step()) out.push_back(read_supplier(st));
  return out;
}

}  // namespace anzen::supplier
