// One sortable, paged table for every long list (gaps, risks, assets, plan, incidents, audit):
// the server sorts and slices, the sort column, direction and page live in the URL, and the
// count printed above the table is the count of the rows it pages through.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "web/context.h"

namespace anzen::web {

struct Column {
  Column(std::string k, std::string l, bool num = false, bool sort = true, std::string c = "")
      : key(std::move(k)), label(std::move(l)), numeric(num), sortable(sort), cls(std::move(c)) {}
  std::string key;    // the value of ?sort=
  std::string label;  // shown (already translated)
  bool numeric = false;
  bool sortable = true;
  std::string cls;  // e.g. "opt" (hidden on phones) or "num"
};

struct Cell {
  std::string html;  // escaped markup
  std::string sort;  // the sort key (text) or a number when the column is numeric
};

struct Row {
  std::vector<Cell> cells;
  std::string attrs;  // extra attributes of the <tr> (id, class)
};

struct TableOptions {
  std::string prefix;        // query-parameter prefix when a page holds several tables
  std::string default_sort;  // column key; empty keeps the given order
  bool default_desc = false;
  size_t per_page = 50;
  std::string table_class;
  std::string id;  // the table's id (the pager links jump back to it)
};

// The cell of a text value (escaped, sorted by the text).
Cell text_cell(const std::string& text);
// The cell of a number (right-aligned by the column, sorted numerically).
Cell number_cell(int64_t n);

// "全 83 件中 1–20 件を表示", the table with sort links in its header, and the pager.
std::string sorted_table(const Ctx& c, const std::vector<Column>& cols, std::vector<Row> rows,
                         const TableOptions& o);

// For lists too long to hold in memory (the audit trail), the database sorts and slices:
// what the URL asks for (a sortable column's key or empty, direction, page clamped to `total`)…
struct TableRequest {
  std::string sort;
  bool desc = false;
  size_t page = 1;
  size_t offset(const TableOptions& o) const {
    return (page - 1) * std::max<size_t>(1, o.per_page);
  }
};
TableRequest table_request(const Ctx& c, const std::vector<Column>& cols, const TableOptions& o,
                           size_t total);
// …and the same table and pager around the rows of that page (`total` rows in all).
std::string paged_table(const Ctx& c, const std::vector<Column>& cols,
                        const std::vector<Row>& page_rows, size_t total, const TableRequest& q,
                        const TableOptions& o);

}  // namespace anzen::web
