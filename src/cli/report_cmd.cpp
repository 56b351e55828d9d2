// anzen report … — the management report, workbooks, statement of applicability and disclosure
// report of an assessment, plus the decisions people add to them.
#include <iostream>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "cli/cli.h"
#include "common/clock.h"
#include "common/paths.h"
#include "report/data.h"
#include "report/decisions.h"
#include "report/disclosure.h"
#include "report/render.h"
#include "store/audit.h"

namespace anzen::cli {
using nlohmann::json;

void register_report(CLI::App& app, Globals& g) {
  auto* rp = app.add_subcommand("report", "Reports of an assessment: management (PDF/HTML), workbooks (XLSX/CSV), SoA, disclosure");
  rp->require_subcommand(1);
  for (const auto& kind : report::report_kinds()) {
    struct Opts {
      int64_t assessment = 0;
      std::string format, out, lang = "ja";
    };
    auto o = std::make_shared<Opts>();
    o->format = kind.formats.front();
    std::string formats;
    for (const auto& f : kind.formats) formats += (formats.empty() ? "" : ", ") + f;
    auto* c = rp->add_subcommand(kind.id, std::string(kind.ja) + " / " + kind.en + " (" + formats + ")");
    c->add_option("--assessment", o->assessment)->required();
    c->add_option("--format", o->format, formats)->check(CLI::IsMember(kind.formats));
    c->add_option("-o,--output", o->out)->required();
    c->add_option("--lang", o->lang, "ja or en")->check(CLI::IsMember({"ja", "en"}));
    std::string id = kind.id;
    c->callback([&g, o, id] {
      store::Db db(g.db);
      db.migrate();
      try {
        auto svc = assess_service(db, g);
        auto r = report::render(svc, g.catalogs->rules(), g.catalogs->risk_matrix(), id,
                                o->assessment, std::nullopt, o->format, o->lang);
        write_file_atomic(o->out, r.bytes);
        std::cerr << "wrote " << o->out << " (" << r.bytes.size() << " bytes)\n";
      } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
      }
    });
  }

  auto* soa = rp->add_subcommand("soa-set", "Decide adoption of one item for the statement of applicability (適用宣言書)");
  static int64_t s_a = 0;
  static std::string s_item, s_adopted, s_reason, s_where;
  soa->add_option("--assessment", s_a)->required();
  soa->add_option("ITEM", s_item, "Item id of the assessment's framework, e.g. 3.1.4")->required();
  soa->add_option("--adopted", s_adopted, "yes or no")->required()->check(CLI::IsMember({"yes", "no"}));
  soa->add_option("--reason", s_reason, "Why (required when not adopted)");
  soa->add_option("--where", s_where, "Where it is implemented (rule, system, document)");
  soa->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    auto a = need_assessment(db, s_a);
    try {
      report::Decisions(db, store::default_actor())
          .set_soa(a, framework_of(g.catalogs->catalog(), a), s_item,
                   {s_adopted == "yes", s_reason, s_where, "", ""});
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
    std::cout << s_item << ": " << (s_adopted == "yes" ? "adopted" : "not adopted") << "\n";
  });

  auto* de = rp->add_subcommand("disclosure-edit", "Replace the text of one section of the disclosure report (empty text reverts to the generated one)");
  static int64_t d_a = 0;
  static std::string d_section, d_text, d_file;
  de->add_option("--assessment", d_a)->required();
  de->add_option("--section", d_section, "1-8")->required()->check(CLI::IsMember({"1", "2", "3", "4", "5", "6", "7", "8"}));
  auto* txt = de->add_option("--text", d_text);
  auto* fil = de->add_option("--text-file", d_file)->check(CLI::ExistingFile);
  txt->excludes(fil);
  de->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    auto a = need_assessment(db, d_a);
    std::string text = d_file.empty() ? d_text : read_file(d_file);
    report::Decisions(db, store::default_actor()).set_text(a, "disclosure", d_section, text);
    std::cout << "section " << d_section << (text.empty() ? " reverted to the generated text\n" : " edited\n");
  });

  auto* ds = rp->add_subcommand("disclosure-show", "The disclosure report's sections: generated and edited text");
  static int64_t ds_a = 0;
  static std::string ds_lang = "ja";
  ds->add_option("--assessment", ds_a)->required();
  ds->add_option("--lang", ds_lang)->check(CLI::IsMember({"ja", "en"}));
  ds->add_flag("--json");
  ds->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    try {
      auto svc = assess_service(db, g);
      auto d =
          report::gather(svc, g.catalogs->rules(), g.catalogs->risk_matrix(), ds_a, std::nullopt);
      json out = json::array();
      for (const auto& s : report::disclosure_sections(d, report::Decisions(db, "cli").texts(ds_a, "disclosure"), ds_lang)) {
        out.push_back({{"section", s.key}, {"heading", s.heading.in(ds_lang)}, {"source_line", s.source_line}, {"generated", s.generated},
                       {"text", s.text}, {"edited", s.edited}});
      }
      print_json(out);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  });
}

}  // namespace anzen::cli
