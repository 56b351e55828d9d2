#include "common/table_read.h"

#include <iconv.h>

#include <algorithm>

#include "common/cell_guard.h"
#include "common/csv.h"
#include "common/date.h"
#include "common/text.h"

namespace anzen::table {

std::string Issue::str() const {
  std::string s = file;
  if (!sheet.empty()) s += ": sheet '" + sheet + "'";
  if (row > 0) s += (sheet.empty() ? ": row " : ", row ") + std::to_string(row);
  if (!column.empty()) s += ", column " + column;
  s += ": found '" + found + "', expected " + expected;
  return s;
}

namespace {
std::string join_issues(const std::vector<Issue>& v) {
  std::string s =
      "import refused, nothing was changed (" + std::to_string(v.size()) + " problem(s)):";
  for (size_t i = 0; i < v.size() && i < 50; ++i) s += "\n  " + v[i].str();
  if (v.size() > 50) s += "\n  ...";
  return s;
}
}  // namespace

ImportError::ImportError(std::vector<Issue> issues)
    : std::runtime_error(join_issues(issues)), issues_(std::move(issues)) {}

Issue Table::issue(const Record& r, const std::vector<Column>& spec, size_t col,
                   std::string expected) const {
  return {file, r.line, spec[col].ja, r.cells[col], std::move(expected), sheet};
}

size_t Table::index(const std::vector<Column>& spec, std::string_view key) {
  for (size_t i = 0; i < spec.size(); ++i) {
    if (spec[i].key == key) return i;
  }
  throw std::logic_error("table: no column '" + std::string(key) + "' in the spec");
}

namespace {

std::string iconv_to_utf8(const std::string& bytes, const char* from, size_t& bad_at) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(std::string("iconv cannot convert ") + from);
  std::string out(bytes.size() * 3 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t inleft = bytes.size(), outleft = out.size();
  char* o = out.data();
  size_t rc = iconv(cd, &in, &inleft, &o, &outleft);
  iconv_close(cd);
  bad_at = rc == static_cast<size_t>(-1) ? bytes.size() - inleft : std::string::npos;
  out.resize(out.size() - outleft);
  return out;
}

int line_at(const std::string& bytes, size_t at) {
  return 1 +
         static_cast<int>(std::count(
             bytes.begin(), bytes.begin() + static_cast<long>(std::min(at, bytes.size())), '\n'));
}

}  // namespace

std::string decode_text(const std::string& file, const std::string& bytes, std::string& encoding) {
  // Excel's "Unicode テキスト": UTF-16 little-endian with a byte order mark.
  for (auto [bom, name] : {std::pair{std::string("\xFF\xFE"), "UTF-16LE"},
                           std::pair{std::string("\xFE\xFF"), "UTF-16BE"}}) {
    if (bytes.rfind(bom, 0) != 0) continue;
    encoding = name == std::string("UTF-16LE") ? "utf-16le" : "utf-16be";
    size_t bad = 0;
    std::string body = bytes.substr(2);
    std::string out = iconv_to_utf8(body, name, bad);
    if (bad != std::string::npos) {
      throw ImportError(
          {{file, 0, "",
            "UTF-16 text that is cut off or damaged at byte " + std::to_string(bad + 2),
            "a complete UTF-16 text file"}});
    }
    return out;
  }
  const bool utf8 = text::is_valid_utf8(bytes);
  // UTF-8 cut off inside its last character: a truncated file, not another encoding.
  if (!utf8) {
    for (size_t k = 1; k <= 3 && k < bytes.size(); ++k) {
      std::string head = bytes.substr(0, bytes.size() - k);
      if (text::is_valid_utf8(head) && head.find_first_of("\x80") != std::string::npos) {
        throw ImportError(
            {{file, line_at(bytes, bytes.size()), "",
              "a file that ends in the middle of a character", "a complete file (truncated?)"}});
      }
    }
  }
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) {
    encoding = "utf-8-bom";
    std::string s = bytes.substr(3);
    if (!utf8) throw ImportError({{file, 0, "", "invalid UTF-8 after the BOM", "UTF-8 text"}});
    return s;
  }
  if (utf8) {
    encoding = "utf-8";
    return bytes;
  }
  size_t bad = 0;
  std::string out = iconv_to_utf8(bytes, "CP932", bad);
  if (bad != std::string::npos) {
    throw ImportError(
        {{file, line_at(bytes, bad), "",
          "bytes that are neither UTF-8 nor Shift_JIS (offset " + std::to_string(bad) + ")",
          "a file saved as UTF-8, Shift_JIS/CP932 or Unicode text (UTF-16)"}});
  }
  encoding = "cp932";
  return out;
}

namespace {

constexpr size_t kHeaderSearchRows = 30;

// Every name of every spec column (Japanese, English, key, aliases), folded once per read: the
// column it names, the first column listed winning.
class HeaderNames {
 public:
  explicit HeaderNames(const std::vector<Column>& spec) {
    for (size_t i = 0; i < spec.size(); ++i) {
      const Column& c = spec[i];
      for (const std::string* n : {&c.ja, &c.en, &c.key}) add(*n, i);
      for (const auto& a : c.aliases) add(a, i);
    }
  }
  // The spec column a header cell names, or -1.
  int match(const std::string& cell) const {
    std::string h = text::fold(cell);
    if (h.empty()) return -1;
    for (const auto& [name, col] : names_)
      if (name == h) return col;
    return -1;
  }

 private:
  void add(const std::string& name, size_t col) {
    names_.emplace_back(text::fold(name), static_cast<int>(col));
  }
  std::vector<std::pair<std::string, int>> names_;  // in the spec's order
};

// The text as written, without surrounding blanks (text::trim's), without a copy.
std::string_view trimmed(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t b = 0, e = s.size();
  while (b < e && blank(s[b])) ++b;
  while (e > b && blank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

bool looks_like_header(const std::vector<Column>& spec, const HeaderNames& names,
                       const xlsx::Row& row) {
  size_t known = 0, filled = 0;
  for (const auto& f : row.fields) {
    if (trimmed(f).empty()) continue;
    ++filled;
    if (names.match(f) >= 0) ++known;
  }
  return known >= std::min<size_t>(2, spec.size()) && known * 2 >= filled;
}

std::string headers_list(const std::vector<Column>& spec, bool required_only) {
  std::string s;
  for (const auto& c : spec) {
    if (required_only && !c.required) continue;
    s += (s.empty() ? "" : ", ") + ("「" + c.ja + "」");
  }
  return s;
}

bool blank(const xlsx::Row& r) {
  return std::all_of(r.fields.begin(), r.fields.end(),
                     [](const std::string& f) { return trimmed(f).empty(); });
}

// Text rows as sheet rows; tab-separated when the first non-empty line has more tabs than commas.
std::vector<xlsx::Row> text_rows(const std::string& file, const std::string& text, bool utf16,
                                 const Limits& limits) {
  char sep = ',';
  size_t start = text.find_first_not_of("\r\n");
  if (start != std::string::npos) {
    std::string_view first(text.data() + start,
                           std::min(text.size(), text.find_first_of("\r\n", start)) - start);
    if (utf16 ||
        std::count(first.begin(), first.end(), '\t') > std::count(first.begin(), first.end(), ','))
      sep = '\t';
  }
  std::vector<csv::Row> parsed;
  try {
    parsed = csv::parse(text, sep);
  } catch (const std::runtime_error& e) {
    throw ImportError({{file, 0, "", e.what(),
                        sep == '\t' ? "complete tab-separated text" : "a complete CSV file"}});
  }
  if (parsed.size() > limits.max_rows) {
    throw ImportError({{file, 0, "", std::to_string(parsed.size()) + " rows",
                        "at most " + std::to_string(limits.max_rows) + " rows"}});
  }
  std::vector<xlsx::Row> rows;
  rows.reserve(parsed.size());
  for (auto& r : parsed) rows.push_back({r.line, std::move(r.fields), {}});
  return rows;
}

}  // namespace

Table read(const std::string& file, const std::string& bytes, const std::vector<Column>& spec,
           const Limits& limits) {
  Table t;
  t.file = file;
  std::vector<xlsx::Sheet> sheets;
  bool cut_off = false;  // a text file whose last line has no line end
  if (bytes.rfind("PK\x03\x04", 0) == 0) {
    t.encoding = "xlsx";
    try {
      sheets = xlsx::read_workbook(bytes, limits.xlsx);
    } catch (const std::runtime_error& e) {
      throw ImportError({{file, 0, "", e.what(), "a complete XLSX workbook"}});
    }
  } else {
    std::string text = decode_text(file, bytes, t.encoding);
    cut_off = !text.empty() && text.back() != '\n' && text.back() != '\r';
    sheets.push_back({"", text_rows(file, text, t.encoding.rfind("utf-16", 0) == 0, limits)});
  }
  // The table is the first sheet with a header row near its top: cover sheets come first.
  const HeaderNames names(spec);
  const xlsx::Sheet* sheet = nullptr;
  size_t header = 0;
  for (const auto& s : sheets) {
    for (size_t i = 0; i < s.rows.size() && i < kHeaderSearchRows && !sheet; ++i) {
      if (looks_like_header(spec, names, s.rows[i])) {
        sheet = &s;
        header = i;
      }
    }
    if (sheet) break;
  }
  if (!sheet) {
    std::string sheet_names;
    for (const auto& s : sheets)
      sheet_names += (sheet_names.empty() ? "" : ", ") + ("'" + s.name + "'");
    bool empty = std::all_of(sheets.begin(), sheets.end(),
                             [](const xlsx::Sheet& s) { return s.rows.empty(); });
    throw ImportError(
        {{file, 0, "",
          empty                                          ? "an empty file"
          : sheets.size() > 1 || !sheets[0].name.empty() ? "no header row in the sheets " + sheet_names
                                                         : "no header row",
          "a header row with the columns " + headers_list(spec, false) +
              " (searched the first 30 rows of every sheet)"}});
  }
  t.sheet = sheet->name;
  t.header_line = sheet->rows[header].line;
  t.present.assign(spec.size(), false);
  std::vector<Issue> issues;
  const auto& head = sheet->rows[header].fields;
  std::vector<int> col_of(head.size(), -1);
  std::vector<size_t> first_at(spec.size(), 0);
  for (size_t j = 0; j < head.size(); ++j) {
    std::string h = text::trim(head[j]);
    if (h.empty()) continue;
    std::string letter = xlsx::column_letters(j + 1);
    int m = names.match(h);
    if (m < 0) {
      issues.push_back({file, t.header_line, letter + " 「" + h + "」", h,
                        "a known column: one of " + headers_list(spec, false) +
                            " or an alias listed in docs/spreadsheets.md (unknown columns are "
                            "refused, not ignored)",
                        t.sheet});
      continue;
    }
    if (t.present[m]) {
      issues.push_back({file, t.header_line, letter + " 「" + h + "」", h,
                        "each column once: 「" + spec[m].ja + "」 is already column " +
                            xlsx::column_letters(first_at[m] + 1),
                        t.sheet});
      continue;
    }
    t.present[m] = true;
    first_at[m] = j;
    col_of[j] = m;
  }
  for (size_t i = 0; i < spec.size(); ++i) {
    if (spec[i].required && !t.present[i]) {
      issues.push_back({file, t.header_line, "「" + spec[i].ja + "」", "no such column",
                        "a column headed 「" + spec[i].ja + "」 or '" + spec[i].en +
                            "' (required: " + headers_list(spec, true) + ")",
                        t.sheet});
    }
  }
  if (!issues.empty()) throw ImportError(issues);
  for (size_t r = header + 1; r < sheet->rows.size(); ++r) {
    const auto& row = sheet->rows[r];
    if (blank(row)) continue;  // blank or only formatted: Excel and LibreOffice write these
    Record rec;
    rec.line = row.line;
    rec.cells.assign(spec.size(), "");
    rec.number.assign(spec.size(), false);
    for (size_t j = 0; j < row.fields.size(); ++j) {
      std::string_view raw = row.fields[j];
      // cell::unguard's apostrophe, removed without a copy, then text::trim's blanks.
      if (!raw.empty() && raw[0] == '\'' && cell::needs_guard(raw)) raw.remove_prefix(1);
      std::string v(trimmed(raw));
      if (v.empty()) continue;
      if (j >= col_of.size() || col_of[j] < 0) {
        issues.push_back({file, row.line, xlsx::column_letters(j + 1), v,
                          "an empty cell: this column has no header, so its values would be lost",
                          t.sheet});
        continue;
      }
      if (spec[col_of[j]].export_only) continue;
      rec.cells[col_of[j]] = std::move(v);
      rec.number[col_of[j]] = j < row.number.size() && row.number[j];
    }
    // Short rows are rows whose last cells are empty (spreadsheet programs leave them out),
    // except the last line of a text file without a line end: that file was cut off.
    if (cut_off && r + 1 == sheet->rows.size() && row.fields.size() < head.size()) {
      issues.push_back(
          {file, row.line, "", std::to_string(row.fields.size()) + " column(s) and no line end",
           std::to_string(head.size()) + " columns as in the header (file truncated?)", t.sheet});
    }
    t.rows.push_back(std::move(rec));
  }
  if (!issues.empty()) throw ImportError(issues);
  return t;
}

std::string date_cell(const Record& r, size_t col) {
  const std::string& v = r.cells[col];
  if (v.empty()) return v;
  if (r.number[col]) {
    if (auto d = date::from_excel_serial(v)) return d->iso();
    throw CellError{"a date (the cell holds the number " + v + ", which is no date serial)"};
  }
  auto p = date::parse(v);
  if (!p.value) throw CellError{"a date (" + p.why + "): " + date::expected_forms()};
  return p.value->iso();
}

std::optional<long> int_cell(const Record& r, size_t col, long lo, long hi) {
  std::string v = text::fold(r.cells[col]);  // full-width digits to ASCII
  if (v.empty()) return std::nullopt;
  if (r.number[col] && v.size() > 2 && v.compare(v.size() - 2, 2, ".0") == 0)
    v.resize(v.size() - 2);
  bool digits = v.size() <= 9 &&
                std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (!digits || std::stol(v) < lo || std::stol(v) > hi)
    throw CellError{"a whole number " + std::to_string(lo) + "-" + std::to_string(hi)};
  return std::stol(v);
}

std::string term_cell(const Record& r, size_t col, const std::vector<Term>& terms) {
  std::string v = text::fold(r.cells[col]);
  for (const auto& t : terms) {
    if (v == text::fold(t.code)) return t.code;
    for (const auto& w : t.words) {
      if (v == text::fold(w)) return t.code;
    }
  }
  std::string exp;
  for (const auto& t : terms) {
    if (t.code.empty()) continue;
    exp += (exp.empty() ? "" : ", ") + t.code;
    if (!t.words.empty()) exp += " (" + t.words[0] + ")";
  }
  throw CellError{"one of " + exp};
}

}  // namespace anzen::table
