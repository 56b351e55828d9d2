#include "common/csv.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

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

// The parser as it was written first, a character at a time: the reference the faster one must
// agree with (rows, fields, line numbers, and where it refuses).
std::vector<Row> reference_parse(std::string_view t, char separator = ',') {
  std::vector<Row> rows;
  Row cur;
  std::string field;
  int line = 1;
  cur.line = 1;
  bool in_quotes = false, any = false;
  int quote_line = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < t.size() && t[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      in_quotes = true;
      quote_line = line;
      any = true;
    } else if (c == separator) {
      cur.fields.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        cur.fields.push_back(std::move(field));
        rows.push_back(std::move(cur));
      }
      field.clear();
      cur = Row{};
      ++line;
      cur.line = line;
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (in_quotes) throw std::runtime_error("line " + std::to_string(quote_line));
  if (any || !field.empty()) {
    cur.fields.push_back(std::move(field));
    rows.push_back(std::move(cur));
  }
  return rows;
}

TEST(Csv, AgreesWithTheCharacterAtATimeReference) {
  const std::vector<std::string> pieces = {"a",  "組織", ",",    "\"", "\"\"",
                                           "\r", "\n",   "\r\n", "\t", " "};
  std::mt19937 rng(12345);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    size_t len = rng() % 24;
    for (size_t k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    char sep = round % 3 == 0 ? '\t' : ',';
    std::vector<Row> want, got;
    std::string want_error, got_error;
    try {
      want = reference_parse(text, sep);
    } catch (const std::runtime_error& e) {
      want_error = e.what();
    }
    try {
      got = parse(text, sep);
    } catch (const std::runtime_error& e) {
      got_error = e.what();
    }
    ASSERT_EQ(want_error.empty(), got_error.empty()) << text;
    if (!want_error.empty()) {
      EXPECT_EQ(got_error.rfind(want_error + ":", 0), 0u) << text << " / " << got_error;
      continue;
    }
    ASSERT_EQ(got.size(), want.size()) << text;
    for (size_t r = 0; r < got.size(); ++r) {
      EXPECT_EQ(got[r].fields, want[r].fields) << text;
      EXPECT_EQ(got[r].line, want[r].line) << text;
    }
  }
}

}  // namespace anzen::csv
