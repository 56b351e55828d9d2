// anzen db copy: move a whole database between SQLite and PostgreSQL (either direction).
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "store/audit.h"
#include "store/copy.h"

namespace anzen::cli {

void register_db(CLI::App& app, Globals& /*g*/) {
  auto* db = app.add_subcommand("db", "Database maintenance");
  db->require_subcommand(1);
  auto* cp = db->add_subcommand(
      "copy", "Copy everything into an empty database (SQLite file or postgresql:// URI)");
  static std::string from, to;
  static bool as_json = false;
  cp->add_option("--from", from, "Source: an SQLite file or a postgresql:// URI")->required();
  cp->add_option("--to", to, "Target: an SQLite file or a postgresql:// URI, holding no data")
      ->required();
  cp->add_flag("--json", as_json, "Print JSON");
  cp->callback([] {
    if (!store::Db::is_postgres_uri(from) && !std::filesystem::exists(from)) {
      throw UsageError("--from: no database file " + from);
    }
    if (from == to) throw UsageError("--to: the target is the source");
    store::Db src(from);
    store::Db dst(to);
    std::vector<store::TableCount> copied;
    try {
      copied = store::copy_database(src, dst);
    } catch (const store::DbError& e) {
      // An occupied target is the user's to fix; anything else is a failure of the copy.
      if (std::string(e.what()).find("not empty") != std::string::npos)
        throw UsageError(std::string("--to: ") + e.what());
      throw;
    }
    auto v = store::audit_verify(dst);
    int64_t total = 0;
    nlohmann::json tables = nlohmann::json::array();
    for (const auto& t : copied) {
      total += t.rows;
      tables.push_back({{"table", t.table}, {"rows", t.rows}});
    }
    if (as_json) {
      print_json({{"tables", tables}, {"rows", total}, {"audit_ok", v.ok}, {"audit_rows", v.rows}});
    } else {
      for (const auto& t : copied) std::cout << t.table << ": " << t.rows << "\n";
      std::cout << "copied " << total << " rows in " << copied.size() << " tables; audit chain "
                << (v.ok ? "intact" : "BROKEN: " + v.reason) << " (" << v.rows << " rows)\n";
    }
    if (!v.ok) std::exit(1);
  });
}

}  // namespace anzen::cli
