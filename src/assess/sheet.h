// The checklist as a spreadsheet (表2 layout): CSV and XLSX export, CSV import.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "assess/repo.h"

namespace anzen::assess {

struct ImportIssue {
  std::string file;
  int row = 0;           // 1-based line of the record in the file
  std::string column;    // header name
  std::string found;
  std::string expected;
  std::string str() const;
};

class ImportError : public std::runtime_error {
 public:
  explicit ImportError(std::vector<ImportIssue> issues);
  const std::vector<ImportIssue>& issues() const { return issues_; }

 private:
  std::vector<ImportIssue> issues_;
};

struct ImportResult {
  int rows = 0;
  int changed = 0;
  int unchanged = 0;
  std::string encoding;  // utf-8, utf-8-bom, cp932
};

// Column headers, Japanese (written) and English (also accepted on import).
struct Column {
  const char* key;
  const char* ja;
  const char* en;
};
const std::vector<Column>& sheet_columns();

std::string export_csv(const catalog::Framework& fw, const Assessment& a, const AnswerMap& answers,
                       const std::vector<Evidence>& evidence);
void export_xlsx(const catalog::Framework& fw, const Assessment& a, const AnswerMap& answers,
                 const std::vector<Evidence>& evidence, const std::string& path);

// Decodes bytes as UTF-8 (with or without BOM) or Shift_JIS/CP932 as saved by Japanese Excel.
// Throws ImportError (row 0) when neither fits.
std::string decode_spreadsheet_text(const std::string& file, const std::string& bytes, std::string& encoding);

// A date cell as Excel stores it (serial day number) turned into YYYY-MM-DD; other text unchanged.
std::string excel_serial_to_date(const std::string& v);

// Validates every row first; on any issue throws ImportError listing them all and changes
// nothing. Otherwise applies all rows in one transaction (unchanged rows leave no history).
ImportResult import_csv(AssessRepo& repo, const catalog::Framework& fw, const Assessment& a,
                        const std::string& file, const std::string& bytes);
// The same for an XLSX workbook (first sheet), e.g. the export filled in Excel.
ImportResult import_xlsx(AssessRepo& repo, const catalog::Framework& fw, const Assessment& a,
                         const std::string& file, const std::string& bytes);
// XLSX when the bytes are a zip archive, CSV otherwise.
ImportResult import_file(AssessRepo& repo, const catalog::Framework& fw, const Assessment& a,
                         const std::string& file, const std::string& bytes);

}  // namespace anzen::assess
