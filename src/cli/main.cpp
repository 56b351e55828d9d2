// anzen: one binary for the CLI and the web application.
#include <cstdlib>
#include <iostream>

#include "app/catalogs.h"
#include "catalog/loader.h"
#include "catalog/local.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  CLI::App app{"Anzen (安全) — self-assessment, risk and incident reporting for the telecom "
               "cybersecurity safety standard"};
  app.set_version_flag("--version", std::string("anzen ") + ANZEN_VERSION);
  app.require_subcommand(1);
  anzen::cli::Globals g;
  const char* env_db = std::getenv("ANZEN_DB");
  g.db = env_db && *env_db ? env_db : "anzen.db";
  app.add_option("--db", g.db, "SQLite database file or postgresql:// URI (default $ANZEN_DB or anzen.db)");
  // The process's one clock and one set of catalogs, handed to every command. Imported
  // frameworks live in the database: the catalog reads them from --db when it first loads.
  const anzen::SystemClock clock;
  auto sources = anzen::app::CatalogSources::from_environment();
  sources.imported = [&g] { return anzen::catalog::local_framework_files(g.db); };
  const anzen::app::Catalogs catalogs(std::move(sources));
  g.catalogs = &catalogs;
  g.clock = &clock;

  anzen::cli::register_catalog(app, g);
  anzen::cli::register_store(app, g);
  anzen::cli::register_assess(app, g);
  anzen::cli::register_incident(app, g);
  anzen::cli::register_incident_filing(app, g);
  anzen::cli::register_risk(app, g);
  anzen::cli::register_report(app, g);
  anzen::cli::register_web(app, g);
  anzen::cli::register_demo(app, g);
  anzen::cli::register_vocab(app, g);
  anzen::cli::register_ops(app, g);
  anzen::cli::register_industry(app, g);
  anzen::cli::register_db(app, g);
  anzen::cli::register_supplier(app, g);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const anzen::cli::UsageError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const anzen::catalog::CatalogError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
