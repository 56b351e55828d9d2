// Reads the first worksheet of an XLSX file (a zip of XML parts) into rows of text cells.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "common/csv.h"

namespace anzen::xlsx {

// Rows carry their spreadsheet row number in `line`. Throws std::runtime_error with a precise
// reason for a damaged or truncated file.
std::vector<csv::Row> read_first_sheet(const std::string& bytes);
// The n-th worksheet (1-based, in workbook order as written by libxlsxwriter).
std::vector<csv::Row> read_sheet(const std::string& bytes, int n);

// Bytes of one member of a zip archive (stored or deflated). Exposed for tests.
std::string zip_member(const std::string& zip, const std::string& name);

}  // namespace anzen::xlsx
