// `anzen incident filing correct|withdraw`: putting right the record of a filed report.
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "cli/cli.h"
#include "common/date.h"
#include "common/paths.h"
#include "common/vocabulary.h"
#include "incident/register.h"
#include "store/audit.h"

namespace anzen::cli {
namespace {

incident::Instant instant_arg(const char* option, const std::string& text) {
  auto t = incident::parse_instant(text);
  if (!t)
    throw UsageError(std::string(option) + ": expected an ISO 8601 time with offset, got '" + text +
                     "'");
  return *t;
}

void print_filing(const incident::Filing& f, const char* what_ja, const char* what_en,
                  bool json_out) {
  if (json_out) {
    print_json(incident::to_json(f));
    return;
  }
  std::cout << what_ja << " / " << what_en << ": " << f.form << " "
            << vocab::label_or_code("report", f.type, "ja") << "（インシデント " << f.incident_id
            << "、提出 " << date::display_time(f.filed_at, "ja") << "、" << f.filed_by
            << (f.reference.empty() ? "" : "、" + f.reference) << "）\n";
}

}  // namespace

void register_incident_filing(CLI::App& app, Globals& g) {
  auto* inc = app.get_subcommand("incident");
  auto* filing = inc->add_subcommand("filing", "Correct or withdraw the record of a filed report");
  filing->require_subcommand(1);

  auto* co = filing->add_subcommand(
      "correct", "Correct when, by whom, the reference or the document of a filed report");
  static int64_t co_org = 0, co_id = 0;
  static std::string co_at, co_by, co_ref, co_evidence, co_reason;
  static bool co_json = false;
  co->add_option("--org", co_org, "Organisation id")->required();
  co->add_option("FILING", co_id, "Filing id (incident show lists them)")->required();
  co->add_option("--at", co_at, "When it was really filed (ISO 8601 with offset)");
  co->add_option("--by", co_by, "Who filed it");
  co->add_option("--ref", co_ref, "Reference number");
  co->add_option("--evidence", co_evidence, "The document filed (replaces the recorded one)");
  co->add_option("--reason", co_reason, "Why the record was wrong")->required();
  co->add_flag("--json", co_json, "Print JSON");
  co->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    incident::FilingCorrection in;
    in.reason = co_reason;
    if (!co_at.empty()) in.filed_at = instant_arg("--at", co_at);
    if (!co_by.empty()) in.filed_by = co_by;
    if (!co_ref.empty()) in.reference = co_ref;
    if (!co_evidence.empty()) {
      in.evidence_content = read_file(co_evidence);
      in.evidence_name = std::filesystem::path(co_evidence).filename().string();
    }
    try {
      print_filing(incident_service(db, g).correct_filing(co_org, co_id, in), "訂正しました",
                   "corrected", co_json);
    } catch (const std::out_of_range&) {
      throw UsageError("no filing " + std::to_string(co_id) + " in organisation " +
                       std::to_string(co_org));
    } catch (const incident::InvalidEvent& e) {
      throw UsageError(std::string("cannot correct the filing: ") + e.what());
    }
  });

  auto* wd = filing->add_subcommand(
      "withdraw", "Withdraw a filing recorded by mistake (the report is due again)");
  static int64_t wd_org = 0, wd_id = 0;
  static std::string wd_reason;
  static bool wd_json = false;
  wd->add_option("--org", wd_org, "Organisation id")->required();
  wd->add_option("FILING", wd_id, "Filing id")->required();
  wd->add_option("--reason", wd_reason, "Why it is withdrawn")->required();
  wd->add_flag("--json", wd_json, "Print JSON");
  wd->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    try {
      print_filing(incident_service(db, g).withdraw_filing(wd_org, wd_id, wd_reason),
                   "取り消しました（未提出に戻りました）", "withdrawn (due again)", wd_json);
    } catch (const std::out_of_range&) {
      throw UsageError("no filing " + std::to_string(wd_id) + " in organisation " +
                       std::to_string(wd_org));
    } catch (const incident::InvalidEvent& e) {
      throw UsageError(std::string("cannot withdraw the filing: ") + e.what());
    }
  });
}

}  // namespace anzen::cli
