// 経営層向け報告: the management report of one assessment, as self-contained HTML (inline SVG
// charts, print styles) or as PDF with the Japanese font embedded.
#pragma once
#include <string>

#include "report/data.h"

namespace anzen::report {

std::string management_html(const ReportData& d, const std::string& lang);
std::string management_pdf(const ReportData& d, const std::string& lang);

// The few words both renderings share, in Japanese or English.
std::string word(const std::string& key, const std::string& lang);

}  // namespace anzen::report
