// RFC 4180 CSV writing and reading (UTF-8).
#pragma once
#include <string>
#include <vector>

namespace anzen::csv {

std::string escape(std::string_view field);
std::string row(const std::vector<std::string>& fields);
// A record of an exported file: every field passes cell::guard (formula injection) first.
std::string export_row(const std::vector<std::string>& fields);

struct Row {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Parses CSV text. Throws std::runtime_error("line N: ...") for an unterminated quote.
// `separator` is ',' for CSV and '\t' for Excel's tab-separated text.
std::vector<Row> parse(std::string_view text, char separator = ',');

}  // namespace anzen::csv
