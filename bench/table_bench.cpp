// The shared table layer against same-run baselines:
//   BM_ReadChecklistXlsx  vs BM_Baseline_InflateParts (inflating the same workbook's XML parts)
//   BM_ReadChecklistCsv   vs BM_Baseline_CsvParse     (the bare RFC 4180 parse of the same text)
//   BM_ParseJapaneseDates vs BM_Baseline_ParseIso     (strict YYYY-MM-DD only)
#include <benchmark/benchmark.h>

#include "assess/sheet.h"
#include "catalog/catalog_dir.h"
#include "common/csv.h"
#include "common/date.h"
#include "common/paths.h"
#include "common/table_read.h"
#include "common/xlsx_read.h"
#include "testing/catalogs.h"

namespace {
using namespace anzen;

const catalog::Framework& tcs() { return *anzen::testing::tree_catalog().find("tcs-2023"); }

assess::Assessment sample() {
  assess::Assessment a;
  a.id = 1;
  a.period = "FY2026";
  a.role = "operator";
  return a;
}
const std::string& checklist_xlsx() {
  static const std::string b = bytes_via_temp_file(
      [](const std::string& p) { assess::export_xlsx(tcs(), sample(), {}, {}, p); }, ".xlsx");
  return b;
}
const std::string& checklist_csv() {
  static const std::string b = assess::export_csv(tcs(), sample(), {}, {});
  return b;
}

void BM_ReadChecklistXlsx(benchmark::State& st) {
  for (auto _ : st)
    benchmark::DoNotOptimize(
        table::read("c.xlsx", checklist_xlsx(), assess::sheet_columns()).rows.size());
}
BENCHMARK(BM_ReadChecklistXlsx)->Unit(benchmark::kMillisecond);

void BM_Baseline_InflateParts(benchmark::State& st) {
  for (auto _ : st) {
    auto a = xlsx::zip_member(checklist_xlsx(), "xl/worksheets/sheet1.xml");
    auto b = xlsx::zip_member(checklist_xlsx(), "xl/sharedStrings.xml");
    benchmark::DoNotOptimize(a.size() + b.size());
  }
}
BENCHMARK(BM_Baseline_InflateParts)->Unit(benchmark::kMillisecond);

void BM_ReadChecklistCsv(benchmark::State& st) {
  for (auto _ : st)
    benchmark::DoNotOptimize(
        table::read("c.csv", checklist_csv(), assess::sheet_columns()).rows.size());
}
BENCHMARK(BM_ReadChecklistCsv)->Unit(benchmark::kMillisecond);

void BM_Baseline_CsvParse(benchmark::State& st) {
  for (auto _ : st)
    benchmark::DoNotOptimize(csv::parse(std::string_view(checklist_csv()).substr(3)).size());
}
BENCHMARK(BM_Baseline_CsvParse)->Unit(benchmark::kMillisecond);

const char* const kForms[] = {"2026-03-31", "2026/3/31", "令和8年3月31日", "R8.3.31",
                              "２０２６年３月３１日"};
void BM_ParseJapaneseDates(benchmark::State& st) {
  for (auto _ : st) {
    for (const char* f : kForms) benchmark::DoNotOptimize(date::parse(f).value);
  }
  st.SetItemsProcessed(st.iterations() * 5);
}
BENCHMARK(BM_ParseJapaneseDates);

void BM_Baseline_ParseIso(benchmark::State& st) {
  for (auto _ : st) {
    for (int i = 0; i < 5; ++i) benchmark::DoNotOptimize(date::parse_iso("2026-03-31"));
  }
  st.SetItemsProcessed(st.iterations() * 5);
}
BENCHMARK(BM_Baseline_ParseIso);

}  // namespace

BENCHMARK_MAIN();
