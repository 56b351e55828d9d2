// The risk register, asset inventory and treatment plan as tables: the columns exported to
// CSV/XLSX and read back by the atomic imports.
#pragma once
#include <string>
#include <vector>

#include "assess/sheet.h"
#include "common/table_read.h"
#include "risk/repo.h"

namespace anzen::risk {

// Columns: key (English header, also accepted), Japanese header (written), aliases (read;
// docs/spreadsheets.md). Read through the shared table layer (common/table_read.h).
using Column = table::Column;
const std::vector<Column>& asset_columns();
const std::vector<Column>& risk_columns();
const std::vector<Column>& plan_columns();
std::vector<std::string> columns_ja(const std::vector<Column>& cols);

std::string join(const std::vector<std::string>& v);
std::string join_ids(const std::vector<int64_t>& v);
std::string to_csv(const Table& t);  // UTF-8 with BOM, so Excel opens it as UTF-8

struct TableImport {
  int rows = 0, created = 0, updated = 0;
  std::string encoding;  // utf-8, utf-8-bom, cp932, utf-16le, xlsx
  std::string sheet;     // the worksheet read (XLSX)
};

// Reads a CSV (UTF-8 or Shift_JIS), Unicode text (UTF-16) or XLSX file with the exported
// columns (Japanese or English headers or documented aliases, any order; unknown and
// duplicate columns refused by name). A row with an ID updates that record
// (columns absent from the file keep their values); a row without one creates a record.
// All rows are applied in one transaction: on any defect nothing changes and
// assess::ImportError lists every defect with row and column.
TableImport import_assets(RiskRepo& repo, store::Db& db, int64_t org, const std::string& file, const std::string& bytes);
TableImport import_risks(RiskRepo& repo, store::Db& db, int64_t org, const std::string& file, const std::string& bytes);
TableImport import_plan(RiskRepo& repo, store::Db& db, int64_t org, const std::string& file, const std::string& bytes);

}  // namespace anzen::risk
