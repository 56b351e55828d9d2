#include "assess/sheet.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <map>

#include "assess/maturity.h"
#include "common/csv.h"
#include "common/cell_guard.h"

#include "common/text.h"

namespace anzen::assess {

namespace {
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

const std::vector<table::Column>& sheet_columns() {
  // Aliases are the headers Japanese checklists commonly use for the same column; each is
  // listed in docs/spreadsheets.md (a test keeps the two in step).
  static const std::vector<table::Column> c = {
      {"chapter", "章", "chapter", {}, false, true},
      {"item", "項目", "item", {}, false, true},
      {"question_id", "質問ID", "question_id", {"設問ID", "項目ID", "ID"}, true},
      {"question", "情報セキュリティ対策確認項目", "question", {"確認項目", "設問"}, false, true},
      {"operator", "推奨区分(電気通信事業者)", "operator", {}, false, true},
      {"maker", "推奨区分(メーカー等)", "maker", {}, false, true},
      {"status", "実施状況", "status", {"対応状況", "回答"}, true},
      {"na_reason", "対象外の理由", "na_reason", {"対象外理由"}, false},
      {"maturity", "成熟度", "maturity", {"成熟度レベル"}, false},
      {"evidence", "証跡", "evidence", {"エビデンス"}, false, true},
      {"owner", "担当者", "owner", {"担当"}, false},
      {"due", "期限", "due", {"対応期限", "期日"}, false},
      {"comment", "コメント", "comment", {"備考", "メモ"}, false},
      // Read-only: whether the question is the source's words (原文) or ours (本ツールによる設問).
      {"question_author", "設問の出典", "question source", {}, false, true},
  };
  return c;
}

std::string export_csv(const catalog::Framework& fw, const Assessment&, const AnswerMap& answers,
                       const std::vector<Evidence>& evidence) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8 correctly
  std::vector<std::string> header;
  for (const auto& c : sheet_columns()) header.push_back(c.ja);
  out += csv::row(header);
  for (const auto& r : rows_of(fw)) out += csv::export_row(row_values(r, answers, evidence));
  return out;
}

void export_xlsx(const catalog::Framework& fw, const Assessment& a, const AnswerMap& answers,
                 const std::vector<Evidence>& evidence, const std::string& path, const XlsxPrint& print) {
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
  double total = 0;
  for (lxw_col_t c = 0; c < cols.size(); ++c) {
    total += widths[c];
    worksheet_set_column(ws, c, c, widths[c], nullptr);
    worksheet_write_string(ws, 0, c, cols[c].ja.c_str(), head);
  }
  XlsxPrint p = print;
  if (p.title.empty()) p.title = fw.title.ja + " 対策チェックシート";
  if (p.period.empty()) p.period = a.period;
  set_print_setup(ws, p, total);
  lxw_row_t r = 1;
  for (const auto& rv : rows_of(fw)) {
    auto vals = row_values(rv, answers, evidence);
    for (lxw_col_t c = 0; c < vals.size(); ++c) {
      if (c == 8 && !vals[c].empty()) worksheet_write_number(ws, r, c, std::stod(vals[c]), wrap);
      else worksheet_write_string(ws, r, c, cell::guard(vals[c]).c_str(), wrap);
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

SheetPatches read_sheet(const AssessService& svc, const Assessment& a, const std::string& file,
                        const std::string& bytes) {
  const auto* fwp = svc.framework(a);
  if (!fwp) throw framework_not_loaded(a.framework, a.framework_version);
  const auto& fw = *fwp;
  const auto& spec = sheet_columns();
  // Far more rows than the checklist has questions is not a checklist: refused before reading on.
  size_t questions = 0;
  for (const catalog::Item* c : fw.checks()) questions += c->questions.size();
  table::Limits limits;
  limits.max_rows = std::max<size_t>(1000, questions * 4);
  limits.xlsx.max_rows = limits.max_rows;
  SheetPatches out;
  out.table = table::read(file, bytes, spec, limits);
  const table::Table& t = out.table;
  auto col = [&](std::string_view key) { return table::Table::index(spec, key); };
  const size_t qcol = col("question_id"), scol = col("status"), nacol = col("na_reason"),
               mcol = col("maturity"), ocol = col("owner"), dcol = col("due"),
               ccol = col("comment");
  std::map<std::string_view, int> seen;
  out.patches.reserve(t.rows.size());
  out.rows.reserve(t.rows.size());
  std::vector<ImportIssue> issues;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    auto bad = [&](size_t c, std::string expected) { issues.push_back(t.issue(row, spec, c, std::move(expected))); };
    const std::string& qid = row.cells[qcol];
    if (!fw.question(qid)) {
      bad(qcol, "a question ID of " + fw.key() + " such as T2-001.1");
      continue;
    }
    if (auto [s, fresh] = seen.try_emplace(qid, row.line); !fresh) {
      bad(qcol, "each question once (already at row " + std::to_string(s->second) + ")");
      continue;
    }
    AnswerPatch next;
    auto st = status_from(row.cells[scol]);
    if (!st) {
      bad(scol, status_words_expected());
      continue;
    }
    next.status = *st;
    if (t.has(nacol)) next.na_reason = row.cells[nacol];
    else if (*st != Status::not_applicable)
      next.na_reason = "";
    try {
      if (t.has(mcol)) {
        auto m = table::int_cell(row, mcol, 0, svc.scale().max());
        next.maturity = m ? std::optional<int>(static_cast<int>(*m)) : std::nullopt;
      }
    } catch (const table::CellError& e) {
      bad(mcol, e.expected + " or empty");
      continue;
    }
    if (t.has(ocol)) next.owner = row.cells[ocol];
    if (t.has(ccol)) next.comment = row.cells[ccol];
    try {
      if (t.has(dcol)) next.due = table::date_cell(row, dcol);
    } catch (const table::CellError& e) {
      bad(dcol, e.expected + ", or empty");
      continue;
    }
    out.patches.emplace_back(qid, std::move(next));
    out.rows.push_back(r);
  }
  if (!issues.empty()) throw ImportError(issues);
  return out;
}

ImportResult apply_sheet(AssessService& svc, const Assessment& a, const SheetPatches& sheet) {
  const table::Table& t = sheet.table;
  const auto& spec = sheet_columns();
  ImportResult res;
  res.rows = static_cast<int>(t.rows.size());
  res.encoding = t.encoding;
  res.sheet = t.sheet;
  BatchAudit audit;
  audit.source["file"] = t.file;
  if (!t.sheet.empty()) audit.source["sheet"] = t.sheet;
  try {
    for (const auto& u : svc.update_answers(a, sheet.patches, &audit)) {
      if (u.changed)
        ++res.changed;
      else ++res.unchanged;
    }
  } catch (const AnswerErrors& e) {
    // The same checks as every answer change, reported at the row and column they concern.
    std::vector<ImportIssue> issues;
    for (const auto& i : e.issues()) {
      const auto& row = t.rows[sheet.rows[i.index]];
      if (i.field == "na_reason")
        issues.push_back(t.issue(row, spec, table::Table::index(spec, "na_reason"),
                                 "a reason when the status is 対象外 (not applicable)"));
      else
        issues.push_back(t.issue(row, spec, table::Table::index(spec, "question_id"), i.message));
    }
    throw ImportError(issues);
  }
  return res;
}

ImportResult import_file(AssessService& svc, const Assessment& a, const std::string& file,
                         const std::string& bytes) {
  return apply_sheet(svc, a, read_sheet(svc, a, file, bytes));
}

}  // namespace anzen::assess
