// Risk register with heat map, and the risk-treatment plan with gap-to-plan proposals.
#include "catalog/catalog_dir.h"
#include "common/invalid.h"
#include "common/xlsx_table.h"
#include "risk/repo.h"
#include "risk/table.h"
#include "web/accounts.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"

namespace anzen::web {
using nlohmann::json;

namespace {
struct TableKind {
  const char* path;
  const char* sheet;
  risk::Table (risk::RiskRepo::*table)(int64_t);
  risk::TableImport (*import_fn)(risk::RiskRepo&, store::Db&, int64_t, const std::string&, const std::string&);
};
const std::vector<TableKind>& table_kinds() {
  static const std::vector<TableKind> k = {{"risks", "リスク台帳", &risk::RiskRepo::risks_table, &risk::import_risks},
                                           {"assets", "資産台帳", &risk::RiskRepo::assets_table, &risk::import_assets},
                                           {"plan", "リスク対応計画", &risk::RiskRepo::plan_table, &risk::import_plan}};
  return k;
}
const TableKind& kind_of(const std::string& path) {
  for (const auto& k : table_kinds()) {
    if (path == k.path) return k;
  }
  throw HttpError(404, "not found");
}
}  // namespace

void mount_risk_register_pages(Router& r);  // pages_risks.cpp
void mount_asset_pages(Router& r);          // pages_assets.cpp
void mount_plan_pages(Router& r);           // pages_plan.cpp

void mount_risk_pages(Router& r) {
  mount_risk_register_pages(r);
  mount_asset_pages(r);
  mount_plan_pages(r);
  r.get(R"(/(risks|assets|plan)/export\.(csv|xlsx|svg))", [](Ctx& c) {
    const auto& k = kind_of(c.path_arg(1));
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    std::string fmt = c.path_arg(2);
    c.res.set_header("Content-Disposition", "attachment; filename=\"" + std::string(k.path) + "." + fmt + "\"");
    if (fmt == "csv") return c.res.set_content(risk::to_csv((repo.*k.table)(c.org())), "text/csv; charset=utf-8");
    if (fmt == "svg") {
      if (std::string(k.path) != "risks") throw HttpError(404, "not found");
      std::vector<std::pair<int, int>> pos;
      for (const auto& x : repo.risks(c.org())) pos.emplace_back(x.current_l, x.current_i);
      return c.res.set_content(risk::heat_map_svg(repo.matrix(c.org()), pos, c.lang), "image/svg+xml");
    }
    c.res.set_content(xlsx_workbook_bytes({XlsxSheet{k.sheet, (repo.*k.table)(c.org()), {}}}), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
  r.post(R"(/(risks|assets|plan)/import)", [](Ctx& c) {
    c.require_edit();
    const auto& k = kind_of(c.path_arg(1));
    if (!c.req.has_file("file"))
      throw Invalid("file", "CSV または XLSX ファイルを選んでください。",
                    "Choose a CSV or XLSX file.", "required", "file: choose a CSV or XLSX file");
    const auto& f = c.req.get_file_value("file");
    risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
    std::string b;
    int status = 200;
    try {
      auto res = k.import_fn(repo, c.db, c.org(), f.filename, f.content);
      b = "<p class=\"flash\">" + std::to_string(res.rows) + (c.lang == "en" ? " row(s) read (" : " 行を読み込みました（") + esc(res.encoding) + "): " +
          std::to_string(res.created) + (c.lang == "en" ? " created, " : " 件作成、") + std::to_string(res.updated) + (c.lang == "en" ? " updated." : " 件更新。") + "</p>";
    } catch (const assess::ImportError& e) {
      b = "<div class=\"error\" role=\"alert\"><p>" + std::string(c.lang == "en" ? "Nothing was imported:" : "取り込みは行われませんでした:") + "</p><ul>";
      for (const auto& i : e.issues()) b += "<li>" + esc(i.str()) + "</li>";
      b += "</ul></div>";
      status = 422;
    }
    b += "<p><a href=\"/" + std::string(k.path) + "\">← " + esc(k.sheet) + "</a></p>";
    c.html(layout(c, "import", b), status);
  });
  for (const char* verb : {"accept", "reject"}) {
    r.post(std::string("/plan/") + verb, [verb](Ctx& c) {
      c.require_edit();
      auto latest = latest_assessment(c);
      if (!latest) throw HttpError(404, "no assessment");
      risk::RiskRepo repo(c.db, c.catalogs.risk_matrix(), c.actor());
      if (std::string(verb) == "accept")
        repo.accept_proposal(*latest, framework_of(c, *latest), assess_service(c).gaps(*latest),
                             c.param("question"), c.param("owner"), c.param("deadline"));
      else repo.reject_proposal(*latest, c.param("question"), c.param("reason"));
      c.redirect("/plan");
    });
  }
}

}  // namespace anzen::web
