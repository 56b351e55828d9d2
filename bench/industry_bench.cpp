// The industry benchmark at the scale of the sector: 21,581 submitters (registered and
// notified operators in the sources) aggregated into every cell with suppression, against a
// same-run baseline of only parsing the same submissions' JSON.
#include <benchmark/benchmark.h>

#include "catalog/catalog_dir.h"
#include "industry/benchmark.h"
#include "industry/simulate.h"
#include "testing/catalogs.h"

namespace {
using namespace anzen;

constexpr uint64_t kSubmitters = 21581;

struct Data {
  std::vector<industry::Submission> subs;
  std::vector<std::string> payloads;
  Data() {
    const auto& cat = anzen::testing::tree_catalog();
    const auto& fw = *cat.find("tcs-2023");
    for (uint64_t i = 0; i < kSubmitters; ++i) {
      auto s = industry::synthetic_submission(cat, fw, 1, i);
      s.submitter_id = static_cast<int64_t>(i + 1);
      s.period = "FY2026";
      s.created_at = "2026-06-01T00:00:00Z";
      payloads.push_back(industry::to_json(s, cat, fw).dump());
      subs.push_back(std::move(s));
    }
  }
};
const Data& data() {
  static const Data d;
  return d;
}

void BM_Baseline_ParseSubmissions(benchmark::State& st) {
  const auto& d = data();
  for (auto _ : st) {
    for (const auto& p : d.payloads) benchmark::DoNotOptimize(nlohmann::json::parse(p));
  }
  st.SetItemsProcessed(st.iterations() * static_cast<int64_t>(kSubmitters));
}
BENCHMARK(BM_Baseline_ParseSubmissions)->Unit(benchmark::kMillisecond);

void BM_Aggregate21581(benchmark::State& st) {
  const auto& d = data();
  const auto& cat = anzen::testing::tree_catalog();
  const auto& fw = *cat.find("tcs-2023");
  for (auto _ : st) benchmark::DoNotOptimize(industry::aggregate(d.subs, cat, fw, "FY2026", 10));
  st.SetItemsProcessed(st.iterations() * static_cast<int64_t>(kSubmitters));
}
BENCHMARK(BM_Aggregate21581)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
