#include "common/csv.h"

#include <algorithm>
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
  // Copies runs of plain text at once (a sheet's Japanese cells are long runs) rather than a
  // character at a time.
  std::vector<Row> rows;
  Row cur;
  std::string field;
  int line = 1;
  cur.line = 1;
  bool any = false;
  const size_t n = t.size();
  size_t i = 0;
  auto end_row = [&] {
    if (any || !field.empty()) {
      cur.fields.push_back(std::move(field));
      rows.push_back(std::move(cur));
    }
    field.clear();
    cur = Row{};
    ++line;
    cur.line = line;
    any = false;
  };
  while (i < n) {
    char c = t[i];
    if (c == '"' && field.empty()) {
      // A quoted field: up to the quote that is not doubled; separators and line breaks in it
      // are text.
      const int quote_line = line;
      any = true;
      ++i;
      for (;;) {
        size_t q = t.find('"', i);
        if (q == std::string_view::npos) {
          throw std::runtime_error("line " + std::to_string(quote_line) +
                                   ": quoted field is not closed (file truncated?)");
        }
        std::string_view chunk = t.substr(i, q - i);
        line += static_cast<int>(std::count(chunk.begin(), chunk.end(), '\n'));
        field.append(chunk);
        if (q + 1 < n && t[q + 1] == '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    } else if (c == separator) {
      cur.fields.push_back(std::move(field));
      field.clear();
      any = true;
      ++i;
    } else if (c == '\r' || c == '\n') {
      i += (c == '\r' && i + 1 < n && t[i + 1] == '\n') ? 2 : 1;
      end_row();
    } else {
      size_t j = i + 1;
      while (j < n && t[j] != separator && t[j] != '\r' && t[j] != '\n') ++j;
      field.append(t.substr(i, j - i));
      any = true;
      i = j;
    }
  }
  if (any || !field.empty()) {
    cur.fields.push_back(std::move(field));
    rows.push_back(std::move(cur));
  }
  return rows;
}

}  // namespace anzen::csv
