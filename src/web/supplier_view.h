// Pieces shared by the operator's supplier pages, the maker's inbox and the token portal.
#pragma once
#include <string>

#include "supplier/service.h"
#include "web/context.h"
#include "web/router.h"

namespace anzen::web {

supplier::Suppliers suppliers_for(Ctx& c, const std::string& actor);
// Japanese or English text by the request's language (the page's own words).
inline std::string tx(const Ctx& c, const char* ja, const char* en) {
  return c.lang == "en" ? en : ja;
}
std::string qstatus_badge(const Ctx& c, supplier::QStatus s);
// The questions as a table; with `editable`, a status select and a comment box per question.
std::string questions_table(const Ctx& c, const supplier::Questionnaire& q,
                            const supplier::QAnswers& answers, bool editable);
// Saves every question the form changed (fields st_<question>, cm_<question>), all or nothing.
int save_form_answers(Ctx& c, supplier::Suppliers& svc, const supplier::Questionnaire& q);
std::string history_list(const Ctx& c, const std::vector<supplier::Event>& events);

// A questionnaire the caller may see: the sender's or the addressed organisation's; a user with
// the supplier role sees only those addressed to its organisation. Anything else is 404.
supplier::Questionnaire need_visible_questionnaire(Ctx& c, int64_t id);
// Runs f; a domain "no such thing" (std::out_of_range) becomes 404.
template <typename F>
void not_found_on_range(F f) {
  try {
    f();
  } catch (const std::out_of_range&) {
    throw HttpError(404, "not found");
  }
}
// Answering is for editors of the addressed organisation and for its supplier users.
bool may_answer(const Ctx& c);
void require_answer(const Ctx& c);
// The evidence files of the answers, with an upload form while the supplier may answer. `base`
// is where the questionnaire's page is (/questionnaires/{id}, or /portal/{token}): files are
// posted to base/evidence and downloaded from base/evidence/{file}; `hidden` are the form's
// secrets (the CSRF field, the portal's per-link secret).
std::string evidence_section(const Ctx& c, const supplier::Questionnaire& q,
                             supplier::Suppliers& svc, bool upload, const std::string& base,
                             const std::string& hidden);
// Stores the posted file (fields question, file) as evidence of an answer.
void attach_posted_evidence(Ctx& c, supplier::Suppliers& svc, const supplier::Questionnaire& q);
// Sends evidence file `file_id` of the questionnaire as a download; 404 when it is not one of
// its files.
void send_evidence_file(Ctx& c, supplier::Suppliers& svc, const supplier::Questionnaire& q,
                        int64_t file_id);
// Pages beyond the register and questionnaires: the supplier user's inbox, re-assessments
// (overdue list), contracts, asset and risk links, answer evidence, the suppliers workbook.
void mount_supplier_extra_pages(Router& r);
std::string supplier_detail_sections(Ctx& c, const supplier::Supplier& s);
// The suppliers linked to an asset or a risk (kind "assets" or "risks"), with link and unlink
// forms for editors; the forms post to routes mount_record_supplier_links adds.
std::string linked_suppliers_section(Ctx& c, const std::string& kind, int64_t id);
void mount_record_supplier_links(Router& r);
// The same suppliers on the record's edit page, read only (a link form there would post away
// from what is being typed), with the way to the record's page where they are linked.
std::string linked_suppliers_note(Ctx& c, const std::string& kind, int64_t id);
// The same links in the JSON API: GET/POST /api/v1/{assets|risks}/{id}/suppliers and
// DELETE …/suppliers/{supplier}.
void mount_record_supplier_api(Router& r);
// The outsourcing contracts' JSON API (api_contracts.cpp), mounted by mount_supplier_api.
void mount_contract_api(Router& r);

}  // namespace anzen::web
