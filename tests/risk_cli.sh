#!/usr/bin/env bash
# Risk register and treatment plan from the command line. Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ANZEN_DB="$tmp/risk.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
"$anzen" org create --name "株式会社リスク" --kind operator >/dev/null
"$anzen" asset create --org 1 --name "呼制御サーバ" --kind facility --cia 3,3,3 --services voice_emergency >/dev/null
set +e
"$anzen" risk create --org 1 --title "DDoS" --threat cyber_attack --assets 1 --inherent 4x5 --current 3x5 --residual 2x3 --treatment accept 2>"$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "acceptance without approver/expiry exit $rc"
grep -q "approver" "$tmp/err" && grep -q "expiry" "$tmp/err" || fail "unclear refusal: $(cat "$tmp/err")"
"$anzen" risk create --org 1 --title "DDoS" --threat cyber_attack --assets 1 --questions T2-122.2 --inherent 4x5 --current 3x5 --residual 2x3 \
  --treatment accept --approver "CISO" --justification "費用対効果" --expiry 2027-03-31 --json | python3 -c '
import json,sys; r=json.load(sys.stdin); assert r["inherent"]["level"]=="critical" and r["current"]["level"]=="high", r'
"$anzen" risk export --org 1 --format svg -o "$tmp/heat.svg" 2>/dev/null
grep -q "<svg" "$tmp/heat.svg" || fail "no heat map"
"$anzen" risk export --org 1 -o "$tmp/risks.csv" 2>/dev/null
grep -q "DDoS" "$tmp/risks.csv" || fail "risk register CSV"
"$anzen" assess create --org 1 --period FY2026 >/dev/null
"$anzen" assess answer 1 T2-122.2 --status 未実施 >/dev/null
"$anzen" plan propose --assessment 1 | python3 -c 'import json,sys; p=json.load(sys.stdin); assert [x["question"] for x in p]==["T2-122.2"], p'
"$anzen" plan accept --assessment 1 T2-122.2 --owner "ネットワーク部長" --deadline 2020-01-31 >/dev/null
"$anzen" plan list --org 1 --overdue | python3 -c 'import json,sys; p=json.load(sys.stdin); assert len(p)==1 and p[0]["question_ids"]==["T2-122.2"], p'
"$anzen" plan propose --assessment 1 | python3 -c 'import json,sys; assert json.load(sys.stdin)==[]'
"$anzen" plan export --org 1 -o "$tmp/plan.csv" 2>/dev/null
grep -q "目標とする将来像" "$tmp/plan.csv" || fail "plan CSV header"
"$anzen" audit verify >/dev/null
echo "risk CLI: all checks passed"
