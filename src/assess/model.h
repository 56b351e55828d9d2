// Self-assessment domain types: organisations, assessments, answers. Pure data.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/invalid.h"

namespace anzen::assess {

enum class Status { unanswered, implemented, partial, not_implemented, not_applicable };
std::string to_string(Status s);
std::string to_japanese(Status s);
// Accepts the glossary identifiers, their Japanese (実施済, 一部実施, 未実施, 対象外, 未回答) and
// common English spellings ("Implemented", "not implemented", "N/A"), and the document scale
// (current 最新 = implemented, outdated 要更新 = partial, missing 未作成 = not implemented);
// nullopt otherwise.
// Also the marks Japanese checklists use (○ × △ － 済 未 一部 …): status_marks().
std::optional<Status> status_from(std::string_view s);
// The status marks of Japanese spreadsheets and what each means; data, documented in
// docs/spreadsheets.md (a test keeps the two in step).
struct StatusMark {
  const char* mark;
  Status status;
};
const std::vector<StatusMark>& status_marks();
// What a status cell may hold, for error messages.
std::string status_words_expected();
const std::vector<Status>& all_statuses();
// The refusal of a status the input does not name: "choose from 実施済、一部実施、未実施、対象外"
// (and 未回答 `with_unanswered`), for `field`; what() is `what` (the CLI's line).
Invalid status_refused(const std::string& field, bool with_unanswered, const std::string& what);
// An assessment whose framework (id@version) the loaded catalog lacks.
Invalid framework_not_loaded(const std::string& framework, const std::string& version);

struct Organization {
  int64_t id = 0;
  std::string name;
  std::string kind;  // operator_registered | operator_notified | maker
  std::vector<std::string> services;
  std::optional<int64_t> users;
  std::vector<std::string> prefectures;
  bool designated_operator = false;  // designated under Act Art. 27-5 (specified user information)
};
bool valid_org_kind(std::string_view k);
bool valid_service(std::string_view s);

struct Assessment {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string framework;  // framework id
  std::string framework_version;
  std::string role;       // operator | maker
  std::string period;     // FY2026
  std::string scope;
  std::optional<int64_t> previous_id;
  std::string created_at;
};
bool valid_period(std::string_view p);  // FY followed by four digits

struct Answer {
  std::string question_id;
  Status status = Status::unanswered;
  std::string na_reason;
  std::optional<int> maturity;
  std::string owner;
  std::string due;  // YYYY-MM-DD or empty
  std::string comment;
  std::string updated_at;
  std::string updated_by;
};

}  // namespace anzen::assess
