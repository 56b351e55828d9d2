#include "store/postgres/dialect.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <regex>

namespace anzen::store::pg {

namespace {
// Calls out(segment, quoted) for the text outside and inside '…' and "…" quotes in turn.
template <class F>
void each_segment(std::string_view sql, F out) {
  size_t i = 0;
  while (i < sql.size()) {
    size_t q = sql.find_first_of("'\"-", i);
    while (q != std::string_view::npos && sql[q] == '-' &&
           (q + 1 >= sql.size() || sql[q + 1] != '-')) {
      q = sql.find_first_of("'\"-", q + 1);
    }
    if (q == std::string_view::npos) {
      out(sql.substr(i), false);
      return;
    }
    out(sql.substr(i, q - i), false);
    if (sql[q] == '-') {  // a -- comment runs to the end of the line
      size_t eol = sql.find('\n', q);
      eol = eol == std::string_view::npos ? sql.size() : eol;
      out(sql.substr(q, eol - q), true);
      i = eol;
      continue;
    }
    char quote = sql[q];
    size_t end = q + 1;
    while (end < sql.size()) {
      if (sql[end] == quote) {
        if (end + 1 < sql.size() && sql[end + 1] == quote) {
          end += 2;  // a doubled quote inside the literal
          continue;
        }
        break;
      }
      ++end;
    }
    end = std::min(end + 1, sql.size());
    out(sql.substr(q, end - q), true);
    i = end;
  }
}

std::string map_unquoted(std::string_view sql,
                         const std::function<std::string(const std::string&)>& f) {
  std::string out;
  each_segment(sql, [&](std::string_view seg, bool quoted) {
    out += quoted ? std::string(seg) : f(std::string(seg));
  });
  return out;
}

std::string trim(std::string s) {
  auto sp = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), sp));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), sp).base(), s.end());
  return s;
}
}  // namespace

std::string statement(std::string_view sql, int* params) {
  int next = 0, highest = 0;
  std::string out = map_unquoted(sql, [&](const std::string& seg) {
    std::string r;
    for (size_t i = 0; i < seg.size(); ++i) {
      if (seg[i] != '?') {
        r += seg[i];
        continue;
      }
      size_t j = i + 1;
      while (j < seg.size() && std::isdigit(static_cast<unsigned char>(seg[j]))) ++j;
      int n = j > i + 1 ? std::stoi(seg.substr(i + 1, j - i - 1)) : ++next;
      next = std::max(next, n);
      highest = std::max(highest, n);
      r += "$" + std::to_string(n);
      i = j - 1;
    }
    return r;
  });
  static const std::regex kIgnore(R"(^\s*INSERT\s+OR\s+IGNORE\s+INTO\b)", std::regex::icase);
  if (std::regex_search(out, kIgnore)) {
    out = std::regex_replace(out, kIgnore, "INSERT INTO", std::regex_constants::format_first_only);
    while (!out.empty() &&
           (out.back() == ';' || std::isspace(static_cast<unsigned char>(out.back()))))
      out.pop_back();
    out += " ON CONFLICT DO NOTHING";
  }
  if (params) *params = highest;
  return out;
}

std::string ddl(std::string_view sqlite_ddl) {
  return map_unquoted(sqlite_ddl, [](const std::string& seg) {
    static const std::regex kSerial(R"(\bINTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?\b)",
                                    std::regex::icase);
    static const std::regex kInteger(R"(\bINTEGER\b)", std::regex::icase);
    static const std::regex kBlob(R"(\bBLOB\b)", std::regex::icase);
    static const std::regex kReal(R"(\bREAL\b)", std::regex::icase);
    std::string s = std::regex_replace(seg, kSerial, "BIGSERIAL PRIMARY KEY");
    s = std::regex_replace(s, kInteger, "BIGINT");
    s = std::regex_replace(s, kBlob, "BYTEA");
    return std::regex_replace(s, kReal, "DOUBLE PRECISION");
  });
}

namespace {
const std::regex kReplace(R"(^\s*INSERT\s+OR\s+REPLACE\s+INTO\s+(\w+)\s*(\(([^)]*)\))?\s*)",
                          std::regex::icase);
}

std::string replace_target(std::string_view sql) {
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(sql.begin(), sql.end(), m, kReplace)) return {};
  return m[1].str();
}

std::string upsert(std::string_view sql, const std::vector<std::string>& table_columns,
                   const std::vector<std::string>& primary_key) {
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(sql.begin(), sql.end(), m, kReplace)) return std::string(sql);
  std::vector<std::string> cols;
  if (m[2].matched) {
    std::string list = m[3].str();
    size_t p = 0;
    while (p <= list.size()) {
      size_t c = list.find(',', p);
      cols.push_back(trim(list.substr(p, c == std::string::npos ? std::string::npos : c - p)));
      if (c == std::string::npos) break;
      p = c + 1;
    }
  } else {
    cols = table_columns;
  }
  std::string rest(sql.substr(static_cast<size_t>(m.length(0))));
  while (!rest.empty() &&
         (rest.back() == ';' || std::isspace(static_cast<unsigned char>(rest.back()))))
    rest.pop_back();
  std::string out = "INSERT INTO " + m[1].str() + "(";
  for (size_t i = 0; i < cols.size(); ++i) out += (i ? ", " : "") + cols[i];
  out += ") " + rest + " ON CONFLICT (";
  for (size_t i = 0; i < primary_key.size(); ++i) out += (i ? ", " : "") + primary_key[i];
  out += ") DO ";
  std::string set;
  for (const auto& c : cols) {
    if (std::find(primary_key.begin(), primary_key.end(), c) != primary_key.end()) continue;
    set += (set.empty() ? "" : ", ") + c + "=excluded." + c;
  }
  return out + (set.empty() ? "NOTHING" : "UPDATE SET " + set);
}

}  // namespace anzen::store::pg
