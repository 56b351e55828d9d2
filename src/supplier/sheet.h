// The questionnaire as a spreadsheet for offline answering: the sheet Anzen writes, and the
// answers read back from it (pure; the XLSX reading is one adapter, read_answer_file).
#pragma once
#include <string>
#include <vector>

#include "assess/sheet.h"
#include "common/csv.h"
#include "supplier/service.h"

namespace anzen::supplier {

constexpr const char* kAnswerSheet = "質問票";
// Header + one row per question: 番号, 質問, 回答 (実施済 …), コメント, 確認者コメント.
std::vector<std::vector<std::string>> answer_sheet(const Questionnaire& q, const QAnswers& answers);

struct SheetAnswer {
  std::string question_id;
  assess::Status status = assess::Status::unanswered;
  std::string comment;
};
// Every answered row of the sheet, checked against the questionnaire. Throws assess::ImportError
// naming sheet, row, column, what was found and what was expected; rows left unanswered are
// skipped only when they carry no comment either.
std::vector<SheetAnswer> read_answer_sheet(const std::string& file,
                                           const std::vector<csv::Row>& rows,
                                           const Questionnaire& q);
// Saves the answers that differ from the stored ones, all or none; returns how many changed.
int import_answers(Suppliers& svc, store::Db& db, const Questionnaire& q,
                   const std::vector<SheetAnswer>& answers);
// The adapter to the spreadsheet reader: the first sheet of an XLSX file as rows.
std::vector<csv::Row> read_answer_file(const std::string& bytes);

}  // namespace anzen::supplier
