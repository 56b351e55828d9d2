// What the filing form and the filing API read from a request, in one place for filing a
// report and for correcting its record.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "incident/calendar.h"
#include "web/context.h"

namespace anzen::web {

struct FiledFields {
  incident::Instant filed_at = 0;
  std::string filed_by, reference;
  std::string evidence_name, evidence_content;  // empty name: no document sent
};

// From the browser form: filed_at (datetime-local, Japan time; a FieldError when empty or not
// a time), filed_by, reference and the uploaded document.
FiledFields filed_fields_from_form(const Ctx& c);

// The JSON body's "evidence": {name, content_base64} into name and content; nothing when absent
// or null; std::invalid_argument naming the field otherwise.
void evidence_from_json(const nlohmann::json& in, std::string& name, std::string& content);

}  // namespace anzen::web
