#include "incident/service.h"

namespace anzen::incident {

Verdict Judge::classify(const Event& e) const { return incident::classify(e, rules_, now()); }
std::vector<MissingInput> Judge::missing_inputs(const nlohmann::json& event) const {
  return incident::missing_inputs(event, rules_, now());
}
nlohmann::json Judge::verdict(const Incident& i) const { return current_verdict(i, rules_, now()); }

IncidentService::IncidentService(store::Db& db, const std::vector<RuleSet>& rules,
                                 const Clock& clock, std::string actor)
    : IncidentService(db, Judge(rules, clock), std::move(actor)) {}

IncidentService::IncidentService(store::Db& db, Judge judge, std::string actor)
    : db_(db), judge_(judge), actor_(std::move(actor)), reg_(db, judge_.rules(), actor_) {}

IncidentService IncidentService::as_of(std::optional<Instant> t) const {
  return IncidentService(db_, judge_.as_of(t), actor_);
}

std::optional<Incident> IncidentService::current(int64_t org_id, int64_t id) {
  return reg_.current(org_id, id, now());
}
std::vector<Incident> IncidentService::list_current(int64_t org_id) {
  return reg_.list_current(org_id, now());
}
std::vector<Obligation> IncidentService::obligations(int64_t org_id) {
  return reg_.obligations(org_id, now());
}

Incident IncidentService::create(int64_t org_id, const std::string& title,
                                 const std::string& description, const nlohmann::json& event,
                                 const nlohmann::json& details) {
  return reg_.create(org_id, title, description, event, now(), details);
}
Incident IncidentService::update(int64_t org_id, int64_t id, const nlohmann::json& patch,
                                 const std::string& note) {
  return reg_.update(org_id, id, patch, note, now());
}
bool IncidentService::reclassify(int64_t org_id, int64_t id) {
  return reg_.reclassify(org_id, id, now());
}
Filing IncidentService::file_report(int64_t org_id, int64_t id, const FilingInput& in) {
  return reg_.file_report(org_id, id, in, now());
}
Filing IncidentService::correct_filing(int64_t org_id, int64_t filing_id,
                                       const FilingCorrection& in) {
  return reg_.correct_filing(org_id, filing_id, in, now());
}

}  // namespace anzen::incident
