// Reads the worksheets of an XLSX file (a zip of XML parts) into rows of text cells, as Excel
// and LibreOffice write them. Bounded: zip parts are inflated in chunks up to a hard cap
// whatever size the archive declares, cells beyond column XFD or row 1,048,576 and sheets
// larger than the limits are refused, and the XML is walked iteratively (no recursion).
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/csv.h"

namespace anzen::xlsx {

struct Limits {
  size_t max_part_bytes = size_t{32} << 20;   // one inflated XML part
  size_t max_total_bytes = size_t{64} << 20;  // all parts read from one file
  size_t max_rows = 100000;                   // rows per worksheet
  size_t max_cells = 2000000;                 // cells (including empty ones before a filled one)
};

// A row with its spreadsheet row number in `line`; `number[i]` is true when the cell is stored
// as a number (dates typed in Excel are numbers: serial days).
struct Row {
  int line = 0;
  std::vector<std::string> fields;
  std::vector<bool> number;
};

struct Sheet {
  std::string name;  // as shown on the sheet tab
  std::vector<Row> rows;
};

// Every worksheet in workbook order. Throws std::runtime_error with a precise reason (naming
// the sheet, cell or zip part) for a damaged, truncated or oversized file.
std::vector<Sheet> read_workbook(const std::string& bytes, const Limits& limits = {});

// The first worksheet as CSV-like rows (tests and simple readers).
std::vector<csv::Row> read_first_sheet(const std::string& bytes);

// Bytes of one member of a zip archive (stored or deflated), at most `cap` bytes inflated.
std::string zip_member(const std::string& zip, const std::string& name,
                       size_t cap = Limits{}.max_part_bytes);

// Column letters to a 1-based number (A = 1, XFD = 16384); 0 for none or beyond XFD.
size_t column_number(std::string_view letters);
// 1-based column number to letters (1 = A).
std::string column_letters(size_t n);

}  // namespace anzen::xlsx
