// anzen catalog list|stats|show|search|export|import|validate|map
#include <filesystem>
#include <iostream>
#include <set>

#include "catalog/catalog_dir.h"
#include "catalog/export.h"
#include "catalog/local.h"
#include "catalog/mapping.h"
#include "catalog/oscal_import.h"
#include "catalog/oscal_json.h"
#include "catalog/oscal_profile.h"
#include "catalog/query.h"
#include "catalog/service.h"
#include "cli/cli.h"
#include "common/paths.h"
#include "common/text.h"
#include "store/audit.h"
#include "store/db.h"

namespace anzen::cli {
using catalog::Catalog;
using nlohmann::json;

namespace {

const catalog::Framework& need_framework(const catalog::CatalogService& svc,
                                         const std::string& id) {
  const catalog::Framework* fw = svc.framework(id);
  if (!fw) {
    std::string known;
    for (const auto& k : svc.keys()) known += " " + k;
    throw UsageError("unknown framework '" + id + "' (known:" + known + ")");
  }
  return *fw;
}

void print_item(const catalog::Framework& fw, const catalog::Item& it, const std::string& lang) {
  auto chain = catalog::ancestry(fw, it);
  std::string path;
  for (const auto* a : chain) {
    if (a == &it) break;
    path += (path.empty() ? "" : " › ") + (a->label.empty() ? a->id : a->label) + " " +
            a->title.in(lang);
  }
  std::cout << fw.id << ":" << it.id << "  [" << it.kind << "]\n";
  if (!path.empty()) std::cout << path << "\n";
  std::string heading = it.label;
  if (!it.title.ja.empty()) heading += (heading.empty() ? "" : " ") + it.title.in(lang);
  std::cout << heading << "\n";
  if (!it.text.ja.empty()) std::cout << "\n" << it.text.in(lang) << "\n";
  for (const auto& b : it.bullets) std::cout << "  ・" << b.text.in(lang) << "\n";
  if (it.kind == "check") {
    std::cout << "\n"
              << (lang == "en" ? "Row " : "行 ") << it.row << "  "
              << (lang == "en" ? "operator: " : "電気通信事業者: ")
              << (it.operator_rec == catalog::Recommendation::recommended ? "○" : "－") << "  "
              << (lang == "en" ? "maker: " : "メーカー等: ")
              << (it.maker_rec == catalog::Recommendation::recommended ? "○" : "－");
    if (it.recommendation_author == catalog::Author::anzen)
      std::cout << "  (" << catalog::author_label(it.recommendation_author, false).in(lang) << ")";
    std::cout << "\n";
    if (it.placement) {
      std::cout << (lang == "en" ? "sub-item: " : "小項目への割当て: ")
                << catalog::placement_label(*it.placement).in(lang) << "\n";
    }
    for (const auto& q : it.questions) {
      std::cout << "  " << q.id << "  " << q.text.in(lang);
      if (q.author == catalog::Author::anzen)
        std::cout << "  [" << catalog::author_label(q.author, true).in(lang) << "]";
      std::cout << "\n";
    }
  }
  if (!it.threats.empty()) {
    std::cout << "\n" << (lang == "en" ? "threats:" : "脅威:");
    for (const auto& t : it.threats) std::cout << " " << t;
    std::cout << "\n";
  }
  for (const auto& r : it.references) std::cout << "ref: " << r.scheme << " " << r.id << "\n";
  if (!it.source.empty()) {
    std::cout << (lang == "en" ? "source: " : "出典: ") << it.source.document_or(fw.source_document) << " L"
              << it.source.first;
    if (it.source.last != it.source.first) std::cout << "-" << it.source.last;
    std::cout << "\n";
  }
  if (!it.children.empty()) {
    std::cout << "\n";
    for (size_t c : it.children) {
      const auto& ch = fw.items[c];
      std::cout << "  " << ch.id << "  " << (ch.label.empty() ? "" : ch.label + " ")
                << (ch.kind == "check" && ch.title.ja.empty() && !ch.questions.empty()
                        ? ch.questions[0].text.in(lang)
                        : ch.title.in(lang))
                << "\n";
    }
  }
}

// The bytes of an OSCAL file, refused by size before they are read.
json read_oscal(const std::string& file) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  catalog::OscalLimits limits;
  if (!ec && size > limits.max_bytes) {
    throw catalog::CatalogError({{file, 0, "", "file of " + std::to_string(size) + " bytes is larger than the limit of " + std::to_string(limits.max_bytes) + " bytes"}});
  }
  return catalog::parse_oscal_json(read_file(file), file, limits);
}

// A catalog, or a profile resolved against the catalogs it imports: `catalog_file` when given,
// else each import's href relative to the profile, else a file of the same name beside it.
catalog::FrameworkFiles oscal_framework_files(const std::string& file, const std::string& catalog_file, const std::string& id) {
  json doc = read_oscal(file);
  if (!doc.is_object() || !doc.contains("profile")) return catalog::oscal_catalog_to_files(doc, file, id);
  auto hrefs = catalog::profile_import_hrefs(doc, file);
  std::vector<json> catalogs;
  std::filesystem::path dir = std::filesystem::path(file).parent_path();
  for (size_t i = 0; i < hrefs.size(); ++i) {
    std::string path = catalog_file;
    if (path.empty()) {
      std::string href = hrefs[i].rfind("file://", 0) == 0 ? hrefs[i].substr(7) : hrefs[i];
      std::filesystem::path direct = dir / href, beside = dir / std::filesystem::path(href).filename();
      path = std::filesystem::is_regular_file(direct) ? direct.string() : std::filesystem::is_regular_file(beside) ? beside.string() : "";
      if (path.empty()) {
        throw catalog::CatalogError({{file, 0, "profile.imports[" + std::to_string(i) + "].href",
                                      "the imported catalog '" + hrefs[i] + "' was not found (looked for " + direct.string() + " and " + beside.string() +
                                          "); give it with --catalog FILE"}});
      }
    }
    catalogs.push_back(read_oscal(path));
  }
  json resolved = catalog::resolve_profile(doc, file, [&](size_t i) -> const json& { return catalogs.at(i); });
  return catalog::oscal_catalog_to_files(resolved, file, id);
}

}  // namespace

void register_catalog(CLI::App& app, Globals& g) {
  auto* cat_cmd = app.add_subcommand("catalog", "Browse, search and export the frameworks");
  cat_cmd->require_subcommand(1);

  auto* list = cat_cmd->add_subcommand("list", "List the frameworks");
  static bool list_json = false;
  list->add_flag("--json", list_json, "Print JSON");
  list->callback([&g] {
    auto svc = catalog_service(g);
    if (list_json) {
      json out = json::array();
      for (const auto& f : svc.frameworks()) out.push_back(catalog::framework_summary_json(f));
      print_json(out);
      return;
    }
    for (const auto& f : svc.frameworks()) {
      std::cout << f.id << "@" << f.version << "\t" << f.title.ja << "\t" << f.title.en << "\t"
                << catalog::or_unknown(f.edition).ja << "\t" << catalog::or_unknown(f.date).ja
                << "\t" << f.items.size() << " items\n";
    }
  });

  auto* stats = cat_cmd->add_subcommand("stats", "Counts per kind, rows, questions, marks");
  static std::string stats_id;
  static bool stats_json = false;
  stats->add_option("ID", stats_id, "Framework id (id or id@version)")->required();
  stats->add_flag("--json", stats_json, "Print JSON");
  stats->callback([&g] {
    auto svc = catalog_service(g);
    json s = svc.stats(need_framework(svc, stats_id));
    if (stats_json) {
      print_json(s);
      return;
    }
    for (const auto& [k, v] : s["kinds"].items()) std::cout << k << "\t" << v << "\n";
    for (const char* k : {"checklist_rows", "questions", "operator_recommended_rows",
                          "maker_recommended_rows", "mappings"}) {
      std::cout << k << "\t" << s[k] << "\n";
    }
  });

  auto* show = cat_cmd->add_subcommand("show", "Show one item, check or question");
  static std::string show_id, show_lang = "ja";
  static bool show_json = false;
  show->add_option("ITEM-ID", show_id, "Item id, FRAMEWORK:ITEM or a question id")->required();
  show->add_flag("--json", show_json, "Print JSON");
  show->add_option("--lang", show_lang, "ja or en")->check(CLI::IsMember({"ja", "en"}));
  show->callback([&g] {
    const Catalog& cat = catalog_service(g).catalog();
    auto r = cat.resolve(show_id);
    if (!r.item) throw UsageError(r.error);
    if (show_json) {
      print_json(catalog::item_json(*r.framework, *r.item));
    } else {
      print_item(*r.framework, *r.item, show_lang);
    }
  });

  auto* search = cat_cmd->add_subcommand("search", "Search titles, texts and questions");
  static std::string search_text, search_fw, search_lang = "ja";
  static bool search_json = false;
  static size_t search_limit = 50;
  search->add_option("TEXT", search_text, "Words to find (Japanese or English)")->required();
  search->add_option("--framework", search_fw, "Only this framework");
  search->add_option("--limit", search_limit, "At most this many results");
  search->add_option("--lang", search_lang, "ja or en")->check(CLI::IsMember({"ja", "en"}));
  search->add_flag("--json", search_json, "Print JSON");
  search->callback([&g] {
    auto hits = catalog_service(g).search(search_text, search_fw, search_limit);
    if (search_json) {
      json out = json::array();
      for (const auto& h : hits) {
        out.push_back({{"framework", h.framework->id},
                       {"id", h.item->id},
                       {"kind", h.item->kind},
                       {"field", h.field},
                       {"title", {{"ja", h.item->title.ja}, {"en", h.item->title.en}}}});
      }
      print_json(out);
      return;
    }
    if (hits.empty()) std::cout << "no match for '" << search_text << "'\n";
    for (const auto& h : hits) {
      std::string title = h.item->title.in(search_lang);
      if (title.empty() && !h.item->questions.empty())
        title = h.item->questions[0].text.in(search_lang);
      std::cout << h.framework->id << ":" << h.item->id << "\t[" << h.item->kind << "]\t" << title
                << "\t(" << h.field << ")\n";
    }
  });

  auto* exp = cat_cmd->add_subcommand("export", "Export a framework as JSON, CSV or OSCAL");
  static std::string exp_id, exp_format = "json", exp_out, exp_lang = "ja";
  exp->add_option("ID", exp_id, "Framework id")->required();
  exp->add_option("--format", exp_format, "json, csv or oscal")
      ->check(CLI::IsMember({"json", "csv", "oscal"}));
  exp->add_option("-o,--output", exp_out, "Output file (default: standard output)");
  exp->add_option("--lang", exp_lang, "Language of OSCAL titles and prose")
      ->check(CLI::IsMember({"ja", "en"}));
  exp->callback([&g] {
    auto svc = catalog_service(g);
    const Catalog& cat = svc.catalog();
    const auto& fw = need_framework(svc, exp_id);
    std::string data;
    if (exp_format == "json") data = catalog::export_json(fw).dump(2) + "\n";
    if (exp_format == "csv") data = catalog::export_csv(fw);
    if (exp_format == "oscal")
      data = catalog::export_oscal(fw, exp_lang, cat.mappings).dump(2) + "\n";
    if (exp_out.empty() || exp_out == "-") {
      std::cout << data;
    } else {
      write_file_atomic(exp_out, data);
      std::cerr << "wrote " << exp_out << " (" << data.size() << " bytes)\n";
    }
  });

  auto* val = cat_cmd->add_subcommand("validate", "Validate a catalogs folder");
  static std::string val_dir;
  val->add_option("DIR", val_dir, "Folder holding framework folders (default: shipped)");
  val->callback([&g] {
    std::filesystem::path dir =
        val_dir.empty() ? g.catalogs->catalog_dir() : std::filesystem::path(val_dir);
    Catalog cat = catalog::load_catalog_dir(dir);  // throws CatalogError listing defects
    size_t items = 0;
    for (const auto& f : cat.frameworks) items += f.items.size();
    std::cout << "ok: " << cat.frameworks.size() << " frameworks, " << items << " items, "
              << cat.mappings.size() << " mappings\n";
  });

  auto* map = cat_cmd->add_subcommand("map", "Show what an item maps to in other frameworks");
  static std::string map_id, map_to;
  static int map_hops = 1;
  static bool map_json = false;
  map->add_option("ITEM-ID", map_id, "Item id or FRAMEWORK:ITEM")->required();
  map->add_option("--to", map_to, "Only mappings reaching this framework");
  map->add_option("--hops", map_hops, "Follow chains of up to N mappings (default 1)")
      ->check(CLI::Range(1, 4));
  map->add_flag("--json", map_json, "Print JSON");
  map->callback([&g] {
    const Catalog& cat = catalog_service(g).catalog();
    auto r = cat.resolve(map_id);
    if (!r.item) throw UsageError(r.error);
    if (!map_to.empty() && !cat.find(map_to))
      throw UsageError("unknown framework '" + map_to + "'");
    auto found = catalog::chains(cat, r.framework->id, r.item->id, map_to, map_hops);
    if (map_json) {
      json out = json::array();
      for (const auto& ch : found) {
        json hops = json::array();
        for (const auto& h : ch) hops.push_back(catalog::hop_json(h));
        const auto& last = ch.back();
        const auto* tf = cat.find(last.to_framework);
        const auto* ti = tf ? tf->find(last.to) : nullptr;
        out.push_back({{"target", last.to_framework + ":" + last.to},
                       {"title", ti ? json{{"ja", ti->title.ja}, {"en", ti->title.en}} : json()},
                       {"relationship", catalog::to_string(catalog::compose(ch))},
                       {"chain", hops}});
      }
      print_json(out);
      return;
    }
    if (found.empty())
      std::cout << "no mappings for " << r.framework->id << ":" << r.item->id << "\n";
    for (const auto& ch : found) {
      const auto& last = ch.back();
      const auto* tf = cat.find(last.to_framework);
      const auto* ti = tf ? tf->find(last.to) : nullptr;
      std::cout << last.to_framework << ":" << last.to << "\t"
                << catalog::to_string(catalog::compose(ch)) << "\t" << (ti ? ti->title.ja : "")
                << "\t" << (ti ? ti->title.en : "") << "\n";
      for (const auto& h : ch) {
        std::cout << "    " << h.from_framework << ":" << h.from << " -> " << h.to_framework << ":"
                  << h.to << " (" << catalog::to_string(h.relationship) << ", " << h.entry->origin
                  << ")\n";
      }
    }
  });

  auto* maps = cat_cmd->add_subcommand("mappings", "Export every mapping (OSCAL mapping collection or JSON)");
  static std::string maps_format = "oscal", maps_out;
  maps->add_option("--format", maps_format, "oscal or json")->check(CLI::IsMember({"oscal", "json"}));
  maps->add_option("-o,--output", maps_out, "Output file (default: standard output)");
  maps->callback([&g] {
    const Catalog& cat = catalog_service(g).catalog();
    json out;
    if (maps_format == "oscal") {
      out = catalog::export_oscal_mappings(cat);
    } else {
      out = json::array();
      for (const auto& m : cat.mappings) {
        out.push_back({{"set", m.set_id}, {"source", m.source_framework + ":" + m.from},
                       {"target", m.target_framework + ":" + m.to},
                       {"relationship", catalog::to_string(m.relationship)}, {"origin", m.origin},
                       {"rationale", {{"ja", m.rationale.ja}, {"en", m.rationale.en}}}, {"line", m.line}});
        if (m.count > 0) out.back()["count"] = m.count;
      }
    }
    std::string data = out.dump(2) + "\n";
    if (maps_out.empty() || maps_out == "-") {
      std::cout << data;
    } else {
      write_file_atomic(maps_out, data);
      std::cerr << "wrote " << maps_out << "\n";
    }
  });

  auto* prop = cat_cmd->add_subcommand(
      "propose", "Propose answers in one framework from answers in another (never applied)");
  static std::string prop_from, prop_to, prop_answers;
  static int prop_hops = 2;
  static bool prop_json = false;
  prop->add_option("--from", prop_from, "Framework the answers are in")->required();
  prop->add_option("--to", prop_to, "Framework to propose answers for")->required();
  prop->add_option("--answers", prop_answers,
                   "JSON file {\"QUESTION-ID\": \"implemented|partial|not_implemented|not_applicable\"}")
      ->required();
  prop->add_option("--hops", prop_hops, "Longest chain of mappings to follow")->check(CLI::Range(1, 4));
  prop->add_flag("--json", prop_json, "Print JSON");
  prop->callback([&g] {
    auto svc = catalog_service(g);
    const Catalog& cat = svc.catalog();
    const auto& src = need_framework(svc, prop_from);
    const auto& dst = need_framework(svc, prop_to);
    json in;
    try {
      in = json::parse(read_file(prop_answers));
    } catch (const json::parse_error& e) {
      throw UsageError(prop_answers + ": not valid JSON: " + e.what());
    }
    if (!in.is_object())
      throw UsageError(prop_answers + ": expected an object of question id -> status");
    std::map<std::string, std::string> answers;
    for (const auto& [k, v] : in.items()) {
      std::string st = v.is_string() ? v.get<std::string>() : "";
      static const std::set<std::string> ok = {"implemented", "partial", "not_implemented",
                                               "not_applicable", "unanswered"};
      if (!ok.count(st))
        throw UsageError(
            prop_answers + ": " + k + ": status '" + v.dump() +
            "' is not one of implemented, partial, not_implemented, not_applicable, unanswered");
      if (!src.question(k))
        throw UsageError(prop_answers + ": " + k + ": no such question in " + src.id);
      answers[k] = st;
    }
    auto ps = catalog::propose(cat, src, answers, dst, prop_hops);
    if (prop_json) {
      json out = json::array();
      for (const auto& p : ps) {
        json chain = json::array();
        for (const auto& h : p.chain) chain.push_back(catalog::hop_json(h));
        out.push_back({{"target", dst.id + ":" + (p.target_question.empty() ? p.target_item : p.target_question)},
                       {"status", p.status}, {"source", src.id + ":" + p.source_item},
                       {"source_status", p.source_status}, {"chain", chain},
                       {"reason", {{"ja", p.reason_ja}, {"en", p.reason_en}}}, {"applied", false}});
      }
      print_json(out);
      return;
    }
    std::cout << ps.size() << " proposal(s); none applied.\n";
    for (const auto& p : ps) {
      std::cout << dst.id << ":" << (p.target_question.empty() ? p.target_item : p.target_question) << "\t"
                << p.status << "\t" << p.reason_en << "\n";
    }
  });

  auto* imp = cat_cmd->add_subcommand("import",
                                      "Import an OSCAL 1.x catalog, or a profile resolved against its catalog (JSON), as a new framework stored in the database");
  static std::string imp_file, imp_id, imp_catalog;
  static bool imp_json = false;
  imp->add_option("FILE", imp_file, "OSCAL catalog or profile (JSON)")->required()->check(CLI::ExistingFile);
  imp->add_option("--id", imp_id, "Framework id (default: from the file name)");
  imp->add_option("--catalog", imp_catalog, "The catalog a profile imports (default: found through the profile's import href)")
      ->check(CLI::ExistingFile);
  imp->add_flag("--json", imp_json);
  imp->callback([&g] {
    std::string id = imp_id.empty() ? catalog::framework_id_from(imp_file) : imp_id;
    catalog::FrameworkFiles files;
    // Every refusal of the input exits 2 (the user's file is at fault) and stores nothing.
    try {
      files = oscal_framework_files(imp_file, imp_catalog, id);
    } catch (const catalog::CatalogError& e) {
      throw UsageError(e.what());
    }
    store::Db db(g.db);
    db.migrate();
    Catalog cat;
    try {
      cat = catalog_service(g).import(db, files, store::default_actor());
    } catch (const catalog::CatalogError& e) {
      throw UsageError(e.what());
    }
    const auto& fw = cat.frameworks.back();
    json s = catalog::stats(cat, fw);
    if (imp_json) {
      print_json({{"id", fw.id}, {"version", fw.version}, {"items", fw.items.size()}, {"checklist_rows", s["checklist_rows"]}, {"questions", s["questions"]}});
    } else {
      std::cout << "imported " << fw.key() << ": " << fw.items.size() << " items, " << s["checklist_rows"] << " controls to assess, " << s["questions"]
                << " questions\n";
    }
  });
}

}  // namespace anzen::cli
