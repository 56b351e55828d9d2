// 情報セキュリティ報告書 (disclosure report): the eight items tcs-2023 1.1.7 (情報開示, seed 000
// lines 793-800) recommends disclosing, each filled from the data and editable before export.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "report/data.h"

namespace anzen::report {

struct DisclosureSection {
  std::string key;          // "1".."8"
  catalog::Text heading;    // the bullet of tcs-2023 1.1.7, verbatim
  int source_line = 0;
  std::string generated;    // what the data says
  std::string text;         // the edited text when there is one, else the generated one
  bool edited = false;
};

// Throws std::runtime_error when the shipped catalog lacks tcs-2023 1.1.7's bullets.
std::vector<DisclosureSection> disclosure_sections(const ReportData& d, const std::map<std::string, std::string>& edits, const std::string& lang);
std::string disclosure_html(const ReportData& d, const std::vector<DisclosureSection>& s, const std::string& lang);
std::string disclosure_pdf(const ReportData& d, const std::vector<DisclosureSection>& s, const std::string& lang);

}  // namespace anzen::report
