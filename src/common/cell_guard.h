// Spreadsheet formula injection: a cell we export that a spreadsheet program would read as a
// formula (text beginning with = + - @, a tab or a carriage return) is written with a leading
// apostrophe, so Excel and LibreOffice show it as text. Imports remove exactly that apostrophe,
// so our own exports round-trip the original value (docs/spreadsheets.md).
#pragma once
#include <string>
#include <string_view>

namespace anzen::cell {

// True when `text` (after any apostrophes already in front) begins with = + - @ TAB or CR.
bool needs_guard(std::string_view text);
// The text as it is written to a CSV or XLSX cell.
std::string guard(std::string_view text);
// The original text of a cell written by guard(); any other text unchanged.
std::string unguard(std::string_view cell);

}  // namespace anzen::cell
