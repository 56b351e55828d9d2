// anzen incident classify — the legal reporting classifier from the command line.
#include <iostream>
#include <iterator>

#include <filesystem>
#include "cli/cli.h"
#include "common/csv.h"
#include "common/date.h"
#include "common/json_input.h"
#include "common/paths.h"
#include "common/vocabulary.h"
#include "common/xlsx_table.h"
#include "incident/classify.h"
#include "incident/missing.h"
#include "incident/service.h"
#include "store/audit.h"

namespace anzen::cli {
using nlohmann::json;

namespace {
nlohmann::json read_json_arg(const std::string& f) {
  std::string text;
  if (f == "-") text.assign(std::istreambuf_iterator<char>(std::cin), {});
  else text = read_file(f);
  try {
    return parse_json_input(text, f);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}
// --as-of TIME, or none (now): the time every register command judges ongoing incidents at.
std::optional<incident::Instant> as_of_arg(const std::string& as_of) {
  if (as_of.empty()) return std::nullopt;
  auto t = incident::parse_instant(as_of);
  if (!t) throw UsageError("--as-of: expected an ISO 8601 time with offset, got '" + as_of + "'");
  return *t;
}
}  // namespace

void register_incident(CLI::App& app, Globals& g) {
  auto* inc = app.add_subcommand("incident", "Telecom accidents: classification and reporting deadlines");
  inc->require_subcommand(1);
  auto* cl = inc->add_subcommand("classify", "Classify an event (JSON) and list the reports due");
  static std::string file, as_of;
  static bool json_out = false;
  cl->add_option("FILE", file, "Event JSON file, or - for standard input")->required();
  cl->add_option("--as-of", as_of, "Judge an ongoing event as of this time (ISO 8601 with offset; default now)");
  cl->add_flag("--json", json_out, "Print JSON (the contract in docs/incidents.md)");
  cl->callback([&g] {
    nlohmann::json j = read_json_arg(file);
    incident::Event ev;
    try {
      ev = incident::event_from_json(j);
    } catch (const incident::InvalidEvent& e) {
      throw UsageError(std::string("invalid event: ") + e.what());
    }
    auto judge = incident_judge(g).as_of(as_of_arg(as_of));
    auto v = judge.classify(ev);
    auto missing = judge.missing_inputs(j);
    if (json_out) {
      auto out = incident::verdict_json(v);
      out["missing_inputs"] = incident::missing_inputs_json(missing);
      print_json(out);
      return;
    }
    // Text output speaks the vocabulary (Japanese first, English after), never the codes that
    // --json carries.
    for (const auto& c : v.classifications) {
      std::cout << vocab::label_or_code("classification", c.kind, "ja") << " / "
                << vocab::label_or_code("classification", c.kind, "en") << "（" << c.rule
                << (c.threshold_label.ja.empty() ? "" : "、" + c.threshold_label.ja) << "）\n  "
                << c.explanation.ja << "\n";
      if (!c.unconfirmed.empty()) {
        auto cav = incident::unconfirmed_caveat(c);
        std::cout << "  ※ " << cav.ja << "\n    " << cav.en << "\n";
      }
      for (const auto& r : c.reports) {
        std::cout << "  - " << vocab::label_or_code("report", r.type, "ja") << " " << r.form
                  << " 期限 "
                  << (r.due ? date::japanese({r.due->y, r.due->m, r.due->d}) : "速やかに")
                  << " / due " << (r.due ? r.due->str() : "promptly") << "\n";
      }
    }
    for (const auto& m : incident::missing_inputs_json(missing)) {
      std::cout << "※ " << m["text"]["ja"].get<std::string>() << "\n   "
                << m["text"]["en"].get<std::string>() << "\n";
    }
  });

  // ---- the register
  auto* cr = inc->add_subcommand("create", "Record an incident (event JSON as for classify)");
  static int64_t cr_org = 0;
  static std::string cr_title, cr_desc, cr_file, cr_details;
  static bool cr_json = false;
  cr->add_option("--org", cr_org, "Organisation id")->required();
  cr->add_option("--title", cr_title, "Title")->required();
  cr->add_option("--description", cr_desc, "Description");
  cr->add_option("--event", cr_file, "Event JSON file or -")->required();
  cr->add_option("--details", cr_details, "JSON file with prefectures, facility_functions, cause, actions, links");
  cr->add_flag("--json", cr_json, "Print JSON");
  cr->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    auto svc = incident_service(db, g);
    try {
      auto i =
          svc.create(cr_org, cr_title, cr_desc, read_json_arg(cr_file),
                     cr_details.empty() ? nlohmann::json::object() : read_json_arg(cr_details));
      if (cr_json) print_json({{"id", i.id}});
      else std::cout << "recorded incident " << i.id << "\n";
    } catch (const incident::InvalidEvent& e) {
      throw UsageError(std::string("invalid event: ") + e.what());
    }
  });
  auto* ls = inc->add_subcommand("list", "List incidents");
  static int64_t ls_org = 0;
  static bool ls_json = false;
  ls->add_option("--org", ls_org, "Organisation id")->required();
  static std::string ls_as_of;
  ls->add_flag("--json", ls_json, "Print JSON");
  ls->add_option("--as-of", ls_as_of, "Judge ongoing incidents as of this time (default now)");
  ls->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : incident_service(db, g).as_of(as_of_arg(ls_as_of)).list_current(ls_org)) {
      out.push_back(incident::to_json(i));
      if (!ls_json) {
        std::string kinds;
        for (const auto& c : i.classification["classifications"]) kinds += c["kind"].get<std::string>() + " ";
        std::cout << i.id << "\t" << i.status << "\t" << i.title << "\t" << kinds << "\n";
      }
    }
    if (ls_json) print_json(out);
  });
  auto* sh = inc->add_subcommand("show", "Show an incident with its classification and timeline");
  static int64_t sh_org = 0, sh_id = 0;
  sh->add_option("--org", sh_org, "Organisation id")->required();
  sh->add_option("ID", sh_id)->required();
  static std::string sh_as_of;
  sh->add_option("--as-of", sh_as_of, "Judge an ongoing incident as of this time (default now)");
  sh->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    auto svc = incident_service(db, g).as_of(as_of_arg(sh_as_of));
    auto i = svc.current(sh_org, sh_id);
    if (!i) throw UsageError("no incident " + std::to_string(sh_id) + " in organisation " + std::to_string(sh_org));
    auto j = incident::to_json(*i);
    nlohmann::json tl = nlohmann::json::array();
    for (const auto& t : svc.timeline(i->id))
      tl.push_back({{"at", t.at}, {"actor", t.actor}, {"text", t.text}});
    j["timeline"] = tl;
    print_json(j);
  });
  auto* up = inc->add_subcommand("update", "Change fields (a new users estimate, the end time, status, details)");
  static int64_t up_org = 0, up_id = 0;
  static std::string up_patch, up_note;
  up->add_option("--org", up_org, "Organisation id")->required();
  up->add_option("ID", up_id)->required();
  up->add_option("--patch", up_patch, "JSON file or - with the fields to change, e.g. {\"affected_users\": 52000}")->required();
  up->add_option("--note", up_note, "Timeline note");
  static bool up_yes = false;
  up->add_flag("--yes", up_yes,
               "Close even though reports are not filed yet (their deadlines stay)");
  up->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    auto svc = incident_service(db, g);
    auto cur = svc.current(up_org, up_id);
    if (!cur) throw UsageError("no incident " + std::to_string(up_id));
    auto patch = read_json_arg(up_patch);
    if (patch.is_object() && patch.value("status", json()) == "closed" && cur->status != "closed" &&
        !up_yes) {
      auto unfiled = incident::unfiled_reports(cur->classification);
      if (!unfiled.empty()) {
        std::string list;
        for (const auto& u : unfiled)
          list += "\n  " + u.type + " " + u.form + " (due " + (u.due ? u.due->str() : "now") + ")";
        throw UsageError("incident " + std::to_string(up_id) +
                         " has reports not filed yet; closing keeps their deadlines. Add --yes to "
                         "close anyway:" +
                         list);
      }
    }
    try {
      auto i = svc.update(up_org, up_id, patch, up_note);
      print_json(i.classification);
    } catch (const incident::InvalidEvent& e) {
      throw UsageError(std::string("invalid update: ") + e.what());
    }
  });
  auto* ob = inc->add_subcommand("obligations", "Reports due, overdue first");
  static int64_t ob_org = 0;
  static bool ob_json = false;
  ob->add_option("--org", ob_org, "Organisation id")->required();
  static std::string ob_as_of;
  ob->add_flag("--json", ob_json, "Print JSON");
  ob->add_option("--as-of", ob_as_of, "Judge as of this time (default now)");
  ob->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& o : incident_service(db, g).as_of(as_of_arg(ob_as_of)).obligations(ob_org)) {
      out.push_back(incident::to_json(o));
      if (!ob_json)
        std::cout << (o.due ? date::japanese({o.due->y, o.due->m, o.due->d}) : "速やかに")
                  << (o.overdue ? " 期限超過" : "") << "\t" << o.form << "（"
                  << vocab::label_or_code("report", o.type, "ja") << "）\t" << o.incident_title
                  << "\n";
    }
    if (ob_json) print_json(out);
  });
  auto* fl = inc->add_subcommand(
      "file", "Record that a required report was filed (stops that report's clock only)");
  static int64_t fl_org = 0, fl_id = 0;
  static std::string fl_report, fl_kind, fl_at, fl_by, fl_ref, fl_evidence;
  static bool fl_json = false;
  fl->add_option("--org", fl_org, "Organisation id")->required();
  fl->add_option("ID", fl_id, "Incident id")->required();
  fl->add_option("--report", fl_report, "prompt | detailed | periodic | review")->required();
  fl->add_option("--kind", fl_kind,
                 "The classification, when several have this report (e.g. secrecy_leak)");
  fl->add_option("--at", fl_at, "When it was filed (ISO 8601 with offset; default now)");
  fl->add_option("--by", fl_by, "Who filed it (default: the current user)");
  fl->add_option("--ref", fl_ref, "Reference number of the filing");
  fl->add_option("--evidence", fl_evidence, "The document filed (kept with the filing)");
  fl->add_flag("--json", fl_json, "Print JSON");
  fl->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    auto svc = incident_service(db, g);
    if (!svc.get(fl_org, fl_id))
      throw UsageError("no incident " + std::to_string(fl_id) + " in organisation " +
                       std::to_string(fl_org));
    incident::FilingInput in;
    in.type = fl_report;
    in.kind = fl_kind;
    in.filed_at = as_of_arg(fl_at).value_or(svc.now());
    in.filed_by = fl_by.empty() ? store::default_actor() : fl_by;
    in.reference = fl_ref;
    if (!fl_evidence.empty()) {
      in.evidence_content = read_file(fl_evidence);
      in.evidence_name = std::filesystem::path(fl_evidence).filename().string();
    }
    try {
      auto f = svc.file_report(fl_org, fl_id, in);
      if (fl_json)
        print_json(incident::to_json(f));
      else
        std::cout << "提出を記録しました / filed: " << f.form << " "
                  << vocab::label_or_code("report", f.type, "ja") << "（インシデント "
                  << f.incident_id << "、" << date::display_time(f.filed_at, "ja") << "）\n";
    } catch (const incident::InvalidEvent& e) {
      throw UsageError(std::string("cannot record the filing: ") + e.what());
    }
  });
  auto* ex = inc->add_subcommand("export", "The fiscal year's periodic-report accidents as CSV");
  static int64_t ex_org = 0;
  static std::string ex_fy, ex_out, ex_format = "csv";
  ex->add_option("--org", ex_org, "Organisation id")->required();
  ex->add_option("--fy", ex_fy, "Fiscal year, e.g. FY2025")->required();
  ex->add_option("-o,--output", ex_out, "Output file")->required();
  ex->add_option("--format", ex_format, "csv or xlsx")->check(CLI::IsMember({"csv", "xlsx"}));
  ex->callback([&g] {
    if (ex_fy.size() != 6 || ex_fy.rfind("FY", 0) != 0) throw UsageError("--fy: expected FY followed by the year, e.g. FY2025");
    store::Db db(g.db);
    db.migrate();
    std::string csv_text = incident_service(db, g).periodic_csv(ex_org, std::stoi(ex_fy.substr(2)));
    if (ex_format == "csv") {
      write_file_atomic(ex_out, csv_text);
    } else {
      std::vector<std::vector<std::string>> rows;
      for (auto& r : csv::parse(csv_text.substr(3))) rows.push_back(r.fields);
      write_xlsx_table(ex_out, ex_fy + " 報告を要する事故", rows, {6, 30, 22, 16, 12, 24, 24, 10, 14, 16, 24, 24, 12, 12});
    }
    std::cerr << "wrote " << ex_out << "\n";
  });
}

}  // namespace anzen::cli
