// Where each supplier stands, in one table: for the management report's supplier section, the
// suppliers workbook (XLSX), the CLI and the web. Labels come from the one vocabulary.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "supplier/service.h"

namespace anzen::supplier {

struct SupplierStatus {
  Reassessment reassessment;            // the supplier and its next assessment
  std::optional<Questionnaire> latest;  // the questionnaire sent last, if any
  int risks = 0, contracts = 0;
};
std::vector<SupplierStatus> overview(Suppliers& svc, int64_t org, const std::string& today);
// Header + one row per supplier, in `lang` (ja or en).
std::vector<std::vector<std::string>> overview_table(const std::vector<SupplierStatus>& rows,
                                                     const std::string& lang);
// Column widths of that table in a spreadsheet.
std::vector<double> overview_widths();

}  // namespace anzen::supplier

#include "common/xlsx_table.h"
namespace anzen::supplier {
// The suppliers workbook: one sheet of the overview with the project's print setup (the page
// header names the organisation and the date made) and formula-like cells neutralised.
XlsxSheet overview_sheet(const std::vector<SupplierStatus>& rows, const std::string& org_name,
                         const std::string& today, const std::string& lang);
}  // namespace anzen::supplier
