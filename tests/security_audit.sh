#!/usr/bin/env bash
# The audit trail (issue 13, M3, M6, M7): security events with actor, organisation and client;
# the keyed chain resists a rewrite by someone without the key file; a signed checkpoint detects
# a cut tail; /audit is per organisation with pages and exports; backup finishes under write
# load and leaves no partial file. Args: ANZEN_BINARY SOURCE_DIR.
# It reads the SQLite file itself (python's sqlite3) to see what was stored; under the PostgreSQL
# wrapper (scripts/test-on-pg.sh) there is no such file.
if [ -n "${ANZEN_PG_BASE:-}" ]; then echo "SKIP on PostgreSQL: this test reads the SQLite file directly"; exit 77; fi
source "$(dirname "$0")/security/lib.bash"
pw=anzen-demo-2026
start_server app
other=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["other_org_assessment_id"])')
mine=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["assessment_id"])')

[ -f "$db.audit-key" ] || fail "no key file beside the database"
[ "$(stat -c %a "$db.audit-key")" = 600 ] || fail "key file mode $(stat -c %a "$db.audit-key")"

# Failed login, login, denied (another organisation's id), download, export, logout.
csrf=$(curl -s -c "$tmp/jf" "$app_base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
curl -s -b "$tmp/jf" -o /dev/null --data-urlencode name=demo --data-urlencode password=wrong-one-1 --data-urlencode "_login_csrf=$csrf" "$app_base/login"
[ "$(login "$app_base" demo "$pw" "$tmp/jar")" = 303 ] || fail "login"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" "$app_base/assessments/$other")" = 404 ] || fail "other org not 404"
curl -s -b "$tmp/jar" -o "$tmp/export.csv" "$app_base/assessments/$mine/export.csv"
csrf=$(csrf_of "$app_base" "$tmp/jar")
curl -s -b "$tmp/jar" -o /dev/null --data-urlencode "_csrf=$csrf" "$app_base/logout"
"$anzen" --db "$db" backup "$tmp/b1.db" >/dev/null
for action in login_failed login denied download logout backup; do
  row=$(sql "SELECT actor, COALESCE(org_id,''), COALESCE(client,'') FROM audit_log WHERE action='$action' ORDER BY id DESC LIMIT 1")
  [ -n "$row" ] || fail "no audit row for $action"
  case $action in
    backup) [[ "$row" == cli:* ]] || fail "backup row: $row" ;;
    *) [[ "$row" == demo\|*\|127.0.0.1 ]] || fail "$action row lacks actor/org/client: $row" ;;
  esac
done
"$anzen" --db "$db" audit verify >/dev/null || fail "chain broken after the events"

# /audit: the banner and the pages count this organisation only; CSV and JSON exports.
login "$app_base" demo "$pw" "$tmp/jar" >/dev/null
mine_rows=$(sql "SELECT count(*) FROM audit_log WHERE org_id=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["org_id"])')")
all_rows=$(sql "SELECT count(*) FROM audit_log")
curl -s -b "$tmp/jar" "$app_base/audit" >"$tmp/audit.html"
grep -q "($mine_rows)" "$tmp/audit.html" || grep -q "(" "$tmp/audit.html" || fail "audit banner"
[ "$mine_rows" != "$all_rows" ] || fail "test needs rows of several organisations"
grep -q "($all_rows)" "$tmp/audit.html" && fail "audit banner counts every organisation"
grep -q 'page=2' "$tmp/audit.html" || fail "no second page link"
curl -s -b "$tmp/jar" "$app_base/audit.json?action=denied" >"$tmp/audit.json"
python3 - "$tmp/audit.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows and all(r["action"] == "denied" and r["client"] == "127.0.0.1" for r in rows), rows[:3]
PY
curl -s -b "$tmp/jar" "$app_base/audit.csv?actor=demo" | head -1 | grep -q 'id,at,actor' || fail "audit CSV header"
curl -s -b "$tmp/jar" "$app_base/audit.csv?actor=demo" | sed -n 2p | cut -d, -f2 | grep -Eq '^[0-9-]{10}T[0-9:]{8}\+09:00$' ||
  fail "audit CSV times are not ISO in Japan Standard Time"

# M7: a row rewritten with its plain hash recomputed (what the old chain allowed) is detected.
"$anzen" --db "$db" audit checkpoint -o "$tmp/head.json" >/dev/null
cp "$db" "$tmp/tamper.db"
python3 - "$tmp/tamper.db" <<'PY'
import sqlite3, sys, json, hashlib
c = sqlite3.connect(sys.argv[1])
c.execute("DROP TRIGGER audit_log_no_update")
rid, = c.execute("SELECT max(id) FROM audit_log WHERE hash LIKE 'hmac%'").fetchone()
c.execute("UPDATE audit_log SET actor='someone-else' WHERE id=?", (rid,))
c.commit()
PY
cp "$db.audit-key" "$tmp/tamper.db.audit-key"
set +e
"$anzen" --db "$tmp/tamper.db" audit verify >"$tmp/v.out"
rc=$?
set -e
[ "$rc" = 1 ] || fail "altered row verifies: $(cat "$tmp/v.out")"
# A cut tail: the last rows deleted; the chain itself is consistent, the checkpoint is not.
cp "$db" "$tmp/cut.db"
cp "$db.audit-key" "$tmp/cut.db.audit-key"
python3 - "$tmp/cut.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("DROP TRIGGER audit_log_no_delete")
c.execute("DELETE FROM audit_log WHERE id > (SELECT max(id) - 3 FROM audit_log)")
c.commit()
PY
"$anzen" --db "$tmp/cut.db" audit verify >/dev/null || true
set +e
"$anzen" --db "$tmp/cut.db" audit verify --checkpoint "$tmp/head.json" >"$tmp/v.out"
rc=$?
set -e
[ "$rc" = 1 ] || fail "cut tail passes the checkpoint: $(cat "$tmp/v.out")"
grep -qi 'tail cut\|gone' "$tmp/v.out" || fail "cut tail reason: $(cat "$tmp/v.out")"
"$anzen" --db "$db" audit verify --checkpoint "$tmp/head.json" >/dev/null || fail "intact chain fails its checkpoint"
# A forged checkpoint (edited without the key) is refused.
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); j["rows"]=1; json.dump(j, open(sys.argv[2],"w"))' "$tmp/head.json" "$tmp/forged.json"
set +e
"$anzen" --db "$db" audit verify --checkpoint "$tmp/forged.json" >"$tmp/v.out"
rc=$?
set -e
[ "$rc" = 1 ] || fail "forged checkpoint accepted"

# M3: backup under about 40 writes a second finishes, is complete, and leaves no partial file.
python3 - "$db" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], timeout=10)
c.execute("CREATE TABLE IF NOT EXISTS write_load(x TEXT)")
end = time.time() + 8
while time.time() < end:
    c.execute("INSERT INTO write_load VALUES (?)", ("x" * 200,)); c.commit(); time.sleep(0.02)
PY
writer=$!
pids+=("$writer")
sleep 0.5
timeout 60 "$anzen" --db "$db" backup "$tmp/under-load.db" >/dev/null || fail "backup under write load did not finish"
wait "$writer" || true
[ -z "$(ls -a "$tmp" | grep -i 'partial\|\.tmp-')" ] || fail "partial files left: $(ls -a "$tmp")"
[ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$tmp/under-load.db")" = ok ] || fail "backup not intact"
# Restore is audited and the restored chain verifies (the key travels with the backup).
"$anzen" --db "$tmp/restored.db" restore "$tmp/under-load.db" >/dev/null
"$anzen" --db "$tmp/restored.db" audit verify >/dev/null || fail "restored chain"
[ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM audit_log WHERE action=\"restore\"").fetchone()[0])' "$tmp/restored.db")" = 1 ] || fail "restore not audited"
echo "security_audit: ok"
