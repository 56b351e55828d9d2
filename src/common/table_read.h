// The one table-reading layer every spreadsheet import uses (checklist, risks, assets, plan,
// future questionnaires): it reads what Excel and LibreOffice actually write and refuses, by
// name, what it cannot read faithfully (docs/spreadsheets.md).
//
//  - XLSX (every sheet; the table is found by its header row, so cover sheets are fine),
//    CSV in UTF-8 (with or without BOM) or Shift_JIS/CP932, and Excel's "Unicode テキスト"
//    (UTF-16 with BOM, tab-separated) or any tab-separated text;
//  - missing trailing cells are empty cells; blank (formatted) rows are skipped;
//  - columns are matched by name (Japanese, English, key or a documented alias, width- and
//    case-insensitive); unknown, duplicate and missing required columns are refused by name;
//  - cells exported with a formula guard (common/cell_guard.h) read back as the original text.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/xlsx_read.h"

namespace anzen::table {

// One defect of an import, located as precisely as the file allows.
struct Issue {
  std::string file;
  int row = 0;         // 1-based row (line) in the sheet or file; 0 for the file as a whole
  std::string column;  // header name
  std::string found;
  std::string expected;
  std::string sheet = {};  // the sheet read (XLSX), empty for text files
  std::string str() const;
};

// Thrown with every defect found; nothing was changed.
class ImportError : public std::runtime_error {
 public:
  explicit ImportError(std::vector<Issue> issues);
  const std::vector<Issue>& issues() const { return issues_; }

 private:
  std::vector<Issue> issues_;
};

struct Column {
  std::string key;                   // internal name
  std::string ja;                    // header written on export
  std::string en;                    // English header, also accepted
  std::vector<std::string> aliases;  // other headers accepted (listed in docs/spreadsheets.md)
  bool required = false;             // refused when the file has no such column
  bool export_only = false;          // written on export, accepted and ignored on import
};

struct Record {
  int line = 0;
  std::vector<std::string> cells;  // by column of the spec, trimmed; empty when absent
  std::vector<bool> number;        // the workbook stores the cell as a number
};

struct Table {
  std::string file, sheet, encoding;  // encoding: xlsx, utf-8, utf-8-bom, cp932, utf-16le, utf-16be
  int header_line = 0;
  std::vector<bool> present;  // by column of the spec: the file has this column
  std::vector<Record> rows;   // blank rows left out
  bool has(size_t col) const { return present[col]; }
  // The issue for one cell of a row.
  Issue issue(const Record& r, const std::vector<Column>& spec, size_t col,
              std::string expected) const;
  // Which of the spec's columns this key is (throws std::logic_error for an unknown key).
  static size_t index(const std::vector<Column>& spec, std::string_view key);
};

struct Limits {
  xlsx::Limits xlsx;
  size_t max_rows = 100000;  // rows of a text file
};

// Reads the first table in `bytes` whose header row fits `spec`. Throws ImportError naming the
// file (and sheet, row, column) for anything it cannot read.
Table read(const std::string& file, const std::string& bytes, const std::vector<Column>& spec,
           const Limits& limits = {});

// Decodes text bytes: UTF-16 with BOM, UTF-8 (with or without BOM) or Shift_JIS/CP932 as saved
// by Japanese Excel. Throws ImportError (row 0) when none fits.
std::string decode_text(const std::string& file, const std::string& bytes, std::string& encoding);

// Value readers for cells; each throws CellError with what was expected.
struct CellError {
  std::string expected;
};
// A date in any form date::parse reads, or an Excel serial in a number cell; YYYY-MM-DD or "".
std::string date_cell(const Record& r, size_t col);
// A whole number lo..hi (full-width digits accepted; "3.0" from a number cell too); nullopt when
// empty.
std::optional<long> int_cell(const Record& r, size_t col, long lo, long hi);

// A term of a vocabulary: the code and every word a sheet may use for it.
struct Term {
  std::string code;
  std::vector<std::string> words;
};
// The code a cell names (width- and case-insensitive), or CellError listing the accepted words.
std::string term_cell(const Record& r, size_t col, const std::vector<Term>& terms);

}  // namespace anzen::table
