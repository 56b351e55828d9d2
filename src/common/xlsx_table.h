// Writes a header + rows table as a real XLSX sheet: bold frozen header, filters, widths.
#pragma once
#include <string>
#include <vector>

namespace anzen {
struct XlsxSheet {
  std::string name;  // at most 31 characters
  std::vector<std::vector<std::string>> rows;  // header first
  std::vector<double> widths;
};
// A workbook of several sheets, each with a bold frozen header and filters.
void write_xlsx_workbook(const std::string& path, const std::vector<XlsxSheet>& sheets);
// The same workbook as bytes (for downloads).
std::string xlsx_workbook_bytes(const std::vector<XlsxSheet>& sheets);
void write_xlsx_table(const std::string& path, const std::string& sheet, const std::vector<std::vector<std::string>>& rows,
                      const std::vector<double>& widths = {});
}  // namespace anzen
