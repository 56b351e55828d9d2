// anzen org profile | industry …  — the industry benchmark from the command line: the
// operator's key, submission and comparison; the aggregator's registry, import and publication.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "cli/cli.h"
#include "common/clock.h"
#include "industry/benchmark.h"
#include "industry/crypto.h"
#include "industry/key_file.h"
#include "industry/profile.h"
#include "industry/publication.h"
#include "industry/service.h"
#include "industry/stats.h"
#include "store/audit.h"

namespace anzen::cli {
using nlohmann::json;
using namespace anzen::industry;
namespace fs = std::filesystem;

namespace {

struct Session {
  store::Db db;
  IndustryService svc;
  Session(const std::string& path, const catalog::Catalog& cat)
      : db(path),
        svc((db.migrate(), db), cat, [path] { return load_or_create_kek(path); }, utc_now_iso,
            store::default_actor()) {}
};

// Runs a use case, turning refused input into exit status 2.
template <class F>
void guarded(F&& f) {
  try {
    f();
  } catch (const IndustryError& e) {
    throw UsageError(e.what());
  } catch (const DocumentError& e) {
    throw UsageError(e.what());
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

std::string read_file(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw UsageError(path + ": no such file");
  auto size = fs::file_size(path, ec);
  if (ec || size > max_bytes)
    throw UsageError(path + ": larger than " + std::to_string(max_bytes) + " bytes");
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_atomically(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << bytes;
    if (!out.flush()) throw UsageError(path + ": cannot write");
  }
  fs::rename(tmp, path);
}

std::string pct(const json& v) {
  if (!v.is_number()) return "–";
  char b[16];
  std::snprintf(b, sizeof b, "%.1f%%", v.get<double>() * 100);
  return b;
}

}  // namespace

void register_industry(CLI::App& app, Globals& g) {
  // ---- org profile (beside org create/list)
  auto* org = app.get_subcommand("org");
  auto* op = org->add_subcommand(
      "profile", "The profile benchmark submissions carry: size band, services, role");
  static int64_t op_org = 0;
  static std::string op_band, op_role;
  static std::vector<std::string> op_services;
  static bool op_json = false;
  op->add_option("--org", op_org, "Organisation id")->required();
  std::string bands;
  for (const auto& b : size_bands())
    bands += (bands.empty() ? "" : ", ") + b.id + " (" + b.ja + ")";
  op->add_option("--size-band", op_band, "Size band by number of users: " + bands);
  op->add_option("--services", op_services, "Service categories, comma separated")->delimiter(',');
  op->add_option("--role", op_role, "operator or maker (must match the organisation's kind)");
  op->add_flag("--json", op_json, "Print JSON");
  op->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    guarded([&] {
      s.svc.set_profile(op_org, op_band, op_services, op_role);
      auto p = s.svc.profile(op_org);
      const auto* b = size_band(p.size_band);
      if (op_json)
        return print_json({{"org", op_org},
                           {"role", p.role},
                           {"size_band", p.size_band},
                           {"services", p.services},
                           {"size_band_label", {{"ja", b->ja}, {"en", b->en}}}});
      std::cout << "organisation " << op_org << ": " << role_label(p.role, "ja") << "、利用者数 "
                << b->ja << "、";
      for (size_t i = 0; i < p.services.size(); ++i)
        std::cout << (i ? "・" : "") << service_label(p.services[i], "ja");
      std::cout << "\n";
    });
  });

  auto* ind = app.add_subcommand(
      "industry",
      "Industry benchmark: signed submissions, anonymised statistics, position among peers");
  ind->require_subcommand(1);

  // ---- operator side
  auto* kg = ind->add_subcommand(
      "keygen", "The organisation's Ed25519 key pair (created once; prints the public key)");
  static int64_t kg_org = 0;
  static bool kg_json = false;
  kg->add_option("--org", kg_org, "Organisation id")->required();
  kg->add_flag("--json", kg_json, "Print JSON");
  kg->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    guarded([&] {
      auto pk = s.svc.keygen(kg_org);
      if (kg_json)
        print_json({{"public_key", pk}});
      else
        std::cout << pk << "\n";
    });
  });

  auto* sb = ind->add_subcommand("submission",
                                 "Write the signed submission of an assessment (scores only)");
  static int64_t sb_a = 0, sb_id = 0;
  static std::string sb_out;
  static bool sb_dry = false;
  sb->add_option("--assessment", sb_a, "Assessment id")->required();
  sb->add_option("--submitter-id", sb_id,
                 "The id the aggregator registered for this organisation's key")
      ->required();
  sb->add_option("-o,--output", sb_out, "File to write");
  sb->add_flag("--dry-run", sb_dry,
               "Print exactly what would leave (nothing is signed or written)");
  sb->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    guarded([&] {
      auto a = need_assessment(s.db, sb_a);
      if (sb_dry) return print_json(s.svc.preview_json(a, sb_id));
      if (sb_out.empty()) throw UsageError("-o FILE is required (or --dry-run)");
      write_atomically(sb_out, s.svc.sign_submission(a, sb_id));
      std::cout << "wrote " << sb_out << "\n";
    });
  });

  auto* cp = ind->add_subcommand(
      "compare", "Own position in a published benchmark, per chapter, threat and survey area");
  static int64_t cp_a = 0;
  static std::string cp_file, cp_key, cp_lang = "ja";
  static bool cp_json = false;
  cp->add_option("--assessment", cp_a, "Assessment id")->required();
  cp->add_option("--benchmark", cp_file, "Published benchmark (signed JSON)")->required();
  cp->add_option("--aggregator-key", cp_key, "Expected public key of the aggregator (base64)");
  cp->add_option("--lang", cp_lang, "ja or en")->check(CLI::IsMember({"ja", "en"}));
  cp->add_flag("--json", cp_json, "Print JSON");
  cp->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    guarded([&] {
      auto a = need_assessment(s.db, cp_a);
      auto out = s.svc.compare(a, read_file(cp_file, kMaxBenchmarkBytes), cp_key);
      if (cp_json) return print_json(out);
      if (out["synthetic"].get<bool>())
        std::cout << (cp_lang == "en" ? "SYNTHETIC benchmark (tests only)\n"
                                      : "【合成データによるベンチマーク（試験専用）】\n");
      for (const auto& m : out["metrics"]) {
        std::cout << m["label"][cp_lang].get<std::string>() << "\t" << pct(m["own"]);
        if (m["sector"].is_object()) {
          std::cout << "\t" << (cp_lang == "en" ? "sector median " : "業界中央値 ")
                    << pct(m["sector"]["median"]) << " [" << pct(m["sector"]["q1"]) << "–"
                    << pct(m["sector"]["q3"]) << "]";
        }
        if (m.contains("deviation_score"))
          std::cout << "\t" << (cp_lang == "en" ? "T-score " : "偏差値 ")
                    << m["deviation_score"].get<double>();
        if (m.contains("quartile_band_label"))
          std::cout << "\t" << m["quartile_band_label"][cp_lang].get<std::string>();
        std::cout << "\n";
      }
    });
  });

  // ---- aggregator side
  auto* rg = ind->add_subcommand("register", "Register a submitter's public key (aggregator)");
  static std::string rg_name, rg_key;
  static bool rg_json = false;
  rg->add_option("--name", rg_name, "Submitter's name (kept by the aggregator only)")->required();
  rg->add_option("--public-key", rg_key, "Ed25519 public key, base64")->required();
  rg->add_flag("--json", rg_json, "Print JSON");
  rg->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    guarded([&] {
      auto id = s.svc.register_submitter(rg_name, rg_key);
      if (rg_json)
        print_json({{"id", id}});
      else
        std::cout << "registered submitter " << id << "\n";
    });
  });

  auto* im =
      ind->add_subcommand("import", "Verify and store submissions, all or nothing (aggregator)");
  static std::vector<std::string> im_files;
  static bool im_json = false;
  im->add_option("FILE", im_files, "Submission files, or folders of *.json")->required();
  im->add_flag("--json", im_json, "Print JSON");
  im->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    guarded([&] {
      std::vector<NamedText> docs;
      for (const auto& f : im_files) {
        std::vector<std::string> paths;
        if (fs::is_directory(f)) {
          for (const auto& e : fs::directory_iterator(f)) {
            if (e.path().extension() == ".json") paths.push_back(e.path().string());
          }
          std::sort(paths.begin(), paths.end());
        } else {
          paths.push_back(f);
        }
        for (const auto& p : paths) docs.push_back({p, read_file(p, kMaxSubmissionBytes)});
      }
      auto done = s.svc.import(docs);
      int replaced = 0;
      json out = json::array();
      for (const auto& d : done) {
        replaced += d.replaced;
        out.push_back({{"file", d.file},
                       {"submitter_id", d.submitter_id},
                       {"period", d.period},
                       {"replaced", d.replaced}});
      }
      if (im_json)
        return print_json({{"imported", done.size()}, {"replaced", replaced}, {"files", out}});
      std::cout << "imported " << done.size() << " submission(s), " << replaced
                << " replacing earlier ones\n";
    });
  });

  auto* ls = ind->add_subcommand("submissions", "The submissions stored for a period (aggregator)");
  static std::string ls_period;
  static bool ls_json = false;
  ls->add_option("--period", ls_period, "FY2026")->required();
  ls->add_flag("--json", ls_json, "Print JSON");
  ls->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    json out = json::array();
    for (const auto& x : s.svc.repo().submissions(ls_period)) {
      out.push_back({{"submitter_id", x.submitter_id},
                     {"period", x.period},
                     {"nonce", x.nonce},
                     {"created_at", x.created_at},
                     {"imported_at", x.imported_at}});
      if (!ls_json) std::cout << x.submitter_id << "\t" << x.created_at << "\t" << x.nonce << "\n";
    }
    if (ls_json) print_json(out);
  });

  auto* pb = ind->add_subcommand(
      "publish",
      "Write the benchmark of a period: signed JSON, XLSX or a Japanese PDF (aggregator)");
  static std::string pb_period, pb_out, pb_format;
  static int pb_k = kDefaultK;
  pb->add_option("--period", pb_period, "FY2026")->required();
  pb->add_option("--k", pb_k, "Smallest published cell (default 10, never below 5)");
  pb->add_option("-o,--output", pb_out, "File to write")->required();
  pb->add_option("--format", pb_format, "json, xlsx or pdf (default: from the file name)")
      ->check(CLI::IsMember({"json", "xlsx", "pdf"}));
  pb->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    guarded([&] {
      std::string fmt = pb_format;
      if (fmt.empty()) {
        auto ext = fs::path(pb_out).extension().string();
        fmt = ext == ".xlsx" ? "xlsx" : ext == ".pdf" ? "pdf" : "json";
      }
      auto payload = s.svc.benchmark(pb_period, pb_k);
      std::string bytes = fmt == "xlsx"  ? benchmark_xlsx(payload)
                          : fmt == "pdf" ? benchmark_pdf(payload)
                                         : s.svc.sign_as_aggregator(payload);
      write_atomically(pb_out, bytes);
      std::cout << "wrote " << pb_out << "\n";
    });
  });

  auto* sm = ind->add_subcommand("simulate",
                                 "SYNTHETIC signed submissions for tests and benchmarks only "
                                 "(registers the synthetic submitters)");
  static int sm_n = 0;
  static std::string sm_period, sm_out, sm_signed;
  static uint64_t sm_seed = 1;
  sm->add_option("--submitters", sm_n, "How many")->required();
  sm->add_option("--period", sm_period, "FY2026")->required();
  sm->add_option("--seed", sm_seed, "Seed (the same seed gives the same files)");
  sm->add_option("--signed-at", sm_signed,
                 "Signing time, YYYY-MM-DDTHH:MM:SSZ (default: in the period)");
  sm->add_option("-o,--output", sm_out, "Folder to write")->required();
  sm->callback([&g] {
    Session s(g.db, g.catalogs->catalog());
    guarded([&] {
      auto docs = s.svc.simulate(sm_n, sm_period, sm_seed, sm_signed);
      fs::create_directories(sm_out);
      for (const auto& d : docs) write_atomically((fs::path(sm_out) / d.name).string(), d.text);
      std::cout << "wrote " << docs.size() << " synthetic submissions to " << sm_out << "\n";
    });
  });
}

}  // namespace anzen::cli
