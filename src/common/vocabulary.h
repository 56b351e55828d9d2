// One vocabulary: every code users could otherwise see (statuses, service categories, report
// types, treatments, roles …) with its Japanese and English label, and the legal term where the
// law has one. Pages, CLI text, reports, exports and error messages ask here, so a code never
// reaches a screen and one thing is never called by two names.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzen::vocab {

struct Term {
  std::string_view domain, code, ja, en;
  std::string_view legal;  // the statute's wording where it differs from the label, else empty
};

// The label of `code` in `domain` ("status", "service", …) in `lang` ("ja" or "en").
std::optional<std::string> label(std::string_view domain, std::string_view code,
                                 std::string_view lang);
// The label, or the code itself for a code the vocabulary does not know (free text, new data).
std::string label_or_code(std::string_view domain, std::string_view code, std::string_view lang);
// Labels of a list of codes joined with 、 (ja) or ", " (en).
std::string labels(std::string_view domain, const std::vector<std::string>& codes,
                   std::string_view lang);

// The codes of a domain in their display order.
std::vector<std::string> codes(std::string_view domain);
// Every term (for tests and for the API's vocabulary listing).
const std::vector<Term>& terms();

}  // namespace anzen::vocab
