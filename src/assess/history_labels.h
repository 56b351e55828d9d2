// How a change in an answer's history reads to a person: the field by its label and a status by
// its label, never the stored code ("partial" is 一部実施). The question page, `anzen assess
// history` and its --json output ask here, so that every place says the same.
#pragma once
#include <string>
#include <string_view>

namespace anzen::assess {

// The label of an answer field (status, maturity, owner, due, comment, na_reason) in `lang`.
std::string history_field_label(std::string_view field, std::string_view lang);
// A value of that field as shown: a status by its label, an empty value as "—", free text and
// numbers as they are.
std::string history_value_text(std::string_view field, std::string_view value,
                               std::string_view lang);

}  // namespace anzen::assess
