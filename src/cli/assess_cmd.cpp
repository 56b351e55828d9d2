// anzen org … | assess …  — the self-assessment from the command line.
#include <iostream>

#include "assess/history_labels.h"
#include "assess/json.h"
#include "assess/maturity.h"
#include "assess/repo.h"
#include "assess/scoring.h"
#include "assess/sheet.h"
#include "catalog/catalog_dir.h"
#include "cli/cli.h"
#include "common/clock.h"
#include "common/date.h"
#include "common/paths.h"
#include "report/oscal.h"
#include "store/audit.h"

namespace anzen::cli {
using nlohmann::json;
using namespace anzen::assess;

namespace {

struct Session {
  store::Db db;
  AssessRepo repo;
  explicit Session(const std::string& path) : db(path), repo((db.migrate(), db), store::default_actor()) {}
};

std::string pct(const std::optional<double>& v) {
  if (!v) return "-";
  char b[16];
  std::snprintf(b, sizeof b, "%.1f%%", *v * 100);
  return b;
}

}  // namespace

void register_assess(CLI::App& app, Globals& g) {
  // ---- org
  auto* org = app.add_subcommand("org", "Organisations");
  org->require_subcommand(1);
  auto* oc = org->add_subcommand("create", "Create an organisation");
  static Organization o;
  static std::string oc_kind;
  static bool oc_json = false;
  oc->add_option("--name", o.name, "Name (Japanese welcome)")->required();
  oc->add_option("--kind", oc_kind, "operator (registered), operator_notified or maker")->required();
  oc->add_option("--services", o.services, "voice_emergency voice_no_emergency mobile lpwa isp_data free_internet cloud");
  oc->add_option("--users", o.users, "Number of users");
  oc->add_option("--prefectures", o.prefectures, "Prefectures served");
  oc->add_flag("--json", oc_json, "Print JSON");
  oc->callback([&g] {
    Session s(g.db);
    o.kind = oc_kind == "operator" ? "operator_registered" : oc_kind;
    try {
      auto made = s.repo.create_org(o);
      if (oc_json) print_json({{"id", made.id}});
      else std::cout << "created organisation " << made.id << " " << made.name << "\n";
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  });
  auto* ol = org->add_subcommand("list", "List organisations");
  static bool ol_json = false;
  ol->add_flag("--json", ol_json, "Print JSON");
  ol->callback([&g] {
    Session s(g.db);
    json out = json::array();
    for (const auto& x : s.repo.orgs()) {
      out.push_back({{"id", x.id}, {"name", x.name}, {"kind", x.kind}, {"services", x.services},
                     {"users", x.users ? json(*x.users) : json()}, {"prefectures", x.prefectures}});
      if (!ol_json) std::cout << x.id << "\t" << x.name << "\t" << x.kind << "\n";
    }
    if (ol_json) print_json(out);
  });

  // ---- assess
  auto* as = app.add_subcommand("assess", "Self-assessments against a framework's checklist");
  as->require_subcommand(1);
  auto* ac = as->add_subcommand("create", "Start an assessment");
  static int64_t ac_org = 0;
  static std::string ac_fw = "tcs-2023", ac_role = "operator", ac_period, ac_scope;
  static bool ac_json = false;
  ac->add_option("--org", ac_org, "Organisation id")->required();
  ac->add_option("--framework", ac_fw, "Framework id (id@version for an older edition)");
  ac->add_option("--role", ac_role, "operator or maker")->check(CLI::IsMember({"operator", "maker"}));
  ac->add_option("--period", ac_period, "Fiscal year, e.g. FY2026")->required();
  ac->add_option("--scope", ac_scope, "Scope of the assessment");
  ac->add_flag("--json", ac_json, "Print JSON");
  ac->callback([&g] {
    Session s(g.db);
    auto at = ac_fw.find('@');
    const auto* fw = at == std::string::npos
                         ? g.catalogs->catalog().find(ac_fw)
                         : g.catalogs->catalog().find(ac_fw.substr(0, at), ac_fw.substr(at + 1));
    if (!fw) throw UsageError("unknown framework '" + ac_fw + "'");
    if (fw->checks().empty()) throw UsageError("framework '" + ac_fw + "' has no checklist to assess");
    try {
      auto a = s.repo.create(ac_org, *fw, ac_role, ac_period, ac_scope);
      if (ac_json) print_json({{"id", a.id}});
      else std::cout << "created assessment " << a.id << " (" << fw->key() << ", " << a.role << ", " << a.period << ")\n";
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  });

  auto* al = as->add_subcommand("list", "List assessments");
  static int64_t al_org = 0;
  static bool al_json = false;
  al->add_option("--org", al_org, "Only this organisation");
  al->add_flag("--json", al_json, "Print JSON");
  al->callback([&g] {
    Session s(g.db);
    json out = json::array();
    for (const auto& a : s.repo.list(al_org ? std::optional<int64_t>(al_org) : std::nullopt)) {
      out.push_back(assess::to_json(a));
      if (!al_json) std::cout << a.id << "\torg " << a.org_id << "\t" << a.framework << "@" << a.framework_version << "\t" << a.role << "\t" << a.period << "\n";
    }
    if (al_json) print_json(out);
  });

  auto* ash = as->add_subcommand("show", "Show an assessment with its answers");
  static int64_t ash_id = 0;
  static bool ash_json = false;
  ash->add_option("ID", ash_id)->required();
  ash->add_flag("--json", ash_json, "Print JSON");
  ash->callback([&g] {
    Session s(g.db);
    auto a = need_assessment(s.db, ash_id);
    auto answers = s.repo.answers(a.id);
    json j = assess::to_json(a);
    json ans = json::object();
    for (const auto& [q, x] : answers) ans[q] = assess::to_json(x);
    j["answers"] = ans;
    if (ash_json) return print_json(j);
    std::cout << "assessment " << a.id << ": " << a.framework << "@" << a.framework_version << " " << a.role << " " << a.period << "\n"
              << answers.size() << " answered question(s)\n";
  });

  auto* aa = as->add_subcommand("answer", "Answer one question");
  static int64_t aa_id = 0;
  static std::string aa_q, aa_status, aa_reason, aa_owner, aa_due, aa_comment;
  static int aa_maturity = -1;
  aa->add_option("ID", aa_id, "Assessment id")->required();
  aa->add_option("QUESTION", aa_q, "Question id, e.g. T2-001.1")->required();
  aa->add_option("--status", aa_status, "実施済|一部実施|未実施|対象外|未回答 or implemented|partial|not_implemented|not_applicable|unanswered")->required();
  aa->add_option("--reason", aa_reason, "Reason (required for not applicable)");
  aa->add_option("--maturity", aa_maturity, "0-5");
  aa->add_option("--owner", aa_owner, "Owner");
  aa->add_option("--due", aa_due, "Due date YYYY-MM-DD");
  aa->add_option("--comment", aa_comment, "Comment");
  aa->callback([&g, aa] {
    Session s(g.db);
    auto a = need_assessment(s.db, aa_id);
    framework_of(g.catalogs->catalog(), a);
    AnswerPatch next;
    auto st = status_from(aa_status);
    if (!st) throw UsageError("--status: '" + aa_status + "' is not 実施済, 一部実施, 未実施, 対象外, 未回答 (or the English words)");
    next.status = *st;
    if (aa->count("--reason")) next.na_reason = aa_reason;
    if (aa->count("--maturity")) next.maturity = aa_maturity;
    if (aa->count("--owner")) next.owner = aa_owner;
    if (aa->count("--due")) next.due = aa_due;
    if (aa->count("--comment")) next.comment = aa_comment;
    try {
      bool changed = assess_service(s.db, g).update_answer(a, aa_q, next).changed;
      std::cout << (changed ? "saved " : "unchanged ") << aa_q << "\n";
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  });

  auto* ae = as->add_subcommand("export",
                                "Export the checklist (表2 layout) as CSV or XLSX, the results as OSCAL assessment-results (oscal) or the plan "
                                "they follow as an OSCAL assessment-plan (oscal-plan)");
  static int64_t ae_id = 0;
  static std::string ae_format = "csv", ae_out;
  ae->add_option("ID", ae_id)->required();
  ae->add_option("--format", ae_format, "csv, xlsx, oscal or oscal-plan")->check(CLI::IsMember({"csv", "xlsx", "oscal", "oscal-plan"}));
  ae->add_option("-o,--output", ae_out, "Output file")->required();
  ae->callback([&g] {
    Session s(g.db);
    auto a = need_assessment(s.db, ae_id);
    auto svc = assess_service(s.db, g);
    const auto& fw = framework_of(g.catalogs->catalog(), a);
    auto answers = s.repo.answers(a.id);
    auto ev = s.repo.evidence(a.id);
    if (ae_format == "oscal") {
      write_file_atomic(ae_out, report::assessment_results(report::gather(svc, g.catalogs->rules(),
                                                                          g.catalogs->risk_matrix(),
                                                                          a.id, std::nullopt))
                                        .dump(2) +
                                    "\n");
    } else if (ae_format == "oscal-plan") {
      write_file_atomic(ae_out, report::assessment_plan(report::gather(svc, g.catalogs->rules(),
                                                                       g.catalogs->risk_matrix(),
                                                                       a.id, std::nullopt))
                                        .dump(2) +
                                    "\n");
    } else if (ae_format == "csv") write_file_atomic(ae_out, export_csv(fw, a, answers, ev));
    else
      export_xlsx(fw, a, answers, ev, ae_out,
                  {s.repo.org(a.org_id) ? s.repo.org(a.org_id)->name : "", "", a.period,
                   g.clock->today_jst()});
    std::cerr << "wrote " << ae_out << "\n";
  });

  auto* ai = as->add_subcommand("import", "Import a filled checklist (XLSX, or CSV in UTF-8 or Shift_JIS)");
  static int64_t ai_id = 0;
  static std::string ai_file;
  static bool ai_json = false;
  ai->add_option("ID", ai_id)->required();
  ai->add_option("FILE", ai_file)->required();
  ai->add_flag("--json", ai_json, "Print JSON");
  ai->callback([&g] {
    Session s(g.db);
    auto a = need_assessment(s.db, ai_id);
    framework_of(g.catalogs->catalog(), a);  // a usage error when its framework is not loaded
    std::string bytes = read_file(ai_file);
    try {
      auto svc = assess_service(s.db, g);
      auto r = import_file(svc, a, ai_file, bytes);
      if (ai_json) print_json({{"rows", r.rows}, {"changed", r.changed}, {"unchanged", r.unchanged}, {"encoding", r.encoding}, {"sheet", r.sheet}});
      else std::cout << "imported " << r.rows << " row(s) (" << r.encoding << (r.sheet.empty() ? "" : ", sheet '" + r.sheet + "'") << "): " << r.changed << " changed, " << r.unchanged << " unchanged\n";
    } catch (const ImportError& e) {
      if (ai_json) {
        json issues = json::array();
        for (const auto& i : e.issues()) issues.push_back({{"file", i.file}, {"sheet", i.sheet}, {"row", i.row}, {"column", i.column}, {"found", i.found}, {"expected", i.expected}});
        std::cerr << json{{"error", "import refused"}, {"issues", issues}}.dump(2) << "\n";
        std::exit(2);
      }
      throw UsageError(e.what());
    }
  });

  auto* asc = as->add_subcommand("score", "Coverage and maturity overall, per chapter and per threat");
  static int64_t asc_id = 0;
  static bool asc_json = false;
  static double asc_partial = 0.5;
  asc->add_option("ID", asc_id)->required();
  asc->add_option("--partial-weight", asc_partial, "Weight of a partial answer (default 0.5)")->check(CLI::Range(0.0, 1.0));
  asc->add_flag("--json", asc_json, "Print JSON");
  asc->callback([&g] {
    Session s(g.db);
    auto a = need_assessment(s.db, asc_id);
    const auto& fw = framework_of(g.catalogs->catalog(), a);
    ScoringConfig cfg;
    cfg.w_partial = asc_partial;
    auto sc = score(fw, a.role, s.repo.answers(a.id), cfg);
    json j = sc.json(cfg, fw);
    j["assessment"] = a.id;
    j["coverage"] = j["overall"]["coverage"];
    if (asc_json) return print_json(j);
    std::cout << "overall coverage " << pct(sc.overall.coverage(cfg)) << " (" << sc.overall.answered << "/" << sc.overall.questions
              << " answered); recommended " << pct(sc.recommended.coverage(cfg)) << ", reference only " << pct(sc.reference.coverage(cfg)) << "\n";
    for (const auto& it : fw.items) {
      if (it.kind != "chapter" || !sc.by_chapter.count(it.id)) continue;
      std::cout << "  " << it.label << " " << it.title.ja << "\t" << pct(sc.by_chapter.at(it.id).coverage(cfg)) << "\n";
    }
    for (const auto& [t, tally] : sc.by_threat) std::cout << "  [" << t << "]\t" << pct(tally.coverage(cfg)) << "\n";
  });

  auto* ag = as->add_subcommand("gaps", "Questions not fully implemented, by priority with reasons");
  static int64_t ag_id = 0;
  static bool ag_json = false;
  static size_t ag_limit = 0;
  static std::string ag_lang = "ja";
  ag->add_option("ID", ag_id)->required();
  ag->add_option("--limit", ag_limit, "Only the first N");
  ag->add_option("--lang", ag_lang)->check(CLI::IsMember({"ja", "en"}));
  ag->add_flag("--json", ag_json, "Print JSON");
  ag->callback([&g] {
    Session s(g.db);
    auto a = need_assessment(s.db, ag_id);
    const auto& fw = framework_of(g.catalogs->catalog(), a);
    auto gs = assess_service(s.db, g).gaps(a);
    if (ag_limit && gs.size() > ag_limit) gs.resize(ag_limit);
    json out = json::array();
    int pos = 0;
    for (const auto& gp : gs) {
      ++pos;
      const auto* q = fw.question(gp.question_id);
      json j = assess::to_json(gp, fw);
      j["position"] = pos;
      out.push_back(j);
      if (!ag_json) {
        std::cout << pos << ". " << gp.question_id << " [" << gp.priority << "] " << (ag_lang == "en" ? q->text.en : q->text.ja) << "\n   ";
        for (const auto& [en, ja] : gp.reasons) std::cout << " " << (ag_lang == "en" ? en : ja) << ";";
        std::cout << "\n";
      }
    }
    if (ag_json) print_json(out);
  });

  auto* acp = as->add_subcommand("compare", "Per question: improved, regressed, unchanged, new (B against A)");
  static int64_t acp_a = 0, acp_b = 0;
  static bool acp_json = false;
  acp->add_option("A", acp_a)->required();
  acp->add_option("B", acp_b)->required();
  acp->add_flag("--json", acp_json, "Print JSON");
  acp->callback([&g] {
    Session s(g.db);
    auto a = need_assessment(s.db, acp_a);
    auto b = need_assessment(s.db, acp_b);
    if (a.framework != b.framework) throw UsageError("the assessments use different frameworks");
    const auto& fw = framework_of(g.catalogs->catalog(), b);
    auto changes = compare(fw, s.repo.answers(a.id), s.repo.answers(b.id));
    std::map<std::string, int> counts;
    json list = json::array();
    for (const auto& c : changes) {
      ++counts[c.kind];
      if (c.kind != "unchanged") list.push_back({{"question", c.question_id}, {"change", c.kind}, {"from", to_string(c.from)}, {"to", to_string(c.to)}});
    }
    if (acp_json) return print_json({{"a", a.id}, {"b", b.id}, {"counts", counts}, {"changes", list}});
    for (const auto& [k, n] : counts) std::cout << k << "\t" << n << "\n";
    for (const auto& c : list) std::cout << "  " << c["question"].get<std::string>() << "\t" << c["change"].get<std::string>() << "\t" << c["from"].get<std::string>() << " -> " << c["to"].get<std::string>() << "\n";
  });

  auto* anp = as->add_subcommand("next-period", "Start the next period from this assessment (PDCA)");
  static int64_t anp_id = 0;
  static std::string anp_period;
  static bool anp_reset = false, anp_json = false;
  anp->add_option("ID", anp_id)->required();
  anp->add_option("--period", anp_period, "The new fiscal year, e.g. FY2027")->required();
  anp->add_flag("--reset-status", anp_reset, "Start every status from 未回答 (owners and evidence still carry over)");
  anp->add_flag("--json", anp_json, "Print JSON");
  anp->callback([&g] {
    Session s(g.db);
    auto a = need_assessment(s.db, anp_id);
    const auto* fw =
        g.catalogs->catalog().find(a.framework);  // newest edition of the same framework
    if (!fw) throw UsageError("framework " + a.framework + " is not loaded");
    try {
      auto n = s.repo.next_period(a, *fw, anp_period, anp_reset, g.clock->today_jst());
      if (anp_json) print_json({{"id", n.id}});
      else std::cout << "created assessment " << n.id << " for " << n.period << " from " << a.id << "\n";
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  });

  auto* ah = as->add_subcommand("history", "Change history of answers (who, when, old → new)");
  static int64_t ah_id = 0;
  static std::string ah_q;
  static bool ah_json = false;
  ah->add_option("ID", ah_id)->required();
  ah->add_option("--question", ah_q, "Only this question");
  static std::string ah_lang = "ja";
  ah->add_flag("--json", ah_json, "Print JSON");
  ah->add_option("--lang", ah_lang, "Labels in ja (default) or en")
      ->check(CLI::IsMember({"ja", "en"}));
  ah->callback([&g] {
    Session s(g.db);
    auto a = need_assessment(s.db, ah_id);
    json out = json::array();
    for (const auto& h : s.repo.history(a.id, ah_q)) {
      // The stored codes for scripts, beside the labels a person reads.
      out.push_back({{"question", h.question_id},
                     {"field", h.field},
                     {"old", h.old_value},
                     {"new", h.new_value},
                     {"at", h.at},
                     {"actor", h.actor},
                     {"label",
                      {{"field", assess::history_field_label(h.field, ah_lang)},
                       {"old", assess::history_value_text(h.field, h.old_value, ah_lang)},
                       {"new", assess::history_value_text(h.field, h.new_value, ah_lang)}}}});
      if (!ah_json)
        std::cout << date::display_time(h.at, ah_lang) << "\t" << h.actor << "\t" << h.question_id
                  << "\t" << assess::history_field_label(h.field, ah_lang) << ": "
                  << assess::history_value_text(h.field, h.old_value, ah_lang) << " → "
                  << assess::history_value_text(h.field, h.new_value, ah_lang) << "\n";
    }
    if (ah_json) print_json(out);
  });

  auto* ms = as->add_subcommand("maturity-scale", "The maturity scale in use, with each level's definition");
  static bool ms_json = false;
  ms->add_flag("--json", ms_json, "Print JSON");
  ms->callback([&g] {
    const auto& sc = g.catalogs->scale();
    json levels = json::array();
    for (const auto& l : sc.levels) {
      levels.push_back({{"level", l.level}, {"name", {{"ja", l.name.ja}, {"en", l.name.en}}}, {"definition", {{"ja", l.definition.ja}, {"en", l.definition.en}}}});
      if (!ms_json)
        std::cout << l.level << "\t" << l.name.ja << " / " << l.name.en << "\t" << l.definition.ja
                  << "\n";
    }
    if (ms_json) print_json({{"id", sc.id}, {"target", sc.target}, {"levels", levels}});
  });

  auto* trend = as->add_subcommand("trend", "Coverage of every period of an organisation");
  static int64_t tr_org = 0;
  static bool tr_json = false;
  trend->add_option("--org", tr_org, "Organisation id")->required();
  trend->add_flag("--json", tr_json, "Print JSON");
  trend->callback([&g] {
    Session s(g.db);
    json out = json::array();
    // One series per framework and role (AssessService::trends): coverages of different
    // frameworks do not compare.
    for (const auto& t : assess_service(s.db, g).trends(tr_org)) {
      for (const auto& p : t.points) {
        const auto& cov = p.coverage;
        out.push_back({{"assessment", p.assessment_id},
                       {"framework", t.framework},
                       {"period", p.period},
                       {"role", t.role},
                       {"coverage", cov ? json(*cov) : json()}});
        if (!tr_json)
          std::cout << t.framework << "\t" << p.period << "\t" << t.role << "\t" << pct(cov)
                    << "\n";
      }
    }
    if (tr_json) print_json(out);
  });
}

void register_store(CLI::App& app, Globals& g) {
  auto* b = app.add_subcommand("backup", "Online backup of the database to a file");
  static std::string b_file;
  b->add_option("FILE", b_file)->required();
  b->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    db.backup_to(b_file);
    store::copy_audit_key(store::audit_key_path(db), b_file + ".audit-key");
    db.transaction([&] { store::audit_append(db, {store::default_actor(), std::nullopt, "database", g.db, "backup", nullptr, {{"file", b_file}}}); });
    std::cout << "backed up " << g.db << " to " << b_file << "\n";
  });
  auto* r = app.add_subcommand("restore", "Replace the database with a backup (checked first)");
  static std::string r_file;
  r->add_option("FILE", r_file)->required();
  r->callback([&g] {
    store::Db::restore(r_file, g.db);
    store::Db db(g.db);
    db.migrate();
    store::copy_audit_key(r_file + ".audit-key", store::audit_key_path(db));
    db.transaction([&] { store::audit_append(db, {store::default_actor(), std::nullopt, "database", g.db, "restore", nullptr, {{"file", r_file}}}); });
    std::cout << "restored " << g.db << " from " << r_file << "\n";
  });
}

}  // namespace anzen::cli
