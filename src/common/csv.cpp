#include "common/csv.h"

#include <stdexcept>

#include "common/cell_guard.h"

namespace anzen::csv {

std::string escape(std::string_view f) {
  bool quote = f.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(f);
  std::string s = "\"";
  for (char c : f) {
    if (c == '"') s += '"';
    s += c;
  }
  return s + "\"";
}

std::string row(const std::vector<std::string>& fields) {
  // A record of one empty field must be quoted, or it would read back as a blank line.
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
  std::string s;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) s += ',';
    s += escape(fields[i]);
  }
  return s + "\r\n";
}

std::string export_row(const std::vector<std::string>& fields) {
  std::vector<std::string> safe;
  safe.reserve(fields.size());
  for (const auto& f : fields) safe.push_back(cell::guard(f));
  return row(safe);
}

std::vector<Row> parse(std::string_view t, char separator) {
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
  if (in_quotes) {
    throw std::runtime_error("line " + std::to_string(quote_line) +
                             ": quoted field is not closed (file truncated?)");
  }
  if (any || !field.empty()) {
    cur.fields.push_back(std::move(field));
    rows.push_back(std::move(cur));
  }
  return rows;
}

}  // namespace anzen::csv
