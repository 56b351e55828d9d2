// Numbers and file names typed or uploaded by people, and JSON from outside.
#include <gtest/gtest.h>

#include "common/file_name.h"
#include "common/json_input.h"
#include "common/number_input.h"

namespace anzen {
namespace {

TEST(GroupedCount, ReadsGroupingInsteadOfStoppingAtTheComma) {
  EXPECT_EQ(parse_grouped_count("40,000"), 40000);
  EXPECT_EQ(parse_grouped_count("40000"), 40000);
  EXPECT_EQ(parse_grouped_count("４０，０００"), 40000);
  EXPECT_EQ(parse_grouped_count("1,234,567"), 1234567);
  EXPECT_EQ(parse_grouped_count(" 30 000 "), 30000);
  EXPECT_FALSE(parse_grouped_count("40,00"));
  EXPECT_FALSE(parse_grouped_count("4,0000"));
  EXPECT_FALSE(parse_grouped_count("40.000"));
  EXPECT_FALSE(parse_grouped_count("-5"));
  EXPECT_FALSE(parse_grouped_count("1,000 000"));
  EXPECT_FALSE(parse_grouped_count("9999999999999999"));
  EXPECT_FALSE(parse_grouped_count(""));
}

TEST(SafeFileName, KeepsAPlainName) {
  EXPECT_EQ(safe_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(safe_file_name("C:\\Users\\a\\報告書.pdf"), "報告書.pdf");
  EXPECT_EQ(safe_file_name("invoice\u202Efdp.exe"), "invoicefdp.exe");
  EXPECT_EQ(safe_file_name(std::string("a\0b\r\n.txt", 9)), "ab.txt");
  EXPECT_EQ(safe_file_name(".."), "file");
  EXPECT_EQ(safe_file_name(std::string(300, 'x')).size(), 200u);
  EXPECT_EQ(download_type("x.PDF"), "application/pdf");
  EXPECT_EQ(download_type("x.html"), "application/octet-stream");
  EXPECT_EQ(download_type("x.svg"), "application/octet-stream");
}

TEST(JsonInput, RefusesDeepNestingBeforeParsing) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  try {
    parse_json_input(deep, "body");
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("nested deeper than 64"), std::string::npos);
  }
  EXPECT_NO_THROW(parse_json_input(std::string(64, '[') + std::string(64, ']'), "body"));
  // Brackets inside strings do not count.
  EXPECT_NO_THROW(parse_json_input("{\"a\":\"" + std::string(1000, '[') + "\"}", "body"));
  EXPECT_THROW(parse_json_input("{\"a\":", "body"), std::invalid_argument);
  nlohmann::json j = {{"comment", 5}};
  EXPECT_THROW(json_text(j, "comment"), std::invalid_argument);
}

}  // namespace
}  // namespace anzen
