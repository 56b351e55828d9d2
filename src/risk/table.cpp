#include "risk/table.h"

#include <algorithm>
#include <functional>
#include <map>
#include <regex>

#include "common/csv.h"
#include "common/text.h"
#include "risk/threat.h"

namespace anzen::risk {

namespace {
// Shorthand for a table column: key (the English header), Japanese header, aliases.
Column col(const char* key, const char* ja, std::vector<std::string> aliases = {}, bool export_only = false) {
  return Column{key, ja, key, std::move(aliases), false, export_only};
}
}  // namespace

const std::vector<Column>& asset_columns() {
  static const std::vector<Column> c = {col("id", "ID", {"資産ID", "番号"}), col("name", "名称", {"資産名", "資産名称"}),
                                        col("kind", "種別", {"資産種別", "分類"}), col("owner", "管理者", {"資産管理者", "責任者"}),
                                        col("c", "機密性", {"C"}), col("i", "完全性", {"I"}), col("a", "可用性", {"A"}),
                                        col("services", "サービス", {"役務"}), col("suppliers", "供給者", {"委託先", "調達先"}),
                                        col("depends_on", "依存する資産", {"依存先"})};
  return c;
}
const std::vector<Column>& risk_columns() {
  static const std::vector<Column> c = {
      col("id", "ID", {"リスクID", "番号"}),  col("title", "リスク", {"リスク名", "件名"}), col("threat", "脅威", {"脅威区分"}),
      col("custom_threat", "脅威（その他）", {"脅威(その他)"}), col("description", "説明", {"内容", "概要"}),
      col("owner", "リスクオーナー", {"リスク所有者", "責任者"}), col("asset_ids", "資産", {"資産ID", "関連資産"}),
      col("services", "サービス", {"役務"}), col("inherent", "固有リスク"), col("current", "現在のリスク"),
      col("residual", "残留リスク", {"残存リスク"}), col("level", "現在のレベル", {}, true), col("treatment", "対応", {"リスク対応", "対応方針"}),
      col("approver", "承認者"), col("justification", "理由", {"受容理由"}), col("acceptance_expiry", "有効期限", {"受容期限"}),
      col("question_ids", "関連する確認項目", {"確認項目", "質問ID"})};
  return c;
}
const std::vector<Column>& plan_columns() {
  static const std::vector<Column> c = {
      col("id", "ID", {"計画ID", "番号"}), col("target_state", "目標とする将来像", {"目標"}), col("actions", "実施事項", {"対策", "実施内容"}),
      col("resources", "必要な資源", {"必要な資源（人・物・金）", "資源"}), col("owner", "責任者", {"担当者"}),
      col("deadline", "達成期限", {"期限", "完了予定日"}), col("evaluation_method", "結果の評価方法", {"評価方法"}),
      col("status", "状態", {"進捗状況", "ステータス"}), col("progress", "進捗(%)", {"進捗率", "進捗"}),
      col("risk_ids", "関連するリスク", {"リスクID"}), col("question_ids", "関連する確認項目", {"確認項目", "質問ID"})};
  return c;
}

std::vector<std::string> columns_ja(const std::vector<Column>& cols) {
  std::vector<std::string> out;
  for (const auto& c : cols) out.push_back(c.ja);
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
  return s;
}
std::string join_ids(const std::vector<int64_t>& v) {
  std::string s;
  for (auto x : v) s += (s.empty() ? "" : "; ") + std::to_string(x);
  return s;
}
std::string to_csv(const Table& t) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& r : t) out += csv::export_row(r);
  return out;
}

namespace {
using assess::ImportError;
using assess::ImportIssue;

// One row of the file, by column key, with the cell details the value readers need.
struct Cells {
  const table::Table& t;
  const std::vector<Column>& spec;
  const table::Record& r;
  bool has(const std::string& k) const { return t.has(table::Table::index(spec, k)); }
  const std::string& get(const std::string& k) const { return r.cells[table::Table::index(spec, k)]; }
  std::string date(const std::string& k) const { return table::date_cell(r, table::Table::index(spec, k)); }
  int number(const std::string& k, int lo, int hi) const {
    try {
      auto v = table::int_cell(r, table::Table::index(spec, k), lo, hi);
      if (!v) throw table::CellError{""};
      return static_cast<int>(*v);
    } catch (const table::CellError&) {
      throw table::CellError{"a number " + std::to_string(lo) + "-" + std::to_string(hi)};
    }
  }
};

// A value error in one column (the column's key and what was expected).
struct Bad {
  std::string column, expected;
};

int64_t to_id(const std::string& s, const char* col) {
  std::string v = text::fold(s);
  if (v.empty() || v.size() > 15 || !std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) throw Bad{col, "a whole number"};
  return std::stoll(v);
}
std::vector<int64_t> to_ids(const std::string& s, const char* col) {
  std::vector<int64_t> out;
  for (const auto& x : text::split_list(s, ";,\n ")) out.push_back(to_id(x, col));
  return out;
}
int to_int(const Cells& c, const char* col, int lo, int hi) {
  try {
    return c.number(col, lo, hi);
  } catch (const table::CellError& e) {
    throw Bad{col, e.expected};
  }
}
std::string to_date(const Cells& c, const char* col) {
  try {
    return c.date(col);
  } catch (const table::CellError& e) {
    throw Bad{col, e.expected};
  }
}
std::pair<int, int> to_cell(const std::string& s, const char* col) {
  static const std::regex kCell("^\\s*(\\d{1,2})\\s*(?:×|x|X|\\*|＊)\\s*(\\d{1,2})\\s*$");
  std::smatch m;
  std::string v = text::fold(s);  // full-width digits
  if (!std::regex_match(v, m, kCell) && !std::regex_match(s, m, kCell)) throw Bad{col, "LIKELIHOOD×IMPACT such as 4×5"};
  return {std::stoi(m[1]), std::stoi(m[2])};
}
// Accepts the code or its Japanese name.
using CodeNames = std::vector<std::pair<std::string, std::string>>;
std::string to_code(const std::string& s, const char* col, const CodeNames& codes) {
  for (const auto& [code, ja] : codes) {
    if (s == code || s == ja || text::fold(s) == text::fold(ja)) return code;
  }
  std::string exp;
  std::vector<std::string> named;  // a code with an alias is named once
  for (const auto& [code, ja] : codes) {
    if (std::find(named.begin(), named.end(), code) != named.end()) continue;
    named.push_back(code);
    exp += (exp.empty() ? "" : ", ") + code + " (" + ja + ")";
  }
  throw Bad{col, "one of " + exp};
}

// The threats with their vocabulary labels; "その他" (the short name earlier sheets used) is
// accepted for custom too.
const CodeNames& threat_names() {
  static const CodeNames names = [] {
    CodeNames out;
    for (const auto& t : threat_codes()) out.emplace_back(t, threat_label(t, "ja"));
    out.emplace_back("custom", "その他");
    return out;
  }();
  return names;
}
const CodeNames kTreatments = {{"", ""},
                               {"reduce", "低減"},
                               {"avoid", "回避"},
                               {"transfer", "移転・共有"},
                               {"accept", "保有・受容"}};
const CodeNames kStatuses = {
    {"planned", "計画"}, {"in_progress", "実施中"}, {"done", "完了"}, {"cancelled", "中止"}};

// The column a repository message ("field: …" or "field (名前): …") is about.
const Column* column_of(const std::string& msg, const std::vector<Column>& cols) {
  std::string field = msg.substr(0, msg.find_first_of(": "));
  if (msg.rfind("acceptance ", 0) == 0) field = "treatment";
  if (field == "classification") field = "c";
  if (msg.rfind("plan item needs", 0) == 0) {
    for (const auto& c : cols) {
      if (msg.find(c.key) != std::string::npos && c.key != "id") return &c;
    }
  }
  for (const auto& c : cols) {
    if (field == c.key) return &c;
  }
  return nullptr;
}

// Shared driver: the table layer reads and checks the columns; rows are applied inside one
// transaction and every defect is collected.
TableImport run(store::Db& db, const std::string& file, const std::string& bytes, const std::vector<Column>& cols,
                const std::function<bool(const Cells&)>& apply_row) {
  TableImport res;
  table::Table t = table::read(file, bytes, cols);
  res.encoding = t.encoding;
  res.sheet = t.sheet;
  std::vector<ImportIssue> issues;
  db.transaction([&] {
    for (const auto& row : t.rows) {
      Cells cells{t, cols, row};
      ++res.rows;
      try {
        (apply_row(cells) ? res.updated : res.created)++;
      } catch (const Bad& b) {
        issues.push_back(t.issue(row, cols, table::Table::index(cols, b.column), b.expected));
      } catch (const std::invalid_argument& e) {
        const Column* col = column_of(e.what(), cols);
        issues.push_back({file, row.line, col ? col->ja : "", col ? row.cells[static_cast<size_t>(col - cols.data())] : "",
                          std::string("a valid record: ") + e.what(), t.sheet});
      }
    }
    if (!issues.empty()) throw ImportError(issues);
  });
  return res;
}
// A row with an ID starts from that stored record of the organisation (columns absent from
// the file keep their values); without one it is a new record. True for an update.
template <typename Record, typename Find>
bool from_stored(const Cells& c, Record& rec, Find find, const char* what) {
  if (!c.has("id") || c.get("id").empty()) return false;
  auto old = find(to_id(c.get("id"), "id"));
  if (!old) throw Bad{"id", std::string("the ID of ") + what + " of this organisation, or an empty cell for a new one"};
  rec = *old;
  return true;
}
}  // namespace

TableImport import_assets(RiskRepo& repo, store::Db& db, int64_t org, const std::string& file, const std::string& bytes) {
  return run(db, file, bytes, asset_columns(), [&](const Cells& c) {
    Asset a;
    a.org_id = org;
    bool update = from_stored(c, a, [&](int64_t id) { return repo.asset(org, id); }, "an asset");
    if (c.has("name")) a.name = c.get("name");
    if (c.has("kind")) a.kind = c.get("kind");
    if (c.has("owner")) a.owner = c.get("owner");
    if (c.has("c")) a.c = to_int(c, "c", 1, 10);
    if (c.has("i")) a.i = to_int(c, "i", 1, 10);
    if (c.has("a")) a.a = to_int(c, "a", 1, 10);
    if (c.has("services")) a.services = text::split_list(c.get("services"), ";\n");
    if (c.has("suppliers")) a.suppliers = text::split_list(c.get("suppliers"), ";\n");
    if (c.has("depends_on")) a.depends_on = to_ids(c.get("depends_on"), "depends_on");
    repo.save_asset(a);
    return update;
  });
}

TableImport import_risks(RiskRepo& repo, store::Db& db, int64_t org, const std::string& file, const std::string& bytes) {
  return run(db, file, bytes, risk_columns(), [&](const Cells& c) {
    Risk r;
    r.org_id = org;
    r.inherent_l = r.inherent_i = r.current_l = r.current_i = r.residual_l = r.residual_i = 1;
    bool update = from_stored(c, r, [&](int64_t id) { return repo.risk(org, id); }, "a risk");
    if (c.has("title")) r.title = c.get("title");
    if (c.has("threat")) r.threat = to_code(c.get("threat"), "threat", threat_names());
    if (c.has("custom_threat")) r.custom_threat = c.get("custom_threat");
    if (c.has("description")) r.description = c.get("description");
    if (c.has("owner")) r.owner = c.get("owner");
    if (c.has("asset_ids")) r.asset_ids = to_ids(c.get("asset_ids"), "asset_ids");
    if (c.has("services")) r.services = text::split_list(c.get("services"), ";\n");
    if (c.has("inherent")) std::tie(r.inherent_l, r.inherent_i) = to_cell(c.get("inherent"), "inherent");
    if (c.has("current")) std::tie(r.current_l, r.current_i) = to_cell(c.get("current"), "current");
    if (c.has("residual")) std::tie(r.residual_l, r.residual_i) = to_cell(c.get("residual"), "residual");
    if (c.has("treatment")) r.treatment = to_code(c.get("treatment"), "treatment", kTreatments);
    if (c.has("approver")) r.approver = c.get("approver");
    if (c.has("justification")) r.justification = c.get("justification");
    if (c.has("acceptance_expiry")) r.acceptance_expiry = to_date(c, "acceptance_expiry");
    if (c.has("question_ids")) r.question_ids = text::split_list(c.get("question_ids"), ";,\n ");
    repo.save_risk(r);
    return update;
  });
}

TableImport import_plan(RiskRepo& repo, store::Db& db, int64_t org, const std::string& file, const std::string& bytes) {
  return run(db, file, bytes, plan_columns(), [&](const Cells& c) {
    PlanItem p;
    p.org_id = org;
    bool update = from_stored(c, p, [&](int64_t id) { return repo.plan_item(org, id); }, "a plan item");
    if (c.has("target_state")) p.target_state = c.get("target_state");
    if (c.has("actions")) p.actions = c.get("actions");
    if (c.has("resources")) p.resources = c.get("resources");
    if (c.has("owner")) p.owner = c.get("owner");
    if (c.has("deadline")) p.deadline = to_date(c, "deadline");
    if (c.has("evaluation_method")) p.evaluation_method = c.get("evaluation_method");
    if (c.has("status")) p.status = to_code(c.get("status"), "status", kStatuses);
    if (c.has("progress")) p.progress = to_int(c, "progress", 0, 100);
    if (c.has("risk_ids")) p.risk_ids = to_ids(c.get("risk_ids"), "risk_ids");
    if (c.has("question_ids")) p.question_ids = text::split_list(c.get("question_ids"), ";,\n ");
    repo.save_plan_item(p);
    return update;
  });
}

}  // namespace anzen::risk
