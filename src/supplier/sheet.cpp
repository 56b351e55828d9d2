#include "supplier/sheet.h"

#include <set>

#include "common/invalid.h"
#include "common/text.h"
#include "common/vocabulary.h"
#include "common/xlsx_read.h"

namespace anzen::supplier {

namespace {
const std::vector<std::string>& header() {
  static const std::vector<std::string> h = {"番号", "質問", "回答", "コメント", "確認者コメント"};
  return h;
}
std::string column_letter(size_t i) { return std::string(1, static_cast<char>('A' + i)); }
}  // namespace

std::vector<std::vector<std::string>> answer_sheet(const Questionnaire& q,
                                                   const QAnswers& answers) {
  std::vector<std::vector<std::string>> rows = {header()};
  for (const auto& x : q.questions) {
    auto it = answers.find(x.id);
    bool has = it != answers.end();
    rows.push_back({x.id, x.text.ja, has ? assess::to_japanese(it->second.status) : "",
                    has ? it->second.comment : "", has ? it->second.review_comment : ""});
  }
  return rows;
}

std::vector<SheetAnswer> read_answer_sheet(const std::string& file,
                                           const std::vector<csv::Row>& rows,
                                           const Questionnaire& q) {
  std::vector<assess::ImportIssue> issues;
  std::string where = file + " sheet " + kAnswerSheet;
  auto issue = [&](int row, size_t col, const std::string& found, const std::string& expected) {
    issues.push_back(
        {where, row, column_letter(col) + " (" + header()[col] + ")", found, expected});
  };
  if (rows.empty())
    throw assess::ImportError(
        {{where, 1, "A", "an empty sheet", "the sheet Anzen exported for this questionnaire"}});
  const auto& head = rows[0].fields;
  for (size_t c = 0; c < 4; ++c) {
    std::string got = c < head.size() ? text::trim(head[c]) : "";
    if (got != header()[c]) issue(rows[0].line, c, got, "the header " + header()[c]);
  }
  if (!issues.empty()) throw assess::ImportError(issues);
  std::set<std::string> known, seen;
  for (const auto& x : q.questions) known.insert(x.id);
  std::vector<SheetAnswer> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& f = rows[r].fields;
    auto cell = [&](size_t c) { return c < f.size() ? text::trim(f[c]) : std::string(); };
    std::string id = cell(0), st = cell(2), comment = f.size() > 3 ? f[3] : std::string();
    if (id.empty() && st.empty() && text::trim(comment).empty()) continue;  // a blank line
    if (!known.count(id)) {
      issue(rows[r].line, 0, id, "a question number of questionnaire " + std::to_string(q.id));
      continue;
    }
    if (!seen.insert(id).second) {
      issue(rows[r].line, 0, id, "each question once");
      continue;
    }
    if (st.empty()) {
      if (!text::trim(comment).empty())
        issue(rows[r].line, 2, "",
              "an answer (実施済, 一部実施, 未実施 or 対象外) beside the comment");
      continue;
    }
    auto status = assess::status_from(st);
    if (!status || *status == assess::Status::unanswered) {
      issue(rows[r].line, 2, st, "実施済, 一部実施, 未実施 or 対象外");
      continue;
    }
    if (*status == assess::Status::not_applicable && text::trim(comment).empty()) {
      issue(rows[r].line, 3, "", "the reason the question does not apply");
      continue;
    }
    out.push_back({id, *status, comment});
  }
  if (!issues.empty()) throw assess::ImportError(issues);
  return out;
}

int import_answers(Suppliers& svc, store::Db& db, const Questionnaire& q,
                   const std::vector<SheetAnswer>& answers) {
  if (!answerable(q.status))
    throw Invalid("",
                  "この質問票は「" + vocab::label_or_code("qstatus", to_string(q.status), "ja") +
                      "」のため、もう回答できません。",
                  "The questionnaire is " +
                      vocab::label_or_code("qstatus", to_string(q.status), "en") +
                      " and can no longer be answered.",
                  "wrong_state",
                  "the questionnaire is " + to_string(q.status) + " and can no longer be answered");
  int changed = 0;
  db.transaction([&] {
    auto cur = svc.answers(q.id);
    for (const auto& a : answers) {
      auto it = cur.find(a.question_id);
      if (it != cur.end() && it->second.status == a.status && it->second.comment == a.comment)
        continue;
      svc.set_answer(q, a.question_id, a.status, a.comment);
      ++changed;
    }
  });
  return changed;
}

std::vector<csv::Row> read_answer_file(const std::string& bytes) {
  return xlsx::read_first_sheet(bytes);
}

}  // namespace anzen::supplier
