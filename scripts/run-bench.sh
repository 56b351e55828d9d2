#!/usr/bin/env bash
# `make bench`: runs every benchmark and prints each figure as a ratio to the baseline measured
# in the same invocation (BM_Baseline_* in the same program; nginx for the web benchmark).
set -euo pipefail
build=$1
out="$build/bench-results"
mkdir -p "$out"
# A throwaway PostgreSQL cluster for the benchmarks that also measure PostgreSQL.
pg="$build/bench-pg"
if ANZEN_PG_DURABLE=1 bash scripts/pg-cluster.sh start "$pg" >/dev/null; then
  export ANZEN_BENCH_PG_URI; ANZEN_BENCH_PG_URI=$(cat "$pg/uri")
  trap 'bash scripts/pg-cluster.sh stop "$pg" >/dev/null 2>&1 || true' EXIT
fi
for b in "$build"/*_bench; do
  [ -x "$b" ] || continue
  name=$(basename "$b")
  echo "== $name"
  "$b" --benchmark_format=json --benchmark_out="$out/$name.json" --benchmark_out_format=json >/dev/null
  python3 - "$out/$name.json" <<'PY'
import json, sys
rs = json.load(open(sys.argv[1]))["benchmarks"]
base = [r for r in rs if r["name"].startswith("BM_Baseline")]
for r in rs:
    ips = r.get("items_per_second")
    line = f'  {r["name"]:<28} {r["real_time"]:10.3f} {r["time_unit"]}'
    if ips: line += f'  {ips:12.0f} items/s'
    if "p99_ms" in r: line += f'  p99 {r["p99_ms"]:.1f} ms'
    if base and not r["name"].startswith("BM_Baseline"):
        b = base[min(len(base) - 1, [x for x in rs if not x["name"].startswith("BM_Baseline")].index(r))]
        line += f'  = {r["real_time"] / b["real_time"]:.2f}× the time of {b["name"]}'
    print(line)
PY
done
scripts/web-bench.sh "$build/anzen"
