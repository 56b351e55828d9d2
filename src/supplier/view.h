// The JSON form of suppliers, questionnaires and snapshots: one shape for the CLI, the JSON API
// and the portal, with Japanese and English labels beside every code.
#pragma once
#include <nlohmann/json.hpp>

#include "supplier/service.h"

namespace anzen::supplier {
nlohmann::json supplier_json(const Supplier& s);
// `for_portal` leaves out what only the operator sees (its organisation and supplier ids).
nlohmann::json questionnaire_json(const Questionnaire& q, const QAnswers& answers,
                                  bool for_portal = false);
nlohmann::json history_json(const std::vector<Event>& events);
nlohmann::json snapshot_json(const Snapshot& s);
nlohmann::json share_json(const Share& s);
nlohmann::json read_json(const ShareRead& r);
nlohmann::json reassessment_json(const Reassessment& r);
// A supplier with where it stands in its re-assessment cycle (as of `today`), its linked assets,
// its risks and its contracts: `anzen supplier show --json` and GET /api/v1/suppliers/{id}.
nlohmann::json supplier_detail_json(Suppliers& svc, const Supplier& s, const std::string& today);
nlohmann::json contract_json(const Contract& k, const std::vector<Clause>& clauses,
                             const std::map<std::string, ClauseState>& states);
}  // namespace anzen::supplier
