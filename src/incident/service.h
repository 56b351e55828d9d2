// The incident service: every command, page, API route and report asks it for the register and
// the verdicts. It receives what it needs (storage, the reporting rule sets, a clock, the actor)
// and owns "now": an open incident that is still going on is judged as of the clock (or of the
// time a view was asked for, --as-of / ?as_of=), by the one rule current_verdict. The Register
// is its storage part.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "incident/classify.h"
#include "incident/missing.h"
#include "incident/register.h"
#include "store/db.h"

namespace anzen::incident {

// The rule sets on a clock: judges events and incidents as of now() without storage (classify
// reads and writes nothing). The IncidentService judges through one.
class Judge {
 public:
  Judge(const std::vector<RuleSet>& rules, const Clock& clock,
        std::optional<Instant> as_of = std::nullopt)
      : rules_(rules), clock_(clock), as_of_(as_of) {}
  // The same rules as of `t` (when given): for the --as-of option and ?as_of=.
  Judge as_of(std::optional<Instant> t) const { return Judge(rules_, clock_, t ? t : as_of_); }
  // The moment verdicts are judged at: the view's time, or the clock's.
  Instant now() const { return as_of_ ? *as_of_ : clock_.now(); }
  const std::vector<RuleSet>& rules() const { return rules_; }
  const Clock& clock() const { return clock_; }
  std::optional<Instant> fixed() const { return as_of_; }

  // An event judged as of now() (not stored): the classifier and the inputs that would change it.
  Verdict classify(const Event& e) const;
  std::vector<MissingInput> missing_inputs(const nlohmann::json& event) const;
  // The verdict of an incident as of now() (current_verdict).
  nlohmann::json verdict(const Incident& i) const;

 private:
  const std::vector<RuleSet>& rules_;
  const Clock& clock_;
  std::optional<Instant> as_of_;
};

class IncidentService {
 public:
  // `rules`: the reporting rule sets (app::Catalogs::rules()).
  IncidentService(store::Db& db, const std::vector<RuleSet>& rules, const Clock& clock,
                  std::string actor);

  // The same register seen as of `t` (when given): ongoing incidents are judged then, and
  // obligations are overdue against the JST date of then. For the --as-of option and ?as_of=.
  IncidentService as_of(std::optional<Instant> t) const;
  const Judge& judge() const { return judge_; }
  Instant now() const { return judge_.now(); }
  nlohmann::json verdict(const Incident& i) const { return judge_.verdict(i); }

  // The register, with the verdicts as of now().
  std::optional<Incident> current(int64_t org_id, int64_t id);
  std::vector<Incident> list_current(int64_t org_id);
  std::vector<Obligation> obligations(int64_t org_id);
  // The stored incident (its stored verdict), its timeline, and the periodic-report accidents.
  std::optional<Incident> get(int64_t org_id, int64_t id) { return reg_.get(org_id, id); }
  std::vector<Incident> list(int64_t org_id) { return reg_.list(org_id); }
  std::vector<Register::TimelineEntry> timeline(int64_t id) { return reg_.timeline(id); }
  std::string periodic_csv(int64_t org_id, int fiscal_year) {
    return reg_.periodic_csv(org_id, fiscal_year);
  }
  std::vector<Incident> periodic_of_year(int64_t org_id, int fiscal_year) {
    return reg_.periodic_of_year(org_id, fiscal_year);
  }
  std::optional<std::pair<Filing, std::string>> filing_document(int64_t org_id, int64_t filing_id) {
    return reg_.filing_document(org_id, filing_id);
  }

  // Changes, classified as of now() (see Register for the checks and errors).
  Incident create(int64_t org_id, const std::string& title, const std::string& description,
                  const nlohmann::json& event,
                  const nlohmann::json& details = nlohmann::json::object());
  Incident update(int64_t org_id, int64_t id, const nlohmann::json& patch, const std::string& note);
  bool reclassify(int64_t org_id, int64_t id);
  Filing file_report(int64_t org_id, int64_t id, const FilingInput& in);
  Filing correct_filing(int64_t org_id, int64_t filing_id, const FilingCorrection& in);
  Filing withdraw_filing(int64_t org_id, int64_t filing_id, const std::string& reason) {
    return reg_.withdraw_filing(org_id, filing_id, reason, now());
  }

 private:
  IncidentService(store::Db& db, Judge judge, std::string actor);
  store::Db& db_;
  Judge judge_;
  std::string actor_;
  Register reg_;
};

}  // namespace anzen::incident
