// anzen supplier … | questionnaire … | snapshot … — the supplier register, questionnaires sent to
// suppliers and reviewed, and makers' snapshots shared with operators.
#include <iostream>
#include <map>

#include "catalog/catalog_dir.h"
#include "cli/cli.h"
#include "cli/supplier_session.h"
#include "common/clock.h"
#include "common/invalid.h"
#include "common/paths.h"
#include "common/xlsx_table.h"
#include "store/audit.h"
#include "supplier/oscal.h"
#include "supplier/service.h"
#include "supplier/sheet.h"
#include "supplier/view.h"

namespace anzen::cli {
using nlohmann::json;

namespace {
void register_supplier_register(CLI::App& app, Globals& g) {
  auto* sup =
      app.add_subcommand("supplier", "Supplier register (makers, contractors, cloud services)");
  sup->require_subcommand(1);
  static supplier::Supplier ns;
  static int64_t maker_org = 0;
  static bool as_json = false;
  auto* c = sup->add_subcommand("create", "Add a supplier");
  c->add_option("--org", ns.org_id)->required();
  c->add_option("--name", ns.name)->required();
  c->add_option("--corporate-number", ns.corporate_number,
                "法人番号: 13 digits with its check digit");
  c->add_option("--contact", ns.contact);
  c->add_option("--services", ns.services, "Services supplied");
  c->add_option("--contract-start", ns.contract_start, "YYYY-MM-DD");
  c->add_option("--contract-end", ns.contract_end, "YYYY-MM-DD");
  c->add_option("--criticality", ns.criticality, "low, medium (default) or high");
  c->add_option("--maker-org", maker_org,
                "The supplier's own organisation in this Anzen, which then answers in it");
  c->add_flag("--json", as_json);
  c->callback([&g] {
    SupplierSession s(g);
    if (maker_org) ns.maker_org_id = maker_org;
    guarded([&] {
      auto made = s.svc.create_supplier(ns);
      if (as_json)
        print_json({{"id", made.id}});
      else
        std::cout << "created supplier " << made.id << "\n";
    });
  });
  static int64_t list_org = 0;
  auto* l = sup->add_subcommand("list", "List the organisation's suppliers");
  l->add_option("--org", list_org)->required();
  l->add_flag("--json", as_json);
  l->callback([&g] {
    SupplierSession s(g);
    json a = json::array();
    for (const auto& x : s.svc.suppliers(list_org)) a.push_back(supplier::supplier_json(x));
    if (as_json)
      print_json(a);
    else
      for (const auto& x : a) std::cout << x["id"] << "  " << x["name"].get<std::string>() << "\n";
  });
}

void register_questionnaire(CLI::App& app, Globals& g) {
  auto* qn = app.add_subcommand("questionnaire",
                                "Questionnaires sent to suppliers: send, answer, review, revoke");
  qn->require_subcommand(1);
  struct Opts {
    int64_t org = 0, supplier = 0, id = 0, snapshot = 0;
    std::string tmpl, due, expires, question, status, comment;
    std::vector<std::string> custom, question_comments;
    bool json = false, accept = false, ret = false, reject = false;
  };
  static Opts o;

  auto* send =
      qn->add_subcommand("send", "Send a questionnaire built from the catalog to a supplier");
  send->add_option("--org", o.org)->required();
  send->add_option("--supplier", o.supplier)->required();
  send->add_option("--template", o.tmpl, "maker | tcs-2023:10 | FRAMEWORK[:ITEM,…]")->required();
  send->add_option("--due", o.due, "YYYY-MM-DD")->required();
  send->add_option("--expires", o.expires,
                   "Last day the portal link works (default: 30 days after --due)");
  send->add_option("--custom", o.custom, "An extra question of your own (repeatable)");
  send->add_flag("--json", o.json);
  send->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      auto qs = supplier::build_questions(g.catalogs->catalog(), o.tmpl);
      supplier::add_custom(qs, o.custom);
      auto sent = s.svc.send(o.org, o.supplier, o.tmpl, std::move(qs), o.due, o.expires);
      json out = {{"id", sent.q.id},
                  {"token", sent.token},
                  {"url", "/portal/" + sent.token},
                  {"questions", sent.q.questions.size()}};
      if (o.json)
        print_json(out);
      else
        std::cout << "sent questionnaire " << sent.q.id << " (" << sent.q.questions.size()
                  << " questions)\nportal: /portal/" << sent.token << "\n";
    });
  });

  auto* show = qn->add_subcommand("show", "A questionnaire with its questions and answers");
  show->add_option("ID", o.id)->required();
  show->add_flag("--json", o.json);
  show->callback([&g] {
    SupplierSession s(g);
    auto q = s.need(o.id);
    json j = supplier::questionnaire_json(q, s.svc.answers(q.id));
    j["history"] = supplier::history_json(s.svc.history(q.id));
    if (o.json) {
      print_json(j);
      return;
    }
    std::cout << "questionnaire " << q.id << " [" << supplier::label(q.status).ja << "] " << q.tmpl
              << " due " << q.due << "\n";
    for (const auto& x : j["questions"]) {
      std::cout << x["id"].get<std::string>() << "  " << x["status_label"]["ja"].get<std::string>()
                << "  " << x["comment"].get<std::string>() << "\n";
    }
  });

  static int64_t list_org = 0;
  auto* list = qn->add_subcommand("list", "Questionnaires an organisation sent or received");
  list->add_option("--org", list_org)->required();
  list->add_flag("--json", o.json);
  list->callback([&g] {
    SupplierSession s(g);
    auto row = [&](const supplier::Questionnaire& q) {
      return json{{"id", q.id},
                  {"supplier_id", q.supplier_id},
                  {"template", q.tmpl},
                  {"status", supplier::to_string(q.status)},
                  {"due", q.due}};
    };
    json out = {{"sent", json::array()}, {"received", json::array()}};
    for (const auto& q : s.svc.sent_by(list_org)) out["sent"].push_back(row(q));
    for (const auto& q : s.svc.addressed_to(list_org)) out["received"].push_back(row(q));
    if (o.json)
      print_json(out);
    else
      std::cout << out.dump(2) << "\n";
  });

  auto* answer = qn->add_subcommand("answer", "Answer one question as the supplier organisation");
  answer->add_option("ID", o.id)->required();
  answer->add_option("--org", o.org, "The supplier's (maker's) organisation")->required();
  answer->add_option("--question", o.question)->required();
  answer
      ->add_option(
          "--status", o.status,
          "implemented partial not_implemented not_applicable (or 実施済 一部実施 未実施 対象外)")
      ->required();
  answer->add_option("--comment", o.comment);
  answer->callback([&g] {
    SupplierSession s(g);
    auto q = s.need(o.id, o.org);
    if (q.org_id == o.org)
      throw UsageError("organisation " + std::to_string(o.org) + " sent questionnaire " +
                       std::to_string(o.id) + "; the supplier answers it");
    auto st = assess::status_from(o.status);
    if (!st)
      throw UsageError("--status: '" + o.status +
                       "' is not implemented, partial, not_implemented or not_applicable");
    guarded([&] { s.svc.set_answer(q, o.question, *st, o.comment); });
  });

  auto* submit = qn->add_subcommand("submit", "Submit the answers as the supplier organisation");
  submit->add_option("ID", o.id)->required();
  submit->add_option("--org", o.org)->required();
  submit->callback([&g] {
    SupplierSession s(g);
    auto q = s.need(o.id, o.org);
    if (q.org_id == o.org)
      throw UsageError("organisation " + std::to_string(o.org) + " sent questionnaire " +
                       std::to_string(o.id) + "; the supplier submits it");
    guarded([&] { s.svc.submit(q); });
  });

  auto* review = qn->add_subcommand(
      "review", "Accept, return (with comments) or reject a submitted questionnaire");
  review->add_option("ID", o.id)->required();
  auto* verdicts = review->add_option_group("verdict");
  verdicts->add_flag("--accept", o.accept);
  verdicts->add_flag("--return", o.ret);
  verdicts->add_flag("--reject", o.reject);
  verdicts->require_option(1);
  review->add_option("--comment", o.comment, "Overall comment");
  review->add_option("--question-comment", o.question_comments,
                     "QUESTION=COMMENT, sent back with a return (repeatable)");
  review->add_flag("--json", o.json);
  review->callback([&g] {
    SupplierSession s(g);
    auto q = s.need(o.id);
    std::map<std::string, std::string> per;
    for (const auto& qc : o.question_comments) {
      auto eq = qc.find('=');
      if (eq == std::string::npos || eq == 0)
        throw UsageError("--question-comment: expected QUESTION=COMMENT, got '" + qc + "'");
      per[qc.substr(0, eq)] = qc.substr(eq + 1);
    }
    auto v = o.accept ? supplier::Verdict::accept
             : o.ret  ? supplier::Verdict::ret
                      : supplier::Verdict::reject;
    guarded([&] { s.svc.review(q, v, o.comment, per); });
    auto now = s.need(o.id);
    if (o.json)
      print_json({{"id", now.id}, {"status", supplier::to_string(now.status)}});
    else
      std::cout << "questionnaire " << now.id << ": " << supplier::label(now.status).ja << "\n";
  });

  auto* revoke = qn->add_subcommand("revoke", "Revoke every portal link of a questionnaire");
  revoke->add_option("ID", o.id)->required();
  revoke->add_flag("--json", o.json);
  revoke->callback([&g] {
    SupplierSession s(g);
    int n = s.svc.revoke_links(s.need(o.id));
    if (o.json)
      print_json({{"id", o.id}, {"revoked", n}});
    else
      std::cout << "revoked " << n << " link(s)\n";
  });

  auto* link =
      qn->add_subcommand("link", "Issue a new portal link (e.g. after revoking a leaked one)");
  link->add_option("ID", o.id)->required();
  link->add_option("--expires", o.expires, "YYYY-MM-DD")->required();
  link->add_flag("--json", o.json);
  link->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      auto token = s.svc.new_link(s.need(o.id), o.expires);
      if (o.json)
        print_json({{"id", o.id}, {"token", token}, {"url", "/portal/" + token}});
      else
        std::cout << "portal: /portal/" << token << "\n";
    });
  });

  static std::string format = "xlsx", out, file;
  auto* ex = qn->add_subcommand("export", "The questionnaire as an XLSX sheet to answer offline");
  ex->add_option("ID", o.id)->required();
  ex->add_option("--format", format, "xlsx (to answer offline) or oscal (component-definition)")
      ->check(CLI::IsMember({"xlsx", "oscal"}));
  ex->add_option("-o,--output", out)->required();
  ex->callback([&g] {
    SupplierSession s(g);
    auto q = s.need(o.id);
    if (format == "oscal") {
      auto sup = s.svc.supplier(q.org_id, q.supplier_id);
      write_file_atomic(
          out, supplier::component_definition(q, s.svc.answers(q.id), *sup).dump(2) + "\n");
      return;
    }
    write_xlsx_table(out, supplier::kAnswerSheet, supplier::answer_sheet(q, s.svc.answers(q.id)),
                     {12, 80, 12, 50, 40});
  });
  auto* im =
      qn->add_subcommand("import", "Answers from the XLSX sheet filled offline, all or nothing");
  im->add_option("ID", o.id)->required();
  im->add_option("FILE", file)->required()->check(CLI::ExistingFile);
  im->add_flag("--json", o.json);
  im->callback([&g] {
    SupplierSession s(g);
    auto q = s.need(o.id);
    std::string bytes = read_file(file);
    if (bytes.find_first_not_of(" \t\r\n") != std::string::npos &&
        bytes[bytes.find_first_not_of(" \t\r\n")] == '{') {
      // An OSCAL component-definition (JSON); an XLSX file starts with "PK".
      std::vector<supplier::SheetAnswer> answers;
      int changed = 0;
      guarded([&] {
        nlohmann::json doc;
        try {
          doc = nlohmann::json::parse(bytes);
        } catch (const nlohmann::json::parse_error& e) {
          throw Invalid(
              "file",
              file + " は JSON として読めません（" + std::to_string(e.byte) + " バイト目）。",
              file + " is not valid JSON (at byte " + std::to_string(e.byte) + ").", "not_json",
              file + ": not valid JSON (" + e.what() + ")");
        }
        try {
          answers = supplier::answers_from_component_definition(doc, q);
        } catch (const std::invalid_argument& e) {
          Invalid v = as_invalid(e);
          throw Invalid(v.field, file + "：" + v.ja + "（何も変更していません）",
                        file + ": " + v.en + " Nothing was changed.", v.code,
                        file + ": " + e.what() + "\nnothing was changed");
        }
        changed = supplier::import_answers(s.svc, s.db, q, answers);
      });
      if (o.json)
        print_json({{"id", q.id}, {"rows", answers.size()}, {"changed", changed}});
      else
        std::cout << "imported " << answers.size() << " answer(s), " << changed << " changed\n";
      return;
    }
    try {
      std::vector<csv::Row> rows;
      try {
        rows = supplier::read_answer_file(bytes);
      } catch (const std::runtime_error& e) {
        throw UsageError(file + ": not a readable XLSX file (" + e.what() + ")");
      }
      auto answers = supplier::read_answer_sheet(file, rows, q);
      int changed = 0;
      guarded([&] { changed = supplier::import_answers(s.svc, s.db, q, answers); });
      if (o.json)
        print_json({{"id", q.id}, {"rows", answers.size()}, {"changed", changed}});
      else
        std::cout << "imported " << answers.size() << " answer(s), " << changed << " changed\n";
    } catch (const assess::ImportError& e) {
      throw UsageError(std::string(e.what()) + "\nnothing was changed");
    }
  });

  auto* adopt = qn->add_subcommand(
      "adopt", "Take a maker's shared snapshot in place of sending a questionnaire");
  adopt->add_option("--org", o.org)->required();
  adopt->add_option("--supplier", o.supplier)->required();
  adopt->add_option("--snapshot", o.snapshot)->required();
  adopt->add_flag("--json", o.json);
  adopt->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      auto q = s.svc.adopt(o.org, o.supplier, o.snapshot);
      if (o.json)
        print_json({{"id", q.id}, {"status", supplier::to_string(q.status)}});
      else
        std::cout << "questionnaire " << q.id << " adopted from snapshot " << o.snapshot << "\n";
    });
  });
}

void register_snapshot(CLI::App& app, Globals& g) {
  auto* sn = app.add_subcommand(
      "snapshot", "A maker's accepted questionnaire, kept and shared read-only with operators");
  sn->require_subcommand(1);
  struct Opts {
    int64_t org = 0, id = 0, with = 0, questionnaire = 0;
    bool json = false;
  };
  static Opts o;
  auto* take = sn->add_subcommand(
      "take", "Keep an accepted maker-column questionnaire as the next snapshot version");
  take->add_option("--org", o.org, "The maker's organisation")->required();
  take->add_option("--questionnaire", o.questionnaire)->required();
  take->add_flag("--json", o.json);
  take->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      auto snap = s.svc.take_snapshot(o.org, o.questionnaire);
      if (o.json)
        print_json({{"id", snap.id}, {"version", snap.version}});
      else
        std::cout << "snapshot " << snap.id << " (version " << snap.version << ")\n";
    });
  });
  auto* share = sn->add_subcommand(
      "share", "Share a snapshot read-only with an operator (consent; revocable)");
  share->add_option("ID", o.id)->required();
  share->add_option("--org", o.org, "The maker's organisation")->required();
  share->add_option("--with", o.with, "The operator's organisation")->required();
  share->add_flag("--json", o.json);
  share->callback([&g] {
    SupplierSession s(g);
    guarded([&] {
      auto sh = s.svc.share(o.org, o.id, o.with);
      if (o.json)
        print_json({{"id", sh.id}});
      else
        std::cout << "share " << sh.id << "\n";
    });
  });
  auto* revoke = sn->add_subcommand("revoke", "Revoke a share");
  revoke->add_option("SHARE", o.id)->required();
  revoke->add_option("--org", o.org, "The maker's organisation")->required();
  revoke->callback([&g] {
    SupplierSession s(g);
    guarded([&] { s.svc.revoke_share(o.org, o.id); });
  });
  auto* show =
      sn->add_subcommand("show", "Read a snapshot shared with an operator (logged for the maker)");
  show->add_option("ID", o.id)->required();
  show->add_option("--org", o.org, "The reading operator's organisation")->required();
  show->add_flag("--json", o.json);
  show->callback([&g] {
    SupplierSession s(g);
    auto snap = s.svc.read_shared(o.org, o.id);
    if (!snap)
      throw UsageError("no snapshot " + std::to_string(o.id) + " shared with organisation " +
                       std::to_string(o.org));
    print_json(supplier::snapshot_json(*snap));
  });
  auto* log = sn->add_subcommand("log", "The maker's shares and who opened which snapshot when");
  log->add_option("--org", o.org, "The maker's organisation")->required();
  log->add_flag("--json", o.json);
  log->callback([&g] {
    SupplierSession s(g);
    json out = {{"snapshots", json::array()}, {"shares", json::array()}, {"reads", json::array()}};
    for (const auto& x : s.svc.snapshots(o.org))
      out["snapshots"].push_back({{"id", x.id},
                                  {"version", x.version},
                                  {"questionnaire_id", x.questionnaire_id},
                                  {"created_at", x.created_at}});
    for (const auto& x : s.svc.shares(o.org)) out["shares"].push_back(supplier::share_json(x));
    for (const auto& x : s.svc.reads(o.org)) out["reads"].push_back(supplier::read_json(x));
    print_json(out);
  });
}
}  // namespace

void register_supplier(CLI::App& app, Globals& g) {
  register_supplier_register(app, g);
  register_questionnaire(app, g);
  register_snapshot(app, g);
  register_supplier_more(app, g);
}

}  // namespace anzen::cli
