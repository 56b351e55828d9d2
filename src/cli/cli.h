// Shared pieces of the command-line adapter. Each module registers its own subcommands.
#pragma once
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "app/catalogs.h"
#include "assess/model.h"
#include "assess/service.h"
#include "catalog/model.h"
#include "catalog/service.h"
#include "incident/service.h"
#include "store/db.h"
#include "web/accounts.h"

namespace anzen::cli {

struct Globals {
  std::string db;  // --db PATH|URI, default $ANZEN_DB or anzen.db
  // Owned by main, one each per process: the catalogs, rule sets and maturity scale (with the
  // frameworks imported into --db), and the clock every command runs on.
  const app::Catalogs* catalogs = nullptr;
  const Clock* clock = nullptr;
};

// Thrown for bad input the user can fix; main prints the message and exits with status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void print_json(const nlohmann::json& j);

// The assessment with this id, or a UsageError naming it.
assess::Assessment need_assessment(store::Db& db, int64_t id);
// The framework edition an assessment was made against, or a UsageError when it is not loaded.
const catalog::Framework& framework_of(const catalog::Catalog& cat, const assess::Assessment& a);

// The frameworks loaded by main (shipped and imported into --db): list, lookup, search, import.
catalog::CatalogService catalog_service(const Globals& g);

// The assessment service of a command: the one place scores, gaps, trends and answer changes
// come from (commands only present them).
assess::AssessService assess_service(store::Db& db, const Globals& g);
// The incident service of a command (the register and its verdicts, on main's clock), and the
// rule sets on that clock for commands that store nothing (classify).
incident::IncidentService incident_service(store::Db& db, const Globals& g);
incident::Judge incident_judge(const Globals& g);
// Users, sessions and tokens on main's clock, with the shipped password list.
web::Accounts accounts(store::Db& db, const Globals& g);

void register_catalog(CLI::App& app, Globals& g);
void register_store(CLI::App& app, Globals& g);
void register_assess(CLI::App& app, Globals& g);
void register_incident(CLI::App& app, Globals& g);
void register_risk(CLI::App& app, Globals& g);
void register_report(CLI::App& app, Globals& g);
void register_web(CLI::App& app, Globals& g);
void register_demo(CLI::App& app, Globals& g);
void register_vocab(CLI::App& app, Globals& g);
// After register_assess and register_incident: adds `org users` and `incident import-restrictions`.
void register_ops(CLI::App& app, Globals& g);
void register_industry(CLI::App& app, Globals& g);  // after register_assess (adds `org profile`)
void register_db(CLI::App& app, Globals& g);
void register_supplier(CLI::App& app, Globals& g);
// After register_incident: adds `incident filing correct|withdraw`.
void register_incident_filing(CLI::App& app, Globals& g);

}  // namespace anzen::cli
