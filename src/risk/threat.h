// The threats a risk scenario names: the four of 表1 of the standard and "custom" (the
// organisation's own threat, named in Risk::custom_threat). One list for the repository's check,
// the JSON API's schema, the risk form and the table import; the labels are the vocabulary's
// (domain "threat").
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace anzen::risk {

// cyber_attack, congestion, failure_disaster, info_leak, custom (display order).
const std::vector<std::string>& threat_codes();
bool known_threat(std::string_view code);
// The threat's label in `lang` ("ja" or "en"), from the vocabulary.
std::string threat_label(std::string_view code, std::string_view lang);

}  // namespace anzen::risk
