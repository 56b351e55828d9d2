#!/usr/bin/env bash
# Web benchmark: wrk against the dashboard and an API list call with a logged-in session,
# beside nginx serving the same bytes from a file in the same run. Loopback only, bounded.
set -euo pipefail
anzen=$1
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "web bench skipped: wrk or nginx missing"; exit 0; }
tmp=$(mktemp -d)
db="$tmp/bench.db"
"$anzen" --db "$db" demo >/dev/null
"$anzen" --db "$db" serve --port 0 >"$tmp/serve.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null; rm -rf "$tmp"' EXIT
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
mkdir -p "$tmp/www"
cp "$tmp/dashboard.html" "$tmp/www/dashboard.html"
cp "$tmp/api.json" "$tmp/www/api.json"
port=$((20000 + RANDOM % 20000))
cat >"$tmp/nginx.conf" <<NGX
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 256; }
http { access_log off; server { listen 127.0.0.1:$port; root $tmp/www; } }
NGX
nginx -c "$tmp/nginx.conf"
sleep 0.3
run() {  # name url header
  wrk -t2 -c64 -d5s --latency -H "$3" "$2" 2>/dev/null | awk -v n="$1" '/Requests\/sec/{rps=$2} /^ +99%/{p99=$2} END{printf "%s %s %s\n", n, rps, p99}'
}
{
  run anzen-dashboard "$base/" "Cookie: anzen_session=$session"
  run nginx-dashboard "http://127.0.0.1:$port/dashboard.html" "X-Bench: 1"
  run anzen-api "$base/api/v1/assessments" "$auth"
  run nginx-api "http://127.0.0.1:$port/api.json" "X-Bench: 1"
} >"$tmp/results"
python3 - "$tmp/results" <<'PY'
import sys
r = {l.split()[0]: (float(l.split()[1]), l.split()[2]) for l in open(sys.argv[1]) if len(l.split()) == 3}
print("== web (wrk, 2 threads, 64 connections, 5 s each, same run)")
for what in ("dashboard", "api"):
    a, n = r[f"anzen-{what}"], r[f"nginx-{what}"]
    print(f"  {what:<10} anzen {a[0]:9.0f} req/s p99 {a[1]:>8} | nginx {n[0]:9.0f} req/s p99 {n[1]:>8} | ratio {a[0]/n[0]:.2f} (target ≥ 0.5, p99 < 10 ms)")
PY
