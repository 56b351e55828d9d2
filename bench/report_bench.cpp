// Time to produce each report for a full assessment (all 261 questions answered, with the demo
// risks, plan items and incidents), against a same-run baseline: BM_Baseline_GatherData, which
// only reads and scores what every report draws on.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "cli/demo_extra.h"
#include "common/clock.h"
#include "report/data.h"
#include "report/render.h"
#include "testing/catalogs.h"
#include "testing/services.h"

namespace {
using namespace anzen;

struct Fixture {
  std::string path;
  int64_t assessment = 0;
  Fixture() {
    path = (std::filesystem::temp_directory_path() / "anzen-bench-report.db").string();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    store::Db db(path);
    db.migrate();
    assess::AssessRepo repo(db, "bench");
    const auto& fw = *anzen::testing::tree_catalog().find("tcs-2023");
    auto org = repo.create_org({0, "ベンチ通信株式会社", "operator_registered", {"voice_emergency", "isp_data"}, 120000, {"東京都"}});
    auto a = repo.create(org.id, fw, "operator", "FY2026", "全社");
    int n = 0;
    const assess::Status cycle[] = {assess::Status::implemented, assess::Status::partial, assess::Status::not_implemented, assess::Status::implemented};
    for (const auto* c : fw.checks()) {
      for (const auto& q : c->questions) {
        assess::Answer x;
        x.question_id = q.id;
        x.status = cycle[n++ % 4];
        x.maturity = n % 6;
        x.comment = "社内規程第" + std::to_string(n) + "条";
        repo.set_answer(a, fw, x);
      }
    }
    cli::demo_extra(db, anzen::testing::tree_rules(), anzen::testing::tree_risk_matrix(),
                    anzen::testing::system_clock(), org.id);
    assessment = a.id;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_Baseline_GatherData(benchmark::State& st) {
  store::Db db(fixture().path);
  auto svc = testing::assess_service(db);
  for (auto _ : st)
    benchmark::DoNotOptimize(report::gather(svc, anzen::testing::tree_rules(),
                                            anzen::testing::tree_catalogs().risk_matrix(),
                                            fixture().assessment, std::nullopt)
                                 .gaps.size());
}
BENCHMARK(BM_Baseline_GatherData)->Unit(benchmark::kMillisecond);

void run(benchmark::State& st, const char* kind, const char* format) {
  store::Db db(fixture().path);
  auto svc = testing::assess_service(db);
  size_t bytes = 0;
  for (auto _ : st)
    bytes = report::render(svc, anzen::testing::tree_rules(),
                           anzen::testing::tree_catalogs().risk_matrix(), kind,
                           fixture().assessment, std::nullopt, format, "ja")
                .bytes.size();
  st.counters["bytes"] = static_cast<double>(bytes);
}
void BM_Report_ManagementPdf(benchmark::State& st) { run(st, "management", "pdf"); }
void BM_Report_ManagementHtml(benchmark::State& st) { run(st, "management", "html"); }
void BM_Report_ChecklistXlsx(benchmark::State& st) { run(st, "checklist", "xlsx"); }
void BM_Report_GapsXlsx(benchmark::State& st) { run(st, "gaps", "xlsx"); }
void BM_Report_RisksXlsx(benchmark::State& st) { run(st, "risks", "xlsx"); }
void BM_Report_IncidentsXlsx(benchmark::State& st) { run(st, "incidents", "xlsx"); }
void BM_Report_SoaPdf(benchmark::State& st) { run(st, "soa", "pdf"); }
void BM_Report_DisclosurePdf(benchmark::State& st) { run(st, "disclosure", "pdf"); }
BENCHMARK(BM_Report_ManagementPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report_ManagementHtml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report_ChecklistXlsx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report_GapsXlsx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report_RisksXlsx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report_IncidentsXlsx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report_SoaPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report_DisclosurePdf)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
