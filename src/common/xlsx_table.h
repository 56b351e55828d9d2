// Writes a header + rows table as a real XLSX sheet: bold frozen header, filters, widths, a
// print setup, and formula-like cells neutralised (common/cell_guard.h).
#pragma once
#include <string>
#include <vector>

struct lxw_worksheet;

namespace anzen {
// What the printed page header says: organisation on the left, title in the centre, period
// and the date made (Japanese form) on the right.
struct XlsxPrint {
  std::string organisation, title, period, date;  // date: YYYY-MM-DD
};
struct XlsxSheet {
  std::string name;                            // at most 31 characters
  std::vector<std::vector<std::string>> rows;  // header first
  std::vector<double> widths;
  XlsxPrint print = {};
};
// A workbook of several sheets, each with a bold frozen header and filters.
void write_xlsx_workbook(const std::string& path, const std::vector<XlsxSheet>& sheets);
// The same workbook as bytes (for downloads).
std::string xlsx_workbook_bytes(const std::vector<XlsxSheet>& sheets);
void write_xlsx_table(const std::string& path, const std::string& sheet,
                      const std::vector<std::vector<std::string>>& rows,
                      const std::vector<double>& widths = {});
// The print setup every workbook sheet carries: A4, header row repeated on every page, one
// page wide, landscape when the columns are wider than a portrait page, the page header.
void set_print_setup(lxw_worksheet* ws, const XlsxPrint& print, double total_width);
// The page header text (Excel's &L/&C/&R codes), at most 255 characters as Excel allows.
std::string page_header(const XlsxPrint& print);
}  // namespace anzen
