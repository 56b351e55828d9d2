#include "web/layout.h"

#include <gtest/gtest.h>

namespace anzen::web {
namespace {

TEST(Layout, NavigationMarksTheSectionAPageBelongsTo) {
  EXPECT_EQ(nav_section("/"), "/");
  EXPECT_EQ(nav_section("/assessments"), "/assessments");
  EXPECT_EQ(nav_section("/assessments/2"), "/assessments");
  EXPECT_EQ(nav_section("/assessments/2/questions/T2-001.1"), "/assessments");
  EXPECT_EQ(nav_section("/assessments/2/gaps"), "/gaps");
  EXPECT_EQ(nav_section("/assessments/2/reports"), "/reports");
  EXPECT_EQ(nav_section("/assessments/2/reports/management.pdf"), "/reports");
  EXPECT_EQ(nav_section("/incidents/5"), "/incidents");
  EXPECT_EQ(nav_section("/assessments/2/industry"), "/industry");
  EXPECT_EQ(nav_section("/assessments/2/gaps/"), "/gaps");
  EXPECT_EQ(nav_section("/assessments/2/gapsx"), "/assessments");
  EXPECT_EQ(nav_section("/assessments/x/gaps"), "/assessments");
  EXPECT_EQ(nav_section("/assessments//gaps"), "/assessments");
  EXPECT_EQ(nav_section("/assessments/2/reports/a\nb"), "/assessments");
}

}  // namespace
}  // namespace anzen::web
