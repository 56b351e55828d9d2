#!/usr/bin/env bash
# The CLI contract of `anzen incident classify`. Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cat >"$tmp/serious.json" <<'J'
{"event_type": "outage", "service_category": "voice_emergency", "affected_users": 30000,
 "started_at": "2026-03-15T10:00:00+09:00", "ended_at": "2026-03-15T11:00:00+09:00"}
J
"$anzen" incident classify --json "$tmp/serious.json" >"$tmp/out.json"
python3 - "$tmp/out.json" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
c = v["classifications"]
assert [x["kind"] for x in c] == ["serious_accident"], c
x = c[0]
assert x["rule"] == "R1" and x["basis"] and x["explanation"]["ja"] and x["explanation"]["en"], x
types = [(r["type"], r["due"]) for r in x["reports"]]
assert types == [("prompt", None), ("detailed", "2026-04-14")], types
PY

# Standard input, and an ongoing event judged at two moments.
ongoing='{"event_type":"outage","service_category":"voice_emergency","affected_users":40000,"started_at":"2026-05-01T09:00:00+09:00","ended_at":null}'
k1=$(echo "$ongoing" | "$anzen" incident classify --json - --as-of 2026-05-01T09:59:00+09:00 | python3 -c 'import json,sys; print(",".join(c["kind"] for c in json.load(sys.stdin)["classifications"]))')
k2=$(echo "$ongoing" | "$anzen" incident classify --json - --as-of 2026-05-01T10:00:00+09:00 | python3 -c 'import json,sys; print(",".join(c["kind"] for c in json.load(sys.stdin)["classifications"]))')
[ "$k1" = "periodic_report_accident" ] || fail "before 1 h: $k1"
[ "$k2" = "serious_accident" ] || fail "at 1 h: $k2"

# FY2025 periodic report: 31 May 2026 is a Sunday, so it is due 1 June.
echo '{"event_type":"outage","affected_users":30000,"started_at":"2025-10-01T09:00:00+09:00","ended_at":"2025-10-01T09:10:00+09:00"}' |
  "$anzen" incident classify --json - | python3 -c '
import json,sys; c=json.load(sys.stdin)["classifications"][0]
assert c["kind"]=="periodic_report_accident" and c["reports"][0]["due"]=="2026-06-01", c'

# Invalid input: exit status 2 and the field named.
set +e
echo '{"event_type":"outage","service_category":"telepathy","started_at":"2026-01-01T00:00:00+09:00"}' | "$anzen" incident classify --json - 2>"$tmp/err"
rc=$?
echo 'not json' | "$anzen" incident classify --json - 2>/dev/null
rc2=$?
set -e
[ $rc -eq 2 ] || fail "bad field exit status $rc"
[ $rc2 -eq 2 ] || fail "bad JSON exit status $rc2"
grep -q "service_category" "$tmp/err" || fail "error does not name the field: $(cat "$tmp/err")"
# The register: record, re-estimate, export the fiscal year as CSV and XLSX.
export ANZEN_DB="$tmp/inc.db"
"$anzen" org create --name "株式会社事故" --kind operator >/dev/null
echo '{"event_type":"outage","service_category":"voice_emergency","affected_users":20000,"started_at":"2025-09-01T09:00:00+09:00","ended_at":"2025-09-01T11:30:00+09:00"}' >"$tmp/ev.json"
echo '{"prefectures":["東京都"],"cause":"電源故障"}' >"$tmp/det.json"
id=$("$anzen" incident create --org 1 --title "音声停止" --event "$tmp/ev.json" --details "$tmp/det.json" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo '{"affected_users":45000}' | "$anzen" incident update --org 1 "$id" --patch - | python3 -c '
import json,sys; v=json.load(sys.stdin); assert v["classifications"][0]["kind"]=="serious_accident", v'
"$anzen" incident export --org 1 --fy FY2025 -o "$tmp/fy.csv" 2>/dev/null
"$anzen" incident export --org 1 --fy FY2025 --format xlsx -o "$tmp/fy.xlsx" 2>/dev/null
grep -q "音声停止" "$tmp/fy.csv" || fail "FY export lacks the incident"
python3 - "$tmp/fy.xlsx" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
s = z.read("xl/sharedStrings.xml").decode("utf-8")
assert "音声停止" in s and "東京都" in s, s[:300]
PY
echo "incident CLI: all checks passed"
