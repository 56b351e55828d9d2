#!/usr/bin/env bash
# Browser tests: seeds a fresh database, starts `anzen serve` on a free port, drives Debian's
# chromium with playwright-core through the core flows, and keeps screenshots under
# BUILD_DIR/e2e/. Args: ANZEN_BINARY BUILD_DIR. Exit 77 = skipped (no browser or node modules).
set -euo pipefail
anzen=$1
build=$2
here=$(cd "$(dirname "$0")" && pwd)
out="$build/e2e"
mkdir -p "$out"
rm -f "$out"/*.png

if [ ! -x /usr/bin/chromium ]; then echo "SKIP: /usr/bin/chromium is not installed"; exit 77; fi
if [ ! -d "$here/node_modules/playwright-core" ]; then echo "SKIP: e2e/node_modules missing (make test installs it)"; exit 77; fi

tmp=$(mktemp -d)
db="$tmp/e2e.db"
"$anzen" --db "$db" demo --json >"$tmp/demo.json"

"$anzen" --db "$db" serve --port 0 >"$tmp/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do
  grep -q "serving" "$tmp/serve.log" 2>/dev/null && break
  sleep 0.1
done
base=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/serve.log" | head -1)
[ -n "$base" ] || { echo "server did not start:"; cat "$tmp/serve.log"; exit 1; }

node "$here/browser.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/fidelity.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/clock.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/industry.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/supplier.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/supplier_user.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/incident_forms.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/checklist.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/screens.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/polish.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/filing_correction.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
node "$here/admin_audit.mjs" "$base" "$tmp/demo.json" "$out" "$anzen" "$db"
