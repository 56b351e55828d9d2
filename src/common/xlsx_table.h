// Writes a header + rows table as a real XLSX sheet: bold frozen header, filters, widths.
#pragma once
#include <string>
#include <vector>

namespace anzen {
void write_xlsx_table(const std::string& path, const std::string& sheet, const std::vector<std::vector<std::string>>& rows,
                      const std::vector<double>& widths = {});
}  // namespace anzen
