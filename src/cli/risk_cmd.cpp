// anzen asset … | risk … | plan … — the risk register and the risk-treatment plan.
#include <iostream>

#include "catalog/catalog_dir.h"
#include "cli/cli.h"
#include "common/paths.h"
#include "risk/repo.h"
#include "store/audit.h"

namespace anzen::cli {
using nlohmann::json;

namespace {
struct RiskSession {
  store::Db db;
  risk::RiskRepo repo;
  explicit RiskSession(const std::string& p) : db(p), repo((db.migrate(), db), store::default_actor()) {}
};

std::pair<int, int> pair_of(const std::string& s, const char* what) {
  auto x = s.find('x');
  try {
    if (x != std::string::npos) return {std::stoi(s.substr(0, x)), std::stoi(s.substr(x + 1))};
  } catch (const std::exception&) {
  }
  throw UsageError(std::string(what) + ": expected LIKELIHOODxIMPACT, e.g. 4x5, got '" + s + "'");
}

json risk_out(const risk::RiskRepo& repo, const risk::Risk& r) {
  auto lv = [&](int l, int i) { return json{{"likelihood", l}, {"impact", i}, {"level", repo.matrix().level(l, i).id}}; };
  return {{"id", r.id}, {"title", r.title}, {"threat", r.threat}, {"custom_threat", r.custom_threat}, {"owner", r.owner},
          {"asset_ids", r.asset_ids}, {"question_ids", r.question_ids}, {"inherent", lv(r.inherent_l, r.inherent_i)},
          {"current", lv(r.current_l, r.current_i)}, {"residual", lv(r.residual_l, r.residual_i)}, {"treatment", r.treatment},
          {"approver", r.approver}, {"justification", r.justification}, {"acceptance_expiry", r.acceptance_expiry}};
}
json plan_out(const risk::PlanItem& p) {
  return {{"id", p.id}, {"target_state", p.target_state}, {"actions", p.actions}, {"resources", p.resources}, {"owner", p.owner},
          {"deadline", p.deadline}, {"evaluation_method", p.evaluation_method}, {"status", p.status}, {"progress", p.progress},
          {"risk_ids", p.risk_ids}, {"question_ids", p.question_ids}};
}
std::string today_jst() {
  std::time_t t = std::time(nullptr) + 9 * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}
template <typename F>
void guarded(F f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}
}  // namespace

void register_risk(CLI::App& app, Globals& g) {
  auto* asset = app.add_subcommand("asset", "Asset inventory (information systems, facilities, …)");
  asset->require_subcommand(1);
  auto* ac = asset->add_subcommand("create", "Add an asset");
  static risk::Asset na;
  static std::string a_cia = "2,2,2";
  static bool ac_json = false;
  ac->add_option("--org", na.org_id)->required();
  ac->add_option("--name", na.name)->required();
  ac->add_option("--kind", na.kind, "information_system software information facility operation_support_system cloud_service")->required();
  ac->add_option("--owner", na.owner);
  ac->add_option("--cia", a_cia, "Classification C,I,A each 1-3 (default 2,2,2)");
  ac->add_option("--services", na.services);
  ac->add_option("--suppliers", na.suppliers);
  ac->add_option("--depends-on", na.depends_on, "Asset ids this one depends on");
  ac->add_flag("--json", ac_json);
  ac->callback([&g] {
    RiskSession s(g.db);
    if (std::sscanf(a_cia.c_str(), "%d,%d,%d", &na.c, &na.i, &na.a) != 3) throw UsageError("--cia: expected C,I,A such as 3,3,2");
    guarded([&] {
      auto a = s.repo.create_asset(na);
      if (ac_json) print_json({{"id", a.id}});
      else std::cout << "created asset " << a.id << "\n";
    });
  });
  auto* al = asset->add_subcommand("list", "List assets");
  static int64_t al_org = 0;
  al->add_option("--org", al_org)->required();
  al->add_flag("--json");
  al->callback([&g] {
    RiskSession s(g.db);
    json out = json::array();
    for (const auto& a : s.repo.assets(al_org)) {
      out.push_back({{"id", a.id}, {"name", a.name}, {"kind", a.kind}, {"owner", a.owner}, {"c", a.c}, {"i", a.i}, {"a", a.a},
                     {"services", a.services}, {"suppliers", a.suppliers}, {"depends_on", a.depends_on}});
    }
    print_json(out);
  });

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
    c->add_option("--threat", nr.threat, "cyber_attack congestion failure_disaster info_leak custom")->required();
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
      RiskSession s(g.db);
      std::tie(nr.inherent_l, nr.inherent_i) = pair_of(inh, "--inherent");
      std::tie(nr.current_l, nr.current_i) = pair_of(cur, "--current");
      std::tie(nr.residual_l, nr.residual_i) = pair_of(res, "--residual");
      nr.id = r_id;
      guarded([&] {
        auto r = s.repo.save_risk(nr);
        if (r_json) print_json(risk_out(s.repo, r));
        else std::cout << "saved risk " << r.id << " (" << s.repo.matrix().level(r.current_l, r.current_i).id << ")\n";
      });
    });
  }
  auto* rl = rk->add_subcommand("list", "List risks");
  static int64_t rl_org = 0;
  rl->add_option("--org", rl_org)->required();
  rl->add_flag("--json");
  rl->callback([&g] {
    RiskSession s(g.db);
    json out = json::array();
    for (const auto& r : s.repo.risks(rl_org)) out.push_back(risk_out(s.repo, r));
    print_json(out);
  });
  auto* rs = rk->add_subcommand("show", "Show a risk");
  static int64_t rs_org = 0, rs_id = 0;
  rs->add_option("--org", rs_org)->required();
  rs->add_option("ID", rs_id)->required();
  rs->callback([&g] {
    RiskSession s(g.db);
    auto r = s.repo.risk(rs_org, rs_id);
    if (!r) throw UsageError("no risk " + std::to_string(rs_id));
    print_json(risk_out(s.repo, *r));
  });
  auto* re = rk->add_subcommand("export", "Risk register as CSV, or the heat map as SVG");
  static int64_t re_org = 0;
  static std::string re_format = "csv", re_out;
  re->add_option("--org", re_org)->required();
  re->add_option("--format", re_format, "csv or svg")->check(CLI::IsMember({"csv", "svg"}));
  re->add_option("-o,--output", re_out)->required();
  re->callback([&g] {
    RiskSession s(g.db);
    if (re_format == "csv") {
      write_file_atomic(re_out, s.repo.risks_csv(re_org));
    } else {
      std::vector<std::pair<int, int>> pos;
      for (const auto& r : s.repo.risks(re_org)) pos.emplace_back(r.current_l, r.current_i);
      write_file_atomic(re_out, risk::heat_map_svg(s.repo.matrix(), pos, "ja"));
    }
    std::cerr << "wrote " << re_out << "\n";
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
      RiskSession s(g.db);
      np.id = p_id;
      guarded([&] { print_json(plan_out(s.repo.save_plan_item(np))); });
    });
  }
  auto* pli = pl->add_subcommand("list", "The plan; --overdue for items past their deadline");
  static int64_t pli_org = 0;
  static bool pli_overdue = false;
  pli->add_option("--org", pli_org)->required();
  pli->add_flag("--overdue", pli_overdue);
  pli->add_flag("--json");
  pli->callback([&g] {
    RiskSession s(g.db);
    json out = json::array();
    for (const auto& p : pli_overdue ? s.repo.overdue(pli_org, today_jst()) : s.repo.plan(pli_org)) out.push_back(plan_out(p));
    print_json(out);
  });
  auto* pp = pl->add_subcommand("propose", "Plan items proposed from an assessment's 未実施/一部実施 answers");
  static int64_t pp_a = 0;
  pp->add_option("--assessment", pp_a)->required();
  pp->add_flag("--json");
  pp->callback([&g] {
    RiskSession s(g.db);
    assess::AssessRepo ar(s.db, store::default_actor());
    auto a = ar.get(pp_a);
    if (!a) throw UsageError("no assessment " + std::to_string(pp_a));
    json out = json::array();
    for (const auto& p : s.repo.proposals(*a, *catalog::shipped_catalog().find(a->framework, a->framework_version))) {
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
    RiskSession s(g.db);
    assess::AssessRepo ar(s.db, store::default_actor());
    auto a = ar.get(pa_a);
    if (!a) throw UsageError("no assessment " + std::to_string(pa_a));
    guarded([&] { print_json(plan_out(s.repo.accept_proposal(*a, *catalog::shipped_catalog().find(a->framework, a->framework_version), pa_q, pa_owner, pa_deadline))); });
  });
  auto* pr = pl->add_subcommand("reject", "Reject a proposal, with the reason");
  pr->add_option("--assessment", pa_a)->required();
  pr->add_option("QUESTION", pa_q)->required();
  pr->add_option("--reason", pa_reason)->required();
  pr->callback([&g] {
    RiskSession s(g.db);
    assess::AssessRepo ar(s.db, store::default_actor());
    auto a = ar.get(pa_a);
    if (!a) throw UsageError("no assessment " + std::to_string(pa_a));
    guarded([&] { s.repo.reject_proposal(*a, pa_q, pa_reason); });
    std::cout << "rejected " << pa_q << "\n";
  });
  auto* pe = pl->add_subcommand("export", "The plan as CSV");
  static int64_t pe_org = 0;
  static std::string pe_out, pe_format = "csv";
  pe->add_option("--org", pe_org)->required();
  pe->add_option("--format", pe_format)->check(CLI::IsMember({"csv"}));
  pe->add_option("-o,--output", pe_out)->required();
  pe->callback([&g] {
    RiskSession s(g.db);
    write_file_atomic(pe_out, s.repo.plan_csv(pe_org));
    std::cerr << "wrote " << pe_out << "\n";
  });
}

}  // namespace anzen::cli
