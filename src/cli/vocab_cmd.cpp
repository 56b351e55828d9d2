// `anzen vocab list`: the one vocabulary of codes and their labels, for people who write
// spreadsheets or scripts against Anzen and for tests that look for codes on screens.
#include <iostream>

#include "cli/cli.h"
#include "common/vocabulary.h"

namespace anzen::cli {

void register_vocab(CLI::App& app, Globals&) {
  auto* vocab = app.add_subcommand("vocab", "Codes and their Japanese/English labels");
  vocab->require_subcommand(1);
  auto* list = vocab->add_subcommand("list", "List the codes of every domain (or of one)");
  static std::string domain;
  static bool json = false;
  list->add_option("--domain", domain, "Only this domain (status, service, event, report, …)");
  list->add_flag("--json", json, "JSON output");
  list->callback([] {
    nlohmann::json out = nlohmann::json::array();
    bool any = false;
    for (const auto& t : vocab::terms()) {
      if (!domain.empty() && t.domain != domain) continue;
      any = true;
      if (json) {
        out.push_back({{"domain", t.domain},
                       {"code", t.code},
                       {"ja", t.ja},
                       {"en", t.en},
                       {"legal", t.legal.empty() ? nlohmann::json() : nlohmann::json(t.legal)}});
      } else {
        std::cout << t.domain << "\t" << t.code << "\t" << t.ja << "\t" << t.en
                  << (t.legal.empty() ? "" : "\t" + std::string(t.legal)) << "\n";
      }
    }
    if (!any) throw UsageError("--domain: no domain '" + domain + "' in the vocabulary");
    if (json) print_json(out);
  });
}

}  // namespace anzen::cli
