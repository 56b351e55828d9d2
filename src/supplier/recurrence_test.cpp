#include <gtest/gtest.h>

#include "catalog/catalog_dir.h"
#include "supplier/model.h"
#include "testing/catalogs.h"

namespace anzen::supplier {

TEST(SupplierRecurrence, DueDatesAddWholeMonthsClampedToTheMonthsEnd) {
  EXPECT_EQ(add_months("2025-04-15", 12), "2026-04-15");
  EXPECT_EQ(add_months("2025-01-31", 1), "2025-02-28");
  EXPECT_EQ(add_months("2024-01-31", 1), "2024-02-29");
  EXPECT_EQ(add_months("2025-11-30", 3), "2026-02-28");
  EXPECT_THROW(add_months("2025-02-30", 1), std::invalid_argument);
  // Never assessed: due on the day it was registered; else the interval after the acceptance.
  EXPECT_EQ(next_assessment_due("", "2025-06-01T03:00:00Z", 12), "2025-06-01");
  EXPECT_EQ(next_assessment_due("2025-06-10", "2024-01-01T00:00:00Z", 6), "2025-12-10");
  EXPECT_THROW(check_interval(0), std::invalid_argument);
  EXPECT_THROW(check_interval(61), std::invalid_argument);
  EXPECT_NO_THROW(check_interval(60));
}

TEST(SupplierRecurrence, StateAgainstToday) {
  EXPECT_EQ(recurrence_state("2025-06-01", "2025-06-02"), Recurrence::overdue);
  EXPECT_EQ(recurrence_state("2025-06-01", "2025-06-01"), Recurrence::due_soon);
  EXPECT_EQ(recurrence_state("2025-07-01", "2025-06-01"), Recurrence::due_soon);  // 30 days
  EXPECT_EQ(recurrence_state("2025-07-02", "2025-06-01"), Recurrence::ok);
}

TEST(SupplierRisks, PositionScalesWithTheMatrix) {
  EXPECT_EQ(risk_position(assess::Status::not_implemented, "high", 5, 5), std::make_pair(5, 5));
  EXPECT_EQ(risk_position(assess::Status::partial, "medium", 5, 5), std::make_pair(3, 3));
  EXPECT_EQ(risk_position(assess::Status::partial, "low", 5, 5), std::make_pair(3, 1));
  EXPECT_EQ(risk_position(assess::Status::partial, "low", 3, 4), std::make_pair(2, 1));
}

TEST(SupplierContracts, ChapterTenClausesWithTheirSourceLines) {
  auto cl = contract_clauses(anzen::testing::tree_catalog());
  ASSERT_EQ(cl.size(), 4u);
  EXPECT_EQ(cl[0].item_id, "10.1.1.1");
  EXPECT_EQ(cl[0].title.ja, "機密保持契約又は守秘義務契約");
  EXPECT_EQ(cl[0].source, "lines 1823-1825");
  EXPECT_EQ(cl[3].item_id, "10.2.1.1");
  EXPECT_FALSE(cl[3].text.ja.empty());
}

}  // namespace anzen::supplier
