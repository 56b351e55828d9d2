#include "web/table_view.h"

#include <algorithm>

#include "web/html.h"

namespace anzen::web {

Cell text_cell(const std::string& text) { return {esc(text), text}; }
Cell number_cell(int64_t n) { return {std::to_string(n), std::to_string(n)}; }

namespace {
// The current URL with some of its parameters replaced (empty value: removed).
std::string link_with(const Ctx& c, const std::vector<std::pair<std::string, std::string>>& set,
                      const std::string& anchor) {
  std::string q;
  for (const auto& [k, v] : c.req.params) {
    const std::string& key = k;  // a named reference: clang 14 cannot capture a binding
    bool replaced = key == "lang" || std::any_of(set.begin(), set.end(),
                                                 [&](const auto& s) { return s.first == key; });
    if (!replaced) q += (q.empty() ? "" : "&") + url_encode(k) + "=" + url_encode(v);
  }
  for (const auto& [k, v] : set) {
    if (!v.empty()) q += (q.empty() ? "" : "&") + url_encode(k) + "=" + url_encode(v);
  }
  return c.req.path + (q.empty() ? "" : "?" + q) + (anchor.empty() ? "" : "#" + anchor);
}

size_t page_param(const Ctx& c, const std::string& name) {
  std::string v = c.req.has_param(name) ? c.req.get_param_value(name) : "";
  if (v.empty() || v.size() > 6 || !std::all_of(v.begin(), v.end(), ::isdigit)) return 1;
  return std::max<size_t>(1, std::stoul(v));
}

bool less_by(const Cell& a, const Cell& b, bool numeric) {
  if (numeric) {
    auto num = [](const std::string& s) {
      try {
        return std::stod(s);
      } catch (const std::exception&) {
        return 0.0;
      }
    };
    return num(a.sort) < num(b.sort);
  }
  return a.sort < b.sort;
}
}  // namespace

TableRequest table_request(const Ctx& c, const std::vector<Column>& cols, const TableOptions& o,
                           size_t total) {
  TableRequest q;
  const std::string sort_p = o.prefix + "sort", dir_p = o.prefix + "dir";
  q.sort = c.req.has_param(sort_p) ? c.req.get_param_value(sort_p) : o.default_sort;
  q.desc = c.req.has_param(dir_p) ? c.req.get_param_value(dir_p) == "desc" : o.default_desc;
  if (std::none_of(cols.begin(), cols.end(),
                   [&](const Column& k) { return k.key == q.sort && k.sortable; }))
    q.sort.clear();
  size_t per = std::max<size_t>(1, o.per_page);
  size_t pages = std::max<size_t>(1, (total + per - 1) / per);
  q.page = std::min(page_param(c, o.prefix + "page"), pages);
  return q;
}

std::string sorted_table(const Ctx& c, const std::vector<Column>& cols, std::vector<Row> rows,
                         const TableOptions& o) {
  TableRequest q = table_request(c, cols, o, rows.size());
  if (!q.sort.empty()) {
    auto col =
        std::find_if(cols.begin(), cols.end(), [&](const Column& k) { return k.key == q.sort; });
    size_t at = static_cast<size_t>(col - cols.begin());
    bool numeric = col->numeric, desc = q.desc;
    // Stable: equal keys keep the order the caller chose (priority, id, date).
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
      return desc ? less_by(b.cells[at], a.cells[at], numeric)
                  : less_by(a.cells[at], b.cells[at], numeric);
    });
  }
  size_t total = rows.size();
  size_t from = std::min(total, q.offset(o)),
         to = std::min(total, from + std::max<size_t>(1, o.per_page));
  std::vector<Row> page(std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(from)),
                        std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(to)));
  return paged_table(c, cols, page, total, q, o);
}

std::string paged_table(const Ctx& c, const std::vector<Column>& cols,
                        const std::vector<Row>& page_rows, size_t total, const TableRequest& q,
                        const TableOptions& o) {
  bool en = c.lang == "en";
  const std::string sort_p = o.prefix + "sort", dir_p = o.prefix + "dir",
                    page_p = o.prefix + "page";
  const std::string& sort = q.sort;
  bool desc = q.desc;
  size_t per = std::max<size_t>(1, o.per_page);
  size_t pages = std::max<size_t>(1, (total + per - 1) / per);
  size_t page = q.page;
  size_t from = std::min(total, (page - 1) * per), to = from + page_rows.size();

  std::string h = "<p class=\"muted table-count\">";
  if (total == 0)
    h += en ? "No entries." : "該当するものはありません。";
  else if (en)
    h += std::to_string(total) + " in all, showing " + std::to_string(from + 1) + "–" +
         std::to_string(to);
  else
    h += "全 " + std::to_string(total) + " 件中 " + std::to_string(from + 1) + "–" +
         std::to_string(to) + " 件を表示";
  h += "</p><div class=\"table-wrap\"><table" + (o.id.empty() ? "" : " id=\"" + esc(o.id) + "\"") +
       (o.table_class.empty() ? "" : " class=\"" + esc(o.table_class) + "\"") + "><thead><tr>";
  for (const auto& k : cols) {
    std::string cls = k.cls + (k.numeric ? (k.cls.empty() ? "num" : " num") : "");
    h += "<th" + (cls.empty() ? "" : " class=\"" + cls + "\"");
    if (!k.sortable) {
      h += ">" + esc(k.label) + "</th>";
      continue;
    }
    bool on = k.key == sort;
    h += on ? std::string(" aria-sort=\"") + (desc ? "descending" : "ascending") + "\"" : "";
    std::string next_dir = on && !desc ? "desc" : "asc";
    h += "><a class=\"sort\" href=\"" +
         esc(link_with(c, {{sort_p, k.key}, {dir_p, next_dir}, {page_p, ""}}, o.id)) + "\">" +
         esc(k.label) + (on ? (desc ? " ▼" : " ▲") : "") + "</a></th>";
  }
  h += "</tr></thead><tbody>";
  for (const Row& r : page_rows) {
    h += "<tr" + (r.attrs.empty() ? "" : " " + r.attrs) + ">";
    for (size_t k = 0; k < r.cells.size() && k < cols.size(); ++k) {
      std::string cls =
          cols[k].cls + (cols[k].numeric ? (cols[k].cls.empty() ? "num" : " num") : "");
      h += "<td" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + r.cells[k].html + "</td>";
    }
    h += "</tr>";
  }
  h += "</tbody></table></div>";
  if (pages > 1) {
    h += "<nav class=\"pager\" aria-label=\"" + std::string(en ? "pages" : "ページ") + "\">";
    auto page_link = [&](size_t p, const std::string& label, const std::string& rel) {
      if (p < 1 || p > pages) return "<span class=\"muted\">" + esc(label) + "</span>";
      if (p == page) return "<strong aria-current=\"page\">" + esc(label) + "</strong>";
      return "<a href=\"" + esc(link_with(c, {{page_p, p == 1 ? "" : std::to_string(p)}}, o.id)) +
             "\"" + (rel.empty() ? "" : " rel=\"" + rel + "\"") + ">" + esc(label) + "</a>";
    };
    h += page_link(page - 1, en ? "‹ Previous" : "‹ 前へ", "prev");
    for (size_t p = 1; p <= pages; ++p) {
      // First, last and the neighbourhood of the current page; gaps shown as …
      if (p == 1 || p == pages || (p + 2 >= page && p <= page + 2))
        h += " " + page_link(p, std::to_string(p), "");
      else if (p == 2 || p == pages - 1)
        h += " …";
    }
    h += " " + page_link(page + 1, en ? "Next ›" : "次へ ›", "next") + "</nav>";
  }
  return h;
}

}  // namespace anzen::web
