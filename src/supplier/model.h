// Supplier questionnaires: the questionnaire life cycle, the questions a template selects from
// the catalog, and the 法人番号 check digit. Pure: no storage, no clock.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assess/model.h"
#include "catalog/model.h"
#include "common/invalid.h"

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

// The refusal of a supplier id that is not in the caller's organisation (another organisation's
// supplier is as absent as one that never was). `what`: the CLI's line, by default
// "supplier: no supplier N in this organisation".
Invalid unknown_supplier(int64_t supplier_id, const std::string& what = "");

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

// Recurrence: a supplier is assessed again `months` after its last accepted questionnaire (a
// new supplier is due at once, on the day it was registered). `due_soon` starts 30 days before.
enum class Recurrence { ok, due_soon, overdue };
constexpr int kDueSoonDays = 30;
std::string to_string(Recurrence r);
// Throws std::invalid_argument unless 1 <= months <= 60.
void check_interval(int months);
// YYYY-MM-DD plus whole months, clamped to the end of a shorter month (01-31 + 1 = 02-28).
std::string add_months(const std::string& ymd, int months);
std::string next_assessment_due(const std::string& last_accepted, const std::string& registered,
                                int months);
Recurrence recurrence_state(const std::string& due, const std::string& today);

// A supplier risk's place in the organisation's matrix: likelihood from how far the answer
// falls short (未実施 at the top, 一部実施 at three fifths), impact from the supplier's
// criticality (high at the top, medium three fifths, low one fifth), rounded up.
std::pair<int, int> risk_position(assess::Status answer, std::string_view criticality,
                                  int likelihoods, int impacts);

// The contract requirements of tcs-2023 chapter 10: its lowest items (the (ア) subitems under
// ア・イ・ウ), with the original Japanese text and its source lines.
struct Clause {
  std::string item_id;
  catalog::Text title, text;
  std::string source;
};
std::vector<Clause> contract_clauses(const catalog::Catalog& cat);

}  // namespace anzen::supplier
