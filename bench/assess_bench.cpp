// Self-assessment throughput on SQLite and (when ANZEN_BENCH_PG_URI names a database;
// scripts/run-bench.sh starts a throwaway cluster) on PostgreSQL, each against a same-run
// baseline on the same engine:
//   BM_ImportFullSheet/<engine>    vs BM_Baseline_RawInsert/<engine> (plain inserts of the same
//                                     261 answer rows, every column of the answers table, into
//                                     a table of the same definition, one transaction, no
//                                     validation/history/audit)
//   BM_ImportParsedRows/<engine>   the same import from the rows already read (assess::read_sheet
//                                     outside the timing: storing alone), vs the same baseline
//   BM_ReadSheet                   reading the sheet alone (assess::read_sheet: decode, CSV,
//                                     header, cells), vs the SQLite baseline
//   BM_AggregateStored/<engine>    vs BM_Baseline_ReadAnswerRows/<engine> (only reading the
//                                     answer rows that scoring every assessment would need)
// The aggregate is the industry body's view: 21,581 fully answered assessments (the registered
// and notified operators in the sources) × 261 answers, mean coverage overall and per chapter
// from the scores kept current on write (assess/stored_score.h).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>

#include "assess/repo.h"
#include "assess/sheet.h"
#include "assess/stored_score.h"
#include "catalog/catalog_dir.h"
#include "common/csv.h"
#include "testing/catalogs.h"
#include "testing/services.h"

namespace {
using namespace anzen;

constexpr int kAssessments = 21581;

const catalog::Framework& tcs() { return *anzen::testing::tree_catalog().find("tcs-2023"); }

// A fresh database of the engine: an SQLite file, or a new schema in the benchmark cluster.
// Empty when PostgreSQL is asked for but not available.
std::string database(bool postgres, const std::string& name) {
  if (postgres) {
    const char* u = std::getenv("ANZEN_BENCH_PG_URI");
    if (!u || !*u) return "";
    store::Db admin(u);
    admin.exec("DROP SCHEMA IF EXISTS bench_" + name + " CASCADE; CREATE SCHEMA bench_" + name);
    return std::string(u) + "?options=-csearch_path%3Dbench_" + name;
  }
  auto p = std::filesystem::temp_directory_path() / ("anzen-bench-" + name + ".db");
  for (const char* s : {"", "-wal", "-shm", ".audit-key"}) std::filesystem::remove(p.string() + s);
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

// The sheet's answers as filled_sheet writes them: row i (from 1) of the checklist.
const char* filled_status(size_t i) { return i % 3 ? "implemented" : "partial"; }
int64_t filled_maturity(size_t i) { return static_cast<int64_t>(i % 6); }

// Imports a filled sheet into a new assessment per iteration; `parsed`: the sheet is read
// before the timing starts, so only storing it is measured.
void import_full_sheet(benchmark::State& st, bool postgres, bool parsed) {
  std::string path = database(postgres, parsed ? "import_rows" : "import");
  if (path.empty()) return st.SkipWithError("ANZEN_BENCH_PG_URI not set");
  store::Db db(path);
  db.migrate();
  assess::AssessRepo repo(db, "bench");
  auto org = repo.create_org({0, "ベンチ", "maker", {}, std::nullopt, {}});
  auto svc = testing::assess_service(db);
  int changed = 0;
  for (auto _ : st) {
    st.PauseTiming();
    auto a = repo.create(org.id, tcs(), "operator", "FY2026", "");
    std::string sheet = filled_sheet(a);
    std::optional<assess::SheetPatches> rows;
    if (parsed) rows = assess::read_sheet(svc, a, "bench.csv", sheet);
    st.ResumeTiming();
    auto r = parsed ? assess::apply_sheet(svc, a, *rows)
                    : assess::import_file(svc, a, "bench.csv", sheet);
    changed = r.changed;
    benchmark::DoNotOptimize(r.changed);
  }
  if (changed != 261) st.SkipWithError("the import did not change every answer");
  st.SetItemsProcessed(st.iterations() * 261);
}

void read_sheet_only(benchmark::State& st) {
  std::string path = database(false, "read");
  store::Db db(path);
  db.migrate();
  assess::AssessRepo repo(db, "bench");
  auto org = repo.create_org({0, "ベンチ", "maker", {}, std::nullopt, {}});
  auto svc = testing::assess_service(db);
  auto a = repo.create(org.id, tcs(), "operator", "FY2026", "");
  std::string sheet = filled_sheet(a);
  for (auto _ : st) {
    auto rows = assess::read_sheet(svc, a, "bench.csv", sheet);
    benchmark::DoNotOptimize(rows.patches.data());
  }
  st.SetItemsProcessed(st.iterations() * 261);
}

void raw_insert(benchmark::State& st, bool postgres) {
  std::string path = database(postgres, "raw");
  if (path.empty()) return st.SkipWithError("ANZEN_BENCH_PG_URI not set");
  store::Db db(path);
  // The answers table's definition (assess/repo.cpp, migration 100) without its foreign key.
  db.exec(
      "CREATE TABLE t (assessment_id INTEGER NOT NULL, question_id TEXT NOT NULL, status TEXT NOT "
      "NULL CHECK (status IN "
      "('implemented','partial','not_implemented','not_applicable','unanswered')), na_reason TEXT "
      "NOT NULL DEFAULT '', maturity INTEGER, owner TEXT NOT NULL DEFAULT '', due TEXT NOT NULL "
      "DEFAULT '', comment TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL, updated_by TEXT NOT "
      "NULL, PRIMARY KEY (assessment_id, question_id), CHECK (status <> 'not_applicable' OR "
      "na_reason <> ''))");
  std::vector<std::string> qs;
  for (const auto* c : tcs().checks())
    for (const auto& q : c->questions) qs.push_back(q.id);
  int64_t run = 0;
  for (auto _ : st) {
    ++run;
    db.transaction([&] {
      std::string now = store::now_utc();
      auto ins = db.prepare("INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?)");
      for (size_t i = 0; i < qs.size(); ++i) {
        ins.bind(1, run)
            .bind(2, qs[i])
            .bind(3, filled_status(i + 1))
            .bind(4, "")
            .bind(5, filled_maturity(i + 1))
            .bind(6, "情報セキュリティ部")
            .bind(7, "")
            .bind(8, "")
            .bind(9, now)
            .bind(10, "bench");
        ins.run();
        ins.reset();
      }
    });
  }
  st.SetItemsProcessed(st.iterations() * static_cast<int64_t>(qs.size()));
}

void BM_ImportFullSheet_sqlite(benchmark::State& st) { import_full_sheet(st, false, false); }
void BM_ImportFullSheet_postgres(benchmark::State& st) { import_full_sheet(st, true, false); }
void BM_ImportParsedRows_sqlite(benchmark::State& st) { import_full_sheet(st, false, true); }
void BM_ImportParsedRows_postgres(benchmark::State& st) { import_full_sheet(st, true, true); }
void BM_ReadSheet(benchmark::State& st) { read_sheet_only(st); }
void BM_Baseline_RawInsert_sqlite(benchmark::State& st) { raw_insert(st, false); }
void BM_Baseline_RawInsert_postgres(benchmark::State& st) { raw_insert(st, true); }

// A database of kAssessments fully answered assessments, built once per engine: one imported
// through the application, the others copies of its rows (answers and stored score alike).
struct Stored {
  std::string path;
  explicit Stored(bool postgres) : path(database(postgres, "stored")) {
    if (path.empty()) return;
    store::Db db(path);
    db.migrate();
    assess::AssessRepo repo(db, "bench");
    auto org = repo.create_org({0, "ベンチ", "maker", {}, std::nullopt, {}});
    auto a0 = repo.create(org.id, tcs(), "operator", "FY2026", "");
    testing::import_sheet(db, a0, "s.csv", filled_sheet(a0));
    db.transaction([&] {
      for (int i = 1; i < kAssessments; ++i) {
        db.prepare(
              "INSERT INTO assessments(org_id, framework, framework_version, role, period, scope, "
              "created_at) "
              "SELECT org_id, framework, framework_version, role, period, scope, created_at FROM "
              "assessments WHERE id=?")
            .bind(1, a0.id)
            .run();
      }
      db.prepare(
            "INSERT INTO answers SELECT a.id, x.question_id, x.status, x.na_reason, x.maturity, "
            "x.owner, x.due, x.comment, "
            "x.updated_at, x.updated_by FROM assessments a JOIN answers x ON x.assessment_id=? "
            "WHERE a.id<>?")
          .bind(1, a0.id)
          .bind(2, a0.id)
          .run();
      db.prepare(
            "INSERT INTO assessment_scores SELECT a.id, s.part, s.scoring_key, s.questions, "
            "s.answered, s.implemented, "
            "s.partial, s.not_implemented, s.not_applicable, s.unanswered, s.maturity_sum, "
            "s.maturity_count "
            "FROM assessments a JOIN assessment_scores s ON s.assessment_id=? WHERE a.id<>?")
          .bind(1, a0.id)
          .bind(2, a0.id)
          .run();
    });
    if (postgres) db.exec("ANALYZE");
  }
};

Stored& stored(bool postgres) {
  static Stored sqlite(false), pg(true);
  return postgres ? pg : sqlite;
}

void aggregate_stored(benchmark::State& st, bool postgres) {
  auto& s = stored(postgres);
  if (s.path.empty()) return st.SkipWithError("ANZEN_BENCH_PG_URI not set");
  store::Db db(s.path);
  assess::ScoringConfig cfg;
  size_t n = 0;
  for (auto _ : st) {
    double overall = 0;
    std::map<std::string, double> chapters;
    auto all = assess::stored_scores(db, anzen::testing::tree_catalog());
    for (const auto& x : all) {
      overall += x.overall.coverage(cfg).value_or(0);
      for (const auto& [id, t] : x.by_chapter) chapters[id] += t.coverage(cfg).value_or(0);
    }
    n = all.size();
    benchmark::DoNotOptimize(overall / static_cast<double>(std::max<size_t>(1, n)));
  }
  if (n != kAssessments) st.SkipWithError("not every assessment was aggregated");
  st.SetItemsProcessed(st.iterations() * static_cast<int64_t>(n));
}

void read_answer_rows(benchmark::State& st, bool postgres) {
  auto& s = stored(postgres);
  if (s.path.empty()) return st.SkipWithError("ANZEN_BENCH_PG_URI not set");
  store::Db db(s.path);
  for (auto _ : st) {
    int64_t n = 0;
    for (int64_t id = 1; id <= kAssessments; ++id) {
      auto q = db.prepare(
          "SELECT question_id, status, na_reason, maturity, owner, due, comment, updated_at, "
          "updated_by FROM answers WHERE "
          "assessment_id=?");
      q.bind(1, id);
      while (q.step()) n += static_cast<int64_t>(q.str(0).size() + q.str(1).size());
    }
    benchmark::DoNotOptimize(n);
  }
  st.SetItemsProcessed(st.iterations() * kAssessments);
}

void BM_AggregateStored_sqlite(benchmark::State& st) { aggregate_stored(st, false); }
void BM_AggregateStored_postgres(benchmark::State& st) { aggregate_stored(st, true); }
void BM_Baseline_ReadAnswerRows_sqlite(benchmark::State& st) { read_answer_rows(st, false); }
void BM_Baseline_ReadAnswerRows_postgres(benchmark::State& st) { read_answer_rows(st, true); }

// Registration order pairs each figure with its baseline (scripts/run-bench.sh).
// The import figures share the raw-insert baseline, measured again for each pairing.
BENCHMARK(BM_ImportFullSheet_sqlite)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportFullSheet_postgres)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportParsedRows_sqlite)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportParsedRows_postgres)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadSheet)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AggregateStored_sqlite)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_AggregateStored_postgres)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Baseline_RawInsert_sqlite)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_RawInsert_postgres)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_RawInsert_sqlite)
    ->Name("BM_Baseline_RawInsert_sqlite/for_parsed_rows")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_RawInsert_postgres)
    ->Name("BM_Baseline_RawInsert_postgres/for_parsed_rows")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_RawInsert_sqlite)
    ->Name("BM_Baseline_RawInsert_sqlite/for_read_sheet")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_ReadAnswerRows_sqlite)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Baseline_ReadAnswerRows_postgres)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
