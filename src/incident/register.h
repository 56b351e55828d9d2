// The incident register: telecom accidents of an organisation, their estimates and timeline,
// the classification recomputed on every change, and the reporting obligations with due dates.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "incident/classify.h"
#include "store/db.h"

namespace anzen::incident {

// A required report marked as filed with the ministry: it stops that report's clock only.
struct Filing {
  int64_t id = 0, incident_id = 0;
  std::string kind, type;  // the classification's kind and the report's type (prompt | detailed |
                           // periodic | review)
  std::string form;        // the form of the report filed (様式…)
  std::string filed_at;    // when it was filed (ISO 8601, JST)
  std::string filed_by, reference;
  std::string evidence_name, evidence_sha256;  // the document filed, when one was attached
  int64_t evidence_size = 0;
  std::string recorded_at, recorded_by;
};

struct FilingInput {
  std::string kind;  // empty: the one classification with a report of this type
  std::string type;
  Instant filed_at = 0;
  std::string filed_by, reference;
  std::string evidence_name, evidence_content;  // empty name: no document
};

struct Incident {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string title, description, status;  // status: open | closed
  nlohmann::json event;                    // the classifier's input object
  // Register fields beyond the classifier's input: prefectures, facility_functions, cause,
  // actions, links {assets, risks, questions}, and the history of user estimates.
  nlohmann::json details = nlohmann::json::object();
  nlohmann::json classification;           // verdict_json of the latest classification
  std::string created_at, updated_at;
  std::vector<Filing> filings;  // reports filed so far
};

struct Obligation {
  int64_t incident_id;
  std::string incident_title, kind, type, form;
  std::optional<Date> due;   // none: prompt (due now)
  bool overdue = false;
};

// The verdict an incident has at `now` — one definition for every screen and command. An open
// incident that is still going on is judged again as of `now`, but never earlier than its stored
// verdict (a verdict of an ongoing event only grows with time, and a clock tick may have judged
// it ahead of this process's clock); an ended or closed incident keeps its stored verdict.
// Every report of the verdict carries `filed` ({at, by, reference, evidence}) once it was filed,
// and the verdict lists the `missing_inputs` that would change it (incident/missing.h).
nlohmann::json current_verdict(const Incident& i, const std::vector<RuleSet>& rules, Instant now);
// The Japanese fiscal year of an incident: that of the JST date its event started (a UTC time
// late on 31 March is already in the next fiscal year). One definition for the register,
// reports and exports. nullopt when started_at is not a time.
std::optional<int> fiscal_year_of(const Incident& i);
// One JSON shape each, shared by the CLI (--json) and the API.
nlohmann::json to_json(const Incident& i);
nlohmann::json to_json(const Obligation& o);
// {id, incident, kind, report, form, filed_at, filed_by, reference, recorded_at, recorded_by,
// evidence?} for the CLI's --json and the API alike.
nlohmann::json to_json(const Filing& f);

// What a correction of a filing's record changes; an absent value keeps the recorded one.
struct FilingCorrection {
  std::optional<Instant> filed_at;
  std::optional<std::string> filed_by, reference;
  std::string evidence_name, evidence_content;  // empty name: keep the document
  std::string reason;                           // required: why the record was wrong
};
// The reports of a verdict not yet filed, as "kind/type" pairs with their form (for closing).
struct Unfiled {
  std::string kind, type, form;
  std::optional<Date> due;
};
std::vector<Unfiled> unfiled_reports(const nlohmann::json& verdict);
// The kinds of a verdict, in order (e.g. "serious_accident" or "periodic_report_accident").
std::vector<std::string> verdict_kinds(const nlohmann::json& verdict);

class Register {
 public:
  // `rules`: the reporting rule sets every verdict is judged by (app::Catalogs::rules()).
  Register(store::Db& db, const std::vector<RuleSet>& rules, std::string actor)
      : db_(db), rules_(rules), actor_(std::move(actor)) {}
  // Validates the event (InvalidEvent names the field) and classifies it as of `now`.
  Incident create(int64_t org_id, const std::string& title, const std::string& description, const nlohmann::json& event, Instant now,
                  const nlohmann::json& details = nlohmann::json::object());
  // Merges fields into the event (e.g. a new users estimate or an end time), reclassifies.
  Incident update(int64_t org_id, int64_t id, const nlohmann::json& patch, const std::string& note, Instant now);
  std::optional<Incident> get(int64_t org_id, int64_t id);
  std::vector<Incident> list(int64_t org_id);
  struct TimelineEntry { std::string at, actor, text; };
  std::vector<TimelineEntry> timeline(int64_t id);
  // Periodic-report accidents of a fiscal year (FY2025 = 2025-04-01 … 2026-03-31) as CSV rows.
  std::string periodic_csv(int64_t org_id, int fiscal_year);
  std::vector<Incident> periodic_of_year(int64_t org_id, int fiscal_year);
  // The incident with its verdict as of `now` (see current_verdict): what every screen,
  // command, export and report shows.
  std::optional<Incident> current(int64_t org_id, int64_t id, Instant now);
  std::vector<Incident> list_current(int64_t org_id, Instant now);
  // Stores the verdict as of `now` and records in the timeline when and why it changed.
  // Returns true when the classifications changed (an escalation, for an ongoing incident).
  bool reclassify(int64_t org_id, int64_t id, Instant now);
  // Open incidents of every organisation that are still going on (for the clock).
  std::vector<Incident> ongoing_all();
  // Every report due as of `now` (current verdicts; overdue against the JST date of `now`):
  // overdue first, then prompt reports (due now), then by due date.
  // A filed report stops its own clock, and nothing else: open or closed, an incident's
  // reports not yet filed stay due.
  std::vector<Obligation> obligations(int64_t org_id, Instant now);

  // Marks a report of the incident's current verdict as filed (InvalidEvent names the field:
  // report, kind, filed_at). Audited, and noted in the timeline.
  Filing file_report(int64_t org_id, int64_t id, const FilingInput& in, Instant now);
  // The document filed with a report, with its record; nullopt for another organisation's.
  std::optional<std::pair<Filing, std::string>> filing_document(int64_t org_id, int64_t filing_id);

  // A filing's record put right (incident/filings.cpp). A ministry filing happened or it did
  // not, so nothing is silently rewritten: the timeline and the audit trail keep what the record
  // said before, what it says now and why.
  // Corrects when, by whom, the reference or the document; the report stays filed.
  // std::out_of_range for a filing not in the organisation; InvalidEvent names the field
  // (reason, filed_at, filed_by; filing when nothing would change).
  Filing correct_filing(int64_t org_id, int64_t filing_id, const FilingCorrection& in, Instant now);
  // Withdraws a filing recorded by mistake: the report is due again and its clock runs.
  Filing withdraw_filing(int64_t org_id, int64_t filing_id, const std::string& reason, Instant now);

 private:
  // The organisation's filings, of one incident or one filing id when given.
  std::vector<Filing> filings_of(int64_t org_id, std::optional<int64_t> incident_id,
                                 std::optional<int64_t> filing_id = std::nullopt);
  Filing filing(int64_t org_id, int64_t filing_id);
  store::Db& db_;
  const std::vector<RuleSet>& rules_;
  std::string actor_;
};

}  // namespace anzen::incident
