// Pieces shared by the operator's supplier pages, the maker's inbox and the token portal.
#pragma once
#include <string>

#include "supplier/service.h"
#include "web/context.h"

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

}  // namespace anzen::web
