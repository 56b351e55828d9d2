// 適用宣言書 (statement of applicability): every item of the framework with adopted or not,
// the reason, and where it is implemented — the guideline asks operators to decide adoption
// item by item (seed 001 II.4: 採否を検討). Defaults come from the answers; decisions override.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "report/data.h"
#include "report/decisions.h"

namespace anzen::report {

struct SoaRow {
  std::string item_id, label, title;
  int depth = 0;
  bool adopted = true, decided = false;
  std::string reason, location, answers;  // answers: e.g. "実施済 2 / 3"
};

// The items a statement covers: items and sub-items where the framework has them, else its
// checklist rows, else every item.
std::vector<const catalog::Item*> soa_items(const catalog::Framework& fw);
std::vector<SoaRow> soa_rows(const ReportData& d, const std::map<std::string, SoaDecision>& decided, const std::string& lang);
std::vector<std::vector<std::string>> soa_table(const std::vector<SoaRow>& rows, const std::string& lang);
std::string soa_html(const ReportData& d, const std::vector<SoaRow>& rows, const std::string& lang);
std::string soa_pdf(const ReportData& d, const std::vector<SoaRow>& rows, const std::string& lang);

}  // namespace anzen::report
