#include "assess/history_labels.h"

#include "common/vocabulary.h"

namespace anzen::assess {

std::string history_field_label(std::string_view field, std::string_view lang) {
  // The audit page names the same fields: one label each (common/vocabulary_audit.cpp).
  return vocab::label_or_code("audit_field", field, lang);
}

std::string history_value_text(std::string_view field, std::string_view value,
                               std::string_view lang) {
  if (value.empty()) return "—";
  if (field == "status") return vocab::label_or_code("status", value, lang);
  return std::string(value);
}

}  // namespace anzen::assess
