// Supplier questionnaires: the questionnaire life cycle, the questions a template selects from
// the catalog, and the 法人番号 check digit. Pure: no storage, no clock.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assess/model.h"
#include "catalog/model.h"

namespace anzen::supplier {

// sent → in_progress (first answer) → submitted → accepted | rejected, or → returned (with
// comments) → in_progress → submitted again.
enum class QStatus { sent, in_progress, submitted, returned, accepted, rejected };
std::string to_string(QStatus s);
std::optional<QStatus> qstatus_from(std::string_view s);
catalog::Text label(QStatus s);
// The supplier may change answers only while the questionnaire is with it.
bool answerable(QStatus s);
// Status after the supplier saves an answer.
QStatus after_answer(QStatus s);
// Submitting needs an answerable questionnaire and every question answered; throws
// std::invalid_argument naming what is missing.
void check_submit(QStatus s, const std::vector<std::string>& unanswered_ids);
enum class Verdict { accept, ret, reject };
std::optional<Verdict> verdict_from(std::string_view s);
std::string to_string(Verdict v);
// Only a submitted questionnaire can be reviewed; returns the status the verdict leads to.
QStatus after_review(QStatus s, Verdict v);

// Answers of a questionnaire below this level are unsatisfactory (become supplier risks).
bool unsatisfactory(assess::Status s);

// 法人番号: 13 digits whose first digit is the check digit of the other twelve
// (9 - (Σ Pn×Qn) mod 9, with Qn = 1 for odd n and 2 for even n counted from the last digit).
bool valid_corporate_number(std::string_view d13);

struct Question {
  std::string id;         // T2-064.1, an item id, or C1… for custom questions
  std::string framework;  // empty for custom questions
  std::string item;       // the catalog item (check) it comes from
  catalog::Text text;
  std::string source;  // "lines 1823-1825" style reference into the framework's document
};

// Template grammar: `maker` (tcs-2023's 表2 rows with ○ in the メーカー等 column), or
// `FRAMEWORK[:ITEM,…]` (whole framework, or the subtrees of the named items; `tcs-2023:10` is
// chapter 10). Checks contribute their questions; items without checks below them contribute
// themselves. Throws std::invalid_argument naming the unknown framework or item.
std::vector<Question> build_questions(const catalog::Catalog& cat, const std::string& tmpl);
// Custom questions appended after the catalog's, numbered C1, C2, …
void add_custom(std::vector<Question>& qs, const std::vector<std::string>& texts);

}  // namespace anzen::supplier
