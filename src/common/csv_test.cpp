#include "common/csv.h"

#include <gtest/gtest.h>

namespace anzen::csv {

TEST(Csv, QuotesWhatNeedsQuotingAndParsesItBack) {
  std::string line = row({"T2-001.1", "組織方針, \"経営\"", "複数\n行"});
  auto rows = parse(line + row({"a", "", "c"}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[1], "組織方針, \"経営\"");
  EXPECT_EQ(rows[0].fields[2], "複数\n行");
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[1].fields[1], "");
}

TEST(Csv, ASingleEmptyFieldSurvivesARoundTrip) {  // found by fuzz/csv_fuzz.cpp
  auto rows = parse(row({""}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, std::vector<std::string>{""});
}

TEST(Csv, UnclosedQuoteIsAnErrorWithItsLine) {
  try {
    parse("a,b\n\"c,d\n");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
}

}  // namespace anzen::csv
