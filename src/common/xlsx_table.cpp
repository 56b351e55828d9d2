#include "common/xlsx_table.h"

#include "common/paths.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <stdexcept>

namespace anzen {

void write_xlsx_table(const std::string& path, const std::string& sheet, const std::vector<std::vector<std::string>>& rows,
                      const std::vector<double>& widths) {
  write_xlsx_workbook(path, {{sheet, rows, widths}});
}

void write_xlsx_workbook(const std::string& path, const std::vector<XlsxSheet>& sheets) {
  // Written beside the target and renamed, so a crash never leaves a half-written workbook.
  std::string tmp = path + ".tmp";
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) throw std::runtime_error("cannot create " + path);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  for (const auto& sh : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sh.name.c_str());
    if (!ws) {
      workbook_close(wb);
      std::remove(tmp.c_str());
      throw std::runtime_error("cannot add sheet '" + sh.name + "' to " + path);
    }
    const auto& rows = sh.rows;
    size_t cols = rows.empty() ? 0 : rows[0].size();
    for (size_t c = 0; c < cols; ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c < sh.widths.size() ? sh.widths[c] : 16, nullptr);
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t c = 0; c < rows[r].size(); ++c) {
        worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), rows[r][c].c_str(), r == 0 ? head : wrap);
      }
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (cols > 0 && !rows.empty()) worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size() - 1), static_cast<lxw_col_t>(cols - 1));
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot write " + path + ": " + lxw_strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw std::runtime_error("cannot rename " + tmp + " to " + path);
}

std::string xlsx_workbook_bytes(const std::vector<XlsxSheet>& sheets) {
  return bytes_via_temp_file([&](const std::string& path) { write_xlsx_workbook(path, sheets); }, ".xlsx");
}

}  // namespace anzen
