// Classifications per second, against a same-run baseline: parsing the same event JSON alone.
#include <benchmark/benchmark.h>

#include "incident/classify.h"
#include "testing/catalogs.h"

namespace {
using namespace anzen::incident;

const char* kEvent = R"({"event_type":"outage","service_category":"voice_no_emergency","affected_users":120000,
  "started_at":"2026-03-15T10:00:00+09:00","ended_at":"2026-03-15T11:20:00+09:00","facility":"other"})";

void BM_Baseline_ParseJson(benchmark::State& st) {
  for (auto _ : st) benchmark::DoNotOptimize(nlohmann::json::parse(kEvent));
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_Baseline_ParseJson);

void BM_ParseAndClassify(benchmark::State& st) {
  const auto& rules = anzen::testing::tree_rules();
  for (auto _ : st) {
    auto v = classify(event_from_json(nlohmann::json::parse(kEvent)), rules, 0);
    benchmark::DoNotOptimize(verdict_json(v));
  }
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_ParseAndClassify);

}  // namespace

BENCHMARK_MAIN();
