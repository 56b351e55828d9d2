// Whole numbers typed by people: "40000", "40,000", "４０，０００" and "40 000" all mean forty
// thousand. Grouping must be in threes (so "40,00" and "4,0000" are refused rather than guessed).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace anzen {

// The value, or nullopt when the text is not a non-negative whole number below 10^15.
std::optional<int64_t> parse_grouped_count(std::string_view text);

}  // namespace anzen
