#!/usr/bin/env bash
# The whole PDCA cycle from the command line on a real database file:
# create, export, fill in, import, score, gaps, next period, compare, backup, restore.
set -euo pipefail
anzen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ANZEN_DB="$tmp/cycle.db"
fail() { echo "FAIL: $*" >&2; exit 1; }

org=$("$anzen" org create --name "株式会社サイクル通信" --kind operator --services voice_emergency isp_data --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
a=$("$anzen" assess create --org "$org" --framework tcs-2023 --role operator --period FY2025 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$anzen" assess export "$a" --format csv -o "$tmp/sheet.csv" 2>/dev/null
"$anzen" assess export "$a" --format xlsx -o "$tmp/sheet.xlsx" 2>/dev/null
[ -s "$tmp/sheet.xlsx" ] || fail "no XLSX written"

# Fill the sheet as a spreadsheet user would, and save it as Shift_JIS (Japanese Excel).
python3 - "$tmp/sheet.csv" "$tmp/filled.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
for i, r in enumerate(rows[1:], 1):
    r[6] = ["実施済", "一部実施", "未実施"][i % 3]
    r[8] = str(i % 6)
    r[10] = "情報セキュリティ部"
csv.writer(open(sys.argv[2], "w", encoding="cp932", newline="")).writerows(rows)
PY
"$anzen" assess import "$a" "$tmp/filled.csv" --json >"$tmp/imp.json"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["changed"]==261 and r["encoding"]=="cp932", r' "$tmp/imp.json"
"$anzen" assess import "$a" "$tmp/filled.csv" --json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["changed"]==0, r'

"$anzen" assess score "$a" --json >"$tmp/score.json"
python3 - "$tmp/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
o = s["overall"]
want = (o["implemented"] + 0.5 * o["partial"]) / (o["questions"] - o["not_applicable"])
assert abs(s["coverage"] - round(want, 4)) < 1e-9, (s["coverage"], want)
assert len(s["chapters"]) == 10 and "cyber_attack" in s["threats"], s.keys()
PY
"$anzen" assess gaps "$a" --json --limit 5 | python3 -c '
import json,sys; g=json.load(sys.stdin); assert len(g)==5 and g[0]["priority"]>=g[-1]["priority"] and g[0]["reasons"], g[0]'

b=$("$anzen" assess next-period "$a" --period FY2026 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$anzen" assess answer "$b" T2-002.1 --status 実施済 --maturity 4 --comment "全社方針を改定" >/dev/null
# The history reads in labels, Japanese by default, with the codes kept in --json for scripts.
"$anzen" assess history "$b" --question T2-002.1 >"$tmp/hist.txt"
grep -q "状態: .* → 実施済" "$tmp/hist.txt" || fail "history without labels: $(cat "$tmp/hist.txt")"
! grep -Eq "implemented|unanswered|status:" "$tmp/hist.txt" || fail "history shows codes: $(cat "$tmp/hist.txt")"
"$anzen" assess history "$b" --question T2-002.1 --lang en | grep -q "Status: .* → Implemented" ||
  fail "English history without labels"
"$anzen" assess history "$b" --question T2-002.1 --json | python3 -c '
import json,sys; h=[x for x in json.load(sys.stdin) if x["field"]=="status"][0]
assert h["new"]=="implemented" and h["label"]["new"]=="実施済", h'
"$anzen" assess compare "$a" "$b" --json | python3 -c '
import json,sys; c=json.load(sys.stdin); assert c["counts"].get("improved")==1, c["counts"]'
"$anzen" assess trend --org "$org" --json | python3 -c 'import json,sys; t=json.load(sys.stdin); assert [x["period"] for x in t]==["FY2025","FY2026"], t'

# A malformed file is refused with row and column, and changes nothing.
sed 's/T2-010.1/T2-010.9/' "$tmp/sheet.csv" >"$tmp/bad.csv"
before=$("$anzen" assess history "$a" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
set +e
"$anzen" assess import "$a" "$tmp/bad.csv" 2>"$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "malformed import exit status $rc"
grep -q "T2-010.9" "$tmp/err" && grep -q "row" "$tmp/err" || fail "error lacks row/value: $(cat "$tmp/err")"
after=$("$anzen" assess history "$a" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$before" = "$after" ] || fail "a refused import changed history"

"$anzen" assess answer "$b" T2-003.1 --status 実施済 >/dev/null
"$anzen" backup "$tmp/backup.db" >/dev/null
"$anzen" assess answer "$b" T2-003.1 --status 未実施 >/dev/null
"$anzen" restore "$tmp/backup.db" >/dev/null
"$anzen" assess show "$b" --json | python3 -c 'import json,sys; a=json.load(sys.stdin)["answers"]; assert a["T2-003.1"]["status"]=="implemented", a["T2-003.1"]'
"$anzen" audit verify >/dev/null || fail "audit chain broken"
echo "assessment cycle: all checks passed"
