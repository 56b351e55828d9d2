// 16 concurrent API writers, each PUTting answers through the real HTTP server, on SQLite and
// (when ANZEN_BENCH_PG_URI names a database; scripts/run-bench.sh starts a throwaway cluster)
// on PostgreSQL. Reported: writes/s and the 99th percentile latency (counter p99_ms).
//   BM_ApiWriters/<engine>  vs  BM_Baseline_ApiReaders/<engine> (the same clients GETting an
//   assessment through the same server: the HTTP, authentication and routing cost)
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "testing/catalogs.h"
#include "testing/services.h"
#include "web/accounts.h"
#include "web/server.h"

namespace {
using namespace anzen;
constexpr int kClients = 16;
constexpr int kPerClient = 300;
constexpr int kWarmUp = 20;  // requests per client before the timed round

const catalog::Framework& tcs() { return *anzen::testing::tree_catalog().find("tcs-2023"); }

std::string database(bool postgres) {
  if (postgres) {
    const char* u = std::getenv("ANZEN_BENCH_PG_URI");
    if (!u || !*u) return "";
    store::Db admin(u);
    admin.exec("DROP SCHEMA IF EXISTS bench_writers CASCADE; CREATE SCHEMA bench_writers");
    return std::string(u) + "?options=-csearch_path%3Dbench_writers";
  }
  auto p = (std::filesystem::temp_directory_path() / "anzen-bench-writers.db").string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p + s);
  return p;
}

struct Server {
  std::string token;
  int64_t assessment = 0;
  std::vector<std::string> questions;
  std::unique_ptr<web::WebApp> app;
  std::thread thread;
  int port = 0;
  explicit Server(const std::string& db_path) {
    store::Db db(db_path);
    db.migrate();
    assess::AssessRepo repo(db, "bench");
    auto org = repo.create_org({0, "ベンチ", "maker", {}, std::nullopt, {}});
    assessment = repo.create(org.id, tcs(), "operator", "FY2026", "").id;
    auto acc = anzen::testing::accounts(db);
    auto u = acc.create_user(org.id, "writer", web::Role::assessor, "bench password", "bench");
    token = acc.create_token(u.id, "bench", "bench");
    for (const auto* c : tcs().checks())
      for (const auto& q : c->questions) questions.push_back(q.id);
    web::ServerOptions opt;
    opt.db_path = db_path;
    opt.port = 0;
    opt.threads = 32;
    app = std::make_unique<web::WebApp>(opt, anzen::testing::tree_catalogs(),
                                        anzen::testing::system_clock());
    port = app->bind();
    thread = std::thread([this] { app->run(); });
  }
  ~Server() {
    app->stop();
    thread.join();
  }
};

// Runs kClients threads of `per_client` requests each, numbered from `first` (a write's values
// come from its number, so that every PUT changes the answer); returns the latencies in ms.
template <class Request>
std::vector<double> clients(int port, int first, int per_client, Request request) {
  std::vector<std::vector<double>> per(kClients);
  std::vector<std::thread> ts;
  for (int c = 0; c < kClients; ++c) {
    ts.emplace_back([&, c] {
      httplib::Client cli("127.0.0.1", port);
      cli.set_keep_alive(true);
      // As curl and browsers do: a PUT's head and body are two writes, and without it the body
      // waits for the server's delayed ACK (≈ 40 ms per request, Nagle's algorithm).
      cli.set_tcp_nodelay(true);
      for (int i = first; i < first + per_client; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        request(cli, c, i);
        per[static_cast<size_t>(c)].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
      }
    });
  }
  for (auto& t : ts) t.join();
  std::vector<double> all;
  for (auto& p : per) all.insert(all.end(), p.begin(), p.end());
  return all;
}

void report(benchmark::State& st, std::vector<double> ms, double seconds) {
  std::sort(ms.begin(), ms.end());
  st.counters["p99_ms"] = ms[static_cast<size_t>(static_cast<double>(ms.size()) * 0.99)];
  st.counters["per_s"] = static_cast<double>(ms.size()) / seconds;
  st.SetIterationTime(seconds);
  st.SetItemsProcessed(static_cast<int64_t>(ms.size()));
}

void run(benchmark::State& st, bool postgres, bool writes) {
  std::string db = database(postgres);
  if (db.empty()) {
    st.SkipWithError("ANZEN_BENCH_PG_URI not set");
    return;
  }
  Server s(db);
  httplib::Headers auth{{"Authorization", "Bearer " + s.token}};
  std::string base = "/api/v1/assessments/" + std::to_string(s.assessment);
  const char* statuses[] = {"implemented", "partial", "not_implemented"};
  auto request = [&](httplib::Client& cli, int c, int i) {
    auto r = [&] {
      if (!writes) return cli.Get(base + "/score", auth);
      // Each client its own questions; the status changes every time, so every PUT writes.
      const auto& q = s.questions[static_cast<size_t>(c * 16 + i % 16) % s.questions.size()];
      std::string body = std::string("{\"status\":\"") + statuses[(i / 16) % 3] +
                         "\",\"comment\":\"" + std::to_string(i) + "\"}";
      return cli.Put(base + "/answers/" + q, auth, body, "application/json");
    }();
    if (!r || r->status != 200) throw std::runtime_error("request failed");
  };
  // Steady state, not start-up: a first round, not timed, opens every server thread's database
  // connection (on PostgreSQL a new backend, whose first statements also load its catalog
  // caches) and prepares its statements.
  clients(s.port, 0, kWarmUp, request);
  for (auto _ : st) {
    auto t0 = std::chrono::steady_clock::now();
    auto ms = clients(s.port, kWarmUp, kPerClient, request);
    report(st, ms, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
}

void BM_ApiWriters_sqlite(benchmark::State& st) { run(st, false, true); }
void BM_Baseline_ApiReaders_sqlite(benchmark::State& st) { run(st, false, false); }
void BM_ApiWriters_postgres(benchmark::State& st) { run(st, true, true); }
void BM_Baseline_ApiReaders_postgres(benchmark::State& st) { run(st, true, false); }
BENCHMARK(BM_ApiWriters_sqlite)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ApiWriters_postgres)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_ApiReaders_sqlite)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_ApiReaders_postgres)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
