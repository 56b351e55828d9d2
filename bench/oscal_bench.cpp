// OSCAL catalog import time against the number of controls (#13 M1: 20,000 controls took 41 s
// because every control re-indexed the whole framework). Same-run baseline: parsing the same
// JSON alone. The ratio staying flat from 1,000 to 10,000 controls (the import limit) shows the
// import is linear.
#include <benchmark/benchmark.h>

#include "catalog/loader.h"
#include "catalog/oscal_import.h"
#include "catalog/oscal_json.h"

namespace {
using nlohmann::json;

// A catalog of `n` controls in families of 100, each with a parameter, a statement of two items
// and two objectives (the shape of NIST's catalogs).
std::string catalog_text(int n) {
  json groups = json::array();
  for (int g = 0; g * 100 < n; ++g) {
    json controls = json::array();
    for (int c = g * 100; c < std::min(n, (g + 1) * 100); ++c) {
      std::string id = "c-" + std::to_string(c);
      controls.push_back(
          {{"id", id},
           {"title", "Control " + std::to_string(c)},
           {"params", {{{"id", id + "_prm_1"}, {"label", "organization-defined frequency"}}}},
           {"parts",
            {{{"id", id + "_smt"},
              {"name", "statement"},
              {"prose", "The organization:"},
              {"parts",
               {{{"id", id + "_smt.a"},
                 {"name", "item"},
                 {"props", {{{"name", "label"}, {"value", "a."}}}},
                 {"prose", "Reviews {{ insert: param, " + id + "_prm_1 }}."}},
                {{"id", id + "_smt.b"},
                 {"name", "item"},
                 {"props", {{{"name", "label"}, {"value", "b."}}}},
                 {"prose", "Updates it."}}}}},
             {{"id", id + "_obj"},
              {"name", "assessment-objective"},
              {"parts",
               {{{"id", id + "_obj.a"}, {"name", "assessment-objective"}, {"prose", "reviews;"}},
                {{"id", id + "_obj.b"},
                 {"name", "assessment-objective"},
                 {"prose", "updates."}}}}}}}});
    }
    groups.push_back({{"id", "g" + std::to_string(g)},
                      {"title", "Family " + std::to_string(g)},
                      {"controls", controls}});
  }
  return json{{"catalog",
               {{"uuid", "u"},
                {"metadata",
                 {{"title", "Bench"}, {"version", "1"}, {"last-modified", "2025-01-01T00:00:00Z"}}},
                {"groups", groups}}}}
      .dump();
}

void BM_Baseline_ParseJson(benchmark::State& st) {
  std::string text = catalog_text(static_cast<int>(st.range(0)));
  for (auto _ : st) benchmark::DoNotOptimize(json::parse(text));
  st.SetItemsProcessed(st.iterations() * st.range(0));
}
BENCHMARK(BM_Baseline_ParseJson)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ImportCatalog(benchmark::State& st) {
  std::string text = catalog_text(static_cast<int>(st.range(0)));
  for (auto _ : st) {
    auto files = anzen::catalog::oscal_catalog_to_files(
        anzen::catalog::parse_oscal_json(text, "bench.json"), "bench.json", "bench");
    benchmark::DoNotOptimize(anzen::catalog::build_catalog({files}, {}));
  }
  st.SetItemsProcessed(st.iterations() * st.range(0));
}
BENCHMARK(BM_ImportCatalog)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
