// Re-assessment of suppliers: the interval per supplier and where each stands (the dates are
// computed by model.h's next_assessment_due and recurrence_state, nowhere else).
#include <algorithm>
#include <stdexcept>

#include "store/audit.h"
#include "supplier/service.h"

namespace anzen::supplier {

void Suppliers::set_interval(int64_t org, int64_t supplier_id, int months) {
  check_interval(months);
  auto before = supplier(org, supplier_id);
  if (!before) throw std::out_of_range("supplier: no supplier " + std::to_string(supplier_id));
  db_.transaction([&] {
    db_.prepare("UPDATE suppliers SET reassess_months=? WHERE id=? AND org_id=?")
        .bind(1, months)
        .bind(2, supplier_id)
        .bind(3, org)
        .run();
    store::audit_append(db_, {actor_,
                              org,
                              "supplier",
                              std::to_string(supplier_id),
                              "update",
                              {{"reassess_months", before->reassess_months}},
                              {{"reassess_months", months}}});
  });
}

std::vector<Reassessment> Suppliers::reassessments(int64_t org, const std::string& today) {
  std::vector<Reassessment> out;
  for (auto& s : suppliers(org)) {
    auto st = db_.prepare(
        "SELECT max(updated_at) FROM questionnaires WHERE org_id=? AND supplier_id=? AND "
        "status='accepted'");
    st.bind(1, org).bind(2, s.id);
    Reassessment r;
    if (st.step() && !st.is_null(0)) r.last_accepted = st.str(0).substr(0, 10);
    r.due = next_assessment_due(r.last_accepted, s.created_at, s.reassess_months);
    r.state = recurrence_state(r.due, today);
    r.supplier = std::move(s);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Reassessment> Suppliers::overdue(int64_t org, const std::string& today) {
  std::vector<Reassessment> out;
  for (auto& r : reassessments(org, today)) {
    if (r.state == Recurrence::overdue) out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(),
            [](const Reassessment& a, const Reassessment& b) { return a.due < b.due; });
  return out;
}

}  // namespace anzen::supplier
