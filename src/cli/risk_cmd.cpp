// anzen asset … | risk … | plan … — the risk register and the risk-treatment plan.
#include <iomanip>
#include <iostream>

#include "catalog/catalog_dir.h"
#include "cli/cli.h"
#include "common/clock.h"
#include "common/paths.h"
#include "common/text.h"
#include "common/xlsx_table.h"
#include "report/oscal.h"
#include "risk/json.h"
#include "risk/repo.h"
#include "risk/table.h"
#include "risk/threat.h"
#include "store/audit.h"

namespace anzen::cli {
using nlohmann::json;

namespace {
struct RiskSession {
  store::Db db;
  risk::RiskRepo repo;
  RiskSession(const std::string& p, const risk::Matrix& default_matrix)
      : db(p), repo((db.migrate(), db), default_matrix, store::default_actor()) {}
};

std::pair<int, int> pair_of(const std::string& s, const char* what) {
  auto x = s.find('x');
  try {
    if (x != std::string::npos) return {std::stoi(s.substr(0, x)), std::stoi(s.substr(x + 1))};
  } catch (const std::exception&) {
  }
  throw UsageError(std::string(what) + ": expected LIKELIHOODxIMPACT, e.g. 4x5, got '" + s + "'");
}

json risk_out(risk::RiskRepo& repo, const risk::Risk& r) {
  return risk::to_json(r, repo.matrix(r.org_id));
}
json plan_out(const risk::PlanItem& p) { return risk::to_json(p); }
template <typename F>
void guarded(F f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}
json asset_out(const risk::Asset& a) { return risk::to_json(a); }

// Prints a table as aligned text (for humans; --json is for machines).
void print_table(const risk::Table& t, const std::vector<size_t>& cols) {
  for (const auto& row : t) {
    std::string line;
    for (size_t c : cols) {
      std::string v = c < row.size() ? row[c] : "";
      if (text::width(v) > 40) v = text::truncate_width(v, 39) + "…";
      line += v + std::string(static_cast<size_t>(std::max(0, 42 - text::width(v))), ' ');
    }
    std::cout << text::trim(line) << "\n";
  }
}

// `… show --org ORG ID`: one record as JSON; `get` returns nothing when the organisation has no such record.
template <typename Get>
void add_show(CLI::App* parent, Globals& g, const std::string& what, Get get) {
  struct Opts {
    int64_t org = 0, id = 0;
  };
  auto o = std::make_shared<Opts>();
  auto* c = parent->add_subcommand("show", "Show " + what);
  c->add_option("--org", o->org)->required();
  c->add_option("ID", o->id)->required();
  c->add_flag("--json");
  c->callback([&g, o, what, get] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    std::optional<json> out = get(s.repo, o->org, o->id);
    if (!out)
      throw UsageError("no " + what + " " + std::to_string(o->id) + " in organisation " +
                       std::to_string(o->org));
    print_json(*out);
  });
}

// `… import --org ID FILE` and `… export --org ID --format csv|xlsx -o FILE` for one table.
using Importer = risk::TableImport (*)(risk::RiskRepo&, store::Db&, int64_t, const std::string&, const std::string&);
void add_table_io(CLI::App* parent, Globals& g, const std::string& what, Importer import_fn,
                  risk::Table (risk::RiskRepo::*table)(int64_t), const std::string& sheet, bool svg = false, bool oscal = false) {
  struct Opts {
    int64_t org = 0;
    std::string file, format = "csv", out;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* im = parent->add_subcommand("import", "Create or update " + what + " from a CSV (UTF-8 or Shift_JIS) or XLSX file, all or nothing");
  im->add_option("--org", o->org)->required();
  im->add_option("FILE", o->file)->required()->check(CLI::ExistingFile);
  im->add_flag("--json", o->json);
  im->callback([&g, o, import_fn, what] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    try {
      auto r = import_fn(s.repo, s.db, o->org, o->file, read_file(o->file));
      if (o->json)
        print_json({{"rows", r.rows},
                    {"created", r.created},
                    {"updated", r.updated},
                    {"encoding", r.encoding},
                    {"sheet", r.sheet}});
      else
        std::cout << "imported " << r.rows << " " << what << " row(s) (" << r.encoding
                  << (r.sheet.empty() ? "" : ", sheet '" + r.sheet + "'") << "): " << r.created
                  << " created, " << r.updated << " updated\n";
    } catch (const assess::ImportError& e) {
      if (o->json) {
        json issues = json::array();
        for (const auto& i : e.issues())
          issues.push_back({{"file", i.file},
                            {"sheet", i.sheet},
                            {"row", i.row},
                            {"column", i.column},
                            {"found", i.found},
                            {"expected", i.expected}});
        std::cerr << json{{"error", "import refused; nothing was changed"}, {"issues", issues}}.dump(2) << "\n";
        std::exit(2);
      }
      throw UsageError(std::string(e.what()) + "\nnothing was changed");
    }
  });
  auto* ex = parent->add_subcommand("export", std::string("Export ") + what + (svg ? " as CSV or XLSX, or the heat map as SVG" : " as CSV or XLSX"));
  ex->add_option("--org", o->org)->required();
  std::vector<std::string> formats = {"csv", "xlsx"};
  if (svg) formats.push_back("svg");
  if (oscal) formats.push_back("oscal");
  ex->add_option("--format", o->format, "csv, xlsx" + std::string(svg ? ", svg" : "") + (oscal ? ", oscal (POA&M)" : ""))->check(CLI::IsMember(formats));
  ex->add_option("-o,--output", o->out)->required();
  ex->callback([&g, o, table, sheet] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    if (o->format == "csv") {
      write_file_atomic(o->out, risk::to_csv((s.repo.*table)(o->org)));
    } else if (o->format == "oscal") {
      auto org = assess::AssessRepo(s.db, "cli").org(o->org);
      if (!org) throw UsageError("no organisation " + std::to_string(o->org));
      write_file_atomic(o->out, report::poam(*org, s.repo.plan(o->org), s.repo.risks(o->org), s.repo.matrix(o->org)).dump(2) + "\n");
    } else if (o->format == "xlsx") {
      write_xlsx_table(o->out, sheet, (s.repo.*table)(o->org), {6, 30, 16, 16, 24, 16, 12, 16, 12, 12, 12, 12, 10, 14, 24, 12, 20});
    } else {
      std::vector<std::pair<int, int>> pos;
      for (const auto& r : s.repo.risks(o->org)) pos.emplace_back(r.current_l, r.current_i);
      write_file_atomic(o->out, risk::heat_map_svg(s.repo.matrix(o->org), pos, "ja"));
    }
    std::cerr << "wrote " << o->out << "\n";
  });
}
}  // namespace

void register_risk(CLI::App& app, Globals& g) {
  auto* asset = app.add_subcommand("asset", "Asset inventory (information systems, facilities, …)");
  asset->require_subcommand(1);
  static risk::Asset na;
  static std::string a_cia = "2,2,2";
  static bool ac_json = false;
  static int64_t a_id = 0;
  for (const char* verb : {"create", "update"}) {
    bool upd = std::string(verb) == "update";
    auto* ac = asset->add_subcommand(verb, upd ? "Change an asset (all fields are set again)" : "Add an asset");
    if (upd) ac->add_option("ID", a_id)->required();
    ac->add_option("--org", na.org_id)->required();
    ac->add_option("--name", na.name)->required();
    ac->add_option("--kind", na.kind, "information_system software information facility operation_support_system cloud_service")->required();
    ac->add_option("--owner", na.owner);
    ac->add_option("--cia", a_cia, "Classification C,I,A on the organisation's scale (default 1-3; default 2,2,2)");
    ac->add_option("--services", na.services);
    ac->add_option("--suppliers", na.suppliers);
    ac->add_option("--depends-on", na.depends_on, "Asset ids this one depends on");
    ac->add_flag("--json", ac_json);
    ac->callback([&g] {
      RiskSession s(g.db, g.catalogs->risk_matrix());
      if (std::sscanf(a_cia.c_str(), "%d,%d,%d", &na.c, &na.i, &na.a) != 3)
        throw UsageError("--cia: expected C,I,A such as 3,3,2");
      na.id = a_id;
      guarded([&] {
        auto a = s.repo.save_asset(na);
        if (ac_json) print_json(asset_out(a));
        else std::cout << "saved asset " << a.id << "\n";
      });
    });
  }
  add_show(asset, g, "asset", [](risk::RiskRepo& repo, int64_t org, int64_t id) -> std::optional<json> {
    auto a = repo.asset(org, id);
    return a ? std::optional<json>(asset_out(*a)) : std::nullopt;
  });
  auto* al = asset->add_subcommand("list", "List assets");
  static int64_t al_org = 0;
  static bool al_json = false;
  al->add_option("--org", al_org)->required();
  al->add_flag("--json", al_json);
  al->callback([&g] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    if (!al_json) return print_table(s.repo.assets_table(al_org), {0, 1, 2, 3, 4, 5, 6});
    json out = json::array();
    for (const auto& a : s.repo.assets(al_org)) out.push_back(asset_out(a));
    print_json(out);
  });
  add_table_io(asset, g, "assets", &risk::import_assets, &risk::RiskRepo::assets_table, "資産台帳");

  auto* rk = app.add_subcommand("risk", "Risk register on the likelihood × impact matrix");
  rk->require_subcommand(1);
  static risk::Risk nr;
  static std::string inh = "3x3", cur = "3x3", res = "3x3";
  static int64_t r_id = 0;
  static bool r_json = false;
  for (const char* verb : {"create", "update"}) {
    auto* c = rk->add_subcommand(verb, std::string(verb) == "create" ? "Add a risk scenario" : "Change a risk (all fields are set again)");
    if (std::string(verb) == "update") c->add_option("ID", r_id)->required();
    c->add_option("--org", nr.org_id)->required();
    c->add_option("--title", nr.title)->required();
    std::string threats;
    for (const auto& t : risk::threat_codes()) threats += (threats.empty() ? "" : " ") + t;
    c->add_option("--threat", nr.threat, threats)->required();
    c->add_option("--custom-threat", nr.custom_threat);
    c->add_option("--description", nr.description);
    c->add_option("--owner", nr.owner, "Risk owner (リスクオーナー)");
    c->add_option("--assets", nr.asset_ids);
    c->add_option("--questions", nr.question_ids, "Linked checklist questions, e.g. T2-122.2");
    c->add_option("--inherent", inh, "LxI, e.g. 4x5");
    c->add_option("--current", cur, "LxI");
    c->add_option("--residual", res, "LxI");
    c->add_option("--treatment", nr.treatment, "reduce avoid transfer accept");
    c->add_option("--approver", nr.approver, "Who approved an acceptance");
    c->add_option("--justification", nr.justification);
    c->add_option("--expiry", nr.acceptance_expiry, "Acceptance expiry YYYY-MM-DD");
    c->add_flag("--json", r_json);
    c->callback([&g] {
      RiskSession s(g.db, g.catalogs->risk_matrix());
      std::tie(nr.inherent_l, nr.inherent_i) = pair_of(inh, "--inherent");
      std::tie(nr.current_l, nr.current_i) = pair_of(cur, "--current");
      std::tie(nr.residual_l, nr.residual_i) = pair_of(res, "--residual");
      nr.id = r_id;
      guarded([&] {
        auto r = s.repo.save_risk(nr);
        if (r_json) print_json(risk_out(s.repo, r));
        else std::cout << "saved risk " << r.id << " (" << s.repo.matrix(r.org_id).level(r.current_l, r.current_i).id << ")\n";
      });
    });
  }
  auto* rl = rk->add_subcommand("list", "List risks");
  static int64_t rl_org = 0;
  static bool rl_json = false;
  rl->add_option("--org", rl_org)->required();
  rl->add_flag("--json", rl_json);
  rl->callback([&g] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    if (!rl_json) return print_table(s.repo.risks_table(rl_org), {0, 1, 2, 9, 11, 12});
    json out = json::array();
    for (const auto& r : s.repo.risks(rl_org)) out.push_back(risk_out(s.repo, r));
    print_json(out);
  });
  add_show(rk, g, "risk", [](risk::RiskRepo& repo, int64_t org, int64_t id) -> std::optional<json> {
    auto r = repo.risk(org, id);
    return r ? std::optional<json>(risk_out(repo, *r)) : std::nullopt;
  });
  add_table_io(rk, g, "risks", &risk::import_risks, &risk::RiskRepo::risks_table, "リスク台帳", true);
  auto* mx = rk->add_subcommand("matrix", "The organisation's likelihood × impact matrix");
  mx->require_subcommand(1);
  auto* mxs = mx->add_subcommand("show", "Print the matrix in use (its own, or the shipped 5 × 5 default)");
  static int64_t mx_org = 0;
  static std::string mx_file;
  mxs->add_option("--org", mx_org)->required();
  mxs->add_flag("--json");
  mxs->callback([&g] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    print_json(risk::matrix_to_json(s.repo.matrix(mx_org)));
  });
  auto* mxset = mx->add_subcommand("set", "Use a matrix file (YAML or JSON, the shape of catalogs/risk/matrix-5x5.yaml)");
  mxset->add_option("--org", mx_org)->required();
  mxset->add_option("--file", mx_file)->required()->check(CLI::ExistingFile);
  mxset->callback([&g] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    auto m = risk::load_matrix_file(mx_file);
    guarded([&] { s.repo.set_matrix(mx_org, m); });
    std::cout << "organisation " << mx_org << " now uses matrix " << m.id << " (" << m.likelihoods << "×" << m.impacts << ", " << m.levels.size() << " levels)\n";
  });

  auto* pl = app.add_subcommand("plan", "Risk-treatment plan (目標とする将来像・実施事項・必要な資源・責任者・達成期限・結果の評価方法)");
  pl->require_subcommand(1);
  static risk::PlanItem np;
  static int64_t p_id = 0;
  for (const char* verb : {"create", "update"}) {
    auto* c = pl->add_subcommand(verb, std::string(verb) == "create" ? "Add a plan item" : "Change a plan item (all fields are set again)");
    if (std::string(verb) == "update") c->add_option("ID", p_id)->required();
    c->add_option("--org", np.org_id)->required();
    c->add_option("--target-state", np.target_state)->required();
    c->add_option("--actions", np.actions)->required();
    c->add_option("--resources", np.resources);
    c->add_option("--owner", np.owner)->required();
    c->add_option("--deadline", np.deadline, "YYYY-MM-DD")->required();
    c->add_option("--evaluation-method", np.evaluation_method)->required();
    c->add_option("--status", np.status, "planned in_progress done cancelled");
    c->add_option("--progress", np.progress, "0-100");
    c->add_option("--risks", np.risk_ids);
    c->add_option("--questions", np.question_ids);
    c->callback([&g] {
      RiskSession s(g.db, g.catalogs->risk_matrix());
      np.id = p_id;
      guarded([&] { print_json(plan_out(s.repo.save_plan_item(np))); });
    });
  }
  auto* pli = pl->add_subcommand("list", "The plan; --overdue for items past their deadline");
  static int64_t pli_org = 0;
  static bool pli_overdue = false, pli_json = false;
  pli->add_option("--org", pli_org)->required();
  pli->add_flag("--overdue", pli_overdue);
  pli->add_flag("--json", pli_json);
  pli->callback([&g] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    if (!pli_json) {
      risk::Table t{risk::columns_ja(risk::plan_columns())};
      for (const auto& p :
           pli_overdue ? s.repo.overdue(pli_org, g.clock->today_jst()) : s.repo.plan(pli_org)) {
        t.push_back({std::to_string(p.id), p.target_state, p.actions, p.resources, p.owner, p.deadline, p.evaluation_method, p.status, std::to_string(p.progress)});
      }
      return print_table(t, {0, 1, 4, 5, 7, 8});
    }
    json out = json::array();
    for (const auto& p :
         pli_overdue ? s.repo.overdue(pli_org, g.clock->today_jst()) : s.repo.plan(pli_org))
      out.push_back(plan_out(p));
    print_json(out);
  });
  auto* pp = pl->add_subcommand("propose", "Plan items proposed from an assessment's 未実施/一部実施 answers");
  static int64_t pp_a = 0;
  pp->add_option("--assessment", pp_a)->required();
  pp->add_flag("--json");
  pp->callback([&g] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    auto a = need_assessment(s.db, pp_a);
    json out = json::array();
    for (const auto& p : s.repo.proposals(a, assess_service(s.db, g).gaps(a))) {
      out.push_back({{"question", p.question_id}, {"status", assess::to_string(p.status)}, {"priority", p.priority}});
    }
    print_json(out);
  });
  static int64_t pa_a = 0;
  static std::string pa_q, pa_owner, pa_deadline, pa_reason;
  auto* pa = pl->add_subcommand("accept", "Accept a proposal: creates the linked plan item");
  pa->add_option("--assessment", pa_a)->required();
  pa->add_option("QUESTION", pa_q)->required();
  pa->add_option("--owner", pa_owner)->required();
  pa->add_option("--deadline", pa_deadline)->required();
  pa->callback([&g] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    auto a = need_assessment(s.db, pa_a);
    guarded([&] {
      print_json(plan_out(s.repo.accept_proposal(a, framework_of(g.catalogs->catalog(), a),
                                                 assess_service(s.db, g).gaps(a), pa_q, pa_owner,
                                                 pa_deadline)));
    });
  });
  auto* pr = pl->add_subcommand("reject", "Reject a proposal, with the reason");
  pr->add_option("--assessment", pa_a)->required();
  pr->add_option("QUESTION", pa_q)->required();
  pr->add_option("--reason", pa_reason)->required();
  pr->callback([&g] {
    RiskSession s(g.db, g.catalogs->risk_matrix());
    auto a = need_assessment(s.db, pa_a);
    guarded([&] { s.repo.reject_proposal(a, pa_q, pa_reason); });
    std::cout << "rejected " << pa_q << "\n";
  });
  add_show(pl, g, "plan item", [](risk::RiskRepo& repo, int64_t org, int64_t id) -> std::optional<json> {
    auto p = repo.plan_item(org, id);
    return p ? std::optional<json>(plan_out(*p)) : std::nullopt;
  });
  add_table_io(pl, g, "plan items", &risk::import_plan, &risk::RiskRepo::plan_table, "リスク対応計画", false, true);
}

}  // namespace anzen::cli
