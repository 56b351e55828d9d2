#!/usr/bin/env bash
# `anzen db copy` moves a whole database SQLite → PostgreSQL → SQLite: every table's rows come
# back identical, the audit chain verifies on each copy, the app works on the PostgreSQL copy,
# and a target that holds data is refused (exit 2) and left unchanged.
# Args: ANZEN_BINARY SOURCE_DIR. Uses the test cluster (ANZEN_PG_BASE, set by
# scripts/test-on-pg.sh) or starts a throwaway one (scripts/pg-cluster.sh).
set -euo pipefail
# This test names both engines itself, so in the PostgreSQL run it bypasses the wrapper that
# scripts/test-on-pg.sh puts in front of the binary.
anzen=${ANZEN_PG_REAL:-$1}
src=$2
tmp=$(mktemp -d)
own_cluster=""
cleanup() {
  if [ -n "$own_cluster" ]; then bash "$src/scripts/pg-cluster.sh" stop "$own_cluster" >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

base=${ANZEN_PG_BASE:-}
if [ -z "$base" ]; then
  own_cluster="$tmp/pg"
  rc=0
  bash "$src/scripts/pg-cluster.sh" start "$own_cluster" >/dev/null || rc=$?
  [ $rc -eq 77 ] && { echo "SKIP: PostgreSQL 15 is not installed"; exit 77; }
  [ $rc -eq 0 ] || fail "cannot start a PostgreSQL cluster"
  base=$(cat "$own_cluster/uri")
fi
schema="copy_$$_$RANDOM"
psql -q -v ON_ERROR_STOP=1 "$base" -c "CREATE SCHEMA $schema" >/dev/null
pg="$base?options=-csearch_path%3D$schema"

# A database with a bit of everything: the demo (organisation, users, assessments over two
# periods with history and evidence, risks, plan, incidents), an API token, an SoA decision,
# report text and an imported catalog.
a="$tmp/a.db"
"$anzen" --db "$a" demo --json >"$tmp/demo.json"
admin=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"]["name"])' "$tmp/demo.json")
"$anzen" --db "$a" token create --user "$admin" >/dev/null
"$anzen" --db "$a" catalog import "$src/tests/fixtures/external-catalog.json" >/dev/null
aid=$("$anzen" --db "$a" assess list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["id"])')
"$anzen" --db "$a" report soa-set --assessment "$aid" 3.1.10 --adopted no --reason "対象設備なし" >/dev/null
"$anzen" --db "$a" report disclosure-edit --assessment "$aid" --section 4 --text "当社の取組（コピー試験）" >/dev/null

# SQLite → PostgreSQL → SQLite.
"$anzen" db copy --from "$a" --to "$pg" --json >"$tmp/to-pg.json"
"$anzen" --db "$pg" audit verify | grep -q "chain intact" || fail "audit chain broken on the PostgreSQL copy"
b="$tmp/b.db"
"$anzen" db copy --from "$pg" --to "$b" --json >"$tmp/to-sqlite.json"
"$anzen" --db "$b" audit verify | grep -q "chain intact" || fail "audit chain broken on the SQLite copy"

python3 - "$a" "$b" "$tmp/to-pg.json" "$tmp/to-sqlite.json" <<'PY'
import json, sqlite3, sys
a, b = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
to_pg, back = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
assert to_pg["audit_ok"] and back["audit_ok"], (to_pg, back)
tables = [r[0] for r in a.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name<>'schema_migrations'")]
counts_pg = {t["table"]: t["rows"] for t in to_pg["tables"]}
counts_back = {t["table"]: t["rows"] for t in back["tables"]}
must_have = ["organizations", "users", "api_tokens", "assessments", "answers", "answer_history", "evidence", "risks",
             "plan_items", "incidents", "incident_timeline", "soa_decisions", "report_texts", "audit_log", "local_frameworks"]
for t in must_have:
    assert a.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] > 0, f"the test data has no {t}"
for t in tables:
    n = a.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
    assert counts_pg.get(t) == n, (t, n, counts_pg.get(t))
    assert counts_back.get(t) == n, (t, n, counts_back.get(t))
    rows_a = sorted(a.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
    rows_b = sorted(b.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
    assert rows_a == rows_b, f"table {t} differs after SQLite → PostgreSQL → SQLite"
print(f"{len(tables)} tables, {sum(counts_pg.values())} rows identical after the round trip")
PY

# The app works on the copy: same assessments, and new writes continue the ids and the chain.
diff <("$anzen" --db "$a" assess list --json) <("$anzen" --db "$pg" assess list --json) >/dev/null ||
  fail "assess list differs on the PostgreSQL copy"
"$anzen" --db "$pg" org create --name "コピー後の組織" --kind maker --json | python3 -c '
import json,sys; o=json.load(sys.stdin); assert o["id"] > 1, o'
"$anzen" --db "$pg" audit verify | grep -q "chain intact" || fail "audit chain broken after a write on the copy"

# A target that holds data is refused and left as it was.
before=$("$anzen" --db "$b" org list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
rc=0
"$anzen" db copy --from "$pg" --to "$b" >"$tmp/out" 2>"$tmp/err" || rc=$?
[ $rc -eq 2 ] || fail "copy into a non-empty target exited $rc"
grep -q "not empty" "$tmp/err" || fail "no clear message: $(cat "$tmp/err")"
after=$("$anzen" --db "$b" org list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$before" = "$after" ] || fail "the refused copy changed the target"
rc=0
"$anzen" db copy --from "$tmp/missing.db" --to "$tmp/c.db" 2>/dev/null || rc=$?
[ $rc -eq 2 ] || fail "a missing source exited $rc"
echo "ok"
