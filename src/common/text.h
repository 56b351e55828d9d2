// UTF-8 helpers for Japanese text: search folding and display width.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzen::text {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view s);

// Folds text for search and sorting: full-width ASCII to half-width, half-width katakana to
// full-width (with voiced marks joined), hiragana to katakana, ASCII to lower case, and every
// run of white space (including U+3000) to nothing. Two strings that a Japanese reader would
// call "the same word" fold to the same bytes.
std::string fold(std::string_view s);

// True when every code point of `needle` folds into a substring of `haystack`.
bool contains_folded(std::string_view haystack_folded, std::string_view needle);

// Removes <p> and </p> tags and all white space: how seed lines and catalog texts are compared.
std::string strip_for_compare(std::string_view s);

bool is_valid_utf8(std::string_view s);

// Splits on a single-byte separator.
std::vector<std::string> split(std::string_view s, char sep);
std::string trim(std::string_view s);

// Escapes text for HTML element content and attribute values (& < > " ').
std::string html_escape(std::string_view s);

// Splits a list typed by a person on any of the ASCII `separators` or the Japanese 読点 (、),
// trimming white space and dropping empty entries.
std::vector<std::string> split_list(std::string_view s, std::string_view separators = ",");

// An integer with thousands separators: 1200000 → "1,200,000".
std::string thousands(int64_t n);

// A share 0..1 as "72.5%", or "–" when there is nothing to measure.
std::string percent(std::optional<double> v);

// Columns a terminal gives the text: 2 for East Asian wide and full-width characters, else 1.
int width(std::string_view s);
// The longest prefix of whole characters that fits in `cols` columns.
std::string truncate_width(std::string_view s, int cols);

}  // namespace anzen::text
