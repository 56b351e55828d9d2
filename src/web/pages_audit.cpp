// The audit trail of the user's organisation: filters, pages of 50 rows, CSV/JSON export, and
// the verdict of the whole chain (counts are the organisation's own rows).
#include <map>

#include "common/csv.h"
#include "common/date.h"
#include "common/invalid.h"
#include "common/vocabulary.h"
#include "store/audit.h"
#include "web/audit_diff.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/table_view.h"

namespace anzen::web {

namespace {
constexpr int64_t kPageRows = 50;
constexpr int64_t kExportRows = 100000;

struct AuditFilter {
  std::string actor, action, entity, from, to;
  int64_t page = 1;

  static AuditFilter of(const Ctx& c) {
    AuditFilter f{c.param("actor"), c.param("action"), c.param("entity"),
                  c.param("from"),  c.param("to"),     1};
    for (auto* v : {&f.actor, &f.action, &f.entity, &f.from, &f.to})
      if (v->size() > 200)
        throw Invalid("filter", "絞り込みの条件が長すぎます（200 バイトまで）。",
                      "The filter is too long (at most 200 bytes).", "too_long",
                      "filter: at most 200 bytes");
    std::string p = c.param("page");
    if (!p.empty()) {
      if (p.size() > 6 || p.find_first_not_of("0123456789") != std::string::npos || p == "0")
        throw Invalid("page", "ページ番号は 1 以上の整数で指定してください。",
                      "Expected a page number (a whole number from 1).", "invalid",
                      "page: expected a page number");
      f.page = std::stoll(p);
    }
    return f;
  }
  // WHERE clause (organisation first) and its binder.
  std::string where() const {
    std::string w = "org_id=?";
    if (!actor.empty()) w += " AND actor=?";
    if (!action.empty()) w += " AND action=?";
    if (!entity.empty()) w += " AND entity=?";
    if (!from.empty()) w += " AND at>=?";
    if (!to.empty()) w += " AND at<?";
    return w;
  }
  int bind(store::Stmt& st, int64_t org) const {
    int i = 1;
    st.bind(i++, org);
    for (const auto* v : {&actor, &action, &entity, &from})
      if (!v->empty()) st.bind(i++, *v);
    if (!to.empty()) st.bind(i++, to + "\xF4");  // a whole day when `to` is a date
    return i;
  }
  std::string query(int64_t p) const {
    std::string q = "?";
    for (auto [k, v] : {std::pair{"actor", &actor},
                        {"action", &action},
                        {"entity", &entity},
                        {"from", &from},
                        {"to", &to}})
      if (!v->empty()) q += std::string(k) + "=" + url_encode(*v) + "&";
    return q + "page=" + std::to_string(p);
  }
};

constexpr const char* kCols =
    "id, at, actor, entity, entity_id, action, coalesce(before_json,''), coalesce(after_json,''), "
    "coalesce(client,'')";

template <class F>
void each_row(Ctx& c, const AuditFilter& f, int64_t limit, int64_t offset, F&& fn,
              const std::string& order = "id DESC") {
  auto st = c.db.prepare(std::string("SELECT ") + kCols + " FROM audit_log WHERE " + f.where() +
                         " ORDER BY " + order + " LIMIT ? OFFSET ?");
  int i = f.bind(st, c.org());
  st.bind(i, limit).bind(i + 1, offset);
  while (st.step()) fn(st);
}

// One page of the table as the URL sorts it; the sort key names a column, never SQL text.
template <class F>
void each_row(Ctx& c, const AuditFilter& f, const TableRequest& q, const TableOptions& o, F&& fn) {
  static const std::map<std::string, std::string> kOrder = {
      {"id", "id"}, {"at", "at"}, {"actor", "actor"}, {"action", "action"}, {"client", "client"}};
  auto col = kOrder.find(q.sort.empty() ? "id" : q.sort);
  std::string dir = q.sort.empty() || q.desc ? " DESC" : " ASC";
  std::string order = (col == kOrder.end() ? std::string("id") : col->second) + dir + ", id" + dir;
  each_row(c, f, static_cast<int64_t>(o.per_page), static_cast<int64_t>(q.offset(o)),
           std::forward<F>(fn), order);
}

int64_t count_rows(Ctx& c, const AuditFilter& f) {
  auto st = c.db.prepare("SELECT count(*) FROM audit_log WHERE " + f.where());
  f.bind(st, c.org());
  st.step();
  return st.i64(0);
}

std::string filter_form(const Ctx& c, const AuditFilter& f) {
  auto field = [&](const char* name, const char* ja, const char* en, const std::string& v,
                   const char* type) {
    return std::string("<label>") + esc(c.lang == "en" ? en : ja) + " <input type=\"" + type +
           "\" name=\"" + name + "\" value=\"" + esc(v) + "\"></label>";
  };
  // Entities and actions are chosen by their labels; the URL keeps the code.
  auto choice = [&](const char* name, const char* ja, const char* en, const std::string& v,
                    const char* domain) {
    std::string h = std::string("<label>") + esc(c.lang == "en" ? en : ja) + " <select name=\"" +
                    name + "\"><option value=\"\">" + esc(c.lang == "en" ? "(all)" : "（すべて）") +
                    "</option>";
    bool known = v.empty();
    for (const auto& code : vocab::codes(domain)) {
      known = known || code == v;
      h += "<option value=\"" + esc(code) + "\"" + (code == v ? " selected" : "") + ">" +
           esc(vocab::label_or_code(domain, code, c.lang)) + "</option>";
    }
    if (!known) h += "<option value=\"" + esc(v) + "\" selected>" + esc(v) + "</option>";
    return h + "</select></label>";
  };
  return "<form method=\"get\" action=\"/audit\" class=\"filters\">" +
         field("actor", "実行者", "Actor", f.actor, "text") +
         choice("action", "操作", "Action", f.action, "audit_action") +
         choice("entity", "対象", "Entity", f.entity, "audit_entity") +
         field("from", "開始日", "From", f.from, "date") +
         field("to", "終了日", "To", f.to, "date") + "<button type=\"submit\">" +
         esc(c.t("common.filter")) + "</button></form>";
}

// The page of an audited record, when it has one ("12:T2-122.2" is an answer of assessment 12).
std::string record_href(const std::string& entity, const std::string& id) {
  static const std::map<std::string, std::string> kPages = {{"assessment", "/assessments/"},
                                                            {"incident", "/incidents/"},
                                                            {"asset", "/assets/"},
                                                            {"risk", "/risks/"},
                                                            {"plan_item", "/plan/"},
                                                            {"supplier", "/suppliers/"},
                                                            {"supplier_contract", "/contracts/"},
                                                            {"questionnaire", "/questionnaires/"},
                                                            {"snapshot", "/snapshots/"}};
  bool numeric =
      !id.empty() && id.size() < 19 && id.find_first_not_of("0123456789") == std::string::npos;
  if (auto it = kPages.find(entity); it != kPages.end() && numeric) return it->second + id;
  size_t sep = id.find_first_of(":/");
  if (sep == std::string::npos || sep == 0) return "";
  std::string head = id.substr(0, sep), tail = id.substr(sep + 1);
  if (head.find_first_not_of("0123456789") != std::string::npos || tail.empty()) return "";
  if (entity == "answer" && id[sep] == ':')
    return "/assessments/" + head + "/questions/" + url_encode(tail);
  if (entity == "incident_report" && id[sep] == '/' &&
      tail.find_first_not_of("0123456789") == std::string::npos)
    return "/incidents/" + head + "/filings/" + tail;
  return "";
}

// 内容: the action and the record by their labels, the record linked to its page
// ("保存 計画項目 #2"). A deleted record is not linked.
std::string what_html(const Ctx& c, const std::string& entity, const std::string& id,
                      const std::string& action) {
  std::string act = vocab::label_or_code("audit_action", action, c.lang);
  std::string rec = vocab::label_or_code("audit_entity", entity, c.lang);
  // "ログイン demo", not "ログイン ログイン demo": an entity named by its action (a sign-in, a
  // download: the same Japanese word) is said once, in either language.
  if (!id.empty() && vocab::label_or_code("audit_entity", entity, "ja") ==
                         vocab::label_or_code("audit_action", action, "ja"))
    rec.clear();
  if (!id.empty()) {
    bool number = id.find_first_not_of("0123456789") == std::string::npos;
    rec += (rec.empty() ? "" : " ") + (number ? "#" + id : id);
  }
  std::string href = action == "delete" ? "" : record_href(entity, id);
  return "<span class=\"audit-action\">" + esc(act) + "</span> " +
         (href.empty()
              ? "<span class=\"audit-record\">" + esc(rec) + "</span>"
              : "<a class=\"audit-record\" href=\"" + esc(href) + "\">" + esc(rec) + "</a>");
}
}  // namespace

void mount_audit_pages(Router& r) {
  r.get("/audit", [](Ctx& c) {
    c.require_audit();
    AuditFilter f = AuditFilter::of(c);
    auto v = store::audit_verify(c.db);
    int64_t total = count_rows(c, AuditFilter{});
    int64_t matching = count_rows(c, f);
    std::string b = "<h1>" + esc(c.t("nav.audit")) + "</h1>";
    b += v.ok ? "<p class=\"flash\">" + esc(c.t("audit.verify_ok")) + " (" + std::to_string(total) +
                    ")</p>"
              : "<p class=\"error\">" + esc(c.t("audit.verify_bad")) + " " + esc(v.reason) + "</p>";
    b += filter_form(c, f);
    std::string q = f.query(f.page).substr(1);
    q = q.substr(0, q.rfind("page="));
    b += "<p><a href=\"/audit.csv?" + esc(q) + "\">CSV</a> · <a href=\"/audit.json?" + esc(q) +
         "\">JSON</a></p>";
    const std::vector<Column> cols = {
        {"id", "#", true},
        {"at", c.t("common.when")},
        {"actor", c.t("common.who")},
        {"action", c.t("common.what")},
        {"client", c.lang == "en" ? "Client" : "接続元", false, true, "opt"},
        {"changes", c.lang == "en" ? "Changes (before → after)" : "変更内容（変更前 → 変更後）",
         false, false, "opt"}};
    TableOptions o;
    o.default_sort = "id";
    o.default_desc = true;
    o.per_page = kPageRows;
    o.id = "audit-table";
    TableRequest tq = table_request(c, cols, o, static_cast<size_t>(matching));
    std::vector<Row> rows;
    each_row(c, f, tq, o, [&](store::Stmt& st) {
      rows.push_back({{number_cell(st.i64(0)),
                       {when_html(st.str(1), c.lang), st.str(1)},
                       text_cell(st.str(2)),
                       {what_html(c, st.str(3), st.str(4), st.str(5)), st.str(5)},
                       text_cell(st.str(8)),
                       {audit_diff_html(st.str(3), st.str(6), st.str(7), c.lang), ""}},
                      ""});
    });
    b += paged_table(c, cols, rows, static_cast<size_t>(matching), tq, o);
    c.html(layout(c, c.t("nav.audit"), b));
  });

  r.get("/audit.csv", [](Ctx& c) {
    c.require_audit();
    AuditFilter f = AuditFilter::of(c);
    // The codes stay (machine-readable); the labels follow in the user's language.
    std::string out =
        "\xEF\xBB\xBF" + csv::row({"id", "at", "actor", "entity", "entity_id", "action", "before",
                                   "after", "client", "entity_label", "action_label"});
    each_row(c, f, kExportRows, 0, [&](store::Stmt& st) {
      std::vector<std::string> row{std::to_string(st.i64(0))};
      for (int i = 1; i <= 8; ++i) row.push_back(i == 1 ? date::iso_jst(st.str(i)) : st.str(i));
      row.push_back(vocab::label_or_code("audit_entity", st.str(3), c.lang));
      row.push_back(vocab::label_or_code("audit_action", st.str(5), c.lang));
      out += csv::row(row);
    });
    c.res.set_header("Content-Disposition", "attachment; filename=\"audit.csv\"");
    c.res.set_content(out, "text/csv; charset=utf-8");
  });

  r.get("/audit.json", [](Ctx& c) {
    c.require_audit();
    AuditFilter f = AuditFilter::of(c);
    nlohmann::json rows = nlohmann::json::array();
    each_row(c, f, kExportRows, 0, [&](store::Stmt& st) {
      auto parse = [](const std::string& s) {
        return s.empty() ? nlohmann::json() : nlohmann::json::parse(s, nullptr, false);
      };
      rows.push_back(
          {{"id", st.i64(0)},
           {"at", st.str(1)},
           {"actor", st.str(2)},
           {"entity", st.str(3)},
           {"entity_id", st.str(4)},
           {"action", st.str(5)},
           {"entity_label", vocab::label_or_code("audit_entity", st.str(3), c.lang)},
           {"action_label", vocab::label_or_code("audit_action", st.str(5), c.lang)},
           {"before", parse(st.str(6))},
           {"after", parse(st.str(7))},
           {"client", st.str(8).empty() ? nlohmann::json() : nlohmann::json(st.str(8))}});
    });
    c.res.set_header("Content-Disposition", "attachment; filename=\"audit.json\"");
    c.res.set_content(rows.dump(1), "application/json; charset=utf-8");
  });
}

}  // namespace anzen::web
