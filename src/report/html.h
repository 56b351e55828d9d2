// Shared pieces of the HTML and PDF reports: the page frame, tables, the heading block.
#pragma once
#include <string>
#include <vector>

#include "report/data.h"
#include "report/pdf.h"

namespace anzen::report {

std::string html_page(const std::string& title, const std::string& lang, const std::string& body);
std::string html_table(const std::vector<std::vector<std::string>>& header_and_rows, const std::string& lang);
// Organisation, framework, period and date, as the reports open.
std::string html_meta(const ReportData& d, const std::string& lang);
void pdf_meta(Pdf& pdf, const ReportData& d, const std::string& lang);

}  // namespace anzen::report
