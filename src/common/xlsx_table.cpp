#include "common/xlsx_table.h"

#include "common/cell_guard.h"
#include "common/date.h"
#include "common/paths.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <stdexcept>

namespace anzen {

void write_xlsx_table(const std::string& path, const std::string& sheet,
                      const std::vector<std::vector<std::string>>& rows,
                      const std::vector<double>& widths) {
  write_xlsx_workbook(path, {{sheet, rows, widths, {}}});
}

namespace {
// "&" starts a header code in Excel; a literal one is written twice.
std::string header_escape(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}
// Cuts UTF-8 text to at most n bytes without splitting a character.
std::string cut_utf8(std::string s, size_t n) {
  if (s.size() <= n) return s;
  s.resize(n);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
  return s;
}
}  // namespace

std::string page_header(const XlsxPrint& p) {
  std::string right = p.period;
  if (auto d = date::parse_iso(p.date))
    right += (right.empty() ? "" : "　") + date::japanese(*d) + "作成";
  std::string h = "&L" + header_escape(cut_utf8(p.organisation, 80)) + "&C" +
                  header_escape(cut_utf8(p.title, 80)) + "&R" + header_escape(cut_utf8(right, 60));
  return cut_utf8(h, 255);
}

void set_print_setup(lxw_worksheet* ws, const XlsxPrint& print, double total_width) {
  worksheet_set_paper(ws, 9);  // A4
  // About 90 character widths fit across a portrait A4 page at a readable scale.
  if (total_width > 90)
    worksheet_set_landscape(ws);
  else
    worksheet_set_portrait(ws);
  worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many pages tall as needed
  worksheet_repeat_rows(ws, 0, 0);   // the header row on every page
  worksheet_set_margins(ws, 0.4, 0.4, 0.7, 0.6);
  std::string header = page_header(print);
  if (!print.organisation.empty() || !print.title.empty() || !print.period.empty())
    worksheet_set_header(ws, header.c_str());
  worksheet_set_footer(ws, "&C&P / &N");
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
    double total = 0;
    for (size_t c = 0; c < cols; ++c) {
      double w = c < sh.widths.size() ? sh.widths[c] : 16;
      total += w;
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t c = 0; c < rows[r].size(); ++c) {
        std::string v = r == 0 ? rows[r][c] : cell::guard(rows[r][c]);
        worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v.c_str(),
                               r == 0 ? head : wrap);
      }
    }
    set_print_setup(ws, sh.print, total);
    worksheet_freeze_panes(ws, 1, 0);
    if (cols > 0 && !rows.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size() - 1),
                           static_cast<lxw_col_t>(cols - 1));
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot write " + path + ": " + lxw_strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    throw std::runtime_error("cannot rename " + tmp + " to " + path);
}

std::string xlsx_workbook_bytes(const std::vector<XlsxSheet>& sheets) {
  return bytes_via_temp_file([&](const std::string& path) { write_xlsx_workbook(path, sheets); },
                             ".xlsx");
}

}  // namespace anzen
