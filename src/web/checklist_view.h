// The checklist (対策チェックシート) as the main working screen: questions grouped by chapter and
// item in collapsible sections with per-chapter progress, each row an editable form (status,
// reason for 対象外, maturity, owner, due date) that saves itself through the JSON API when
// scripts run and posts as a plain form when they do not.
#pragma once
#include <map>
#include <string>

#include "assess/repo.h"
#include "web/context.h"

namespace anzen::web {

// A row that could not be saved without scripts: the values as typed and the message.
struct RowError {
  assess::Answer typed;
  std::string message;
};

// The page body for an assessment; `errors` are shown on their rows.
std::string checklist_body(Ctx& c, const assess::Assessment& a,
                           const std::map<std::string, RowError>& errors = {});

// POST /assessments/{id}/questions/{q}/row: the no-script save of one row. Redirects back to
// the checklist on success; on bad input answers 400 with the checklist and the error on the row.
void save_checklist_row(Ctx& c);

// The script behind the autosave, served as /static/checklist.js.
const std::string& checklist_script();

}  // namespace anzen::web
