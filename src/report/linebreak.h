// Line breaking for report text: Japanese 禁則処理 (JIS X 4051 line-start and line-end rules),
// word-wise breaking of Latin text, and truncation with an ellipsis. Pure: the caller supplies
// the width of each character, so the rules are testable without a PDF.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace anzen::report {

using CharWidth = std::function<float(char32_t)>;

// Characters that must not begin a line (closing brackets, 、。, small kana, prolonged sound mark,
// Latin closing punctuation).
bool no_line_start(char32_t c);
// Characters that must not end a line (opening brackets).
bool no_line_end(char32_t c);

// Splits UTF-8 text into lines no wider than `width` (a new line in the text always breaks).
// Latin words stay whole unless one alone is wider than a line; a character that must not start
// a line hangs at the end of the previous one rather than starting the next.
std::vector<std::string> break_lines(const std::string& text, float width,
                                     const CharWidth& char_width);

// The text on one line: cut to fit with "…" at the end when it is wider than `width`.
std::string fit_line(const std::string& text, float width, const CharWidth& char_width);

}  // namespace anzen::report
