// Self-assessment throughput, each against a same-run baseline:
//   BM_ImportFullSheet   vs BM_Baseline_RawInsert (plain SQLite inserts of the same 261 rows)
//   BM_ScoreStored       vs BM_Baseline_ReadRows  (reading the same answer rows, no scoring)
#include <benchmark/benchmark.h>

#include <filesystem>

#include "assess/repo.h"
#include "assess/sheet.h"
#include "catalog/catalog_dir.h"
#include "common/csv.h"
#include "testing/services.h"

namespace {
using namespace anzen;

const catalog::Framework& tcs() { return *catalog::shipped_catalog().find("tcs-2023"); }

std::string temp_path(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / ("anzen-bench-" + name + ".db");
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + s);
  return p.string();
}

std::string filled_sheet(const assess::Assessment& a) {
  std::string csv = assess::export_csv(tcs(), a, {}, {});
  auto rows = csv::parse(csv.substr(3));
  std::string out = csv::row(rows[0].fields);
  for (size_t i = 1; i < rows.size(); ++i) {
    auto f = rows[i].fields;
    f[6] = i % 3 ? "実施済" : "一部実施";
    f[8] = std::to_string(i % 6);
    f[10] = "情報セキュリティ部";
    out += csv::row(f);
  }
  return out;
}

void BM_ImportFullSheet(benchmark::State& st) {
  std::string path = temp_path("import");
  store::Db db(path);
  db.migrate();
  assess::AssessRepo repo(db, "bench");
  auto org = repo.create_org({0, "ベンチ", "maker", {}, std::nullopt, {}});
  for (auto _ : st) {
    st.PauseTiming();
    auto a = repo.create(org.id, tcs(), "operator", "FY2026", "");
    std::string sheet = filled_sheet(a);
    st.ResumeTiming();
    auto r = testing::import_sheet(db, a, "bench.csv", sheet);
    auto s = assess::score(tcs(), a.role, repo.answers(a.id));
    benchmark::DoNotOptimize(s.overall.implemented + r.changed);
  }
  st.SetItemsProcessed(st.iterations() * 261);
}
BENCHMARK(BM_ImportFullSheet)->Unit(benchmark::kMillisecond);

void BM_Baseline_RawInsert(benchmark::State& st) {
  std::string path = temp_path("raw");
  store::Db db(path);
  db.exec("CREATE TABLE t(a INTEGER, q TEXT, status TEXT, maturity INTEGER, owner TEXT, PRIMARY KEY(a, q))");
  std::vector<std::string> qs;
  for (const auto* c : tcs().checks()) for (const auto& q : c->questions) qs.push_back(q.id);
  int64_t run = 0;
  for (auto _ : st) {
    ++run;
    db.transaction([&] {
      auto ins = db.prepare("INSERT INTO t VALUES (?,?,?,?,?)");
      for (size_t i = 0; i < qs.size(); ++i) {
        ins.bind(1, run).bind(2, qs[i]).bind(3, "implemented").bind(4, static_cast<int64_t>(i % 6)).bind(5, "情報セキュリティ部");
        ins.run();
        ins.reset();
      }
    });
  }
  st.SetItemsProcessed(st.iterations() * static_cast<int64_t>(qs.size()));
}
BENCHMARK(BM_Baseline_RawInsert)->Unit(benchmark::kMillisecond);

// A database of many stored, fully answered assessments (built once).
struct Stored {
  std::string path = temp_path("stored");
  std::vector<int64_t> ids;
  Stored(int n) {
    store::Db db(path);
    db.migrate();
    assess::AssessRepo repo(db, "bench");
    auto org = repo.create_org({0, "ベンチ", "maker", {}, std::nullopt, {}});
    db.transaction([&] {
      auto a0 = repo.create(org.id, tcs(), "operator", "FY2026", "");
      testing::import_sheet(db, a0, "s.csv", filled_sheet(a0));
      ids.push_back(a0.id);
      for (int i = 1; i < n; ++i) {
        auto a = repo.create(org.id, tcs(), "operator", "FY2026", "");
        db.prepare("INSERT INTO answers SELECT ?, question_id, status, na_reason, maturity, owner, due, comment, updated_at, updated_by FROM answers WHERE assessment_id=?")
            .bind(1, a.id).bind(2, a0.id).run();
        ids.push_back(a.id);
      }
    });
  }
};

Stored& stored() {
  static Stored s(10000);  // ten thousand fully answered assessments (2.6 million answers)
  return s;
}

void BM_ScoreStored(benchmark::State& st) {
  auto& s = stored();
  store::Db db(s.path);
  assess::AssessRepo repo(db, "bench");
  for (auto _ : st) {
    double sum = 0;
    for (int64_t id : s.ids) sum += assess::score(tcs(), "operator", repo.answers(id)).overall.coverage({}).value_or(0);
    benchmark::DoNotOptimize(sum);
  }
  st.SetItemsProcessed(st.iterations() * static_cast<int64_t>(s.ids.size()));
}
BENCHMARK(BM_ScoreStored)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Baseline_ReadRows(benchmark::State& st) {
  auto& s = stored();
  store::Db db(s.path);
  for (auto _ : st) {
    int64_t n = 0;
    for (int64_t id : s.ids) {
      auto q = db.prepare("SELECT question_id, status, na_reason, maturity, owner, due, comment, updated_at, updated_by FROM answers WHERE assessment_id=?");
      q.bind(1, id);
      while (q.step()) n += static_cast<int64_t>(q.str(0).size() + q.str(1).size());
    }
    benchmark::DoNotOptimize(n);
  }
  st.SetItemsProcessed(st.iterations() * static_cast<int64_t>(s.ids.size()));
}
BENCHMARK(BM_Baseline_ReadRows)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
