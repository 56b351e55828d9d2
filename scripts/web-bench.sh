#!/usr/bin/env bash
# Web benchmark: wrk against the dashboard and an API list call with a logged-in session,
# beside nginx serving the same bytes from a file in the same run. Loopback only, bounded.
#
# The server trusts 127.0.0.1 as a reverse proxy (the production shape: nginx in front, see
# deploy/nginx): a direct client is capped at 16 connections per address, so 64 connections from
# one address would mostly be refused with 503 and measure refusals instead of pages. A round
# with any non-2xx answer or socket error is reported as invalid, never as a figure.
#
# ROUNDS (default 3) rounds, each anzen then nginx for the dashboard then the API, so every ratio
# compares runs taken seconds apart; the median and the spread of the ratios are printed.
# ANZEN_SERVE_ARGS adds options to `anzen serve` (e.g. "--threads 2").
# PERF_STAT=1 also measures the CPU time of the server (anzen, or nginx's workers) during each run
# with `perf stat` (task-clock; cycles where the machine has hardware counters) and prints it per
# request: unlike req/s, that cost stays comparable when other work shares the machine.
# PORTS="A B" serves anzen on port A and nginx on port B (default: any free port / a random one).
set -euo pipefail
anzen=$1
rounds=${ROUNDS:-3}
PORTS=${PORTS:-"0 $((20000 + RANDOM % 20000))"}
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "web bench skipped: wrk or nginx missing"; exit 0; }
tmp=$(mktemp -d)
db="$tmp/bench.db"
"$anzen" --db "$db" demo >/dev/null
# shellcheck disable=SC2086
"$anzen" --db "$db" serve --port "${PORTS%% *}" --trusted-proxy 127.0.0.1 ${ANZEN_SERVE_ARGS:-} >"$tmp/serve.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null; rm -rf "$tmp" "${www:-}"' EXIT
for _ in $(seq 50); do grep -q serving "$tmp/serve.log" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/serve.log" | head -1)
tok=$("$anzen" --db "$db" token create --user demo --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth="Authorization: Bearer $tok"
curl -s -H "$auth" "$base/api/v1/assessments" >"$tmp/api.json"
# The dashboard with a session cookie (a bearer token is for the API; pages take the cookie).
csrf=$(curl -s -c "$tmp/jar" "$base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
curl -s -b "$tmp/jar" -c "$tmp/jar" -o /dev/null --data-urlencode "name=demo" --data-urlencode "password=anzen-demo-2026" --data-urlencode "_login_csrf=$csrf" "$base/login"
session=$(awk '$6=="anzen_session"{print $7}' "$tmp/jar")
curl -s -H "Cookie: anzen_session=$session" "$base/" >"$tmp/dashboard.html"
# nginx's workers run as another user: its root must be readable by them (mktemp makes 0700).
www=$(mktemp -d)
chmod 755 "$www"
install -m 644 "$tmp/dashboard.html" "$www/dashboard.html"
install -m 644 "$tmp/api.json" "$www/api.json"
port=${PORTS##* }
cat >"$tmp/nginx.conf" <<NGX
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 256; }
http { access_log off; server { listen 127.0.0.1:$port; root $www; } }
NGX
nginx -c "$tmp/nginx.conf"
sleep 0.3
# Both sides must answer the same bytes with 200 before anything is timed.
for f in dashboard.html api.json; do
  curl -sf -o "$tmp/check" "http://127.0.0.1:$port/$f" && cmp -s "$tmp/check" "$www/$f" ||
    { echo "web bench: nginx does not serve $f" >&2; exit 1; }
done
[ -s "$tmp/api.json" ] && grep -q '"assessments"' "$tmp/api.json" && grep -q 'overall-coverage' "$tmp/dashboard.html" ||
  { echo "web bench: anzen did not answer the signed-in pages" >&2; exit 1; }
perf_pids() {  # name -> the processes whose cost is counted
  case $1 in
    anzen-*) echo "$app" ;;
    nginx-*) pgrep -P "$(cat "$tmp/nginx.pid")" | paste -sd, ;;
  esac
}
run() {  # round name url header -> "round name req/s p99 requests bytes bad cpu-ms cycles"
  local stat="$tmp/perf-$1-$2" perf=
  if [ -n "${PERF_STAT:-}" ]; then
    perf stat -x, -e task-clock,cycles -p "$(perf_pids "$2")" -o "$stat" &
    perf=$!
  fi
  wrk -t2 -c64 -d5s --latency -H "$4" "$3" 2>/dev/null >"$tmp/wrk"
  if [ -n "$perf" ]; then kill -INT "$perf"; wait "$perf" || true; fi
  local cpu=- cycles=-
  if [ -s "$stat" ]; then
    cpu=$(awk -F, '$3 ~ /^task-clock/ && $1 ~ /^[0-9.]+$/ {print $1}' "$stat")
    cycles=$(awk -F, '$3 ~ /^cycles/ && $1 ~ /^[0-9.]+$/ {print $1}' "$stat")
  fi
  awk -v r="$1" -v n="$2" -v cpu="${cpu:--}" -v cy="${cycles:--}" '
    /Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} / requests in / {reqs=$1; bytes=$5}
    /Non-2xx/ {bad+=$NF} /Socket errors/ {gsub(",", ""); bad+=$4+$6+$8+$10}
    END {printf "%s %s %s %s %s %s %d %s %s\n", r, n, rps, p99, reqs, bytes, bad, cpu, cy}' "$tmp/wrk"
}
echo "== web (wrk, 2 threads, 64 connections, 5 s each; load before: $(cut -d' ' -f1-3 /proc/loadavg))"
for r in $(seq "$rounds"); do
  run "$r" anzen-dashboard "$base/" "Cookie: anzen_session=$session"
  run "$r" nginx-dashboard "http://127.0.0.1:$port/dashboard.html" "X-Bench: 1"
  run "$r" anzen-api "$base/api/v1/assessments" "$auth"
  run "$r" nginx-api "http://127.0.0.1:$port/api.json" "X-Bench: 1"
done >"$tmp/results"
python3 - "$tmp/results" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) == 9:
        per = lambda v: float(v) / int(f[4]) if v.replace(".", "").isdigit() and int(f[4]) else None
        rows[(f[0], f[1])] = (float(f[2]), f[3], int(f[6]), per(f[7]), per(f[8]))
def cost(row):  # CPU µs (from ms) and cycles per request
    s = f" | {row[3]*1000:5.1f} µs CPU/req" if row[3] else ""
    return s + (f" {row[4]/1000:.1f}k cycles/req" if row[4] else "")
rounds = sorted({int(k[0]) for k in rows})
for what in ("dashboard", "api"):
    ratios, cycles = [], []
    for r in rounds:
        a, n = rows.get((str(r), f"anzen-{what}")), rows.get((str(r), f"nginx-{what}"))
        if not a or not n:
            print(f"  {what:<10} round {r}: no result")
            continue
        note = ""
        if a[2] or n[2]:
            note = f"  INVALID: {a[2]} / {n[2]} non-2xx answers or socket errors"
        else:
            ratios.append(a[0] / n[0])
            if a[3]:
                cycles.append(a[3] * 1000)
        print(f"  {what:<10} round {r}: anzen {a[0]:9.0f} req/s p99 {a[1]:>8}{cost(a)} | nginx {n[0]:9.0f} req/s p99 {n[1]:>8}{cost(n)} | ratio {a[0]/n[0]:.2f}{note}")
    if ratios:
        print(f"  {what:<10} ratio median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f}, {len(ratios)} valid rounds; target ≥ 0.5, p99 < 10 ms)")
    if cycles:
        print(f"  {what:<10} anzen CPU per request: median {statistics.median(cycles):.1f} µs (min {min(cycles):.1f}, max {max(cycles):.1f})")
print(f"  load after: {sys.argv[2]}")
PY
