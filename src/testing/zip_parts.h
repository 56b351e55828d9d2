// Builds XLSX files part by part for tests: what Excel and LibreOffice write (cover sheets,
// missing trailing cells, phonetic runs, date serials) and what an attacker writes (zip bombs,
// lying sizes, columns beyond XFD), without a spreadsheet program.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace anzen::testing {

struct ZipPart {
  std::string name, data;
  bool deflate = true;
  long declared_size = -1;  // the uncompressed size written in the zip (-1: the true size)
};

std::string make_zip(const std::vector<ZipPart>& parts);

// A minimal workbook: sheets given as (name, <sheetData> inner XML), strings inline.
std::string make_xlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                      const std::string& shared_strings_xml = "");

// <row r="N"> with inline-string cells at the given references ("A1" → text); "#n:" before a
// value makes it a number cell.
std::string xlsx_row(int r, const std::vector<std::pair<std::string, std::string>>& cells);

}  // namespace anzen::testing
