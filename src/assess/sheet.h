// The checklist as a spreadsheet (表2 layout): CSV and XLSX export, CSV import.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "assess/repo.h"
#include "assess/service.h"
#include "common/table_read.h"
#include "common/xlsx_table.h"

namespace anzen::assess {

// Import defects and refusals are the shared table layer's (common/table_read.h).
using ImportIssue = table::Issue;
using ImportError = table::ImportError;

struct ImportResult {
  int rows = 0;
  int changed = 0;
  int unchanged = 0;
  std::string encoding;  // xlsx, utf-8, utf-8-bom, cp932, utf-16le
  std::string sheet;     // the worksheet read (XLSX)
};

// The checklist's columns: Japanese header (written), English and aliases (also read).
const std::vector<table::Column>& sheet_columns();

std::string export_csv(const catalog::Framework& fw, const Assessment& a, const AnswerMap& answers,
                       const std::vector<Evidence>& evidence);
void export_xlsx(const catalog::Framework& fw, const Assessment& a, const AnswerMap& answers,
                 const std::vector<Evidence>& evidence, const std::string& path, const XlsxPrint& print = {});

// Validates every row first; on any issue throws ImportError listing them all and changes
// nothing. Otherwise applies all rows in one transaction (unchanged rows leave no history).
// XLSX (the sheet whose header row fits, cover sheets before it are fine), CSV (UTF-8 or
// Shift_JIS) or Excel's Unicode text (UTF-16, tab-separated): common/table_read.h.
// Every row becomes an answer change through AssessService::update_answers (all or nothing).
ImportResult import_file(AssessService& svc, const Assessment& a, const std::string& file,
                         const std::string& bytes);

// The two halves of import_file. read_sheet reads the file and turns every row into an answer
// change, refusing (ImportError) what no answer can hold; nothing is stored. apply_sheet stores
// the changes through AssessService::update_answers as one audited import (all or nothing),
// reporting the checks that fail at their row and column.
struct SheetPatches {
  table::Table table;
  std::vector<std::pair<std::string, AnswerPatch>> patches;
  std::vector<size_t> rows;  // per patch, its row in table.rows
};
SheetPatches read_sheet(const AssessService& svc, const Assessment& a, const std::string& file,
                        const std::string& bytes);
ImportResult apply_sheet(AssessService& svc, const Assessment& a, const SheetPatches& sheet);

}  // namespace anzen::assess
