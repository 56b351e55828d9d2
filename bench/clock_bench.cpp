// The live clock against same-run baselines: a tick over 1,000 ongoing incidents (after their
// escalations were stored) against
// classifying the same 1,000 events in memory; an Alertmanager delivery of 100 new alerts, and
// the same delivery repeated (the idempotent path), against creating 100 incidents directly.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "assess/repo.h"
#include "incident/register.h"
#include "ops/ingest.h"
#include "ops/ticker.h"
#include "testing/catalogs.h"

namespace {
using namespace anzen;
using nlohmann::json;

struct BenchDb {
  std::string path;
  std::unique_ptr<store::Db> db;
  int64_t org = 0;
  explicit BenchDb(const std::string& name)
      : path((std::filesystem::temp_directory_path() / ("anzen-bench-" + name + ".db")).string()) {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    db = std::make_unique<store::Db>(path);
    db->migrate();
    org = assess::AssessRepo(*db, "bench")
              .create_org(
                  {0, "ベンチ", "operator_registered", {"voice_emergency"}, 100000, {"東京都"}})
              .id;
  }
  ~BenchDb() {
    db.reset();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  }
};

json event(int i) {
  return {{"event_type", "outage"},
          {"service_category", i % 2 ? "voice_emergency" : "other"},
          {"affected_users", 20000 + i * 100},
          {"started_at", "2026-05-01T09:00:00+09:00"},
          {"ended_at", nullptr}};
}
const incident::Instant kT0 = 1777593600;  // 2026-05-01T09:00:00+09:00

class NoSender final : public ops::Sender {
  std::string send(const ops::Channel&, const ops::Notification&) override { return ""; }
};

void BM_Baseline_Classify1000(benchmark::State& st) {
  const auto& rules = anzen::testing::tree_rules();
  std::vector<incident::Event> events;
  for (int i = 0; i < 1000; ++i) events.push_back(incident::event_from_json(event(i)));
  for (auto _ : st) {
    for (const auto& e : events)
      benchmark::DoNotOptimize(incident::verdict_json(incident::classify(e, rules, kT0 + 5400)));
  }
  st.SetItemsProcessed(st.iterations() * 1000);
}
BENCHMARK(BM_Baseline_Classify1000)->Unit(benchmark::kMillisecond);

void BM_Tick1000Ongoing(benchmark::State& st) {
  BenchDb b("tick");
  incident::Register reg(*b.db, anzen::testing::tree_rules(), "bench");
  for (int i = 0; i < 1000; ++i)
    reg.create(b.org, "障害 " + std::to_string(i), "", event(i), kT0 + 60);
  NoSender sender;
  int64_t t = kT0 + 5400;
  ops::tick(
      *b.db, anzen::testing::tree_rules(), t++, sender,
      "https://anzen.example.jp");  // the escalations are stored once; measured: the ticks after
  for (auto _ : st)
    benchmark::DoNotOptimize(
        ops::tick(*b.db, anzen::testing::tree_rules(), t++, sender, "https://anzen.example.jp"));
  st.SetItemsProcessed(st.iterations() * 1000);
}
BENCHMARK(BM_Tick1000Ongoing)->Unit(benchmark::kMillisecond);

json delivery(int batch) {
  json alerts = json::array();
  for (int i = 0; i < 100; ++i) {
    alerts.push_back({{"status", "firing"},
                      {"labels", {{"service", "voice"}, {"region", "県" + std::to_string(i)}}},
                      {"annotations", json::object()},
                      {"startsAt", "2026-05-01T00:00:" + std::to_string(10 + batch % 50) + "Z"},
                      {"endsAt", "0001-01-01T00:00:00Z"},
                      {"fingerprint", "fp" + std::to_string(batch) + "-" + std::to_string(i)}});
  }
  return {{"version", "4"}, {"groupKey", "g"}, {"alerts", alerts}};
}
const char* kRules =
    "group_window_minutes: 60\nrules:\n  - match: {service: voice}\n    service_category: "
    "voice_emergency\n    prefectures: {label: region}\n    affected_users: 40000\n";

void BM_Baseline_Create100Incidents(benchmark::State& st) {
  BenchDb b("create");
  incident::Register reg(*b.db, anzen::testing::tree_rules(), "bench");
  for (auto _ : st) {
    b.db->transaction([&] {
      for (int i = 0; i < 100; ++i) reg.create(b.org, "障害", "", event(i), kT0);
    });
  }
  st.SetItemsProcessed(st.iterations() * 100);
}
BENCHMARK(BM_Baseline_Create100Incidents)->Unit(benchmark::kMillisecond);

void BM_Deliver100NewAlerts(benchmark::State& st) {
  BenchDb b("deliver");
  ops::SimulatedClock clock(kT0);
  ops::IngestService svc(*b.db, anzen::testing::tree_rules(), clock);
  auto integ = svc.create(b.org, "alertmanager", "am", kRules, "", "bench").integration;
  int batch = 0;
  for (auto _ : st) benchmark::DoNotOptimize(svc.deliver(integ, delivery(batch++)));
  st.SetItemsProcessed(st.iterations() * 100);
}
BENCHMARK(BM_Deliver100NewAlerts)->Unit(benchmark::kMillisecond);

void BM_Deliver100RepeatedAlerts(benchmark::State& st) {
  BenchDb b("repeat");
  ops::SimulatedClock clock(kT0);
  ops::IngestService svc(*b.db, anzen::testing::tree_rules(), clock);
  auto integ = svc.create(b.org, "alertmanager", "am", kRules, "", "bench").integration;
  json d = delivery(0);
  svc.deliver(integ, d);
  for (auto _ : st) benchmark::DoNotOptimize(svc.deliver(integ, d));
  st.SetItemsProcessed(st.iterations() * 100);
}
BENCHMARK(BM_Deliver100RepeatedAlerts)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
