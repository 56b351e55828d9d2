// A filed report after the fact: its one JSON shape, and putting right a record that was wrong.
// A ministry filing happened or it did not, so a correction never deletes history: the timeline
// and the audit trail keep what the record said before and why it changed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "incident/register.h"
#include "store/db.h"

namespace anzen::incident {

// {id, kind, report, form, filed_at, filed_by, reference, recorded_at, recorded_by, evidence?}
// for the CLI's --json and the API alike.
nlohmann::json to_json(const Filing& f);

// What a correction changes; an absent value keeps the recorded one.
struct FilingCorrection {
  std::optional<Instant> filed_at;
  std::optional<std::string> filed_by, reference;
  std::string evidence_name, evidence_content;  // empty name: keep the document
  std::string reason;                           // required: why the record was wrong
};

// Corrects when, by whom, the reference or the document of a filing; the report stays filed.
// std::out_of_range for a filing not in the organisation; InvalidEvent names the field (reason,
// filed_at, filed_by, filing when nothing would change). Audited and noted in the timeline.
Filing correct_filing(store::Db& db, const std::string& actor, int64_t org_id, int64_t filing_id,
                      const FilingCorrection& in, Instant now);

// Withdraws a filing recorded by mistake (the report was not filed after all): the report is
// due again and its clock runs. The record, with the reason, stays in the timeline and audit.
Filing withdraw_filing(store::Db& db, const std::string& actor, int64_t org_id, int64_t filing_id,
                       const std::string& reason);

}  // namespace anzen::incident
