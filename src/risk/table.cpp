#include "risk/table.h"

#include <functional>
#include <map>
#include <regex>

#include "common/csv.h"
#include "common/text.h"
#include "common/xlsx_read.h"

namespace anzen::risk {

const std::vector<Column>& asset_columns() {
  static const std::vector<Column> c = {{"id", "ID"},           {"name", "名称"},         {"kind", "種別"},
                                        {"owner", "管理者"},     {"c", "機密性"},          {"i", "完全性"},
                                        {"a", "可用性"},         {"services", "サービス"}, {"suppliers", "供給者"},
                                        {"depends_on", "依存する資産"}};
  return c;
}
const std::vector<Column>& risk_columns() {
  static const std::vector<Column> c = {
      {"id", "ID"},           {"title", "リスク"},          {"threat", "脅威"},          {"custom_threat", "脅威（その他）"},
      {"description", "説明"}, {"owner", "リスクオーナー"},  {"asset_ids", "資産"},        {"services", "サービス"},
      {"inherent", "固有リスク"}, {"current", "現在のリスク"}, {"residual", "残留リスク"}, {"level", "現在のレベル", true},
      {"treatment", "対応"},  {"approver", "承認者"},        {"justification", "理由"},   {"acceptance_expiry", "有効期限"},
      {"question_ids", "関連する確認項目"}};
  return c;
}
const std::vector<Column>& plan_columns() {
  static const std::vector<Column> c = {
      {"id", "ID"},           {"target_state", "目標とする将来像"}, {"actions", "実施事項"},
      {"resources", "必要な資源"}, {"owner", "責任者"},            {"deadline", "達成期限"},
      {"evaluation_method", "結果の評価方法"}, {"status", "状態"},  {"progress", "進捗(%)"},
      {"risk_ids", "関連するリスク"}, {"question_ids", "関連する確認項目"}};
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
  for (const auto& r : t) out += csv::row(r);
  return out;
}

namespace {
using assess::ImportError;
using assess::ImportIssue;

// One row of the file, by column key, remembering where each cell sits for error messages.
struct Cells {
  int line = 0;
  std::map<std::string, std::string> v;
  bool has(const std::string& k) const { return v.count(k) != 0; }
  const std::string& get(const std::string& k) const { return v.at(k); }
};

std::vector<csv::Row> read_rows(const std::string& file, const std::string& bytes, std::string& encoding) {
  try {
    if (bytes.rfind("PK\x03\x04", 0) == 0) {
      encoding = "xlsx";
      return xlsx::read_first_sheet(bytes);
    }
    return csv::parse(assess::decode_spreadsheet_text(file, bytes, encoding));
  } catch (const ImportError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw ImportError({{file, 0, "", e.what(), "a complete CSV or XLSX file"}});
  }
}

struct Bad {
  std::string column, expected;
};

int64_t to_id(const std::string& s, const char* col) {
  static const std::regex kInt("^\\d{1,15}$");
  if (!std::regex_match(s, kInt)) throw Bad{col, "a whole number"};
  return std::stoll(s);
}
std::vector<int64_t> to_ids(const std::string& s, const char* col) {
  std::vector<int64_t> out;
  for (const auto& x : text::split_list(s, ";,\n ")) out.push_back(to_id(x, col));
  return out;
}
int to_int(const std::string& s, const char* col, int lo, int hi) {
  static const std::regex kInt("^\\d{1,3}$");
  if (!std::regex_match(s, kInt) || std::stoi(s) < lo || std::stoi(s) > hi) throw Bad{col, "a number " + std::to_string(lo) + "-" + std::to_string(hi)};
  return std::stoi(s);
}
std::pair<int, int> to_cell(const std::string& s, const char* col) {
  static const std::regex kCell("^\\s*(\\d{1,2})\\s*(?:×|x|X|\\*|＊)\\s*(\\d{1,2})\\s*$");
  std::smatch m;
  if (!std::regex_match(s, m, kCell)) throw Bad{col, "LIKELIHOOD×IMPACT such as 4×5"};
  return {std::stoi(m[1]), std::stoi(m[2])};
}
// Accepts the code or its Japanese name.
std::string to_code(const std::string& s, const char* col, const std::vector<std::pair<const char*, const char*>>& codes) {
  for (const auto& [code, ja] : codes) {
    if (s == code || s == ja) return code;
  }
  std::string exp;
  for (const auto& [code, ja] : codes) exp += (exp.empty() ? "" : ", ") + std::string(code) + " (" + ja + ")";
  throw Bad{col, "one of " + exp};
}

const std::vector<std::pair<const char*, const char*>> kThreats = {
    {"cyber_attack", "サイバー攻撃"}, {"congestion", "ネットワーク輻そう"}, {"failure_disaster", "故障・災害等"},
    {"info_leak", "重要情報漏えい"}, {"custom", "その他"}};
const std::vector<std::pair<const char*, const char*>> kTreatments = {
    {"", ""}, {"reduce", "低減"}, {"avoid", "回避"}, {"transfer", "移転・共有"}, {"accept", "保有・受容"}};
const std::vector<std::pair<const char*, const char*>> kStatuses = {
    {"planned", "計画"}, {"in_progress", "実施中"}, {"done", "完了"}, {"cancelled", "中止"}};

// The column a repository message ("field: …" or "field (名前): …") is about.
const Column* column_of(const std::string& msg, const std::vector<Column>& cols) {
  std::string field = msg.substr(0, msg.find_first_of(": "));
  if (msg.rfind("acceptance", 0) == 0) field = "treatment";
  if (field == "classification") field = "c";
  if (msg.rfind("plan item needs", 0) == 0) {
    for (const auto& c : cols) {
      if (msg.find(c.key) != std::string::npos && std::string(c.key) != "id") return &c;
    }
  }
  for (const auto& c : cols) {
    if (field == c.key) return &c;
  }
  return nullptr;
}

// Shared driver: header mapping, per-row apply inside one transaction, all defects collected.
TableImport run(store::Db& db, const std::string& file, const std::string& bytes, const std::vector<Column>& cols,
                const std::function<bool(const Cells&)>& apply_row) {
  TableImport res;
  auto rows = read_rows(file, bytes, res.encoding);
  if (rows.empty()) throw ImportError({{file, 1, "", "an empty file", "a header row, then one row per record"}});
  std::vector<ImportIssue> issues;
  std::vector<std::string> keys;
  for (size_t c = 0; c < rows[0].fields.size(); ++c) {
    std::string h = text::trim(rows[0].fields[c]);
    const Column* hit = nullptr;
    for (const auto& col : cols) {
      if (h == col.key || h == col.ja) hit = &col;
    }
    if (!hit) {
      std::string exp;
      for (const auto& col : cols) exp += (exp.empty() ? "" : ", ") + std::string(col.ja);
      issues.push_back({file, rows[0].line, "#" + std::to_string(c + 1), h, "one of the column headers " + exp});
      keys.push_back("");
    } else {
      keys.push_back(hit->export_only ? "" : hit->key);
    }
  }
  if (!issues.empty()) throw ImportError(issues);
  db.transaction([&] {
    for (size_t r = 1; r < rows.size(); ++r) {
      Cells cells;
      cells.line = rows[r].line;
      bool blank = true;
      for (size_t c = 0; c < keys.size() && c < rows[r].fields.size(); ++c) {
        if (keys[c].empty()) continue;
        cells.v[keys[c]] = text::trim(rows[r].fields[c]);
        if (!cells.v[keys[c]].empty()) blank = false;
      }
      if (blank) continue;
      ++res.rows;
      std::string found;
      try {
        (apply_row(cells) ? res.updated : res.created)++;
      } catch (const Bad& b) {
        std::string col = b.column;
        for (const auto& c : cols) {
          if (b.column != c.key) continue;
          col = c.ja;
          if (cells.has(c.key)) found = cells.get(c.key);
        }
        issues.push_back({file, cells.line, col, found, b.expected});
      } catch (const std::invalid_argument& e) {
        const Column* col = column_of(e.what(), cols);
        issues.push_back({file, cells.line, col ? col->ja : "", col && cells.has(col->key) ? cells.get(col->key) : "", std::string("a valid record: ") + e.what()});
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
    if (c.has("c")) a.c = to_int(c.get("c"), "c", 1, 10);
    if (c.has("i")) a.i = to_int(c.get("i"), "i", 1, 10);
    if (c.has("a")) a.a = to_int(c.get("a"), "a", 1, 10);
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
    if (c.has("threat")) r.threat = to_code(c.get("threat"), "threat", kThreats);
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
    if (c.has("acceptance_expiry")) r.acceptance_expiry = assess::excel_serial_to_date(c.get("acceptance_expiry"));
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
    if (c.has("deadline")) p.deadline = assess::excel_serial_to_date(c.get("deadline"));
    if (c.has("evaluation_method")) p.evaluation_method = c.get("evaluation_method");
    if (c.has("status")) p.status = to_code(c.get("status"), "status", kStatuses);
    if (c.has("progress")) p.progress = to_int(c.get("progress"), "progress", 0, 100);
    if (c.has("risk_ids")) p.risk_ids = to_ids(c.get("risk_ids"), "risk_ids");
    if (c.has("question_ids")) p.question_ids = text::split_list(c.get("question_ids"), ";,\n ");
    repo.save_plan_item(p);
    return update;
  });
}

}  // namespace anzen::risk
