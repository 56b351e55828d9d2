// anzen incident classify — the legal reporting classifier from the command line.
#include <iostream>
#include <iterator>

#include "cli/cli.h"
#include "common/paths.h"
#include "incident/classify.h"

namespace anzen::cli {

void register_incident(CLI::App& app, Globals&) {
  auto* inc = app.add_subcommand("incident", "Telecom accidents: classification and reporting deadlines");
  inc->require_subcommand(1);
  auto* cl = inc->add_subcommand("classify", "Classify an event (JSON) and list the reports due");
  static std::string file, as_of;
  static bool json_out = false;
  cl->add_option("FILE", file, "Event JSON file, or - for standard input")->required();
  cl->add_option("--as-of", as_of, "Judge an ongoing event as of this time (ISO 8601 with offset; default now)");
  cl->add_flag("--json", json_out, "Print JSON (the contract in docs/incidents.md)");
  cl->callback([] {
    std::string text;
    if (file == "-") text.assign(std::istreambuf_iterator<char>(std::cin), {});
    else text = read_file(file);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      throw UsageError(file + ": not valid JSON: " + e.what());
    }
    incident::Event ev;
    try {
      ev = incident::event_from_json(j);
    } catch (const incident::InvalidEvent& e) {
      throw UsageError(std::string("invalid event: ") + e.what());
    }
    incident::Instant at = std::time(nullptr);
    if (!as_of.empty()) {
      auto t = incident::parse_instant(as_of);
      if (!t) throw UsageError("--as-of: expected an ISO 8601 time with offset, got '" + as_of + "'");
      at = *t;
    }
    auto v = incident::classify(ev, incident::shipped_rules(), at);
    if (json_out) {
      print_json(incident::verdict_json(v));
      return;
    }
    for (const auto& c : v.classifications) {
      std::cout << c.kind << " (" << c.rule << (c.threshold.empty() ? "" : ", " + c.threshold) << ")\n  " << c.explanation.ja << "\n";
      for (const auto& r : c.reports) {
        std::cout << "  - " << r.type << " " << r.form << " " << (r.due ? "due " + r.due->str() : "due now (速やかに)") << "\n";
      }
    }
  });
}

}  // namespace anzen::cli
