// anzen supplier overdue|reassessments|interval|link-asset|link-risk|show, anzen contract …,
// anzen questionnaire evidence: re-assessment, links to the asset and risk registers,
// outsourcing contracts with chapter 10's clauses, evidence files of answers.
#include <iostream>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "cli/supplier_session.h"
#include "common/paths.h"
#include "risk/repo.h"
#include "supplier/overview.h"
#include "supplier/view.h"

namespace anzen::cli {
using nlohmann::json;

namespace {
struct Opts {
  int64_t org = 0, id = 0, asset = 0, risk = 0, supplier = 0;
  int months = 0;
  std::string today, lang = "ja", output, title, signed_on, starts_on, ends_on, item, status,
                     evidence, question, file;
  bool json = false, unlink = false;
};
Opts o;

void register_recurrence_and_links(CLI::App& app, Globals& g) {
  auto* sup = app.get_subcommand("supplier");
  auto* od = sup->add_subcommand("overdue", "Suppliers whose re-assessment is overdue");
  od->add_option("--org", o.org)->required();
  od->add_option("--today", o.today, "YYYY-MM-DD (default: today in Japan)");
  od->add_flag("--json", o.json);
  od->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      json a = json::array();
      for (const auto& r : s.svc.overdue(o.org, o.today.empty() ? g.clock->today_jst() : o.today))
        a.push_back(supplier::reassessment_json(r));
      if (o.json) return print_json(a);
      for (const auto& r : a)
        std::cout << r["due"].get<std::string>() << "  " << r["name"].get<std::string>() << "\n";
    });
  });
  auto* ra = sup->add_subcommand("reassessments", "Every supplier's next assessment due date");
  ra->add_option("--org", o.org)->required();
  ra->add_option("--today", o.today, "YYYY-MM-DD (default: today in Japan)");
  ra->add_flag("--json", o.json);
  ra->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      json a = json::array();
      for (const auto& r : s.svc.reassessments(o.org, o.today.empty() ? g.clock->today_jst() : o.today))
        a.push_back(supplier::reassessment_json(r));
      print_json(a);
    });
  });
  auto* iv = sup->add_subcommand("interval", "Set a supplier's re-assessment interval");
  iv->add_option("ID", o.id)->required();
  iv->add_option("--org", o.org)->required();
  iv->add_option("--months", o.months, "1-60 (default 12)")->required();
  iv->callback([&g] {
    SupplierSession s(g);
    guarded([&] { s.svc.set_interval(o.org, o.id, o.months); });
  });
  auto* la = sup->add_subcommand("link-asset", "Link an asset of the asset register");
  la->add_option("ID", o.id)->required();
  la->add_option("--org", o.org)->required();
  la->add_option("--asset", o.asset)->required();
  la->add_flag("--unlink", o.unlink, "Remove the link instead");
  la->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      if (o.unlink)
        s.svc.unlink_asset(o.org, o.id, o.asset);
      else
        s.svc.link_asset(o.org, o.id, o.asset);
    });
  });
  auto* lr = sup->add_subcommand("link-risk", "Link a risk of the risk register");
  lr->add_option("ID", o.id)->required();
  lr->add_option("--org", o.org)->required();
  lr->add_option("--risk", o.risk)->required();
  lr->add_flag("--unlink", o.unlink, "Remove the link instead");
  lr->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      if (o.unlink)
        s.svc.unlink_risk(o.org, o.id, o.risk);
      else
        s.svc.link_risk(o.org, o.id, o.risk);
    });
  });
  auto* wb = sup->add_subcommand("workbook", "The suppliers and their status as an XLSX workbook");
  wb->add_option("--org", o.org)->required();
  wb->add_option("--today", o.today, "YYYY-MM-DD (default: today in Japan)");
  wb->add_option("--lang", o.lang, "ja (default) or en")->check(CLI::IsMember({"ja", "en"}));
  wb->add_option("-o,--output", o.output)->required();
  wb->callback([&g] {
    SupplierSession s(g);
    auto org = assess::AssessRepo(s.db, "cli").org(o.org);
    if (!org) throw UsageError("no organisation " + std::to_string(o.org));
    std::string today = o.today.empty() ? g.clock->today_jst() : o.today;
    guarded([&] {
      write_xlsx_workbook(
          o.output, {supplier::overview_sheet(supplier::overview(s.svc, o.org, today), org->name,
                                              today, o.lang)});
    });
  });
  auto* sh =
      sup->add_subcommand("show", "A supplier with its re-assessment, assets, risks and contracts");
  sh->add_option("ID", o.id)->required();
  sh->add_option("--org", o.org)->required();
  sh->add_option("--today", o.today, "YYYY-MM-DD (default: today in Japan)");
  sh->add_flag("--json", o.json);
  sh->callback([&g] {
    SupplierSession s(g);
    auto x = s.svc.supplier(o.org, o.id);
    if (!x)
      throw UsageError("no supplier " + std::to_string(o.id) + " in organisation " +
                       std::to_string(o.org));
    guarded([&] {
      print_json(
          supplier::supplier_detail_json(s.svc, *x, o.today.empty() ? g.clock->today_jst() : o.today));
    });
  });
}

void register_contract(CLI::App& app, Globals& g) {
  auto* ct = app.add_subcommand(
      "contract", "Outsourcing contracts and the contract requirements of tcs-2023 chapter 10");
  ct->require_subcommand(1);
  auto* add = ct->add_subcommand("add", "Record a contract with a supplier");
  add->add_option("--org", o.org)->required();
  add->add_option("--supplier", o.supplier)->required();
  add->add_option("--title", o.title)->required();
  add->add_option("--signed", o.signed_on, "締結日");
  add->add_option("--start", o.starts_on, "契約開始日");
  add->add_option("--end", o.ends_on, "契約終了日");
  add->add_flag("--json", o.json);
  add->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      supplier::Contract k;
      k.supplier_id = o.supplier;
      k.title = o.title;
      k.signed_on = o.signed_on;
      k.starts_on = o.starts_on;
      k.ends_on = o.ends_on;
      auto made = s.svc.add_contract(o.org, k);
      if (o.json) return print_json({{"id", made.id}});
      std::cout << "contract " << made.id << "\n";
    });
  });
  auto* cl = ct->add_subcommand(
      "clause", "Record whether the contract covers a chapter 10 requirement, and where");
  cl->add_option("ID", o.id)->required();
  cl->add_option("--org", o.org)->required();
  cl->add_option("--item", o.item, "tcs-2023 item, e.g. 10.1.1.1")->required();
  cl->add_option("--status", o.status, "implemented | partial | not_implemented | not_applicable")
      ->required();
  cl->add_option("--evidence", o.evidence, "The contract's clause, e.g. 第12条（秘密保持）");
  cl->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      auto st = assess::status_from(o.status);
      if (!st)
        throw assess::status_refused(
            "status", false,
            "status: expected implemented, partial, not_implemented or not_applicable");
      s.svc.set_clause(o.org, o.id, supplier::contract_clauses(g.catalogs->catalog()), o.item, *st,
                       o.evidence);
    });
  });
  auto* show = ct->add_subcommand("show", "A contract with its chapter 10 checklist");
  show->add_option("ID", o.id)->required();
  show->add_option("--org", o.org)->required();
  show->add_flag("--json", o.json);
  show->callback([&g] {
    SupplierSession s(g);
    auto k = s.svc.contract(o.org, o.id);
    if (!k)
      throw UsageError("no contract " + std::to_string(o.id) + " in organisation " +
                       std::to_string(o.org));
    print_json(supplier::contract_json(*k, supplier::contract_clauses(g.catalogs->catalog()),
                                       s.svc.clauses(k->id)));
  });
}

void register_answer_evidence(CLI::App& app, Globals& g) {
  auto* qn = app.get_subcommand("questionnaire");
  auto* ev =
      qn->add_subcommand("evidence", "Attach an evidence file to an answer (the supplier's side)");
  ev->add_option("ID", o.id)->required();
  ev->add_option("--question", o.question)->required();
  ev->add_option("FILE", o.file)->required()->check(CLI::ExistingFile);
  ev->add_flag("--json", o.json);
  ev->callback([&g] {
    SupplierSession s(g);
    auto q = s.need(o.id);
    guarded([&] {
      auto f = s.svc.add_answer_file(
          q, o.question, std::filesystem::path(o.file).filename().string(), read_file(o.file));
      if (o.json)
        return print_json(
            {{"id", f.id}, {"filename", f.filename}, {"sha256", f.sha256}, {"size", f.size}});
      std::cout << "evidence " << f.id << " (" << f.filename << ")\n";
    });
  });
}
}  // namespace

void register_supplier_more(CLI::App& app, Globals& g) {
  register_recurrence_and_links(app, g);
  register_contract(app, g);
  register_answer_evidence(app, g);
}

}  // namespace anzen::cli
