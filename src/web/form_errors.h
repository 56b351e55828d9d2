// A minimal inline form-error mechanism for the record forms (risks, assets, plan items): the
// field a validation message names, the message beside that field, and a summary at the top.
// (The general mechanism of issue 15 part A may replace it; the forms only call these three.)
#pragma once
#include <string>
#include <vector>

#include "web/context.h"

namespace anzen::web {

struct FormError {
  std::string field;    // the form field the message belongs to (empty: the whole form)
  std::string message;  // as the validator wrote it
};

// Reads "field: message" or "field (日本語): message" and maps the validator's field names to
// the form's (`aliases`: validator name → form field, e.g. {"acceptance_expiry", "expiry"}).
FormError form_error(const std::string& what,
                     const std::vector<std::pair<std::string, std::string>>& aliases = {});

// role=alert summary for the top of the form (empty when there is no error).
std::string error_summary(const Ctx& c, const FormError& e);
// The message under `field` when it is the one in error, else empty; pair with
// invalid_attrs(e, field) on the input itself.
std::string field_error(const FormError& e, const std::string& field);
std::string invalid_attrs(const FormError& e, const std::string& field);

}  // namespace anzen::web
