#include "assess/sheet.h"

#include <iconv.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <regex>

#include "assess/maturity.h"
#include "common/csv.h"
#include "common/xlsx_read.h"

#include <ctime>
#include "common/text.h"

namespace anzen::assess {

std::string ImportIssue::str() const {
  std::string s = file + ": row " + std::to_string(row);
  if (!column.empty()) s += ", column " + column;
  s += ": found '" + found + "', expected " + expected;
  return s;
}

namespace {
std::string join(const std::vector<ImportIssue>& v) {
  std::string s = "import refused, nothing was changed (" + std::to_string(v.size()) + " problem(s)):";
  for (size_t i = 0; i < v.size() && i < 50; ++i) s += "\n  " + v[i].str();
  if (v.size() > 50) s += "\n  ...";
  return s;
}

struct RowView {
  const catalog::Item* check;
  const catalog::Question* q;
  std::string chapter, item;
};

std::vector<RowView> rows_of(const catalog::Framework& fw) {
  std::vector<RowView> out;
  for (const catalog::Item* c : fw.checks()) {
    std::string chapter, item;
    for (const catalog::Item* p = fw.find(c->parent); p; p = p->parent.empty() ? nullptr : fw.find(p->parent)) {
      if (p->kind == "chapter") chapter = p->label + " " + p->title.ja;
      if ((p->kind == "item" || p->kind == "subitem") && item.empty()) item = p->label + " " + p->title.ja;
    }
    if (item.empty()) item = c->label;
    for (const auto& q : c->questions) out.push_back({c, &q, chapter, item});
  }
  return out;
}

std::string mark(std::optional<catalog::Recommendation> r) {
  return r == catalog::Recommendation::recommended ? "○" : "－";
}

std::vector<std::string> row_values(const RowView& r, const AnswerMap& answers, const std::vector<Evidence>& ev) {
  auto it = answers.find(r.q->id);
  const Answer* a = it == answers.end() ? nullptr : &it->second;
  std::string evs;
  for (const auto& e : ev) {
    if (e.question_id != r.q->id) continue;
    evs += (evs.empty() ? "" : "; ") + (e.kind == "url" ? e.url : e.filename + " (sha256:" + e.sha256.substr(0, 12) + ")");
  }
  return {r.chapter,
          r.item,
          r.q->id,
          r.q->text.ja,
          mark(r.check->operator_rec),
          mark(r.check->maker_rec),
          to_japanese(a ? a->status : Status::unanswered),
          a ? a->na_reason : "",
          a && a->maturity ? std::to_string(*a->maturity) : "",
          evs,
          a ? a->owner : "",
          a ? a->due : "",
          a ? a->comment : "",
          catalog::author_label(r.q->author, true).ja};
}
}  // namespace

ImportError::ImportError(std::vector<ImportIssue> issues) : std::runtime_error(join(issues)), issues_(std::move(issues)) {}

const std::vector<Column>& sheet_columns() {
  static const std::vector<Column> c = {
      {"chapter", "章", "chapter"},
      {"item", "項目", "item"},
      {"question_id", "質問ID", "question_id"},
      {"question", "情報セキュリティ対策確認項目", "question"},
      {"operator", "推奨区分(電気通信事業者)", "operator"},
      {"maker", "推奨区分(メーカー等)", "maker"},
      {"status", "実施状況", "status"},
      {"na_reason", "対象外の理由", "na_reason"},
      {"maturity", "成熟度", "maturity"},
      {"evidence", "証跡", "evidence"},
      {"owner", "担当者", "owner"},
      {"due", "期限", "due"},
      {"comment", "コメント", "comment"},
      // Read-only: whether the question is the source's words (原文) or ours (本ツールによる設問).
      {"question_author", "設問の出典", "question source"},
  };
  return c;
}

std::string export_csv(const catalog::Framework& fw, const Assessment&, const AnswerMap& answers,
                       const std::vector<Evidence>& evidence) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8 correctly
  std::vector<std::string> header;
  for (const auto& c : sheet_columns()) header.push_back(c.ja);
  out += csv::row(header);
  for (const auto& r : rows_of(fw)) out += csv::row(row_values(r, answers, evidence));
  return out;
}

void export_xlsx(const catalog::Framework& fw, const Assessment& a, const AnswerMap& answers,
                 const std::vector<Evidence>& evidence, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("cannot create " + path);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "対策チェックシート");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_text_wrap(head);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  const double widths[] = {22, 26, 11, 60, 10, 10, 10, 18, 7, 24, 14, 11, 30, 16};
  const auto& cols = sheet_columns();
  for (lxw_col_t c = 0; c < cols.size(); ++c) {
    worksheet_set_column(ws, c, c, widths[c], nullptr);
    worksheet_write_string(ws, 0, c, cols[c].ja, head);
  }
  lxw_row_t r = 1;
  for (const auto& rv : rows_of(fw)) {
    auto vals = row_values(rv, answers, evidence);
    for (lxw_col_t c = 0; c < vals.size(); ++c) {
      if (c == 8 && !vals[c].empty()) worksheet_write_number(ws, r, c, std::stod(vals[c]), wrap);
      else worksheet_write_string(ws, r, c, vals[c].c_str(), wrap);
    }
    ++r;
  }
  worksheet_freeze_panes(ws, 1, 3);
  worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(cols.size() - 1));
  // Status column: a drop-down of the Japanese status words.
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  static char s1[] = "実施済", s2[] = "一部実施", s3[] = "未実施", s4[] = "対象外", s5[] = "未回答";
  static char* list[] = {s1, s2, s3, s4, s5, nullptr};
  dv.value_list = list;
  worksheet_data_validation_range(ws, 1, 6, r - 1, 6, &dv);
  std::string title = fw.title.ja + " 対策チェックシート " + a.period;
  lxw_doc_properties props{};
  props.title = title.data();
  workbook_set_properties(wb, &props);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path + ": " + lxw_strerror(err));
}

std::string decode_spreadsheet_text(const std::string& file, const std::string& bytes, std::string& encoding) {
  // UTF-8 cut off inside its last character: a truncated file, not another encoding.
  for (size_t k = 1; k <= 3 && k < bytes.size(); ++k) {
    std::string head = bytes.substr(0, bytes.size() - k);
    if (!text::is_valid_utf8(bytes) && text::is_valid_utf8(head) && head.find_first_of("\x80") != std::string::npos) {
      int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n'));
      throw ImportError({{file, line, "", "a file that ends in the middle of a character", "a complete file (truncated?)"}});
    }
  }
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) {
    encoding = "utf-8-bom";
    std::string s = bytes.substr(3);
    if (!text::is_valid_utf8(s)) throw ImportError({{file, 0, "", "invalid UTF-8 after the BOM", "UTF-8 text"}});
    return s;
  }
  if (text::is_valid_utf8(bytes)) {
    encoding = "utf-8";
    return bytes;
  }
  iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot convert CP932");
  std::string out(bytes.size() * 3 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t inleft = bytes.size(), outleft = out.size();
  char* o = out.data();
  size_t rc = iconv(cd, &in, &inleft, &o, &outleft);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) {
    size_t at = bytes.size() - inleft;
    int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(at), '\n'));
    throw ImportError({{file, line, "", "bytes that are neither UTF-8 nor Shift_JIS (offset " + std::to_string(at) + ")",
                        "a CSV saved as UTF-8 or Shift_JIS/CP932"}});
  }
  out.resize(out.size() - outleft);
  encoding = "cp932";
  return out;
}

// Excel stores dates typed into cells as serial day numbers (1 = 1900-01-01, with the
// 1900 leap-year quirk); 45000 is 2023-03-15.
std::string excel_serial_to_date(const std::string& v) {
  static const std::regex kSerial("^\\d{4,6}(\\.\\d+)?$");
  if (!std::regex_match(v, kSerial)) return v;
  long days = std::stol(v);
  std::time_t t = (days - 25569) * 86400L;  // 25569 = 1970-01-01
  std::tm tm{};
  gmtime_r(&t, &tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}

namespace {
ImportResult import_rows(AssessRepo& repo, const catalog::Framework& fw, const Assessment& a, const std::string& file,
                         const std::vector<csv::Row>& rows, ImportResult res);
}  // namespace

ImportResult import_xlsx(AssessRepo& repo, const catalog::Framework& fw, const Assessment& a, const std::string& file,
                         const std::string& bytes) {
  std::vector<csv::Row> rows;
  try {
    rows = xlsx::read_first_sheet(bytes);
  } catch (const std::runtime_error& e) {
    throw ImportError({{file, 0, "", e.what(), "an XLSX workbook whose first sheet is the checklist"}});
  }
  ImportResult res;
  res.encoding = "xlsx";
  return import_rows(repo, fw, a, file, rows, res);
}

ImportResult import_file(AssessRepo& repo, const catalog::Framework& fw, const Assessment& a, const std::string& file,
                         const std::string& bytes) {
  if (bytes.rfind("PK\x03\x04", 0) == 0) return import_xlsx(repo, fw, a, file, bytes);
  return import_csv(repo, fw, a, file, bytes);
}

ImportResult import_csv(AssessRepo& repo, const catalog::Framework& fw, const Assessment& a, const std::string& file,
                        const std::string& bytes) {
  ImportResult res;
  std::string textual = decode_spreadsheet_text(file, bytes, res.encoding);
  std::vector<csv::Row> rows;
  try {
    rows = csv::parse(textual);
  } catch (const std::runtime_error& e) {
    throw ImportError({{file, 0, "", e.what(), "a complete CSV file"}});
  }
  return import_rows(repo, fw, a, file, rows, res);
}

namespace {
ImportResult import_rows(AssessRepo& repo, const catalog::Framework& fw, const Assessment& a, const std::string& file,
                         const std::vector<csv::Row>& rows, ImportResult res) {
  if (rows.empty()) throw ImportError({{file, 1, "", "an empty file", "a header row and one row per question"}});
  // Map header names (Japanese or English, width/case-insensitive) to keys.
  std::map<std::string, size_t> col;
  const auto& header = rows[0].fields;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = text::fold(header[i]);
    for (const auto& c : sheet_columns()) {
      if (h == text::fold(c.ja) || h == text::fold(c.en) || h == text::fold(std::string(c.key))) col[c.key] = i;
    }
  }
  std::vector<ImportIssue> issues;
  for (const char* need : {"question_id", "status"}) {
    if (!col.count(need)) {
      const auto& c = *std::find_if(sheet_columns().begin(), sheet_columns().end(), [&](const Column& x) { return std::string(x.key) == need; });
      issues.push_back({file, rows[0].line, c.ja, "no such column", std::string("a column headed 「") + c.ja + "」 or '" + c.en + "'"});
    }
  }
  if (!issues.empty()) throw ImportError(issues);
  AnswerMap current = repo.answers(a.id);
  std::map<std::string, int> seen;
  std::vector<Answer> updates;
  static const std::regex kDate("^\\d{4}-\\d{2}-\\d{2}$");
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.fields.size() == 1 && text::trim(row.fields[0]).empty()) continue;  // blank line
    ++res.rows;
    if (row.fields.size() < header.size()) {
      issues.push_back({file, row.line, "", std::to_string(row.fields.size()) + " column(s)",
                        std::to_string(header.size()) + " columns as in the header (file truncated?)"});
      continue;
    }
    auto get = [&](const char* k) { return col.count(k) ? text::trim(row.fields[col[k]]) : std::string(); };
    std::string qid = get("question_id");
    if (!fw.question(qid)) {
      issues.push_back({file, row.line, "質問ID", qid, "a question ID of " + fw.key() + " such as T2-001.1"});
      continue;
    }
    if (auto s = seen.find(qid); s != seen.end()) {
      issues.push_back({file, row.line, "質問ID", qid, "each question once (already at row " + std::to_string(s->second) + ")"});
      continue;
    }
    seen[qid] = row.line;
    Answer next;
    auto it = current.find(qid);
    if (it != current.end()) next = it->second;
    next.question_id = qid;
    auto st = status_from(get("status"));
    if (!st) {
      issues.push_back({file, row.line, "実施状況", get("status"), "実施済, 一部実施, 未実施, 対象外, 未回答 (or implemented, partial, not_implemented, not_applicable, unanswered)"});
      continue;
    }
    next.status = *st;
    if (col.count("na_reason")) next.na_reason = get("na_reason");
    if (next.status != Status::not_applicable && !col.count("na_reason")) next.na_reason.clear();
    if (next.status == Status::not_applicable && next.na_reason.empty()) {
      issues.push_back({file, row.line, "対象外の理由", "", "a reason when the status is 対象外 (not applicable)"});
      continue;
    }
    if (col.count("maturity")) {
      std::string m = text::fold(get("maturity"));
      if (m.empty()) {
        next.maturity.reset();
      } else if (m.size() <= 2 && std::all_of(m.begin(), m.end(), ::isdigit) && std::stoi(m) <= maturity_scale().max()) {
        next.maturity = std::stoi(m);
      } else {
        issues.push_back({file, row.line, "成熟度", get("maturity"), "a whole number 0-" + std::to_string(maturity_scale().max()) + " or empty"});
        continue;
      }
    }
    if (col.count("owner")) next.owner = get("owner");
    if (col.count("comment")) next.comment = get("comment");
    if (col.count("due")) {
      std::string d = excel_serial_to_date(get("due"));
      for (char& ch : d) if (ch == '/') ch = '-';
      if (!d.empty() && !std::regex_match(d, kDate)) {
        issues.push_back({file, row.line, "期限", get("due"), "a date YYYY-MM-DD (or YYYY/MM/DD) or empty"});
        continue;
      }
      next.due = d;
    }
    updates.push_back(next);
  }
  if (!issues.empty()) throw ImportError(issues);
  repo.db().transaction([&] {
    for (const auto& u : updates) {
      if (repo.set_answer(a, fw, u)) ++res.changed;
      else ++res.unchanged;
    }
  });
  return res;
}

}  // namespace

}  // namespace anzen::assess
