#include "supplier/overview.h"

#include "common/vocabulary.h"

namespace anzen::supplier {

std::vector<SupplierStatus> overview(Suppliers& svc, int64_t org, const std::string& today) {
  auto sent = svc.sent_by(org);  // newest first
  std::vector<SupplierStatus> out;
  for (auto& r : svc.reassessments(org, today)) {
    SupplierStatus s;
    for (const auto& q : sent) {
      if (q.supplier_id == r.supplier.id) {
        s.latest = q;
        break;
      }
    }
    s.risks = static_cast<int>(svc.supplier_risks(org, r.supplier.id).size());
    s.contracts = static_cast<int>(svc.contracts(org, r.supplier.id).size());
    s.reassessment = std::move(r);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::vector<std::string>> overview_table(const std::vector<SupplierStatus>& rows,
                                                     const std::string& lang) {
  std::vector<std::vector<std::string>> t;
  std::vector<std::string> head;
  for (const char* f : {"name", "corporate_number", "criticality", "questionnaire", "qstatus",
                        "last_accepted", "next_due", "recurrence", "risks", "contracts"})
    head.push_back(vocab::label_or_code("supplierfield", f, lang));
  t.push_back(head);
  for (const auto& s : rows) {
    const auto& x = s.reassessment.supplier;
    t.push_back({x.name, x.corporate_number,
                 vocab::label_or_code("criticality", x.criticality, lang),
                 s.latest ? s.latest->tmpl + " #" + std::to_string(s.latest->id) : "",
                 s.latest ? vocab::label_or_code("qstatus", to_string(s.latest->status), lang) : "",
                 s.reassessment.last_accepted, s.reassessment.due,
                 vocab::label_or_code("recurrence", to_string(s.reassessment.state), lang),
                 std::to_string(s.risks), std::to_string(s.contracts)});
  }
  return t;
}

std::vector<double> overview_widths() { return {28, 16, 8, 18, 10, 14, 14, 16, 8, 8}; }

}  // namespace anzen::supplier

namespace anzen::supplier {
XlsxSheet overview_sheet(const std::vector<SupplierStatus>& rows, const std::string& org_name,
                         const std::string& today, const std::string& lang) {
  std::string title = vocab::label_or_code("supplierfield", "section", lang);
  return {title, overview_table(rows, lang), overview_widths(), {org_name, title, "", today}};
}
}  // namespace anzen::supplier
